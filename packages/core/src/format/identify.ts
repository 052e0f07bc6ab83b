import { type ByteSource, isByteSource } from '../bytes/byte-source.js';
import { type SafeResult, safelyAsync } from '../errors/result.js';
import { extensionMatchesFormat, fileExtension } from './extension.js';
import type { FormatInfo } from './format-info.js';
import { formatDescriptor } from './formats.js';
import { openInspectReader } from './inspect-reader.js';
import { probeBmp } from './probes/bmp.js';
import { probeFlv } from './probes/flv.js';
import { probeGif } from './probes/gif.js';
import { probeIsoBmff } from './probes/iso-bmff.js';
import { probeJpeg } from './probes/jpeg.js';
import { probeMpegAudio } from './probes/mpeg-audio.js';
import { probeMpegPs } from './probes/mpeg-ps.js';
import { probeOle2 } from './probes/ole2.js';
import { probePdf } from './probes/pdf.js';
import { probePng } from './probes/png.js';
import type { Draft, Probe, ProbeContext } from './probes/probe.js';
import { strip } from './probes/probe.js';
import { probeRiff } from './probes/riff.js';
import { probeRtf } from './probes/rtf.js';
import { probeText } from './probes/text.js';
import { probeTiff } from './probes/tiff.js';
import { probeZipBased } from './probes/zip-based.js';

/** Options of {@link identifyFormat}. */
export interface IdentifyFormatOptions {
  /** The file's name (or path): sets `extensionMatches` and breaks ties the bytes cannot (DOC vs WPS). */
  readonly fileName?: string;
  /** Stops reading with `DanganError('ABORTED')`. */
  readonly signal?: AbortSignal;
  /**
   * Most bytes to read, default 4 MiB. Streams are read from the start only; bytes and Blobs may also
   * be read at the end (ZIP central directory, PDF trailer). Files within the limit are seen whole.
   */
  readonly maxInspectBytes?: number;
}

/** Default of {@link IdentifyFormatOptions.maxInspectBytes}: 4 MiB. */
export const DEFAULT_MAX_INSPECT_BYTES = 4 * 1024 * 1024;

const HEAD_BYTES = 64 * 1024;

// Signatures at offset 0 first; then PDF (its header may follow junk), the weak MPEG frame sync, text.
const PROBES: readonly Probe[] = [
  probeZipBased,
  probeOle2,
  probeRtf,
  probePng,
  probeJpeg,
  probeGif,
  probeTiff,
  probeRiff,
  probeIsoBmff,
  probeFlv,
  probeMpegPs,
  probeBmp,
  probePdf,
  probeMpegAudio,
  probeText,
];

/**
 * Identifies the format of a file from its bytes (格式识别): magic numbers, then a look inside containers
 * (ZIP directory for OFD/DOCX/XLSX/PPTX, OLE2 directory for DOC/XLS/PPT/WPS/ET) and at the details
 * archives care about — PDF version, PDF/A claim and encryption, text encoding, image size. Reads at most
 * `maxInspectBytes`; hostile or cut files give an answer (often `unknown` or `truncated`), never a hang.
 * Only unreadable sources and aborts throw (`DanganError`).
 *
 * @example
 * const info = await identifyFormat(file, { fileName: '报告.pdf' }); // { id: 'pdf', version: '1.7', … }
 */
export async function identifyFormat(
  source: ByteSource,
  options: IdentifyFormatOptions = {},
): Promise<FormatInfo> {
  if (!isByteSource(source))
    throw new TypeError('source must be a ByteSource (Uint8Array, ArrayBuffer, Blob, stream…)');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const { fileName, signal } = options;
  if (fileName !== undefined && typeof fileName !== 'string')
    throw new TypeError('options.fileName must be a string');
  const budget = options.maxInspectBytes ?? DEFAULT_MAX_INSPECT_BYTES;
  if (!Number.isSafeInteger(budget) || budget <= 0) {
    throw new RangeError(`options.maxInspectBytes must be a positive integer, got ${String(budget)}`);
  }
  const reader = await openInspectReader(source, { budget, signal });
  try {
    const head = await reader.read(0, Math.min(HEAD_BYTES, budget));
    const extension = fileName === undefined ? undefined : fileExtension(fileName);
    const context: ProbeContext = { reader, head, extension, budget };
    let draft: Draft | undefined;
    if (head.length === 0) draft = { id: 'unknown', details: { empty: true } };
    for (const probe of PROBES) {
      if (draft !== undefined) break;
      draft = await probe(context);
    }
    return finish(draft ?? { id: 'unknown' }, fileName);
  } finally {
    await reader.close();
  }
}

/**
 * {@link identifyFormat} returning a {@link SafeResult}: unreadable sources and aborts become findings.
 *
 * @example
 * const r = await safeIdentifyFormat(blob); if (r.ok && r.value.flags.encrypted) warn();
 */
export function safeIdentifyFormat(
  source: ByteSource,
  options: IdentifyFormatOptions = {},
): Promise<SafeResult<FormatInfo>> {
  return safelyAsync(() => identifyFormat(source, options));
}

function finish(draft: Draft, fileName: string | undefined): FormatInfo {
  const row = formatDescriptor(draft.id);
  const details = draft.details === undefined ? undefined : strip(draft.details);
  return strip<FormatInfo>({
    id: row.id,
    name: row.name,
    nameZh: row.nameZh,
    category: row.category,
    version: draft.version,
    mimeType: row.mimeType,
    extension: row.extension,
    // A probe that sets `pronom` (even to undefined) knows better than the table's default.
    pronom: Object.hasOwn(draft, 'pronom') ? draft.pronom : row.pronom,
    flags: strip(draft.flags ?? {}),
    encoding: draft.encoding,
    extensionMatches:
      fileName === undefined
        ? undefined
        : draft.id !== 'unknown' && extensionMatchesFormat(fileName, draft.id),
    details: details !== undefined && Object.keys(details).length > 0 ? details : undefined,
  });
}
