/** The first character of a value that the GD-1-6 character checks report, with its position. */
export interface CharacterHit {
  /** The code point (a lone surrogate is its own code unit). */
  readonly codePoint: number;
  /** 1-based position in characters (code points). */
  readonly position: number;
  /** How many such characters the value holds. */
  readonly count: number;
}

/** What {@link scanCharacters} found: forbidden characters, private-use characters, or neither. */
export interface CharacterScan {
  readonly illegal: CharacterHit | undefined;
  readonly privateUse: CharacterHit | undefined;
}

/**
 * Whether a code point is one GD-1-6 forbids (特殊字符): C0 controls other than TAB, LF and CR; DEL; C1
 * controls U+0080–U+009F; noncharacters U+FDD0–U+FDEF and U+nFFFE/U+nFFFF; lone surrogates.
 *
 * @example
 * isIllegalCodePoint(0x07); // true (BEL)
 * isIllegalCodePoint(0x0a); // false (LF)
 */
export function isIllegalCodePoint(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0xfdd0 && cp <= 0xfdef) ||
    (cp & 0xfffe) === 0xfffe ||
    (cp >= 0xd800 && cp <= 0xdfff)
  );
}

/**
 * Whether a code point is in a private-use area (U+E000–U+F8FF, planes 15 and 16). GB 18030 maps all of
 * Unicode, so "outside GB 18030" in practice means characters whose meaning is private to one system
 * (some older GB 18030 fonts put not-yet-encoded CJK characters there).
 *
 * @example
 * isPrivateUseCodePoint(0xe000); // true
 */
export function isPrivateUseCodePoint(cp: number): boolean {
  return (
    (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0xffffd) || (cp >= 0x100000 && cp <= 0x10fffd)
  );
}

const NONE: CharacterScan = { illegal: undefined, privateUse: undefined };

/**
 * Whether a value may hold a character the GD-1-6 checks report (a quick pass over code units: controls,
 * C1, surrogates, private use, noncharacters). Astral characters also answer `true`, for a closer look.
 *
 * @example
 * mayHoldSpecialCharacters('关于…的通知'); // false
 */
export function mayHoldSpecialCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    } else if (
      c >= 0x7f &&
      (c <= 0x9f || (c >= 0xd800 && c <= 0xf8ff) || (c >= 0xfdd0 && c <= 0xfdef) || c >= 0xfffe)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Scans a value for the characters GD-1-6 reports. A quick pass ({@link mayHoldSpecialCharacters}) rules
 * out the usual case; only a value that may hold such a character is walked code point by code point.
 *
 * @example
 * scanCharacters('题名\u0007').illegal; // { codePoint: 7, position: 3, count: 1 }
 */
export function scanCharacters(value: string): CharacterScan {
  if (!mayHoldSpecialCharacters(value)) return NONE;
  let illegal: { codePoint: number; position: number; count: number } | undefined;
  let privateUse: { codePoint: number; position: number; count: number } | undefined;
  let position = 0;
  for (let i = 0; i < value.length; i++) {
    position++;
    let cp = value.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (isIllegalCodePoint(cp)) {
      if (illegal === undefined) illegal = { codePoint: cp, position, count: 0 };
      illegal.count++;
    } else if (isPrivateUseCodePoint(cp)) {
      if (privateUse === undefined) privateUse = { codePoint: cp, position, count: 0 };
      privateUse.count++;
    }
  }
  return { illegal, privateUse };
}

/**
 * Length of a string in characters (code points), as `maxLength` counts it.
 *
 * @example
 * codePointLength('𠀀a'); // 2
 */
export function codePointLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** `U+0007`-style name of a code point. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
