/**
 * File-name rules that hold on Windows (NTFS, FAT), Linux, macOS and inside ZIP archives, as data.
 *
 * - Characters never allowed: `< > : " / \ | ? *` and control characters (U+0000–U+001F, U+007F–U+009F).
 * - Also replaced, because they make names that deceive or do not survive transport: bidirectional
 *   controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), U+FEFF, noncharacters U+FFFE/U+FFFF and
 *   lone surrogates (which UTF-8 cannot encode).
 * - No trailing dot or space (Windows drops them); no leading dot or space (hidden files, lost spaces).
 * - Not a Windows device name — CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9 (also with superscript ¹²³), CONIN$,
 *   CONOUT$ — case-insensitive, with or without an extension (`con.pdf`, `NUL .txt`).
 */
export const WINDOWS_RESERVED_NAMES: readonly string[] = /* @__PURE__ */ (() => {
  const names = ['CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'];
  for (const d of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '¹', '²', '³'])
    names.push(`COM${d}`, `LPT${d}`);
  return names;
})();

// Characters replaced anywhere in a name part. With the `u` flag a surrogate pair is one code point, so the
// surrogate range matches lone surrogates only.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what is replaced
  /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]/gu;
const UNSAFE_TEST = new RegExp(UNSAFE.source, 'u');

/**
 * A piece of text made safe to stand inside a file name: NFC, and every unsafe character (see
 * {@link WINDOWS_RESERVED_NAMES} for the list) replaced by `replacement`. Does not trim; see
 * {@link isPortableFileName} for the rules on whole names.
 *
 * @example
 * sanitizeFileNamePart('关于<通知>的 答复?'); // '关于_通知_的 答复_'
 */
export function sanitizeFileNamePart(text: string, replacement = '_'): string {
  if (typeof text !== 'string') throw new TypeError(`text must be a string, got ${typeof text}`);
  // Lone surrogates first (normalize() keeps them), then NFC, then the rest.
  return text.replace(UNSAFE, replacement).normalize('NFC').replace(UNSAFE, replacement);
}

/**
 * Number of bytes `text` takes in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD).
 *
 * @example
 * utf8Length('档案.pdf'); // 10
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * The longest prefix of `text` that fits in `maxBytes` UTF-8 bytes, cut between code points, in NFC.
 *
 * @example
 * truncateUtf8('档案管理', 7); // '档案'
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  let out = text;
  for (;;) {
    let bytes = 0;
    let end = 0;
    for (const ch of out) {
      const size = utf8Length(ch);
      if (bytes + size > maxBytes) break;
      bytes += size;
      end += ch.length;
    }
    if (end === out.length) return out;
    // A prefix of an NFC string may compose further; normalise and measure again.
    out = out.slice(0, end).normalize('NFC');
  }
}

/**
 * Whether the part of `name` before its first dot, without trailing spaces, is a Windows device name.
 *
 * @example
 * isWindowsReservedName('CON.txt'); // true
 */
export function isWindowsReservedName(name: string): boolean {
  const dot = name.indexOf('.');
  const stem = (dot < 0 ? name : name.slice(0, dot)).replace(/ +$/u, '').toUpperCase();
  return WINDOWS_RESERVED_NAMES.includes(stem);
}

/** Options of {@link isPortableFileName}. */
export interface PortableFileNameOptions {
  /** Longest name in UTF-8 bytes (default 255: ext4, NTFS in most CJK cases, ZIP tools). */
  readonly maxNameBytes?: number;
}

/**
 * Whether `name` is a file name that works unchanged on Windows, Linux, macOS and in ZIP: not empty, NFC, no
 * unsafe character, no leading or trailing dot or space, not a Windows device name, `.` and `..` excluded, at
 * most `maxNameBytes` UTF-8 bytes.
 *
 * @example
 * isPortableFileName('Z109-WS·2011-Y-BGS-0001-001-正文.pdf'); // true
 * isPortableFileName('CON.pdf'); // false
 */
export function isPortableFileName(name: string, options: PortableFileNameOptions = {}): boolean {
  if (typeof name !== 'string' || name === '') return false;
  const maxNameBytes = options.maxNameBytes ?? 255;
  return (
    name.normalize('NFC') === name &&
    !UNSAFE_TEST.test(name) &&
    !/^[. ]|[. ]$/u.test(name) &&
    !isWindowsReservedName(name) &&
    utf8Length(name) <= maxNameBytes
  );
}
