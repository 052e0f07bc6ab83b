import { hasBytes, latin1, u16le, u32le } from '../binary.js';
import type { InspectReader } from '../inspect-reader.js';
import type { Probe } from './probe.js';

const MAX_CHUNKS = 256;

/**
 * RIFF containers: WAVE (`RIFF…WAVE`, also RF64/BW64) with the `fmt ` chunk's format tag, channels,
 * rate and bits, and `bext` for Broadcast Wave; AVI (`RIFF…AVI `) with the frame size from `avih`.
 */
export const probeRiff: Probe = async ({ reader, head }) => {
  const riff = hasBytes(head, 'RIFF');
  const rf64 = hasBytes(head, 'RF64') || hasBytes(head, 'BW64');
  if ((!riff && !rf64) || head.length < 12) return undefined;
  if (hasBytes(head, 'WAVE', 8)) return wave(reader, rf64);
  if (riff && hasBytes(head, 'AVI ', 8)) return avi(reader);
  return undefined;
};

async function* chunksOf(
  reader: InspectReader,
  from: number,
  to: number,
): AsyncGenerator<{ id: string; at: number; size: number }> {
  let pos = from;
  for (let n = 0; n < MAX_CHUNKS && pos + 8 <= to; n++) {
    const header = await reader.read(pos, 8);
    if (header.length < 8) return;
    const id = latin1(header, 0, 4);
    const size = u32le(header, 4);
    yield { id, at: pos + 8, size };
    pos += 8 + size + (size & 1);
  }
}

async function wave(reader: InspectReader, rf64: boolean) {
  let fmt: Uint8Array | undefined;
  let fmtSize = 0;
  let bext = false;
  for await (const chunk of chunksOf(reader, 12, Number.MAX_SAFE_INTEGER)) {
    if (chunk.id === 'fmt ') {
      fmt = await reader.read(chunk.at, Math.min(chunk.size, 40));
      fmtSize = chunk.size;
    } else if (chunk.id === 'bext') bext = true;
    else if (chunk.id === 'data' && fmt !== undefined) break;
  }
  const tag = fmt && fmt.length >= 16 ? u16le(fmt, 0) : undefined;
  // PRONOM keys plain WAVE on the fmt chunk's structure; Broadcast Wave and RF64 have their own rows.
  const pronom = rf64
    ? 'fmt/712'
    : bext || tag === undefined
      ? undefined
      : tag === 0xfffe
        ? 'fmt/143'
        : fmtSize === 16 && tag === 1
          ? 'fmt/141'
          : 'fmt/142';
  return {
    id: 'wav' as const,
    pronom,
    details: {
      formatTag: tag,
      channels: fmt && fmt.length >= 16 ? u16le(fmt, 2) : undefined,
      sampleRate: fmt && fmt.length >= 16 ? u32le(fmt, 4) : undefined,
      bitsPerSample: fmt && fmt.length >= 16 ? u16le(fmt, 14) : undefined,
      broadcastWave: bext || undefined,
    },
  };
}

async function avi(reader: InspectReader) {
  let width: number | undefined;
  let height: number | undefined;
  for await (const chunk of chunksOf(reader, 12, Number.MAX_SAFE_INTEGER)) {
    if (chunk.id !== 'LIST') continue;
    const kind = latin1(await reader.read(chunk.at, 4));
    if (kind !== 'hdrl') continue;
    for await (const inner of chunksOf(reader, chunk.at + 4, chunk.at + chunk.size)) {
      if (inner.id !== 'avih') continue;
      const avih = await reader.read(inner.at, 40);
      if (avih.length >= 40) {
        width = u32le(avih, 32);
        height = u32le(avih, 36);
      }
      break;
    }
    break;
  }
  return { id: 'avi' as const, pronom: 'fmt/5', details: { width, height } };
}
