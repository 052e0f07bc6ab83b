import { hasBytes, latin1, u32be } from '../binary.js';
import type { Probe } from './probe.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * PNG: dimensions, bit depth and colour type from IHDR; then the chunk list is walked (within the byte
 * budget) to find IEND — a file that ends before it is truncated — and the chunks PRONOM keys its PNG
 * versions on (iTXt → 1.2 `fmt/13`; iCCP, sPLT, sRGB → 1.1 `fmt/12`; else 1.0 `fmt/11`).
 */
export const probePng: Probe = async ({ reader, head }) => {
  if (!hasBytes(head, SIGNATURE)) return undefined;
  const ihdr = hasBytes(head, 'IHDR', 12) && u32be(head, 8) === 13 && head.length >= 29;
  const seen = new Set<string>();
  let pos = 8;
  let ended = false;
  let truncated: boolean | undefined;
  for (let n = 0; n < 1_000_000; n++) {
    const chunk = await reader.read(pos, 8);
    if (chunk.length < 8) {
      if (reader.size !== undefined && pos + chunk.length >= reader.size) truncated = true;
      break;
    }
    const length = u32be(chunk, 0);
    const type = latin1(chunk, 4, 4);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) break;
    seen.add(type);
    if (type === 'IEND') {
      ended = true;
      truncated = false;
      break;
    }
    pos += 12 + length;
  }
  const pronom = !ended
    ? undefined
    : seen.has('iTXt')
      ? 'fmt/13'
      : ['iCCP', 'sPLT', 'sRGB'].some((t) => seen.has(t))
        ? 'fmt/12'
        : 'fmt/11';
  return {
    id: 'png',
    pronom,
    flags: { truncated, exif: ended ? seen.has('eXIf') : seen.has('eXIf') || undefined },
    details: ihdr
      ? { width: u32be(head, 16), height: u32be(head, 20), bitDepth: head[24], colorType: head[25] }
      : undefined,
  };
};
