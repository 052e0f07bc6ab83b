import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../src/bytes/index.js';
import { useNativeCrypto } from '../../src/runtime/native-crypto.js';
import * as sm2 from '../../src/sm2/index.js';

// GM/T 0003.5-2012 / GB/T 32918.5-2017 Annex A example on sm2p256v1 (also OpenSSL's test/sm2_internal_test.c):
// the private key, message, user ID and nonce with the published P_A, Z_A, e, r and s.
const D = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
const PUBLIC =
  '04' +
  '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
  'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
const Z = 'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3';
const E = 'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640';
const K = '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21';
const R = 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3';
const S = 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa';
const MESSAGE = utf8('message digest');

const fixedK = (hex: string) => () => fromHex(hex);

afterEach(() => useNativeCrypto(true));

describe.each([
  ['native k·G (node:crypto ECDH)', true],
  ['pure TypeScript', false],
])('GM/T 0003.5 example, %s', (_name, native) => {
  it('derives the published public key and Z_A', () => {
    useNativeCrypto(native);
    const privateKey = fromHex(D);
    expect(toHex(sm2.getPublicKey(privateKey))).toBe(PUBLIC);
    expect(toHex(sm2.computeZ(fromHex(PUBLIC)))).toBe(Z);
    expect(toHex(sm2.computeZ(fromHex(PUBLIC), sm2.DEFAULT_USER_ID))).toBe(Z);
    expect(toHex(sm2.computeZ(fromHex(PUBLIC), utf8('1234567812345678')))).toBe(Z);
    expect(toHex(sm2.createMessageHasher(fromHex(PUBLIC)).update(MESSAGE).digest())).toBe(E);
  });

  it('signs to the published r and s with the published k', () => {
    useNativeCrypto(native);
    const raw = sm2.sign(MESSAGE, fromHex(D), { random: fixedK(K), format: 'raw' });
    expect(toHex(raw)).toBe(R + S);
    const der = sm2.sign(MESSAGE, fromHex(D), { random: fixedK(K) });
    expect(toHex(der)).toBe(`3046022100${R}022100${S}`);
    expect(toHex(sm2.signDigest(fromHex(E), fromHex(D), { random: fixedK(K), format: 'raw' }))).toBe(R + S);
  });

  it('verifies the published signature', () => {
    useNativeCrypto(native);
    expect(sm2.verify(fromHex(R + S), MESSAGE, fromHex(PUBLIC))).toBe(true);
    expect(sm2.verify(fromHex(`3046022100${R}022100${S}`), MESSAGE, fromHex(PUBLIC))).toBe(true);
    expect(sm2.verify(fromHex(R + S), MESSAGE, fromHex(PUBLIC), { userId: 'ALICE123@YAHOO.COM' })).toBe(
      false,
    );
  });
});

describe('native and pure signing agree byte for byte', () => {
  it('for any nonce, key and message', () => {
    const scalar = fc
      .uint8Array({ minLength: 32, maxLength: 32 })
      .filter((b) => b[0]! < 0xff && b.some((x) => x));
    fc.assert(
      fc.property(
        scalar,
        scalar,
        fc.uint8Array({ maxLength: 2048 }),
        fc.string(),
        (d, k, message, userId) => {
          const options = { random: () => k.slice(), userId, format: 'raw' as const };
          useNativeCrypto(true);
          const native = sm2.sign(message, d, options);
          const publicNative = sm2.getPublicKey(d);
          useNativeCrypto(false);
          const pure = sm2.sign(message, d.slice(), options);
          const publicPure = sm2.getPublicKey(d.slice());
          expect(toHex(pure)).toBe(toHex(native));
          expect(toHex(publicPure)).toBe(toHex(publicNative));
          expect(sm2.verify(native, message, publicPure, { userId })).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
