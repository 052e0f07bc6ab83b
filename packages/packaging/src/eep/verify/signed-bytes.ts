import { type ByteSource, chunks, createHasher, type Hasher, sm2, toHex } from '@dangan/core';
import type { CaptureSink } from '../read/byte-scanner.js';

/**
 * The bytes a signature covers (被签名字节), hashed as SM2 needs: e = SM3(Z_A ‖ M), where Z_A depends on
 * the signer's public key and user id. In an EEP the key (in 证书) and user id (in 签名规则) come *after* the
 * 被签名对象, so e cannot be computed as the bytes first stream by. Three ways, cheapest first:
 *
 * 1. keys given in advance (`signers`): their hashers are fed during the one pass;
 * 2. small signed objects: their bytes are kept (up to a budget) and hashed afterwards;
 * 3. otherwise the source is read a second time, hashing only the signed byte ranges (no XML parsing),
 *    and a SHA-256 of the outermost 被签名对象 taken in both reads proves the bytes did not change between
 *    them. A one-shot stream cannot be read twice: those signatures are `cannot-verify`.
 */

/** What one pass captured of one `<被签名对象>`. */
export interface CapturedObject {
  readonly start: number;
  readonly end: number;
  /** Its bytes, when within the budget. */
  readonly bytes: Uint8Array | undefined;
  /** e for the keys given in advance, by `keyHex|userId`. */
  readonly digests: ReadonlyMap<string, Uint8Array>;
  /** SHA-256 of its bytes (the outermost one only). */
  readonly sha256: string | undefined;
}

/** A signer known in advance: its SM2 public key and user id. */
export interface KnownSigner {
  readonly publicKey: Uint8Array;
  readonly userId: string;
}

/** The key under which e of a signer is kept. */
export function digestKey(publicKey: Uint8Array, userId: string): string {
  return `${toHex(publicKey)}|${userId}`;
}

/** Captures every `<被签名对象>` of one pass (see the module note). */
export class SignedObjectCaptures {
  readonly captured = new Map<number, CapturedObject>();
  readonly #signers: readonly KnownSigner[];
  #budget: number;
  #count = 0;

  constructor(signers: readonly KnownSigner[], budget: number) {
    this.#signers = signers;
    this.#budget = budget;
  }

  /** A sink for the next `<被签名对象>` in document order (the first is the outermost). */
  sink(): CaptureSink {
    const outermost = this.#count++ === 0;
    const hashers = this.#signers.map((s) => ({
      key: digestKey(s.publicKey, s.userId),
      hasher: sm2.createMessageHasher(s.publicKey, { userId: s.userId }),
    }));
    const sha = outermost ? createHasher('sha256') : undefined;
    let parts: Uint8Array[] | undefined = [];
    let size = 0;
    return {
      update: (bytes) => {
        for (const h of hashers) h.hasher.update(bytes);
        sha?.update(bytes);
        if (parts === undefined) return;
        size += bytes.length;
        if (size > this.#budget) {
          parts = undefined;
          return;
        }
        parts.push(bytes.slice());
      },
      end: (start, end) => {
        let bytes: Uint8Array | undefined;
        if (parts !== undefined) {
          this.#budget -= size;
          bytes = new Uint8Array(size);
          let at = 0;
          for (const p of parts) {
            bytes.set(p, at);
            at += p.length;
          }
        }
        this.captured.set(start, {
          start,
          end,
          bytes,
          digests: new Map(hashers.map((h) => [h.key, h.hasher.digest()])),
          sha256: sha?.digestHex(),
        });
      },
    };
  }
}

/** One e = SM3(Z_A ‖ M) to compute over `[start, end)` in the second read. */
export interface RangeDigestRequest {
  readonly start: number;
  readonly end: number;
  readonly publicKey: Uint8Array;
  readonly userId: string;
  /** Set by {@link hashRanges}. */
  digest?: Uint8Array | undefined;
}

/**
 * Reads `source` again and computes each request's e over its byte range, plus the SHA-256 of
 * `check`'s range; stops reading after the last range. Returns that SHA-256 (hex).
 */
export async function hashRanges(
  source: ByteSource,
  requests: readonly RangeDigestRequest[],
  check: { readonly start: number; readonly end: number },
  options: { readonly signal?: AbortSignal; readonly chunkSize?: number } = {},
): Promise<string> {
  const jobs: { start: number; end: number; hasher: Hasher; request?: RangeDigestRequest }[] = requests.map(
    (request) => ({
      start: request.start,
      end: request.end,
      hasher: sm2.createMessageHasher(request.publicKey, { userId: request.userId }),
      request,
    }),
  );
  const sha = { start: check.start, end: check.end, hasher: createHasher('sha256') };
  jobs.push(sha);
  const last = Math.max(...jobs.map((j) => j.end));
  let offset = 0;
  for await (const chunk of chunks(source, options)) {
    const chunkEnd = offset + chunk.length;
    for (const job of jobs) {
      const from = Math.max(job.start, offset);
      const to = Math.min(job.end, chunkEnd);
      if (from < to) job.hasher.update(chunk.subarray(from - offset, to - offset));
    }
    offset = chunkEnd;
    if (offset >= last) break;
  }
  for (const job of jobs) {
    if (job.request !== undefined) job.request.digest = offset >= job.end ? job.hasher.digest() : undefined;
  }
  return offset >= check.end ? sha.hasher.digestHex() : '';
}
