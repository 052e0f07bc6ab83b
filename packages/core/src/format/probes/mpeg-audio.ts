import { hasBytes } from '../binary.js';
import type { InspectReader } from '../inspect-reader.js';
import type { Probe } from './probe.js';

/** A decoded MPEG audio frame header. */
interface Frame {
  readonly version: '1' | '2' | '2.5';
  readonly layer: 1 | 2 | 3;
  readonly bitRate: number;
  readonly sampleRate: number;
  readonly channels: number;
  /** Bytes from this header to the next, or 0 for free-format frames. */
  readonly length: number;
}

const BITRATES: Readonly<Record<string, readonly number[]>> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Readonly<Record<string, readonly number[]>> = {
  '1': [44100, 48000, 32000],
  '2': [22050, 24000, 16000],
  '2.5': [11025, 12000, 8000],
};
const LAYER_NAMES = ['', 'I', 'II', 'III'];

/** Parses a 4-byte MPEG audio frame header at `at`, or `undefined` when the bits are not one. */
export function parseFrame(b: Uint8Array, at: number): Frame | undefined {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b[at + 1]! >> 3) & 3;
  const layerBits = (b[at + 1]! >> 1) & 3;
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const version = versionBits === 3 ? '1' : versionBits === 2 ? '2' : '2.5';
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const table = BITRATES[`${version === '1' ? '1' : '2'}-${version === '1' ? layer : Math.min(layer, 2)}`]!;
  const bitRate = table[bitrateIndex]!;
  const sampleRate = RATES[version]![rateIndex]!;
  const padding = (b[at + 2]! >> 1) & 1;
  const channels = b[at + 3]! >> 6 === 3 ? 1 : 2;
  let length = 0;
  if (bitRate > 0) {
    if (layer === 1) length = (Math.floor((12 * bitRate * 1000) / sampleRate) + padding) * 4;
    else if (layer === 3 && version !== '1')
      length = Math.floor((72 * bitRate * 1000) / sampleRate) + padding;
    else length = Math.floor((144 * bitRate * 1000) / sampleRate) + padding;
  }
  return { version, layer, bitRate, sampleRate, channels, length };
}

/**
 * MP3 and other MPEG-1/2/2.5 audio: an ID3v2 tag, or a frame header at the very start that is followed by
 * a second valid header where its length says (a lone `FF Ex` is too weak a signature). Layer III is
 * `mp3` (PRONOM fmt/134); layers I and II are `mpeg-audio`.
 */
export const probeMpegAudio: Probe = async ({ reader, head }) => {
  let start = 0;
  let id3Version: string | undefined;
  if (
    hasBytes(head, 'ID3') &&
    head.length >= 10 &&
    head[3]! < 0xff &&
    [6, 7, 8, 9].every((i) => head[i]! < 0x80)
  ) {
    const size = (head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!;
    id3Version = `2.${head[3]}`;
    start = 10 + size + (head[5]! & 0x10 ? 10 : 0);
  }
  const frame = await findFrame(reader, start, id3Version !== undefined);
  if (frame === undefined) {
    return id3Version === undefined ? undefined : { id: 'mp3', pronom: 'fmt/134', details: { id3Version } };
  }
  const details = {
    id3Version,
    mpegVersion: frame.version,
    layer: frame.layer,
    bitRate: frame.bitRate || undefined,
    sampleRate: frame.sampleRate,
    channels: frame.channels,
  };
  const version = `MPEG-${frame.version} Layer ${LAYER_NAMES[frame.layer]}`;
  if (frame.layer === 3) return { id: 'mp3', version, pronom: 'fmt/134', details };
  return { id: 'mpeg-audio', version, pronom: frame.layer === 2 ? 'fmt/198' : 'fmt/347', details };
};

/**
 * The first frame at `start` (after an ID3 tag, padding up to 4 KiB is skipped), confirmed by the next
 * header when the file goes on; without a tag, free-format frames cannot be confirmed and are refused.
 */
async function findFrame(reader: InspectReader, start: number, tagged: boolean): Promise<Frame | undefined> {
  const window = await reader.read(start, tagged ? 4096 + 4 : 4);
  for (let i = 0; i + 4 <= window.length; i++) {
    if (window[i] !== 0xff) continue;
    const frame = parseFrame(window, i);
    if (frame === undefined) continue;
    if (frame.length === 0) {
      if (tagged) return frame;
      continue;
    }
    const next = await reader.read(start + i + frame.length, 4);
    const atEnd = next.length === 0 && reader.size !== undefined && start + i + frame.length >= reader.size;
    const following = parseFrame(next, 0);
    if (
      (following && following.version === frame.version && following.layer === frame.layer) ||
      (atEnd && tagged)
    ) {
      return frame;
    }
    if (!tagged) return undefined;
  }
  return undefined;
}
