import { type DigestAlgorithm, type Finding, safeParseDigestAlgorithm } from '@dangan/core';
import type { EntryFact, StatedDigest } from '../../engine/facts.js';
import { finding } from '../../engine/outcome.js';

const NAMES: Readonly<Record<DigestAlgorithm, string>> = {
  sm3: 'SM3',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  sha1: 'SHA-1',
  md5: 'MD5',
};

/** Options of {@link compareDigests}. */
export interface CompareDigestsOptions {
  /** Algorithms the profile accepts (others give a warning); default: any. */
  readonly accepted?: readonly DigestAlgorithm[];
  /** Where the stated digests come from, in Chinese (`清单`, `入库时的参考摘要`). */
  readonly from: string;
  readonly fromEn: string;
}

/**
 * Compares the digests a document states for a file with those the single read computed (摘要比对):
 * a mismatch, an unknown algorithm, a digest not computed, an algorithm the profile does not accept, each
 * a finding naming the file. Returns the findings and whether at least one digest was actually compared.
 *
 * @example
 * compareDigests(fact, [{ algorithm: 'SM3', value: 'ab…' }], { from: '清单', fromEn: 'the manifest' });
 */
export function compareDigests(
  fact: EntryFact,
  stated: readonly StatedDigest[],
  options: CompareDigestsOptions,
): { readonly findings: Finding[]; readonly compared: number } {
  const findings: Finding[] = [];
  let compared = 0;
  const path = fact.path;
  for (const d of stated) {
    const parsed = safeParseDigestAlgorithm(d.algorithm);
    if (!parsed.ok) {
      findings.push(
        finding(
          'CHECK_DIGEST_ALGORITHM_UNKNOWN',
          'error',
          `${options.from}为“${path}”记录的摘要算法“${d.algorithm}”无法识别，无法核验`,
          `${options.fromEn} names an unknown digest algorithm "${d.algorithm}" for "${path}"`,
          path,
        ),
      );
      continue;
    }
    const algorithm = parsed.value;
    const name = NAMES[algorithm];
    if (options.accepted !== undefined && !options.accepted.includes(algorithm)) {
      findings.push(
        finding(
          'CHECK_DIGEST_ALGORITHM_NOT_ACCEPTED',
          'warning',
          `“${path}”的摘要算法 ${name} 不在检测方案接受的算法中（${options.accepted.map((a) => NAMES[a]).join('、')}）`,
          `The ${name} digest of "${path}" uses an algorithm the profile does not accept`,
          path,
        ),
      );
    }
    const actual = fact.digests[algorithm];
    if (actual === undefined) {
      findings.push(
        finding(
          'CHECK_DIGEST_NOT_COMPUTED',
          'error',
          `“${path}”的 ${name} 摘要未能计算，无法核验`,
          `The ${name} digest of "${path}" could not be computed`,
          path,
        ),
      );
      continue;
    }
    compared++;
    const expected = d.value.trim().toLowerCase();
    if (expected !== actual) {
      findings.push(
        finding(
          'CHECK_DIGEST_MISMATCH',
          'error',
          `“${path}”的 ${name} 摘要与${options.from}不符：记录 ${expected}，实际 ${actual}`,
          `The ${name} digest of "${path}" differs from ${options.fromEn}: recorded ${expected}, actual ${actual}`,
          path,
        ),
      );
    }
  }
  return { findings, compared };
}
