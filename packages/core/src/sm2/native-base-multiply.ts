import { type NativeEcdh, nativeCrypto } from '../runtime/native-crypto.js';

let ecdh: NativeEcdh | null | undefined;

/**
 * k·G on the SM2 curve through `node:crypto`'s ECDH (OpenSSL), as 65 bytes `04‖x‖y`, or `undefined` when the
 * runtime has no native SM2 curve (browsers, `useNativeCrypto(false)`). Setting an ECDH private key makes
 * OpenSSL compute its public key k·G, which is exactly the multiplication SM2 signing needs. `k` must be
 * 32 bytes in [1, n − 1].
 */
export function nativeBaseMultiply(k: Uint8Array): Uint8Array | undefined {
  const native = nativeCrypto();
  if (native === undefined) return undefined;
  if (ecdh === undefined) {
    try {
      ecdh = native.getCurves().includes('SM2') ? native.createECDH('SM2') : null;
    } catch {
      ecdh = null;
    }
  }
  if (ecdh === null) return undefined;
  ecdh.setPrivateKey(k);
  return new Uint8Array(ecdh.getPublicKey());
}
