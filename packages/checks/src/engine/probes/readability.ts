import type { Finding, FormatInfo } from '@dangan/core';
import type { CapturedAttributes } from '@dangan/metadata';
import type { ReadabilityFact } from '../facts.js';

/** What the other probes of the read found, for {@link readabilityOf}. */
export interface ProbeResults {
  readonly format: FormatInfo;
  /** Whole file held (not just a head and a tail). */
  readonly complete: boolean;
  readonly capture?: Pick<CapturedAttributes<never>, '照片' | '音视频' | 'findings'>;
  /** PDF and OFD probes, when they ran. */
  readonly structured?: ReadabilityFact;
  /** XML well-formedness over the whole stream, when it ran: `undefined` ok, else the error finding. */
  readonly xml?: { readonly ok: boolean; readonly finding?: Finding };
}

const UNREADABLE_CAPTURE = /* @__PURE__ */ new Set([
  'CAPTURE_MEDIA_TRUNCATED',
  'CAPTURE_MEDIA_INVALID',
  'CAPTURE_IMAGE_SIZE_UNKNOWN',
  'CAPTURE_MOOV_MISSING',
]);
const PARTIAL_CAPTURE = /* @__PURE__ */ new Set(['CAPTURE_HEADER_OUT_OF_REACH', 'CAPTURE_MOOV_TOO_LARGE']);

/**
 * Decides how far a file's structure decoded (内容数据可读性), from the probes of the single read:
 * - PDF, OFD: their structure probes (see `pdfProbe`, `ofdProbe`);
 * - images (JPEG, PNG, TIFF, GIF, BMP): the header decodes to a width and a height (`identifyFormat`,
 *   `captureAttributes`), no truncation;
 * - audio and video (WAV, MP3, MP4/MOV, FLV, AVI, MPEG-PS): the headers decode (format chunk, first frame,
 *   `moov` with its tracks) without `CAPTURE_MEDIA_*` problems;
 * - XML (and SVG): the whole document is well-formed (streamed through the safe XML reader);
 * - OOXML, OLE2 (DOC/XLS/WPS/ET …), RTF, text: the container directory or header identified the format,
 *   and text decodes in its encoding.
 * Frames, pixels and glyphs are never decoded: this is a header and structure check, and says so in
 * `checked`. Any other format is `unsupported`.
 *
 * @example
 * readabilityOf({ format, complete: true, capture }).status; // 'readable'
 */
export function readabilityOf(probes: ProbeResults, path: string): ReadabilityFact {
  const { format } = probes;
  const id = format.id;
  const truncated = format.flags.truncated === true;
  const cut: Finding = {
    code: 'CHECK_CONTENT_TRUNCATED',
    severity: 'error',
    message: '文件在其结构声明的结尾之前就结束了（被截断）',
    messageEn: 'The file ends before its own structure says it should (truncated)',
    path,
  };
  if (probes.structured !== undefined) {
    if (truncated && probes.structured.status !== 'unreadable') {
      return { ...probes.structured, status: 'unreadable', findings: [...probes.structured.findings, cut] };
    }
    return probes.structured;
  }
  const captureFindings = (probes.capture?.findings ?? []).map((f) => ({ ...f, path }));
  const fromCapture = (checked: string, checkedEn: string, decoded: boolean): ReadabilityFact => {
    const errors: Finding[] = captureFindings
      .filter((f) => UNREADABLE_CAPTURE.has(f.code))
      .map((f) => ({ ...f, severity: 'error' as const }));
    if (truncated) errors.push(cut);
    if (!decoded && errors.length === 0) {
      errors.push({
        code: 'CHECK_CONTENT_HEADER',
        severity: 'error',
        message: '文件头无法解码',
        messageEn: 'The header does not decode',
        path,
      });
    }
    const notes = captureFindings.filter((f) => !UNREADABLE_CAPTURE.has(f.code));
    if (errors.length > 0)
      return { status: 'unreadable', checked, checkedEn, findings: [...errors, ...notes] };
    const partial = !probes.complete && captureFindings.some((f) => PARTIAL_CAPTURE.has(f.code));
    return { status: partial ? 'partial' : 'readable', checked, checkedEn, findings: notes };
  };
  const d = format.details ?? {};
  switch (id) {
    case 'jpeg':
    case 'png':
    case 'tiff':
    case 'bigtiff':
    case 'gif':
    case 'bmp': {
      const p = probes.capture?.照片?.图像参数;
      const ok = (p?.图像宽度 ?? d.width ?? 0) > 0 && (p?.图像高度 ?? d.height ?? 0) > 0;
      return fromCapture('图像文件头与图像尺寸（宽、高）', 'image header and dimensions (width, height)', ok);
    }
    case 'wav':
    case 'mp3':
    case 'mpeg-audio': {
      const a = probes.capture?.音视频;
      const ok = a !== undefined || d.sampleRate !== undefined || d.layer !== undefined;
      return fromCapture(
        '音频文件头（格式块或首个音频帧）',
        'audio header (format chunk or first frame)',
        ok,
      );
    }
    case 'mp4':
    case 'mov': {
      const a = probes.capture?.音视频;
      const ok =
        a !== undefined && (a.视频参数 !== undefined || a.音频参数 !== undefined || a.时长秒 !== undefined);
      return fromCapture('视频文件的 moov 盒与轨道参数', 'the moov box and its track parameters', ok);
    }
    case 'avi':
    case 'flv':
    case 'mpeg-ps':
      return fromCapture('音视频容器文件头', 'audio/video container header', true);
    case 'xml':
    case 'svg': {
      const checked = 'XML 文档完整可解析（良构）';
      const checkedEn = 'the whole XML document parses (well-formed)';
      if (probes.xml === undefined) {
        return {
          status: 'partial',
          checked: `${checked}（未完整解析）`,
          checkedEn: `${checkedEn} (not parsed whole)`,
          findings: [],
        };
      }
      return probes.xml.ok
        ? { status: 'readable', checked, checkedEn, findings: [] }
        : {
            status: 'unreadable',
            checked,
            checkedEn,
            findings: probes.xml.finding ? [probes.xml.finding] : [],
          };
    }
    case 'docx':
    case 'xlsx':
    case 'pptx':
    case 'doc':
    case 'xls':
    case 'ppt':
    case 'wps':
    case 'et':
    case 'dps':
    case 'rtf':
      return fromCapture(
        '文件头与容器目录可解析，格式可确认（未解析正文）',
        'header and container directory parse and pin down the format (body not parsed)',
        true,
      );
    case 'text':
    case 'html': {
      const checked = '文本按其编码可无误解码';
      const checkedEn = 'the text decodes without error in its encoding';
      if (d.encodingValid === false) {
        return {
          status: 'unreadable',
          checked,
          checkedEn,
          findings: [
            {
              code: 'CHECK_TEXT_ENCODING',
              severity: 'error',
              message: `文本无法按 ${format.encoding ?? '其编码'} 解码（疑似乱码）`,
              messageEn: `The text does not decode as ${format.encoding ?? 'its encoding'} (mojibake?)`,
              path,
            },
          ],
        };
      }
      return { status: probes.complete ? 'readable' : 'partial', checked, checkedEn, findings: [] };
    }
    case 'pdf':
    case 'ofd':
      return {
        status: 'partial',
        checked: '仅确认了格式，未检查文档结构',
        checkedEn: 'only the format was confirmed; the document structure was not checked',
        findings: [],
      };
    default:
      return {
        status: 'unsupported',
        checked: `没有针对格式“${format.nameZh}”的可读性探测`,
        checkedEn: `No readability probe for the format "${format.name}"`,
        findings: [],
      };
  }
}
