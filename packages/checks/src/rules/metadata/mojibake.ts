/**
 * The kinds of mojibake (乱码) {@link detectMojibake} recognises:
 *
 * | kind | what happened | example |
 * |---|---|---|
 * | `replacement-character` | undecodable bytes were replaced by U+FFFD | `关于�的通知` |
 * | `utf8-as-gbk` | UTF-8 U+FFFD bytes (EF BF BD) re-read as GBK | `锟斤拷` |
 * | `utf8-as-latin1` | UTF-8 read as Latin-1 / Windows-1252 | `å…³äºŽ` (关于) |
 * | `gbk-as-latin1` | GBK / GB 18030 read as Latin-1 / Windows-1252 | `ÖÐÎÄ` (中文) |
 * | `uninitialised-memory` | MSVC debug fill 0xCC / 0xCD read as GBK | `烫烫烫`, `屯屯屯` |
 * | `question-marks` | characters lost in a conversion to a narrower charset | `???` |
 */
export type MojibakeKind =
  | 'replacement-character'
  | 'utf8-as-gbk'
  | 'utf8-as-latin1'
  | 'gbk-as-latin1'
  | 'uninitialised-memory'
  | 'question-marks';

/** What {@link detectMojibake} found: the first suspicious run in a value. */
export interface MojibakeHit {
  readonly kind: MojibakeKind;
  /** `error` where the run is certainly garbled; `warning` where it is only suspicious. */
  readonly severity: 'error' | 'warning';
  /** 0-based UTF-16 index of the run in the value. */
  readonly index: number;
  /** The suspicious run as found. */
  readonly text: string;
  /** What the run decodes to when re-read with the right charset (the Latin-1 kinds). */
  readonly repaired?: string;
}

/** Windows-1252 characters of bytes 0x80–0x9F that are not the Latin-1 C1 controls. */
const CP1252: Readonly<Record<number, number>> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

/** The byte a character stands for when bytes ≥ 0x80 were read as Latin-1 / Windows-1252; -1 otherwise. */
function highByte(c: number): number {
  if (c >= 0x80 && c <= 0xff) return c;
  return CP1252[c] ?? -1;
}

let utf8Decoder: TextDecoder | undefined;
let gbDecoder: TextDecoder | null | undefined;

function decodeUtf8(bytes: Uint8Array): string | undefined {
  utf8Decoder ??= new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** GB 18030 decoding where the runtime has it (every browser, Node with ICU); `undefined` otherwise. */
function decodeGb18030(bytes: Uint8Array): string | undefined {
  if (gbDecoder === undefined) {
    try {
      gbDecoder = new TextDecoder('gb18030', { fatal: true });
    } catch {
      gbDecoder = null;
    }
  }
  if (gbDecoder === null) return undefined;
  try {
    return gbDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** CJK characters and CJK / full-width punctuation: what GB 2312 text decodes to. */
const CJK_TEXT = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$/u;

/** Quick filter: a value without any of these characters holds none of the patterns. */
const SUSPECT =
  /[\u0080-\u00ff\ufffd锟烫屯?\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/u;

/**
 * Finds mojibake (乱码) in one metadata value: U+FFFD, `锟斤拷`, UTF-8 or GBK text read as Latin-1 /
 * Windows-1252 (confirmed by re-decoding the run: UTF-8 must decode strictly; GBK must decode to CJK text of at
 * least two characters), runs of `烫` / `屯`, and runs of three or more `?`. Returns the first hit, or
 * `undefined` for a clean value. Chinese punctuation (`“”…—`) alone is never reported.
 *
 * UTF-8 read as GBK yields ordinary-looking CJK characters and is only recognised through `锟斤拷`; the GBK
 * check needs a runtime with a GB 18030 decoder (browsers, Node with ICU) and is skipped otherwise.
 *
 * @example
 * detectMojibake('å…³äºŽå¼€å±•æ£€æŸ¥çš„é€šçŸ¥')?.repaired; // '关于开展检查的通知'
 * detectMojibake('ÖÐÎÄ')?.kind; // 'gbk-as-latin1'
 * detectMojibake('关于“一网通办”的通知……'); // undefined
 */
export function detectMojibake(value: string): MojibakeHit | undefined {
  if (!SUSPECT.test(value)) return undefined;
  const fffd = value.indexOf('\ufffd');
  if (fffd >= 0) return { kind: 'replacement-character', severity: 'error', index: fffd, text: '\ufffd' };
  const kunkao = value.indexOf('锟斤拷');
  if (kunkao >= 0) return { kind: 'utf8-as-gbk', severity: 'error', index: kunkao, text: '锟斤拷' };
  const latin = latinRuns(value);
  if (latin !== undefined) return latin;
  const fill = /烫{3,}|屯{3,}/u.exec(value);
  if (fill !== null)
    return { kind: 'uninitialised-memory', severity: 'warning', index: fill.index, text: fill[0] };
  const q = /\?{3,}/.exec(value);
  if (q !== null) return { kind: 'question-marks', severity: 'warning', index: q.index, text: q[0] };
  return undefined;
}

/** Runs of characters standing for bytes ≥ 0x80, re-decoded as UTF-8, then as GB 18030. */
function latinRuns(value: string): MojibakeHit | undefined {
  let warning: MojibakeHit | undefined;
  let i = 0;
  while (i < value.length) {
    if (highByte(value.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const start = i;
    const bytes: number[] = [];
    while (i < value.length) {
      const b = highByte(value.charCodeAt(i));
      if (b < 0) break;
      bytes.push(b);
      i++;
    }
    if (bytes.length < 2) continue;
    const text = value.slice(start, i);
    const run = Uint8Array.from(bytes);
    const utf8 = decodeUtf8(run);
    if (utf8 !== undefined) {
      // A run that decodes to a 3-byte character (CJK and most scripts) is certainly garbled; one that
      // decodes only to accented Latin letters (`Ã©` → é) is very likely garbled.
      const wide = /[\u0800-\uffff]/u.test(utf8);
      const hit: MojibakeHit = {
        kind: 'utf8-as-latin1',
        severity: wide ? 'error' : 'warning',
        index: start,
        text,
        repaired: utf8,
      };
      if (wide) return hit;
      // Two-byte UTF-8 is ambiguous with GBK (`Í¨Öª` is both U+0368 U+05AA and 通知): accented Latin letters
      // (`Ã©` → é) are read as UTF-8; other scripts (combining marks, Greek, Cyrillic, Hebrew …) are tried
      // as GBK first, which Chinese metadata is far likelier to be.
      if (/^[\u0080-\u017f]*$/u.test(utf8)) {
        warning ??= hit;
        continue;
      }
      const gb = gbkHit(text, run, start);
      if (gb !== undefined) return gb;
      warning ??= hit;
      continue;
    }
    const gb = gbkHit(text, run, start);
    if (gb !== undefined) return gb;
  }
  return warning;
}

/** A run read as GB 18030, when it is GBK text read as Latin-1. */
function gbkHit(text: string, run: Uint8Array, start: number): MojibakeHit | undefined {
  // GB 2312 text read as Latin-1 is letters and signs of U+00A1–U+00FE; Chinese punctuation alone
  // (`——……“”`, bytes 0x80–0x9F) also decodes as GBK but is not mojibake.
  let latin1 = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xa0 && c <= 0xff) latin1++;
  }
  if (latin1 < 4 || latin1 * 2 < text.length) return undefined;
  const gb = decodeGb18030(run);
  return gb !== undefined && CJK_TEXT.test(gb)
    ? { kind: 'gbk-as-latin1', severity: 'error', index: start, text, repaired: gb }
    : undefined;
}

/**
 * Chinese and English descriptions of each {@link MojibakeKind}, for messages.
 *
 * @example
 * MOJIBAKE_KIND_TEXT['utf8-as-gbk'].zh; // '含“锟斤拷”（UTF-8 替换字符被按 GBK 误读）'
 */
export const MOJIBAKE_KIND_TEXT: Readonly<
  Record<MojibakeKind, { readonly zh: string; readonly en: string }>
> = {
  'replacement-character': {
    zh: '含替换字符 U+FFFD（解码失败的字节已丢失）',
    en: 'holds U+FFFD (bytes that failed to decode were lost)',
  },
  'utf8-as-gbk': {
    zh: '含“锟斤拷”（UTF-8 替换字符被按 GBK 误读）',
    en: 'holds 锟斤拷 (UTF-8 U+FFFD read as GBK)',
  },
  'utf8-as-latin1': {
    zh: 'UTF-8 文本被按 Latin-1/Windows-1252 误读',
    en: 'UTF-8 text read as Latin-1 / Windows-1252',
  },
  'gbk-as-latin1': {
    zh: 'GBK/GB 18030 文本被按 Latin-1/Windows-1252 误读',
    en: 'GBK / GB 18030 text read as Latin-1 / Windows-1252',
  },
  'uninitialised-memory': {
    zh: '含“烫烫烫”或“屯屯屯”（未初始化内存被当作文本）',
    en: 'holds 烫烫烫 or 屯屯屯 (uninitialised memory read as text)',
  },
  'question-marks': {
    zh: '含连续问号（字符在编码转换中丢失）',
    en: 'holds a run of question marks (characters lost in a charset conversion)',
  },
};
