import {
  type ByteSource,
  type ByteSourceValue,
  chunks,
  createHasher,
  DanganError,
  DEFAULT_MAX_INSPECT_BYTES,
  type DigestAlgorithm,
  type FormatInfo,
  type Hasher,
  identifyFormat,
  isByteSource,
  parseDigestAlgorithm,
  type SafeResult,
  safelyAsync,
  throwIfAborted,
} from '@dangan/core';
import { HeaderCollector } from './collector.js';
import { pdfCreator } from './creator/pdf-creator.js';
import { zipCreator } from './creator/zip-creator.js';
import { FindingList } from './findings.js';
import { computerFileName, formatInformation } from './format-information.js';
import { movieAttributes } from './media/movie-attributes.js';
import { mpegAudioAttributes } from './media/mpeg-audio.js';
import { wavAttributes } from './media/wav.js';
import { photoAttributes } from './photo/photo-attributes.js';
import type { ByteRegions } from './regions.js';
import type {
  AudioVisualAttributes,
  CapturedAttributes,
  CaptureOptions,
  ElectronicAttributes,
  PhotoAttributes,
} from './types.js';

/** Default of {@link CaptureOptions.maxHeaderBytes}: 4 MiB, the same as format identification reads. */
export const DEFAULT_MAX_HEADER_BYTES = DEFAULT_MAX_INSPECT_BYTES;
/** Default of {@link CaptureOptions.maxMoovBytes}: 64 MiB. */
export const DEFAULT_MAX_MOOV_BYTES = 64 * 1024 * 1024;
const MAX_TAIL_BYTES = 1024 * 1024;

/**
 * Reads a file's electronic attributes (电子属性, DA/T 46 M47–M50), digests, format, and the technical
 * elements of photographs (DA/T 54: EXIF time, GPS position, device, image parameters) and of audio and
 * video (DA/T 63: duration, frames, codecs, resolution, rates) in **one streaming pass** over the bytes.
 *
 * Every chunk feeds the digest hashers and a collector that keeps only bounded regions: the first
 * `maxHeaderBytes` (default 4 MiB), the last `min(maxHeaderBytes, 1 MiB)`, and the MP4/MOV `moov` box
 * wherever it lies (found by box sizes, so a leading `mdat` is hashed but never kept; at most
 * `maxMoovBytes`, default 64 MiB). A source function is called once. Random-access sources (bytes,
 * `Blob`) are identified with `identifyFormat` on the source (head and tail); streams are identified from
 * the kept prefix only, so for a stream larger than `maxHeaderBytes` facts that live at the end of a file
 * (a PDF trailer's `/Encrypt`) may be missing from `格式`.
 *
 * Bad, cut or hostile headers never throw: they give warnings in `findings` (`CAPTURE_EXIF_INVALID`,
 * `CAPTURE_MEDIA_TRUNCATED` …) and the attributes that could be read. A source that fails to read throws
 * `DanganError('BYTES_READ_FAILED')`; an abort throws `DanganError('ABORTED')`.
 *
 * @example
 * const a = await captureAttributes(fromFile('/data/会议.mp4'), '会议.mp4', { algorithms: ['sm3', 'sha256'] });
 * a.电子属性.格式信息;       // 'MP4, video/mp4; PRONOM fmt/199'
 * a.摘要.sm3;                // '66c7f0f4…'
 * a.音视频?.时间长度;        // '00:42:17'
 * a.音视频?.视频参数?.分辨率; // '1920×1080'
 */
export async function captureAttributes<A extends DigestAlgorithm = 'sm3'>(
  source: ByteSource,
  fileName: string,
  options: CaptureOptions<A> = {},
): Promise<CapturedAttributes<A>> {
  if (!isByteSource(source))
    throw new TypeError('source must be a ByteSource (Uint8Array, ArrayBuffer, Blob, stream…)');
  if (typeof fileName !== 'string') throw new TypeError(`fileName must be a string, got ${typeof fileName}`);
  const name = computerFileName(fileName);
  if (name.length === 0) throw new RangeError('fileName must name a file, got an empty name');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const algorithms = options.algorithms ?? (['sm3'] as readonly DigestAlgorithm[] as readonly A[]);
  if (!Array.isArray(algorithms) || algorithms.length === 0)
    throw new RangeError('options.algorithms must name at least one digest algorithm');
  const maxHeaderBytes = positive(options.maxHeaderBytes, DEFAULT_MAX_HEADER_BYTES, 'maxHeaderBytes');
  const maxMoovBytes = positive(options.maxMoovBytes, DEFAULT_MAX_MOOV_BYTES, 'maxMoovBytes');
  const { signal } = options;
  const hashers: Hasher[] = [...new Set(algorithms.map((a) => parseDigestAlgorithm(a)))].map((a) =>
    createHasher(a),
  );
  throwIfAborted(signal);

  const value = await open(source);
  const collector = new HeaderCollector({
    prefixBytes: maxHeaderBytes,
    tailBytes: Math.min(maxHeaderBytes, MAX_TAIL_BYTES),
    maxMoovBytes,
  });
  const iterator = chunks(value, signal === undefined ? {} : { signal })[Symbol.asyncIterator]();
  let finished = false;
  try {
    while (true) {
      let step: IteratorResult<Uint8Array>;
      try {
        step = await iterator.next();
      } catch (e) {
        finished = true;
        throw asReadError(e);
      }
      if (step.done) {
        finished = true;
        break;
      }
      for (const h of hashers) h.update(step.value);
      collector.push(step.value);
    }
  } finally {
    if (!finished) await iterator.return?.(undefined);
  }
  const collected = collector.finish();
  const format = await identify(value, collected.regions, name, maxHeaderBytes, signal);
  throwIfAborted(signal);

  const findings = new FindingList(name);
  const { photo, av, creator } = await technical(format, collected, findings);
  const 摘要 = {} as Record<A, string>;
  for (const h of hashers) 摘要[h.algorithm as A] = h.digestHex();
  const 电子属性: ElectronicAttributes = {
    格式信息: formatInformation(format),
    计算机文件名: name,
    计算机文件大小: collected.size,
    ...(creator === undefined ? {} : { 文档创建程序: creator }),
  };
  return {
    电子属性,
    摘要,
    格式: format,
    ...(photo === undefined ? {} : { 照片: photo }),
    ...(av === undefined ? {} : { 音视频: av }),
    findings: findings.items,
  };
}

/**
 * {@link captureAttributes} returning a {@link SafeResult}: an unreadable source, an abort or an unknown
 * digest algorithm becomes `{ ok: false, findings, error }`; header problems stay in `value.findings`.
 *
 * @example
 * const r = await safeCaptureAttributes(blob, '照片.jpg');
 * if (r.ok) console.log(r.value.照片?.拍摄位置); else console.log(r.findings);
 */
export function safeCaptureAttributes<A extends DigestAlgorithm = 'sm3'>(
  source: ByteSource,
  fileName: string,
  options: CaptureOptions<A> = {},
): Promise<SafeResult<CapturedAttributes<A>>> {
  return safelyAsync(() => captureAttributes(source, fileName, options));
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`options.${name} must be a positive integer, got ${String(value)}`);
  return value;
}

/** Calls a source function once; what it throws is a read failure of the source. */
async function open(source: ByteSource): Promise<ByteSourceValue> {
  if (typeof source !== 'function') return source;
  try {
    return await source();
  } catch (e) {
    throw asReadError(e);
  }
}

function asReadError(e: unknown): DanganError {
  if (e instanceof DanganError) return e;
  const text = e instanceof Error ? e.message : String(e);
  return new DanganError('BYTES_READ_FAILED', `读取字节来源失败：${text}`, {
    messageEn: `Reading the byte source failed: ${text}`,
    cause: e,
  });
}

function isRandomAccess(value: ByteSourceValue): value is Uint8Array | ArrayBuffer | Blob {
  return (
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

/**
 * The format: random-access sources are identified on themselves (head and tail); streams on the kept
 * prefix, presented as a stream that goes on past it when the file did, so that probes do not mistake
 * the end of the prefix for the end of the file.
 */
async function identify(
  value: ByteSourceValue,
  regions: ByteRegions,
  fileName: string,
  maxHeaderBytes: number,
  signal: AbortSignal | undefined,
): Promise<FormatInfo> {
  const common = { fileName, ...(signal === undefined ? {} : { signal }) };
  if (isRandomAccess(value)) return identifyFormat(value, { ...common, maxInspectBytes: maxHeaderBytes });
  const prefix = regions.prefix;
  if (regions.complete)
    return identifyFormat(prefix, { ...common, maxInspectBytes: Math.max(1, maxHeaderBytes) });
  return identifyFormat([prefix, new Uint8Array(1)], { ...common, maxInspectBytes: prefix.length });
}

async function technical(
  format: FormatInfo,
  collected: ReturnType<HeaderCollector['finish']>,
  findings: FindingList,
): Promise<{ photo?: PhotoAttributes; av?: AudioVisualAttributes; creator?: string }> {
  const { regions } = collected;
  switch (format.id) {
    case 'jpeg':
    case 'png':
    case 'tiff':
    case 'bigtiff':
    case 'gif':
    case 'bmp': {
      const { photo, software } = photoAttributes(format, regions, findings);
      return strip({ photo, creator: software });
    }
    case 'wav':
      return strip({ av: wavAttributes(regions, findings) });
    case 'mp3':
    case 'mpeg-audio':
      return strip({ av: mpegAudioAttributes(regions, findings) });
    case 'mp4':
    case 'mov': {
      const { av, encoder } = movieAttributes(collected.boxWalk, collected.size, findings);
      return strip({ av, creator: encoder });
    }
    case 'pdf':
      return strip({ creator: pdfCreator(regions, format.flags.encrypted === true) });
    case 'docx':
    case 'xlsx':
    case 'pptx':
      return strip({ creator: await zipCreator(regions, 'ooxml') });
    case 'ofd':
      return strip({ creator: await zipCreator(regions, 'ofd') });
    default:
      return {};
  }
}

function strip<T extends object>(value: { [K in keyof T]: T[K] | undefined }): { [K in keyof T]?: T[K] } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: T[K] };
}
