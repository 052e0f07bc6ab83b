/** A decoded MPEG audio frame header. */
export interface MpegFrame {
  readonly version: '1' | '2' | '2.5';
  readonly layer: 1 | 2 | 3;
  /** kbit/s; 0 for free format. */
  readonly bitRate: number;
  readonly sampleRate: number;
  readonly channels: number;
  /** Bytes from this header to the next (0 for free format). */
  readonly length: number;
  readonly samplesPerFrame: number;
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

/**
 * Parses the 4-byte MPEG audio frame header at `at` (ISO/IEC 11172-3, 13818-3, MPEG-2.5), or `undefined`
 * when the bits there are not one. Shared by format identification and DA/T 63 attribute capture.
 *
 * @example
 * parseMpegFrame(bytes, 0)?.sampleRate; // 44100
 */
export function parseMpegFrame(b: Uint8Array, at: number): MpegFrame | undefined {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b[at + 1]! >> 3) & 3;
  const layerBits = (b[at + 1]! >> 1) & 3;
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const version = versionBits === 3 ? '1' : versionBits === 2 ? '2' : '2.5';
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const table = BITRATES[version === '1' ? `1-${layer}` : `2-${Math.min(layer, 2)}`]!;
  const bitRate = table[bitrateIndex]!;
  const sampleRate = RATES[version]![rateIndex]!;
  const padding = (b[at + 2]! >> 1) & 1;
  const channels = b[at + 3]! >> 6 === 3 ? 1 : 2;
  const samplesPerFrame = layer === 1 ? 384 : layer === 3 && version !== '1' ? 576 : 1152;
  let length = 0;
  if (bitRate > 0) {
    length =
      layer === 1
        ? (Math.floor((12 * bitRate * 1000) / sampleRate) + padding) * 4
        : Math.floor(((samplesPerFrame / 8) * bitRate * 1000) / sampleRate) + padding;
  }
  return { version, layer, bitRate, sampleRate, channels, length, samplesPerFrame };
}
