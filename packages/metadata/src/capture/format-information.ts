import type { FormatInfo } from '@dangan/core';

/**
 * M47 格式信息 from an identified format: `格式名称, 格式版本, MIME媒体类型`, leaving out the parts that
 * are unknown (never an empty part between commas), then `; PRONOM <PUID>` when the PUID is known.
 *
 * @example
 * formatInformation(pdfInfo);  // 'PDF, 1.7, application/pdf; PRONOM fmt/276'
 * formatInformation(tiffInfo); // 'TIFF, image/tiff; PRONOM fmt/353'
 */
export function formatInformation(format: FormatInfo): string {
  const parts = [format.name, format.version, format.mimeType].filter(
    (p): p is string => typeof p === 'string' && p.trim().length > 0,
  );
  const text = parts.join(', ');
  return format.pronom === undefined ? text : `${text}; PRONOM ${format.pronom}`;
}

/**
 * M48 计算机文件名: the last segment of a path (either slash), in Unicode NFC so that names typed on
 * different systems compare equal.
 *
 * @example
 * computerFileName('C:\\办件\\决定书.pdf'); // '决定书.pdf'
 */
export function computerFileName(fileName: string): string {
  const base =
    fileName
      .split(/[\\/]/)
      .filter((s) => s.length > 0)
      .pop() ?? '';
  return base.normalize('NFC');
}
