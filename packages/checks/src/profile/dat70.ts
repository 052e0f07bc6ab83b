import type { FormatId } from '@dangan/core';
import type { CheckProfile } from './types.js';

/**
 * The archival formats of GB/T 18894-2016 (`packages-and-formats.md` §6.1, medium; rows marked inferred there
 * are audio and video), as core format ids: 版式 OFD and PDF; RTF, WPS, DOCX; JPEG, TIFF (and BigTIFF), PNG;
 * SVG (the only CAD 2D format dangan identifies); ET, XLS, XML for database-derived records; WAV and MP3;
 * MPEG-PS (MPG), MP4, FLV, AVI. Formats the table names that dangan cannot identify (SWF, WMF, EMF, EPS, DXF,
 * STEP, DBF) are left out; a host adds what its own scheme allows.
 *
 * @example
 * GBT18894_ARCHIVAL_FORMATS.includes('ofd'); // true
 */
export const GBT18894_ARCHIVAL_FORMATS = [
  'ofd',
  'pdf',
  'rtf',
  'wps',
  'docx',
  'jpeg',
  'tiff',
  'bigtiff',
  'png',
  'svg',
  'et',
  'xls',
  'xml',
  'wav',
  'mp3',
  'mpeg-ps',
  'mp4',
  'flv',
  'avi',
] as const satisfies readonly FormatId[];

/**
 * The default profile `dat70` (DA/T 70-2018 通用检测方案): every catalogue item enabled with its default
 * severity; allowed formats in every stage = {@link GBT18894_ARCHIVAL_FORMATS} (the transfer and preservation
 * lists are not published separately — low confidence, override per stage); digests SM3 and SHA-256
 * (`checks-dat70.md` §6: the default is a proposal); metadata dates read at UTC+8.
 *
 * @example
 * resolveProfile('dat70').parameters.digestAlgorithms; // ['sm3', 'sha256']
 */
export const dat70Profile = {
  id: 'dat70',
  name: 'DA/T 70-2018 通用检测方案',
  description:
    '全部检测项按目录默认严重程度启用；允许格式取 GB/T 18894-2016 归档格式（移交、长期保存两环节沿用同一清单，低置信度，可按环节覆盖）；摘要算法 SM3、SHA-256。',
  items: {},
  parameters: {
    allowedFormats: {
      archiving: GBT18894_ARCHIVAL_FORMATS,
      transfer: GBT18894_ARCHIVAL_FORMATS,
      preservation: GBT18894_ARCHIVAL_FORMATS,
    },
    digestAlgorithms: ['sm3', 'sha256'],
    metadata: { utcOffsetMinutes: 480, unknownElements: 'error' },
  },
} as const satisfies CheckProfile;
