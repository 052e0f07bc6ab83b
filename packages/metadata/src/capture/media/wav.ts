import { compactOrUndefined, hasAscii, latin1, u16le, u32le, u64le } from '../binary.js';
import type { FindingList } from '../findings.js';
import type { ByteRegions } from '../regions.js';
import type { AudioParameters, AudioVisualAttributes } from '../types.js';
import { durationFields } from './duration.js';

const MAX_CHUNKS = 1024;

/** WAVE format tags (`fmt ` wFormatTag, or the first two bytes of an extensible SubFormat GUID) by name. */
const WAVE_CODECS: Readonly<Record<number, string>> = {
  1: 'PCM',
  2: 'MS ADPCM',
  3: 'PCM（IEEE 浮点）',
  6: 'G.711 A-law',
  7: 'G.711 μ-law',
  17: 'IMA ADPCM',
  49: 'GSM 6.10',
  80: 'MPEG-1 Layer I/II',
  85: 'MPEG-1 Layer III',
  255: 'AAC',
  5648: 'AAC',
  8192: 'AC-3',
  61868: 'FLAC',
};

// Codecs whose duration follows from the data size and the block alignment.
const SAMPLE_CODECS = /* @__PURE__ */ new Set([0x0001, 0x0003, 0x0006, 0x0007]);

/**
 * DA/T 63 elements of a WAVE file (RIFF, RF64, BW64): codec, rate, bits and channels from `fmt `, duration
 * from the `data` size (PCM: frames ÷ rate; other codecs: `fact` sample count, else bytes ÷ byte rate).
 * A `data` chunk that claims more bytes than the file has gives a truncation finding, and the bytes
 * present are used.
 */
export function wavAttributes(
  regions: ByteRegions,
  findings: FindingList,
): AudioVisualAttributes | undefined {
  const head = regions.prefix;
  if (head.length < 12 || !hasAscii(head, 'WAVE', 8)) return undefined;
  let fmt: Uint8Array | undefined;
  let ds64DataSize: number | undefined;
  let factSamples: number | undefined;
  let data: { at: number; declared: number } | undefined;
  let pos = 12;
  for (let n = 0; n < MAX_CHUNKS && data === undefined; n++) {
    const header = regions.read(pos, 8);
    if (header.kind === 'out-of-reach') {
      findings.add(
        'CAPTURE_HEADER_OUT_OF_REACH',
        `WAVE 块头位于偏移量 ${pos}，超出保留的头部范围`,
        `A WAVE chunk header at offset ${pos} is outside the header bytes kept`,
      );
      break;
    }
    if (header.bytes.length < 8) {
      findings.add(
        'CAPTURE_MEDIA_TRUNCATED',
        'WAVE 文件在 data 块之前结束',
        'The WAVE file ends before its data chunk',
      );
      break;
    }
    const id = latin1(header.bytes, 0, 4);
    const size = u32le(header.bytes, 4);
    const body = pos + 8;
    if (id === 'data') data = { at: body, declared: size };
    else if (id === 'fmt ' || id === 'ds64' || id === 'fact') {
      const r = regions.read(body, Math.min(size, 64));
      if (r.kind !== 'bytes') {
        findings.add(
          'CAPTURE_MEDIA_TRUNCATED',
          `WAVE ${id.trim()} 块不完整`,
          `The WAVE ${id.trim()} chunk is incomplete`,
        );
        break;
      }
      if (id === 'fmt ' && size >= 16) fmt = r.bytes;
      if (id === 'ds64' && size >= 28) ds64DataSize = u64le(r.bytes, 8);
      if (id === 'fact' && size >= 4) factSamples = u32le(r.bytes, 0);
    } else if (!/^[\x20-\x7e]{4}$/.test(id)) {
      findings.add(
        'CAPTURE_MEDIA_INVALID',
        `WAVE 块标识无效（偏移量 ${pos}）`,
        `Invalid WAVE chunk id at offset ${pos}`,
      );
      break;
    }
    pos = body + size + (size & 1);
  }
  if (fmt === undefined) {
    findings.add('CAPTURE_MEDIA_INVALID', 'WAVE 文件缺少 fmt 块', 'The WAVE file has no fmt chunk');
    return undefined;
  }
  let tag = u16le(fmt, 0);
  const channels = u16le(fmt, 2);
  const sampleRate = u32le(fmt, 4);
  const byteRate = u32le(fmt, 8);
  const blockAlign = u16le(fmt, 12);
  let bits = u16le(fmt, 14);
  if (tag === 0xfffe && fmt.length >= 26) {
    const valid = u16le(fmt, 18);
    if (valid > 0 && valid <= bits) bits = valid;
    tag = u16le(fmt, 24);
  }
  let seconds: number | undefined;
  if (data !== undefined) {
    const present = Math.max(0, regions.size - data.at);
    let declared = data.declared === 0xffffffff && ds64DataSize !== undefined ? ds64DataSize : data.declared;
    // 0 and 0xFFFFFFFF are what streaming writers leave when they cannot seek back.
    if (declared === 0 || declared === 0xffffffff) declared = present;
    if (declared > present) {
      findings.add(
        'CAPTURE_MEDIA_TRUNCATED',
        `WAVE data 块声明 ${declared} 字节，实际只有 ${present} 字节`,
        `The WAVE data chunk declares ${declared} bytes but ${present} are present`,
      );
    }
    const bytes = Math.min(declared, present);
    if (SAMPLE_CODECS.has(tag) && blockAlign > 0 && sampleRate > 0)
      seconds = Math.floor(bytes / blockAlign) / sampleRate;
    else if (factSamples !== undefined && sampleRate > 0) seconds = factSamples / sampleRate;
    else if (byteRate > 0) seconds = bytes / byteRate;
  }
  const audio = compactOrUndefined<AudioParameters>({
    音频编码标准: WAVE_CODECS[tag] ?? `WAVE 格式 0x${tag.toString(16).padStart(4, '0')}`,
    音频比特率: byteRate > 0 ? byteRate * 8 : undefined,
    音频采样率: sampleRate || undefined,
    音频量化位数: SAMPLE_CODECS.has(tag) && bits > 0 ? bits : undefined,
    声道: channels || undefined,
  });
  return compactOrUndefined<AudioVisualAttributes>({
    ...(seconds === undefined ? {} : durationFields(seconds)),
    音频参数: audio,
  });
}
