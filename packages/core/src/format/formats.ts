import type { FormatCategory, FormatId } from './format-info.js';

/** One row of {@link FORMATS}: what dangan knows about a format before looking at any bytes. */
export interface FormatDescriptor {
  readonly id: FormatId;
  readonly name: string;
  readonly nameZh: string;
  readonly category: FormatCategory;
  readonly mimeType: string;
  /** Usual extension, lowercase, no dot. */
  readonly extension: string;
  /** Every extension files of this format commonly carry (the usual one first). */
  readonly extensions: readonly string[];
  /**
   * The PRONOM PUID when one identifier covers the format whatever its version. Formats with one PUID
   * per version (PDF, GIF, JPEG, PNG, BMP, WAV, MPEG-PS) leave it out here; {@link FormatInfo.pronom}
   * then carries the one the bytes pin down.
   */
  readonly pronom?: string;
}

/**
 * The formats {@link identifyFormat} can report, as data: ids, names, MIME types, extensions and
 * version-independent PRONOM PUIDs. Use it to build allowed-format lists.
 *
 * PUIDs are given only where the mapping is certain; {@link FormatInfo.pronom} adds the version-specific
 * ones the bytes decide: PDF 1.0–1.7 fmt/14–20 and fmt/276, PDF 2.0 fmt/1129; PDF/A-1a/1b fmt/95, fmt/354,
 * 2a/2b/2u fmt/476–478, 3a/3b/3u fmt/479–481, 4/4e/4f fmt/1910–1912; Word 97–2003 fmt/40, Excel 97–2003
 * (BIFF8) fmt/61, PowerPoint 97–2003 fmt/126, encrypted OOXML fmt/494; JFIF 1.00–1.02 fmt/42–44, EXIF
 * 2.0/2.1/2.2/2.21 x-fmt/398, x-fmt/390, x-fmt/391, fmt/645, other JPEG fmt/41; PNG fmt/11–13 by chunks;
 * GIF fmt/3, fmt/4; BMP fmt/115–119 by header; WAVE fmt/141–143 by `fmt ` chunk, RF64 fmt/712; MPEG audio
 * layer I/II fmt/347, fmt/198; MPEG-1/2 program stream x-fmt/385, x-fmt/386.
 *
 * Never given: OFD, WPS/ET/DPS (Kingsoft), RTF (one PUID per RTF minor version, which `\rtf1` does not
 * state), BigTIFF, HTML, SVG, Broadcast Wave (PUID depends on the bext version), Word 6/95, Excel 5/95;
 * `docx`/`xlsx`/`pptx` carry the transitional-OOXML PUIDs even for Strict OOXML files.
 *
 * @example
 * const archival = FORMATS.filter((f) => ['pdf', 'ofd', 'jpeg', 'tiff'].includes(f.id));
 */
export const FORMATS: readonly FormatDescriptor[] = [
  {
    id: 'pdf',
    name: 'PDF',
    nameZh: 'PDF 版式文档',
    category: 'document',
    mimeType: 'application/pdf',
    extension: 'pdf',
    extensions: ['pdf'],
  },
  {
    id: 'ofd',
    name: 'OFD',
    nameZh: 'OFD 版式文档',
    category: 'document',
    mimeType: 'application/ofd',
    extension: 'ofd',
    extensions: ['ofd'],
  },
  {
    id: 'docx',
    name: 'Word (OOXML)',
    nameZh: 'Word 文档（OOXML）',
    category: 'document',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    extensions: ['docx'],
    pronom: 'fmt/412',
  },
  {
    id: 'xlsx',
    name: 'Excel (OOXML)',
    nameZh: 'Excel 工作簿（OOXML）',
    category: 'spreadsheet',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    extensions: ['xlsx'],
    pronom: 'fmt/214',
  },
  {
    id: 'pptx',
    name: 'PowerPoint (OOXML)',
    nameZh: 'PowerPoint 演示文稿（OOXML）',
    category: 'presentation',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    extensions: ['pptx'],
    pronom: 'fmt/215',
  },
  {
    id: 'zip',
    name: 'ZIP',
    nameZh: 'ZIP 压缩包',
    category: 'archive',
    mimeType: 'application/zip',
    extension: 'zip',
    extensions: ['zip'],
    pronom: 'x-fmt/263',
  },
  {
    id: 'ole2',
    name: 'OLE2 Compound File',
    nameZh: 'OLE2 复合文档',
    category: 'container',
    mimeType: 'application/x-ole-storage',
    extension: '',
    extensions: [],
    pronom: 'fmt/111',
  },
  {
    id: 'doc',
    name: 'Word 97-2003',
    nameZh: 'Word 97-2003 文档',
    category: 'document',
    mimeType: 'application/msword',
    extension: 'doc',
    extensions: ['doc', 'dot'],
  },
  {
    id: 'xls',
    name: 'Excel 97-2003',
    nameZh: 'Excel 97-2003 工作簿',
    category: 'spreadsheet',
    mimeType: 'application/vnd.ms-excel',
    extension: 'xls',
    extensions: ['xls', 'xlt'],
  },
  {
    id: 'ppt',
    name: 'PowerPoint 97-2003',
    nameZh: 'PowerPoint 97-2003 演示文稿',
    category: 'presentation',
    mimeType: 'application/vnd.ms-powerpoint',
    extension: 'ppt',
    extensions: ['ppt', 'pps', 'pot'],
  },
  {
    id: 'wps',
    name: 'WPS Writer',
    nameZh: 'WPS 文字文档',
    category: 'document',
    mimeType: 'application/wps-office.wps',
    extension: 'wps',
    extensions: ['wps', 'wpt'],
  },
  {
    id: 'et',
    name: 'WPS Spreadsheets',
    nameZh: 'WPS 表格',
    category: 'spreadsheet',
    mimeType: 'application/wps-office.et',
    extension: 'et',
    extensions: ['et', 'ett'],
  },
  {
    id: 'dps',
    name: 'WPS Presentation',
    nameZh: 'WPS 演示',
    category: 'presentation',
    mimeType: 'application/wps-office.dps',
    extension: 'dps',
    extensions: ['dps', 'dpt'],
  },
  {
    id: 'rtf',
    name: 'RTF',
    nameZh: 'RTF 富文本',
    category: 'document',
    mimeType: 'application/rtf',
    extension: 'rtf',
    extensions: ['rtf'],
  },
  {
    id: 'jpeg',
    name: 'JPEG',
    nameZh: 'JPEG 图像',
    category: 'image',
    mimeType: 'image/jpeg',
    extension: 'jpg',
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
  },
  {
    id: 'png',
    name: 'PNG',
    nameZh: 'PNG 图像',
    category: 'image',
    mimeType: 'image/png',
    extension: 'png',
    extensions: ['png'],
  },
  {
    id: 'tiff',
    name: 'TIFF',
    nameZh: 'TIFF 图像',
    category: 'image',
    mimeType: 'image/tiff',
    extension: 'tif',
    extensions: ['tif', 'tiff'],
    pronom: 'fmt/353',
  },
  {
    id: 'bigtiff',
    name: 'BigTIFF',
    nameZh: 'BigTIFF 图像',
    category: 'image',
    mimeType: 'image/tiff',
    extension: 'tif',
    extensions: ['tif', 'tiff', 'btf', 'tf8'],
  },
  {
    id: 'gif',
    name: 'GIF',
    nameZh: 'GIF 图像',
    category: 'image',
    mimeType: 'image/gif',
    extension: 'gif',
    extensions: ['gif'],
  },
  {
    id: 'bmp',
    name: 'BMP',
    nameZh: 'BMP 图像',
    category: 'image',
    mimeType: 'image/bmp',
    extension: 'bmp',
    extensions: ['bmp', 'dib'],
  },
  {
    id: 'wav',
    name: 'WAVE',
    nameZh: 'WAV 音频',
    category: 'audio',
    mimeType: 'audio/wav',
    extension: 'wav',
    extensions: ['wav', 'wave', 'bwf', 'rf64'],
  },
  {
    id: 'mp3',
    name: 'MP3',
    nameZh: 'MP3 音频',
    category: 'audio',
    mimeType: 'audio/mpeg',
    extension: 'mp3',
    extensions: ['mp3'],
    pronom: 'fmt/134',
  },
  {
    id: 'mpeg-audio',
    name: 'MPEG Audio Layer I/II',
    nameZh: 'MPEG 音频（第 I/II 层）',
    category: 'audio',
    mimeType: 'audio/mpeg',
    extension: 'mp2',
    extensions: ['mp2', 'mpa', 'mp1'],
  },
  {
    id: 'mp4',
    name: 'MP4',
    nameZh: 'MP4 视频',
    category: 'video',
    mimeType: 'video/mp4',
    extension: 'mp4',
    extensions: ['mp4', 'm4v', 'm4a', 'f4v'],
    pronom: 'fmt/199',
  },
  {
    id: 'mov',
    name: 'QuickTime',
    nameZh: 'QuickTime 视频',
    category: 'video',
    mimeType: 'video/quicktime',
    extension: 'mov',
    extensions: ['mov', 'qt'],
    pronom: 'x-fmt/384',
  },
  {
    id: 'avi',
    name: 'AVI',
    nameZh: 'AVI 视频',
    category: 'video',
    mimeType: 'video/x-msvideo',
    extension: 'avi',
    extensions: ['avi'],
    pronom: 'fmt/5',
  },
  {
    id: 'flv',
    name: 'FLV',
    nameZh: 'FLV 视频',
    category: 'video',
    mimeType: 'video/x-flv',
    extension: 'flv',
    extensions: ['flv'],
    pronom: 'x-fmt/382',
  },
  {
    id: 'mpeg-ps',
    name: 'MPEG Program Stream',
    nameZh: 'MPEG 节目流',
    category: 'video',
    mimeType: 'video/mpeg',
    extension: 'mpg',
    extensions: ['mpg', 'mpeg', 'vob', 'mpe'],
  },
  {
    id: 'xml',
    name: 'XML',
    nameZh: 'XML 文档',
    category: 'text',
    mimeType: 'application/xml',
    extension: 'xml',
    extensions: ['xml', 'xsd', 'xsl', 'xslt'],
    pronom: 'fmt/101',
  },
  {
    id: 'svg',
    name: 'SVG',
    nameZh: 'SVG 矢量图',
    category: 'image',
    mimeType: 'image/svg+xml',
    extension: 'svg',
    extensions: ['svg'],
  },
  {
    id: 'html',
    name: 'HTML',
    nameZh: 'HTML 网页',
    category: 'text',
    mimeType: 'text/html',
    extension: 'html',
    extensions: ['html', 'htm', 'xhtml'],
  },
  {
    id: 'text',
    name: 'Plain text',
    nameZh: '纯文本',
    category: 'text',
    mimeType: 'text/plain',
    extension: 'txt',
    extensions: ['txt', 'text', 'csv', 'tsv', 'log', 'md'],
    pronom: 'x-fmt/111',
  },
  {
    id: 'unknown',
    name: 'Unknown',
    nameZh: '未知格式',
    category: 'other',
    mimeType: 'application/octet-stream',
    extension: '',
    extensions: [],
  },
];

let byId: Map<FormatId, FormatDescriptor> | undefined;

/**
 * The {@link FORMATS} row of a format id.
 *
 * @example
 * formatDescriptor('ofd').mimeType; // 'application/ofd'
 */
export function formatDescriptor(id: FormatId): FormatDescriptor {
  byId ??= new Map(FORMATS.map((f) => [f.id, f]));
  const found = byId.get(id);
  if (found === undefined) throw new RangeError(`unknown format id: ${String(id)}`);
  return found;
}
