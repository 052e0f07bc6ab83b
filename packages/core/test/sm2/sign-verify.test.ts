import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../src/bytes/index.js';
import { useNativeCrypto } from '../../src/runtime/native-crypto.js';
import { SM2_N, sm2Curve } from '../../src/sm2/curve.js';
import * as sm2 from '../../src/sm2/index.js';
import { bigIntTo32Bytes, bytesToBigInt } from '../../src/sm2/scalar.js';
import { errorCode } from './fixtures.js';

const MESSAGE = utf8('电子文件归档 SM2 签名测试 message');
const pair = sm2.generateKeyPair();
const other = sm2.generateKeyPair();

afterEach(() => useNativeCrypto(true));

describe('generateKeyPair / getPublicKey', () => {
  it('makes 32-byte private keys and matching 65-byte public keys', () => {
    expect(pair.privateKey).toHaveLength(32);
    expect(pair.publicKey).toHaveLength(65);
    expect(pair.publicKey[0]).toBe(4);
    expect(sm2.getPublicKey(pair.privateKey)).toEqual(pair.publicKey);
    expect(toHex(pair.privateKey)).not.toBe(toHex(other.privateKey));
  });

  it('draws d from [1, n−2] by rejection: out-of-range draws are skipped', () => {
    const draws = [
      bigIntTo32Bytes(0n),
      bigIntTo32Bytes(SM2_N - 1n),
      new Uint8Array(32).fill(0xff),
      bigIntTo32Bytes(7n),
    ];
    const { privateKey } = sm2.generateKeyPair({ random: () => draws.shift()! });
    expect(bytesToBigInt(privateKey)).toBe(7n);
  });

  it('refuses private keys outside [1, n−2] with KEY_INVALID', () => {
    for (const bad of [0n, SM2_N - 1n, SM2_N, (1n << 256n) - 1n]) {
      expect(errorCode(() => sm2.getPublicKey(bigIntTo32Bytes(bad)))).toBe('KEY_INVALID');
    }
    expect(errorCode(() => sm2.getPublicKey(new Uint8Array(31).fill(1)))).toBe('KEY_INVALID');
    expect(errorCode(() => sm2.sign(MESSAGE, new Uint8Array(33).fill(1)))).toBe('KEY_INVALID');
    expect(() => sm2.getPublicKey('00' as unknown as Uint8Array)).toThrow(TypeError);
    expect(sm2.getPublicKey(bigIntTo32Bytes(SM2_N - 2n))).toHaveLength(65);
  });
});

describe('sign and verify', () => {
  it('round-trips in DER and raw, and verify detects the encoding', () => {
    const der = sm2.sign(MESSAGE, pair.privateKey);
    const raw = sm2.sign(MESSAGE, pair.privateKey, { format: 'raw' });
    expect(der[0]).toBe(0x30);
    expect(der.length).toBeGreaterThanOrEqual(70);
    expect(der.length).toBeLessThanOrEqual(72);
    expect(raw).toHaveLength(64);
    expect(sm2.verify(der, MESSAGE, pair.publicKey)).toBe(true);
    expect(sm2.verify(raw, MESSAGE, pair.publicKey)).toBe(true);
    expect(sm2.verify(der, MESSAGE, pair.publicKey, { format: 'der' })).toBe(true);
    expect(sm2.verify(raw, MESSAGE, pair.publicKey, { format: 'raw' })).toBe(true);
    expect(sm2.verify(der, MESSAGE, pair.publicKey, { format: 'raw' })).toBe(false);
    expect(sm2.verify(raw, MESSAGE, pair.publicKey, { format: 'der' })).toBe(false);
    expect(sm2.signatureToRaw(der)).toHaveLength(64);
    expect(sm2.verify(sm2.signatureToDer(raw), MESSAGE, pair.publicKey)).toBe(true);
  });

  it('reads a raw signature that happens to start with 0x30 as raw', () => {
    let raw = sm2.sign(MESSAGE, pair.privateKey, { format: 'raw' });
    for (let i = 0; raw[0] !== 0x30 && i < 5000; i++)
      raw = sm2.sign(MESSAGE, pair.privateKey, { format: 'raw' });
    expect(raw[0]).toBe(0x30);
    expect(sm2.verify(raw, MESSAGE, pair.publicKey)).toBe(true);
  });

  it('signs and verifies empty and large messages, with any user ID', () => {
    const big = new Uint8Array(1 << 20).map((_, i) => i * 31);
    for (const message of [new Uint8Array(0), big]) {
      for (const userId of [undefined, '', 'ALICE123@YAHOO.COM', '用户甲', utf8('binary\u0000id')]) {
        const sig = sm2.sign(message, pair.privateKey, { userId });
        expect(sm2.verify(sig, message, pair.publicKey, { userId })).toBe(true);
      }
    }
  });

  it('accepts 64-byte x‖y and 33-byte compressed public keys for verification', () => {
    const sig = sm2.sign(MESSAGE, pair.privateKey);
    const point = sm2Curve().fromBytes(pair.publicKey);
    expect(sm2.verify(sig, MESSAGE, pair.publicKey.subarray(1))).toBe(true);
    expect(sm2.verify(sig, MESSAGE, point.toBytes(true))).toBe(true);
    expect(sm2.computeZ(point.toBytes(true))).toEqual(sm2.computeZ(pair.publicKey));
  });

  it('signing the same message twice gives different signatures (random k)', () => {
    expect(toHex(sm2.sign(MESSAGE, pair.privateKey))).not.toBe(toHex(sm2.sign(MESSAGE, pair.privateKey)));
  });
});

describe('verify rejects', () => {
  const der = sm2.sign(MESSAGE, pair.privateKey);
  const raw = sm2.signatureToRaw(der);

  it('a tampered message (every byte position)', () => {
    for (let i = 0; i < MESSAGE.length; i++) {
      const tampered = MESSAGE.slice();
      tampered[i]! ^= 0x01;
      expect(sm2.verify(der, tampered, pair.publicKey)).toBe(false);
    }
    expect(sm2.verify(der, MESSAGE.subarray(1), pair.publicKey)).toBe(false);
    expect(sm2.verify(der, Uint8Array.of(...MESSAGE, 0), pair.publicKey)).toBe(false);
  });

  it('a tampered DER signature (every byte: header, lengths, INTEGER tags, r, s)', () => {
    for (let i = 0; i < der.length; i++) {
      for (const flip of [0x01, 0x80]) {
        const tampered = der.slice();
        tampered[i]! ^= flip;
        expect(sm2.verify(tampered, MESSAGE, pair.publicKey), `byte ${i} ^ ${flip}`).toBe(false);
      }
    }
    expect(sm2.verify(der.subarray(0, der.length - 1), MESSAGE, pair.publicKey)).toBe(false);
    expect(sm2.verify(Uint8Array.of(...der, 0), MESSAGE, pair.publicKey)).toBe(false);
  });

  it('a tampered raw signature (every byte of r and of s)', () => {
    for (let i = 0; i < 64; i++) {
      const tampered = raw.slice();
      tampered[i]! ^= 0x01;
      expect(sm2.verify(tampered, MESSAGE, pair.publicKey), `byte ${i}`).toBe(false);
    }
  });

  it('malformed and out-of-range signatures, returning false instead of throwing', () => {
    const r = bytesToBigInt(raw.subarray(0, 32));
    const s = bytesToBigInt(raw.subarray(32));
    const rawOf = (a: bigint, b: bigint) => Uint8Array.of(...bigIntTo32Bytes(a), ...bigIntTo32Bytes(b));
    for (const bad of [
      new Uint8Array(0),
      new Uint8Array(63),
      new Uint8Array(64),
      rawOf(0n, s),
      rawOf(r, 0n),
      rawOf(r + SM2_N, s),
      rawOf(r, SM2_N),
      rawOf(r, SM2_N - r), // t = r + s = n
      rawOf(r, SM2_N - s), // the ECDSA-style "other s"
      fromHex('3006020100020100'),
      fromHex('30080202008102020081'), // non-minimal INTEGERs
    ]) {
      expect(sm2.verify(bad, MESSAGE, pair.publicKey), toHex(bad)).toBe(false);
    }
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        (bytes) => sm2.verify(bytes, MESSAGE, pair.publicKey) === false,
      ),
      { numRuns: 300 },
    );
  });

  it('a wrong user ID or a wrong key', () => {
    expect(sm2.verify(der, MESSAGE, pair.publicKey, { userId: '' })).toBe(false);
    expect(sm2.verify(der, MESSAGE, pair.publicKey, { userId: '1234567812345679' })).toBe(false);
    expect(sm2.verify(der, MESSAGE, other.publicKey)).toBe(false);
  });

  it('and throws KEY_INVALID only for an unusable public key', () => {
    const offCurve = pair.publicKey.slice();
    offCurve[64]! ^= 1;
    const wrongPrefix = pair.publicKey.slice();
    wrongPrefix[0] = 0x05;
    for (const bad of [offCurve, wrongPrefix, new Uint8Array(65), new Uint8Array(32), Uint8Array.of(0)]) {
      expect(errorCode(() => sm2.verify(der, MESSAGE, bad))).toBe('KEY_INVALID');
    }
    const pSized = Uint8Array.of(4, ...new Uint8Array(64).fill(0xff));
    expect(errorCode(() => sm2.verify(der, MESSAGE, pSized))).toBe('KEY_INVALID');
  });
});

describe('the nonce rejections of GB/T 32918.2 §6.1 A5/A6', () => {
  // x coordinate of k·G and a digest e chosen so that the first nonce hits a rejection case.
  const xOf = (k: bigint) => sm2Curve().BASE.multiply(k).toAffine().x;
  const mod = (a: bigint) => ((a % SM2_N) + SM2_N) % SM2_N;
  const d = bytesToBigInt(pair.privateKey);
  const k1 = 0x1234567890abcdefn;
  const k2 = 0xfedcba0987654321n;
  const sequence = () => {
    const draws = [bigIntTo32Bytes(k1), bigIntTo32Bytes(k2)];
    return () => draws.shift()!;
  };
  const once = (k: bigint) => () => bigIntTo32Bytes(k);

  it.each([
    ['r = 0', () => mod(-xOf(k1))],
    ['r + k = n', () => mod(SM2_N - k1 - xOf(k1))],
    ['s = 0', () => mod(k1 * sm2InvertForTest(d) - xOf(k1))],
  ])('%s: draws a new k', (_name, chooseE) => {
    const e = bigIntTo32Bytes(chooseE());
    const signature = sm2.signDigest(e, pair.privateKey, { random: sequence(), format: 'raw' });
    expect(toHex(signature)).toBe(
      toHex(sm2.signDigest(e, pair.privateKey, { random: once(k2), format: 'raw' })),
    );
    expect(sm2.verifyDigest(signature, e, pair.publicKey)).toBe(true);
  });

  it('gives up loudly on a random source that never yields a usable k', () => {
    expect(() => sm2.sign(MESSAGE, pair.privateKey, { random: () => new Uint8Array(32) })).toThrow(/random/);
    expect(() => sm2.sign(MESSAGE, pair.privateKey, { random: () => new Uint8Array(5) })).toThrow(TypeError);
  });
});

function sm2InvertForTest(a: bigint): bigint {
  // Fermat: a^(n−2) mod n, independent of the implementation's own inversion.
  let result = 1n;
  let base = a % SM2_N;
  for (let e = SM2_N - 2n; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % SM2_N;
    base = (base * base) % SM2_N;
  }
  return result;
}

describe('streaming: createMessageHasher with signDigest / verifyDigest', () => {
  it('matches one-shot sign and verify', () => {
    const hasher = sm2.createMessageHasher(pair.publicKey, { userId: 'ALICE' });
    for (let i = 0; i < MESSAGE.length; i += 5) hasher.update(MESSAGE.subarray(i, i + 5));
    const e = hasher.digest();
    const sig = sm2.signDigest(e, pair.privateKey);
    expect(sm2.verify(sig, MESSAGE, pair.publicKey, { userId: 'ALICE' })).toBe(true);
    expect(sm2.verifyDigest(sm2.sign(MESSAGE, pair.privateKey, { userId: 'ALICE' }), e, pair.publicKey)).toBe(
      true,
    );
    expect(sm2.verifyDigest(sig, new Uint8Array(32), pair.publicKey)).toBe(false);
    expect(() => sm2.signDigest(new Uint8Array(31), pair.privateKey)).toThrow(TypeError);
  });
});

describe('caches', () => {
  it('keeps verifying correctly once a key has a table, and after eviction', () => {
    const keys = Array.from({ length: 66 }, () => sm2.generateKeyPair());
    const sigs = keys.map((k) => sm2.sign(MESSAGE, k.privateKey));
    for (let round = 0; round < 2; round++) {
      keys.forEach((k, i) => {
        expect(sm2.verify(sigs[i]!, MESSAGE, k.publicKey)).toBe(true);
        expect(sm2.verify(sigs[(i + 1) % keys.length]!, MESSAGE, k.publicKey)).toBe(false);
      });
    }
    for (let i = 0; i < 8; i++) {
      expect(sm2.verify(sigs[0]!, MESSAGE, keys[0]!.publicKey)).toBe(true);
      expect(sm2.verify(sigs[1]!, MESSAGE, keys[0]!.publicKey)).toBe(false);
    }
    sm2.clearCaches();
    expect(sm2.verify(sigs[0]!, MESSAGE, keys[0]!.publicKey)).toBe(true);
  });

  it('notices a private key array reused for another key', () => {
    const key = pair.privateKey.slice();
    expect(sm2.verify(sm2.sign(MESSAGE, key), MESSAGE, pair.publicKey)).toBe(true);
    key.set(other.privateKey);
    expect(sm2.verify(sm2.sign(MESSAGE, key), MESSAGE, other.publicKey)).toBe(true);
    expect(sm2.getPublicKey(key)).toEqual(other.publicKey);
  });

  it('computeZ returns a copy the caller may change', () => {
    const z = sm2.computeZ(pair.publicKey);
    z.fill(0);
    expect(sm2.computeZ(pair.publicKey)).not.toEqual(z);
  });
});

describe('argument checks', () => {
  it('throws TypeError / RangeError naming the argument', () => {
    expect(() => sm2.sign('text' as unknown as Uint8Array, pair.privateKey)).toThrow(/message/);
    expect(() => sm2.verify('x' as unknown as Uint8Array, MESSAGE, pair.publicKey)).toThrow(/signature/);
    expect(() => sm2.verify(new Uint8Array(64), MESSAGE, 'x' as unknown as Uint8Array)).toThrow(/publicKey/);
    expect(() => sm2.sign(MESSAGE, pair.privateKey, { format: 'pem' as 'der' })).toThrow(RangeError);
    expect(() => sm2.sign(MESSAGE, pair.privateKey, { hash: 'sha256' as 'sm3' })).toThrow(RangeError);
    expect(() => sm2.sign(MESSAGE, pair.privateKey, { userId: 5 as unknown as string })).toThrow(TypeError);
    expect(() => sm2.sign(MESSAGE, pair.privateKey, { userId: 'x'.repeat(8192) })).toThrow(RangeError);
    expect(sm2.verify(sm2.sign(MESSAGE, pair.privateKey, { hash: 'sm3' }), MESSAGE, pair.publicKey)).toBe(
      true,
    );
  });

  it('signatureToRaw / signatureToDer refuse bad encodings with SIGNATURE_INVALID_ENCODING', () => {
    expect(errorCode(() => sm2.signatureToRaw(new Uint8Array(64)))).toBe('SIGNATURE_INVALID_ENCODING');
    expect(errorCode(() => sm2.signatureToDer(new Uint8Array(64)))).toBe('SIGNATURE_INVALID_ENCODING');
    expect(errorCode(() => sm2.signatureToDer(new Uint8Array(70)))).toBe('SIGNATURE_INVALID_ENCODING');
  });
});

describe('pure path', () => {
  it('signs and verifies without node:crypto', () => {
    useNativeCrypto(false);
    const keys = sm2.generateKeyPair();
    const sig = sm2.sign(MESSAGE, keys.privateKey);
    expect(sm2.verify(sig, MESSAGE, keys.publicKey)).toBe(true);
    useNativeCrypto(true);
    expect(sm2.verify(sig, MESSAGE, keys.publicKey)).toBe(true);
  });
});
