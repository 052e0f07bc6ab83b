import { type ArchivalCodeFinding, archivalCodeFinding } from './codes.js';
import type { ParseArchivalCodeOptions } from './model.js';

/** Look-alikes of `·` (U+00B7) met in real 档号 (filing-rules §2.4). U+0387 is canonically equal to `·`. */
const DOT_LOOKALIKES = '\u2022\u2027\u22C5\u30FB\uFF65\u2219\u0387';
/** Look-alikes of `-` met in real 档号 (filing-rules §2.4). */
const DASH_LOOKALIKES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D';
/** Codes that need no work: ASCII letters and digits, `-`, `·` and common CJK ideographs (NFKC-stable). */
const CLEAN = /^[-0-9A-Za-z\u00B7\u4E00-\u9FFF]*$/u;

/** The result of {@link normalizeArchivalCode}. */
export interface NormalizedArchivalCode {
  /** The code with look-alike separators replaced, NFKC applied and outer white space removed. */
  readonly code: string;
  /** Warnings for each look-alike separator used, and a note when NFKC or trimming changed the text. */
  readonly findings: readonly ArchivalCodeFinding[];
}

/**
 * Normalises a 档号 before it is validated (filing-rules §2.4, a proposal): look-alike `·` (`• ‧ ⋅ ・ ･ ∙`, U+0387)
 * and `-` (`‐ ‑ ‒ – — ― − ﹣ －`) become `·` and `-`, each kind with a `FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR`
 * warning; then Unicode NFKC (full-width `Ｚ１０９` → `Z109`) and trimming, with an info note. With
 * `lenient: true`, ASCII `.` is also read as `·` (warning). `/` is never a separator.
 *
 * @example
 * normalizeArchivalCode('Z109－WS•2011-Y-0001').code;  // 'Z109-WS·2011-Y-0001' (two warnings)
 * normalizeArchivalCode('Z109-WS.2011-Y-0001', { lenient: true }).code; // 'Z109-WS·2011-Y-0001'
 */
export function normalizeArchivalCode(
  code: string,
  options: ParseArchivalCodeOptions = {},
): NormalizedArchivalCode {
  if (typeof code !== 'string') throw new TypeError('code must be a string');
  if (CLEAN.test(code)) return { code, findings: [] };
  const lenient = options.lenient === true;
  const counts = new Map<string, number>();
  const mapped = mapSeparators(code, lenient, counts);
  const normalized = mapSeparators(mapped.normalize('NFKC').trim(), lenient, counts);
  const findings: ArchivalCodeFinding[] = [];
  for (const [char, count] of counts) {
    const asDot = DOT_LOOKALIKES.includes(char) || char === '.';
    const target = asDot ? '·' : '-';
    const hex = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    findings.push(
      archivalCodeFinding(
        'FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR',
        `档号“${code}”中的“${char}”（${hex}）不是规范的分隔符，按“${target}”处理（${count} 处）`,
        `"${char}" (${hex}) in "${code}" is not the standard separator; read as "${target}" (${count}×)`,
        { actual: char, expected: target },
      ),
    );
  }
  if (normalized !== mapped)
    findings.push(
      archivalCodeFinding(
        'FILING_ARCHIVAL_CODE_NORMALIZED',
        `档号“${code}”含全角或兼容字符、首尾空白，按“${normalized}”读取`,
        `"${code}" contains full-width or compatibility characters or outer white space; read as "${normalized}"`,
        { actual: code, expected: normalized },
      ),
    );
  return { code: normalized, findings };
}

function mapSeparators(text: string, lenient: boolean, counts: Map<string, number>): string {
  let out = '';
  for (const char of text) {
    if (DOT_LOOKALIKES.includes(char) || (lenient && char === '.')) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
      out += '·';
    } else if (DASH_LOOKALIKES.includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
      out += '-';
    } else {
      out += char;
    }
  }
  return out;
}
