import type { DanganErrorCode } from '../errors/codes.js';
import { DanganError } from '../errors/dangan-error.js';
import { codePointLabel } from './chars.js';

/** Where in a document an {@link XmlError} happened; every field is optional. */
export interface XmlErrorLocation {
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column, counted in Unicode characters. */
  readonly column?: number;
  /** Path of the open elements, e.g. `/电子文件封装包/被签名对象`. */
  readonly elementPath?: string;
  /** Offset in bytes from the start of the input, when known. */
  readonly byteOffset?: number;
  /** The document's name (a file name) the caller gave, used in the finding's `path`. */
  readonly name?: string;
}

/**
 * A {@link DanganError} about XML input or output, with the position as data. Its finding's `path` is
 * `name:line:column` when the caller named the document, else the element path.
 *
 * @example
 * if (e instanceof XmlError) console.log(e.line, e.column, e.elementPath);
 */
export class XmlError extends DanganError {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly elementPath: string | undefined;
  readonly byteOffset: number | undefined;

  constructor(
    code: DanganErrorCode,
    zh: string,
    en: string,
    location: XmlErrorLocation = {},
    cause?: unknown,
  ) {
    const { line, column, elementPath, byteOffset, name } = location;
    const path =
      name !== undefined && line !== undefined ? `${name}:${line}:${column ?? 0}` : (elementPath ?? name);
    super(code, `${zh}${whereZh(location)}`, {
      messageEn: `${en}${whereEn(location)}`,
      ...(cause === undefined ? {} : { cause }),
      ...(path === undefined ? {} : { path }),
    });
    this.line = line;
    this.column = column;
    this.elementPath = elementPath;
    this.byteOffset = byteOffset;
  }
}

function whereZh({ line, column, elementPath, byteOffset }: XmlErrorLocation): string {
  const parts: string[] = [];
  if (line !== undefined) parts.push(`第 ${line} 行第 ${column ?? 0} 列`);
  if (byteOffset !== undefined) parts.push(`字节偏移 ${byteOffset}`);
  if (elementPath !== undefined) parts.push(`元素 ${elementPath}`);
  return parts.length === 0 ? '' : `（${parts.join('，')}）`;
}

function whereEn({ line, column, elementPath, byteOffset }: XmlErrorLocation): string {
  const parts: string[] = [];
  if (line !== undefined) parts.push(`line ${line}, column ${column ?? 0}`);
  if (byteOffset !== undefined) parts.push(`byte offset ${byteOffset}`);
  if (elementPath !== undefined) parts.push(`element ${elementPath}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** The `XML_INVALID_CHARACTER` error for the character at `index` of `text`. */
export function invalidCharacterError(
  what: { zh: string; en: string },
  text: string,
  index: number,
  location: XmlErrorLocation = {},
): XmlError {
  const cp = codePointLabel(text, index);
  return new XmlError(
    'XML_INVALID_CHARACTER',
    `${what.zh}含有 XML 1.0 不允许的字符 ${cp}`,
    `${what.en} contains ${cp}, which XML 1.0 does not allow`,
    location,
  );
}
