import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';
import { dedupe } from './encryption.js';

const METHOD_NAMES: Readonly<Record<number, string>> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'BZIP2',
  14: 'LZMA',
  19: 'LZ77 (IBM TERSE)',
  93: 'Zstandard',
  95: 'XZ',
  96: 'JPEG (WinZip)',
  97: 'WavPack',
  98: 'PPMd',
  99: 'AES',
};

/**
 * A ZIP method code with its name, e.g. `12（BZIP2）`.
 *
 * @example
 * methodLabel(12); // '12（BZIP2）'
 */
export function methodLabel(method: number): string {
  const name = METHOD_NAMES[method];
  return name === undefined ? String(method) : `${method}（${name}）`;
}

/**
 * Compression other than the public STORE (0) and DEFLATE (8) anywhere in the package (非公开压缩算法): in
 * the package's ZIP entries and inside ZIP-based files (OFD, OOXML).
 *
 * @example
 * compressionFindings(facts)[0]?.code; // 'CHECK_COMPRESSION_NOT_PUBLIC'
 */
export function compressionFindings(facts: CheckFacts): Finding[] {
  const out: Finding[] = [];
  for (const e of facts.container.entries) {
    if (!e.directory && e.method !== 0 && e.method !== 8) {
      out.push(
        finding(
          'CHECK_COMPRESSION_NOT_PUBLIC',
          'error',
          `包中的条目“${e.path}”使用压缩方法 ${methodLabel(e.method)}（只允许 STORE、DEFLATE）`,
          `The package entry "${e.path}" uses compression method ${e.method} (only STORE and DEFLATE are allowed)`,
          e.path,
        ),
      );
    }
  }
  for (const e of facts.entries) {
    for (const m of e.container?.nonPublicMethods ?? []) {
      out.push(
        finding(
          'CHECK_NESTED_COMPRESSION_NOT_PUBLIC',
          'error',
          `“${e.path}”内的“${m.name}”使用压缩方法 ${methodLabel(m.method)}`,
          `"${m.name}" inside "${e.path}" uses compression method ${m.method}`,
          e.path,
        ),
      );
    }
  }
  return dedupe(out);
}

/**
 * Rule `package.no-nonpublic-compression` (非公开压缩算法检测, GD/YJ 3-4): the package and the containers in
 * it use only public compression — ZIP methods STORE (0) and DEFLATE (8); Deflate64, BZIP2, LZMA, PPMd,
 * Zstandard, AES and anything else fail (see {@link compressionFindings}).
 *
 * @example
 * noNonPublicCompressionRule(context).status; // 'pass'
 */
export function noNonPublicCompressionRule(context: RuleContext<CheckFacts>): ItemOutcome {
  return verdict(compressionFindings(context.facts));
}
