import { type DanganError, type SafeResult, safely } from '@dangan/core';
import { sinkError } from './errors.js';

/** Windows device names (设备名), refused as a segment with or without an extension: `CON`, `nul.txt` … */
const RESERVED_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;
/** Characters Windows refuses in names, and every control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const FORBIDDEN_CHAR = /[\u0000-\u001f\u007f<>:"|?*\\]/;

/** Longest entry path accepted, in UTF-16 code units (Windows' classic MAX_PATH less room for a base folder). */
export const MAX_ENTRY_PATH_LENGTH = 200;

/**
 * Checks that `path` is a safe package entry path (条目路径) and returns it unchanged, or throws
 * `DanganError('PACKAGE_PATH_INVALID')` saying why. Safe means: relative and `/`-separated; no empty, `.` or `..`
 * segment; no drive letter, backslash, NUL or other control character, nor `< > : " | ? *`; no segment ending in
 * a dot or space (Windows strips them); no Windows device name (`CON`, `NUL`, `COM1`, `LPT1.txt` …); at most
 * {@link MAX_ENTRY_PATH_LENGTH} characters. These rules keep a package unpackable on Windows, macOS and Linux.
 *
 * @example
 * checkEntryPath('内容/0001.pdf'); // '内容/0001.pdf'
 * checkEntryPath('../etc/passwd'); // throws PACKAGE_PATH_INVALID
 */
export function checkEntryPath(path: string): string {
  if (typeof path !== 'string') throw new TypeError(`path must be a string, got ${typeof path}`);
  const reason = entryPathProblem(path);
  if (reason !== undefined) {
    throw sinkError(
      'PACKAGE_PATH_INVALID',
      `条目路径“${printable(path)}”不安全：${reason[0]}`,
      `Unsafe entry path "${printable(path)}": ${reason[1]}`,
      { path },
    );
  }
  return path;
}

/**
 * {@link checkEntryPath} as a `SafeResult`.
 *
 * @example
 * safeCheckEntryPath('C:/x').ok; // false
 */
export function safeCheckEntryPath(path: string): SafeResult<string> {
  return safely(() => checkEntryPath(path));
}

/**
 * The key two entry paths collide on: Unicode NFC and lower case, so `A.txt`/`a.txt` (Windows, macOS) and
 * composed/decomposed spellings (macOS) count as the same entry.
 *
 * @example
 * entryPathKey('Doc/A.TXT') === entryPathKey('doc/a.txt'); // true
 */
export function entryPathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** The `PACKAGE_PATH_DUPLICATE` error for `path` colliding with `earlier`. */
export function duplicatePathError(path: string, earlier: string): DanganError {
  const same = path === earlier;
  return sinkError(
    'PACKAGE_PATH_DUPLICATE',
    same
      ? `条目路径“${path}”重复`
      : `条目路径“${path}”与已写入的“${earlier}”仅大小写或 Unicode 写法不同，在 Windows 上会冲突`,
    same
      ? `Duplicate entry path "${path}"`
      : `Entry path "${path}" differs from the earlier "${earlier}" only in case or Unicode form and would collide on Windows`,
    { path },
  );
}

function entryPathProblem(path: string): readonly [string, string] | undefined {
  if (path.length === 0) return ['路径为空', 'the path is empty'];
  if (path.length > MAX_ENTRY_PATH_LENGTH) {
    return [`超过 ${MAX_ENTRY_PATH_LENGTH} 个字符`, `longer than ${MAX_ENTRY_PATH_LENGTH} characters`];
  }
  if (path.includes('\\')) return ['含反斜杠', 'it contains a backslash'];
  if (path.startsWith('/')) return ['是绝对路径', 'it is absolute'];
  if (/^[A-Za-z]:/.test(path)) return ['含盘符', 'it has a drive letter'];
  const bad = FORBIDDEN_CHAR.exec(path);
  if (bad !== null) {
    const char = bad[0];
    return char.charCodeAt(0) < 0x20 || char === '\u007f'
      ? ['含控制字符或 NUL', 'it contains a control character or NUL']
      : [`含 Windows 不允许的字符“${char}”`, `it contains "${char}", which Windows forbids`];
  }
  for (const segment of path.split('/')) {
    if (segment === '')
      return ['含空的路径段（// 或以 / 结尾）', 'it has an empty segment (// or a trailing /)'];
    if (segment === '.' || segment === '..') return ['含 . 或 .. 路径段', 'it has a . or .. segment'];
    if (segment.endsWith('.') || segment.endsWith(' ')) {
      return [`路径段“${segment}”以点或空格结尾`, `segment "${segment}" ends in a dot or space`];
    }
    if (RESERVED_NAME.test(segment)) {
      return [`路径段“${segment}”是 Windows 设备名`, `segment "${segment}" is a Windows device name`];
    }
  }
  return undefined;
}

function printable(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters for the message.
  return path.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
