import { DanganError, type SafeResult, safely } from '@dangan/core';
import {
  isPortableFileName,
  isWindowsReservedName,
  sanitizeFileNamePart,
  utf8Length,
} from './portable-name.js';

/** What a component file is named from. */
export interface ComponentFileNameInput {
  /** 档号 of the 件 (`Z109-WS·2011-Y-BGS-0001`). */
  readonly archivalCode: string;
  /** Position of the component in the 件, from 1 (after 件内排序). */
  readonly order: number;
  /** Role of the component (`正文`, `附件`, `文件处理单`, a 材料名称 …); left out when absent. */
  readonly role?: string | undefined;
  /** Extension, with or without the dot (`pdf`, `.ofd`); `''` for none. Kept as given, apart from unsafe characters. */
  readonly extension: string;
  /** Title (题名) of the component; written only when the pattern includes `title`. */
  readonly title?: string | undefined;
}

/** A piece of a component file name. */
export type ComponentFileNamePart = 'archivalCode' | 'order' | 'role' | 'title';

/** Options of {@link componentFileName}. */
export interface ComponentFileNameOptions {
  /**
   * The pieces of the name before the extension, in order (default `['archivalCode', 'order', 'role']`). A piece
   * that is absent is left out with its separator. `archivalCode` and `order` are required in the pattern.
   */
  readonly pattern?: readonly ComponentFileNamePart[];
  /** Joins the pieces (default `-`, as inside the 档号). Must not contain a character unsafe in a file name. */
  readonly separator?: string;
  /** Digits of the order number, zero-padded (default 3: `001`); a larger number is written in full. */
  readonly orderWidth?: number;
  /** What replaces an unsafe character (default `_`). Must itself be safe in a file name. */
  readonly replacement?: string;
  /** Longest name in UTF-8 bytes (default 255: ext4, ZIP tools; NTFS allows 255 UTF-16 units). */
  readonly maxNameBytes?: number;
  /**
   * The folder (inside the package) the file will be written to, e.g. `电子档案/2024/Z109-WS·2024-Y-0001`; with
   * {@link maxPathLength} it bounds the name so the whole relative path fits.
   */
  readonly directory?: string;
  /**
   * Longest relative path `directory/name` in UTF-16 code units (default 240: leaves 20 of Windows' 260-unit
   * MAX_PATH for the folder a package is unpacked into). Counted only with the name when there is no directory.
   */
  readonly maxPathLength?: number;
}

interface Resolved {
  readonly pattern: readonly ComponentFileNamePart[];
  readonly separator: string;
  readonly orderWidth: number;
  readonly replacement: string;
  readonly maxNameBytes: number;
  readonly maxLength: number;
}

const DEFAULT_PATTERN: readonly ComponentFileNamePart[] = ['archivalCode', 'order', 'role'];
const PARTS: readonly ComponentFileNamePart[] = ['archivalCode', 'order', 'role', 'title'];

function resolve(options: ComponentFileNameOptions): Resolved {
  const pattern = options.pattern ?? DEFAULT_PATTERN;
  if (
    !Array.isArray(pattern) ||
    pattern.some((p) => !PARTS.includes(p)) ||
    new Set(pattern).size !== pattern.length ||
    !pattern.includes('archivalCode') ||
    !pattern.includes('order')
  ) {
    throw new RangeError(
      "pattern must list distinct pieces of 'archivalCode' | 'order' | 'role' | 'title', including archivalCode and order",
    );
  }
  const separator = options.separator ?? '-';
  const replacement = options.replacement ?? '_';
  if (
    typeof separator !== 'string' ||
    separator.length > 8 ||
    sanitizeFileNamePart(separator) !== separator
  ) {
    throw new RangeError('separator must be a short string without characters unsafe in a file name');
  }
  if (
    typeof replacement !== 'string' ||
    replacement.length > 8 ||
    (replacement !== '' && !isPortableFileName(replacement))
  ) {
    throw new RangeError('replacement must be a short string that is itself a safe file name (or empty)');
  }
  const orderWidth = options.orderWidth ?? 3;
  if (!Number.isInteger(orderWidth) || orderWidth < 1 || orderWidth > 9) {
    throw new RangeError('orderWidth must be an integer from 1 to 9');
  }
  const maxNameBytes = options.maxNameBytes ?? 255;
  if (!Number.isInteger(maxNameBytes) || maxNameBytes < 16) {
    throw new RangeError('maxNameBytes must be an integer ≥ 16');
  }
  const maxPathLength = options.maxPathLength ?? 240;
  if (!Number.isInteger(maxPathLength) || maxPathLength < 16) {
    throw new RangeError('maxPathLength must be an integer ≥ 16');
  }
  const directory = options.directory;
  if (directory !== undefined && typeof directory !== 'string')
    throw new TypeError('directory must be a string');
  const prefix =
    directory === undefined || directory === '' ? 0 : directory.replace(/[/\\]+$/u, '').length + 1;
  return { pattern, separator, orderWidth, replacement, maxNameBytes, maxLength: maxPathLength - prefix };
}

/** A name piece: sanitised, NFC, without leading or trailing dots and spaces. */
function clean(text: string, replacement: string): string {
  return sanitizeFileNamePart(text, replacement).replace(/^[. ]+|[. ]+$/gu, '');
}

function cleanExtension(extension: string, replacement: string): string {
  if (typeof extension !== 'string') throw new TypeError('extension must be a string');
  return clean(extension.replace(/^\.+/u, ''), replacement);
}

function fits(name: string, r: Resolved): boolean {
  return utf8Length(name) <= r.maxNameBytes && name.length <= r.maxLength;
}

/**
 * The longest prefix of `piece` (whole code points, NFC, no trailing dot or space) that keeps `assemble(prefix)`
 * within budget, or `undefined` when none does. Binary search over the number of code points.
 */
function shrink(piece: string, assemble: (piece: string) => string, r: Resolved): string | undefined {
  const points = Array.from(piece);
  const prefix = (k: number) =>
    points
      .slice(0, k)
      .join('')
      .normalize('NFC')
      .replace(/[. ]+$/u, '');
  let lo = 1;
  let hi = points.length;
  let best: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cut = prefix(mid);
    if (cut !== '' && fits(assemble(cut), r)) {
      best = cut;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

function build(input: ComponentFileNameInput, r: Resolved, suffix: string): string {
  if (input === null || typeof input !== 'object') throw new TypeError('input must be an object');
  const { archivalCode, order, role, title, extension } = input;
  if (typeof archivalCode !== 'string') throw new TypeError('archivalCode must be a string');
  if (!Number.isSafeInteger(order) || order < 1)
    throw new RangeError(`order must be a positive integer, got ${String(order)}`);
  if (role !== undefined && typeof role !== 'string') throw new TypeError('role must be a string');
  if (title !== undefined && typeof title !== 'string') throw new TypeError('title must be a string');
  const code = clean(archivalCode, r.replacement);
  if (code === '') {
    throw new DanganError('FILING_FILE_NAME_INVALID', '无法生成组件文件名：档号为空或只含不可用字符', {
      messageEn: 'Cannot name the component file: the archival code is empty or unusable',
    });
  }
  const ext = cleanExtension(extension, r.replacement);
  const values: Record<ComponentFileNamePart, string | undefined> = {
    archivalCode: code,
    order: String(order).padStart(r.orderWidth, '0'),
    role: role === undefined ? undefined : clean(role, r.replacement) || undefined,
    title: title === undefined ? undefined : clean(title, r.replacement) || undefined,
  };
  const assemble = (v: Record<ComponentFileNamePart, string | undefined>): string => {
    let stem = '';
    for (const p of r.pattern) {
      const value = v[p];
      if (value === undefined) continue;
      stem = stem === '' ? value : `${stem}${r.separator}${value}`;
    }
    stem += suffix;
    if (isWindowsReservedName(stem)) stem = `${r.replacement || '_'}${stem}`;
    return ext === '' ? stem : `${stem}.${ext}`;
  };
  // Over budget: shorten the title, then drop it; then the role. The 档号, number and extension stay whole.
  for (const piece of ['title', 'role'] as const) {
    if (fits(assemble(values), r)) break;
    const value = values[piece];
    if (value === undefined) continue;
    values[piece] = shrink(value, (cut) => assemble({ ...values, [piece]: cut }), r);
  }
  const name = assemble(values);
  if (!fits(name, r)) {
    throw new DanganError(
      'FILING_FILE_NAME_TOO_LONG',
      `组件文件名“${name}”超出长度上限（${r.maxNameBytes} 字节，路径 ${r.maxLength} 字符以内）`,
      { messageEn: `Component file name "${name}" is longer than the budget` },
    );
  }
  return name;
}

/**
 * The name of a component file inside a package, from the 档号, the component's order in the 件 and its role:
 * `{档号}-{序号:3}-{角色}.{扩展名}` by default, e.g. `Z109-WS·2011-Y-BGS-0001-001-正文.pdf` (a proposal: no
 * standard fixes component file names; the pattern is an option). The name is safe on Windows, Linux, macOS
 * and in ZIP: NFC; `< > : " / \ | ? *`, control and bidirectional-control characters replaced by `_`; no
 * leading or trailing dot or space in a piece; never a Windows device name (`_` is put before one); at most
 * `maxNameBytes` UTF-8 bytes and within the path budget — the title is shortened first, then the role; the
 * 档号, number and extension are never cut (`DanganError('FILING_FILE_NAME_TOO_LONG')` if they alone do not
 * fit). The same input always gives the same name. For several components of one 件 use
 * {@link componentFileNames}, which also resolves collisions.
 *
 * @example
 * componentFileName({ archivalCode: 'Z109-WS·2011-Y-BGS-0001', order: 1, role: '正文', extension: 'pdf' });
 * // 'Z109-WS·2011-Y-BGS-0001-001-正文.pdf'
 */
export function componentFileName(
  input: ComponentFileNameInput,
  options: ComponentFileNameOptions = {},
): string {
  return build(input, resolve(options), '');
}

/**
 * {@link componentFileName} as a result.
 *
 * @example
 * safeComponentFileName({ archivalCode: '', order: 1, extension: 'pdf' }).ok; // false
 */
export function safeComponentFileName(
  input: ComponentFileNameInput,
  options: ComponentFileNameOptions = {},
): SafeResult<string> {
  return safely(() => componentFileName(input, options));
}

/**
 * The names of all component files of one 件, in input order, with collisions resolved: names that are equal
 * ignoring case (Windows and macOS folders are case-insensitive) get `~2`, `~3` … before the extension, in
 * input order, within the same budget. Deterministic: the same inputs in the same order give the same names.
 *
 * @example
 * componentFileNames([
 *   { archivalCode: 'Z109-WS·2011-Y-0001', order: 1, role: '附件', extension: 'pdf' },
 *   { archivalCode: 'Z109-WS·2011-Y-0001', order: 1, role: '附件', extension: 'PDF' },
 * ]);
 * // ['Z109-WS·2011-Y-0001-001-附件.pdf', 'Z109-WS·2011-Y-0001-001-附件~2.PDF']
 */
export function componentFileNames(
  inputs: readonly ComponentFileNameInput[],
  options: ComponentFileNameOptions = {},
): string[] {
  if (!Array.isArray(inputs)) throw new TypeError('inputs must be an array');
  const r = resolve(options);
  const taken = new Set<string>();
  return inputs.map((input) => {
    let name = build(input, r, '');
    for (let n = 2; taken.has(fold(name)); n++) name = build(input, r, `~${n}`);
    taken.add(fold(name));
    return name;
  });
}

/**
 * {@link componentFileNames} as a result.
 *
 * @example
 * safeComponentFileNames([{ archivalCode: 'A001-ZY·XK·2024·D30-00001', order: 1, extension: 'ofd' }]);
 */
export function safeComponentFileNames(
  inputs: readonly ComponentFileNameInput[],
  options: ComponentFileNameOptions = {},
): SafeResult<string[]> {
  return safely(() => componentFileNames(inputs, options));
}

function fold(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
