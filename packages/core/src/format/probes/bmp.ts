import { hasBytes, i32le, u16le, u32le } from '../binary.js';
import type { Probe } from './probe.js';

// DIB header size → Windows bitmap version.
const VERSIONS: Readonly<Record<number, string>> = {
  12: '2',
  40: '3',
  52: '3',
  56: '3',
  64: '2',
  108: '4',
  124: '5',
};

/**
 * BMP: `BM` is only two bytes, so the DIB header must also make sense (known size, one plane, a usual
 * bit count) before a file is called a bitmap. PUIDs by header: 12 → fmt/115, 40 → fmt/116 (fmt/117
 * with bit fields), 108 → fmt/118, 124 → fmt/119.
 */
export const probeBmp: Probe = async ({ head }) => {
  if (!hasBytes(head, 'BM') || head.length < 26) return undefined;
  const dib = u32le(head, 14);
  const version = VERSIONS[dib];
  if (version === undefined) return undefined;
  const core = dib === 12;
  if (!core && head.length < 34) return undefined;
  const planes = core ? u16le(head, 22) : u16le(head, 26);
  const bits = core ? u16le(head, 24) : u16le(head, 28);
  if (planes !== 1 || ![1, 2, 4, 8, 16, 24, 32, 64].includes(bits)) return undefined;
  const width = core ? u16le(head, 18) : i32le(head, 18);
  const height = core ? u16le(head, 20) : i32le(head, 22);
  const compression = core ? 0 : u32le(head, 30);
  const pronom =
    dib === 12
      ? 'fmt/115'
      : dib === 40
        ? compression === 3 && (bits === 16 || bits === 32)
          ? 'fmt/117'
          : 'fmt/116'
        : dib === 108
          ? 'fmt/118'
          : dib === 124
            ? 'fmt/119'
            : undefined;
  return {
    id: 'bmp',
    version,
    pronom,
    details: { width: Math.abs(width), height: Math.abs(height), bitDepth: bits, compression },
  };
};
