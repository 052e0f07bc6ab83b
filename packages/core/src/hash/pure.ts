import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import type { DigestAlgorithm } from './algorithms.js';
import { sm3 } from './sm3.js';

/**
 * The pure TypeScript hash function of an algorithm (noble's `CHash`: callable, with `.create()`), used
 * where the runtime has no native one and whenever native crypto is turned off.
 *
 * @example
 * toHex(pureHash('sm3')(utf8('abc')));
 */
export function pureHash(algorithm: DigestAlgorithm): CHash {
  switch (algorithm) {
    case 'sm3':
      return sm3;
    case 'sha256':
      return sha256;
    case 'sha512':
      return sha512;
    case 'sha1':
      return sha1;
    case 'md5':
      return md5;
    default:
      throw new TypeError(`algorithm must be a DigestAlgorithm, got ${String(algorithm)}`);
  }
}
