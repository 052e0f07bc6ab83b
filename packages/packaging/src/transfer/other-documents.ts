import type { Finding } from '@dangan/core';
import { transferFinding } from './codes.js';

/**
 * Extensions accepted in a carrier's `其他/` folder, which the transfer rules limit to "TXT, XML or long-term
 * preservation formats" (附件2; high): text and XML (schemas included), the 版式 formats OFD and PDF (for a
 * signed copy of the 登记表 or a specification), and the image formats of the archival-format table (JPG, TIF,
 * PNG) for scans. Which long-term formats count is not listed by the rules (medium): pass your own list.
 *
 * @example
 * OTHER_DOCUMENT_EXTENSIONS.includes('ofd'); // true
 */
export const OTHER_DOCUMENT_EXTENSIONS: readonly string[] = [
  'txt',
  'xml',
  'xsd',
  'ofd',
  'pdf',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
  'png',
];

/**
 * The extension of a path, lower case, without the dot (`''` when none).
 *
 * @example
 * extensionOf('其他/方案.XML'); // 'xml'
 */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * A `TRANSFER_OTHER_DOCUMENT_REFUSED` finding when `path` (in `其他/`) has an extension outside `extensions`,
 * else `undefined`. The check is by extension: the format's bytes are the checks package's business (YJ 3-2).
 *
 * @example
 * otherDocumentProblem('其他/工具.exe')?.code; // 'TRANSFER_OTHER_DOCUMENT_REFUSED'
 */
export function otherDocumentProblem(
  path: string,
  extensions: readonly string[] = OTHER_DOCUMENT_EXTENSIONS,
  severity: Finding['severity'] = 'error',
): Finding | undefined {
  const ext = extensionOf(path);
  if (extensions.some((e) => e.toLowerCase() === ext)) return undefined;
  return transferFinding(
    'TRANSFER_OTHER_DOCUMENT_REFUSED',
    `“${path}”的格式（${ext === '' ? '无扩展名' : ext.toUpperCase()}）不是 TXT、XML 或长期保存格式，不能放入“其他”文件夹`,
    `"${path}" (${ext === '' ? 'no extension' : ext.toUpperCase()}) is not TXT, XML or a long-term format`,
    { path },
    severity,
  );
}
