import type { FormatId } from './format-info.js';
import { formatDescriptor } from './formats.js';

/**
 * The extension of a file name, lowercase and without the dot; `undefined` when there is none. Paths
 * with `/` or `\` are reduced to their last part; a leading dot (`.profile`) is not an extension.
 *
 * @example
 * fileExtension('C:\\归档\\报告.PDF'); // 'pdf'
 */
export function fileExtension(fileName: string): string | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return undefined;
  return base.slice(dot + 1).toLowerCase();
}

/**
 * Whether a file name's extension is one the format commonly uses. Always `false` for `unknown` and for
 * names without an extension.
 *
 * @example
 * extensionMatchesFormat('a.jpeg', 'jpeg'); // true
 */
export function extensionMatchesFormat(fileName: string, id: FormatId): boolean {
  const extension = fileExtension(fileName);
  return extension !== undefined && formatDescriptor(id).extensions.includes(extension);
}
