import { decodeText, gcd, latin1, round, u16be, u32be, u64be } from '../binary.js';

/** A box inside a buffer: its type and where its payload lies. */
export interface Box {
  readonly type: string;
  readonly start: number;
  /** First payload byte. */
  readonly body: number;
  /** One past the last byte (clamped to the parent). */
  readonly end: number;
}

/** Problems met while reading boxes. */
export interface BoxProblems {
  truncated: boolean;
  invalid: string | undefined;
}

const MAX_CHILDREN = 10_000;
const MAX_TRACKS = 64;

/**
 * The child boxes of `b[from, to)`. A size that runs past the parent is cut to it (and noted as truncated
 * when the parent is the end of the data); a size smaller than the header ends the list (invalid).
 */
export function childBoxes(b: Uint8Array, from: number, to: number, problems: BoxProblems): Box[] {
  const out: Box[] = [];
  let pos = from;
  while (pos + 8 <= to && out.length < MAX_CHILDREN) {
    const size32 = u32be(b, pos);
    const type = latin1(b, pos + 4, 4);
    let header = 8;
    let size: number;
    if (size32 === 1) {
      if (pos + 16 > to) break;
      size = u64be(b, pos + 8);
      header = 16;
    } else size = size32 === 0 ? to - pos : size32;
    if (size < header || !Number.isSafeInteger(size)) {
      problems.invalid ??= `box '${type}' at ${pos} has an invalid size ${size}`;
      break;
    }
    const end = pos + size;
    if (end > to) problems.truncated = true;
    out.push({ type, start: pos, body: pos + header, end: Math.min(end, to) });
    pos = end;
  }
  return out;
}

/** One track of a movie as far as capture needs it. */
export interface TrackInfo {
  readonly handler: string | undefined;
  readonly timescale: number | undefined;
  readonly duration: number | undefined;
  readonly displayWidth: number | undefined;
  readonly displayHeight: number | undefined;
  readonly entry: SampleEntry | undefined;
  /** Sum of the stts sample counts and of count × delta. */
  readonly sampleCount: number | undefined;
  readonly sampleTicks: number | undefined;
  /** Sum of the stsz / stz2 sample sizes. */
  readonly sampleBytes: number | undefined;
}

/** The first sample description of a track. */
export interface SampleEntry {
  readonly format: string;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  readonly channels?: number | undefined;
  readonly sampleSize?: number | undefined;
  readonly sampleRate?: number | undefined;
  readonly pasp?: { readonly h: number; readonly v: number } | undefined;
  /** Decoder configuration boxes by type (`avcC`, `hvcC`, `av1C`, `vpcC`, `esds`, `alac` …). */
  readonly configs: ReadonlyMap<string, Uint8Array>;
  /** btrt average bit rate. */
  readonly avgBitrate?: number | undefined;
}

/** What the `moov` box says. */
export interface MovieInfo {
  readonly timescale: number | undefined;
  readonly duration: number | undefined;
  /** mvex/mehd fragment duration (fragmented files), in the movie timescale. */
  readonly fragmentDuration: number | undefined;
  readonly tracks: readonly TrackInfo[];
  /** `©too` / `©swr` encoder text. */
  readonly encoder: string | undefined;
}

/** Reads a `moov` box (given with its header): movie header, tracks, encoder tag. */
export function readMoov(moov: Uint8Array, problems: BoxProblems): MovieInfo {
  const top = childBoxes(moov, 0, moov.length, problems)[0];
  const kids = top === undefined ? [] : childBoxes(moov, top.body, top.end, problems);
  let timescale: number | undefined;
  let duration: number | undefined;
  let fragmentDuration: number | undefined;
  let encoder: string | undefined;
  const tracks: TrackInfo[] = [];
  for (const box of kids) {
    if (box.type === 'mvhd') {
      const v = moov[box.body];
      const at = box.body + (v === 1 ? 20 : 12);
      if (at + (v === 1 ? 12 : 8) <= box.end) {
        timescale = u32be(moov, at);
        duration = v === 1 ? u64be(moov, at + 4) : u32be(moov, at + 4);
      }
    } else if (box.type === 'trak' && tracks.length < MAX_TRACKS) tracks.push(readTrak(moov, box, problems));
    else if (box.type === 'mvex') {
      const mehd = childBoxes(moov, box.body, box.end, problems).find((b) => b.type === 'mehd');
      if (mehd !== undefined && mehd.body + 8 <= mehd.end) {
        fragmentDuration = moov[mehd.body] === 1 ? u64be(moov, mehd.body + 4) : u32be(moov, mehd.body + 4);
      }
    } else if (box.type === 'udta') encoder ??= readEncoder(moov, box, problems);
  }
  return { timescale, duration, fragmentDuration, tracks, encoder };
}

function readTrak(b: Uint8Array, trak: Box, problems: BoxProblems): TrackInfo {
  let displayWidth: number | undefined;
  let displayHeight: number | undefined;
  let handler: string | undefined;
  let timescale: number | undefined;
  let duration: number | undefined;
  let entry: SampleEntry | undefined;
  let sampleCount: number | undefined;
  let sampleTicks: number | undefined;
  let sampleBytes: number | undefined;
  for (const box of childBoxes(b, trak.body, trak.end, problems)) {
    if (box.type === 'tkhd') {
      const at = box.body + (b[box.body] === 1 ? 88 : 76);
      if (at + 8 <= box.end) {
        displayWidth = u32be(b, at) / 65536;
        displayHeight = u32be(b, at + 4) / 65536;
      }
    }
    if (box.type !== 'mdia') continue;
    for (const m of childBoxes(b, box.body, box.end, problems)) {
      if (m.type === 'mdhd') {
        const v = b[m.body];
        const at = m.body + (v === 1 ? 20 : 12);
        if (at + (v === 1 ? 12 : 8) <= m.end) {
          timescale = u32be(b, at);
          duration = v === 1 ? u64be(b, at + 4) : u32be(b, at + 4);
        }
      } else if (m.type === 'hdlr' && m.body + 12 <= m.end) handler = latin1(b, m.body + 8, 4);
      else if (m.type === 'minf') {
        const stbl = childBoxes(b, m.body, m.end, problems).find((x) => x.type === 'stbl');
        if (stbl === undefined) continue;
        for (const s of childBoxes(b, stbl.body, stbl.end, problems)) {
          if (s.type === 'stsd') entry = readStsd(b, s, handler, problems);
          else if (s.type === 'stts') [sampleCount, sampleTicks] = readStts(b, s);
          else if (s.type === 'stsz' || s.type === 'stz2') sampleBytes = readSampleSizes(b, s);
        }
      }
    }
  }
  return {
    handler,
    timescale,
    duration,
    displayWidth,
    displayHeight,
    entry,
    sampleCount,
    sampleTicks,
    sampleBytes,
  };
}

function readStts(b: Uint8Array, box: Box): [number | undefined, number | undefined] {
  const count = u32be(b, box.body + 4);
  let samples = 0;
  let ticks = 0;
  let at = box.body + 8;
  for (let i = 0; i < count && at + 8 <= box.end; i++, at += 8) {
    const n = u32be(b, at);
    samples += n;
    ticks += n * u32be(b, at + 4);
  }
  return count > 0 ? [samples, ticks] : [undefined, undefined];
}

function readSampleSizes(b: Uint8Array, box: Box): number | undefined {
  if (box.body + 12 > box.end) return undefined;
  if (box.type === 'stsz') {
    const size = u32be(b, box.body + 4);
    const count = u32be(b, box.body + 8);
    if (size !== 0) return size * count;
    let total = 0;
    let at = box.body + 12;
    for (let i = 0; i < count && at + 4 <= box.end; i++, at += 4) total += u32be(b, at);
    return total;
  }
  const field = b[box.body + 7]!;
  if (field !== 4 && field !== 8 && field !== 16) return undefined;
  const at = box.body + 12;
  const count = Math.min(u32be(b, box.body + 8), Math.floor(((box.end - at) * 8) / field));
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (field === 16) total += u16be(b, at + i * 2);
    else if (field === 8) total += b[at + i]!;
    else total += (b[at + (i >> 1)]! >> (i & 1 ? 0 : 4)) & 15;
  }
  return total;
}

const VISUAL_HEADER = 8 + 78;

function readStsd(
  b: Uint8Array,
  stsd: Box,
  handler: string | undefined,
  problems: BoxProblems,
): SampleEntry | undefined {
  const first = childBoxes(b, stsd.body + 8, stsd.end, problems)[0];
  if (first === undefined) return undefined;
  const format = latin1(b, first.start + 4, 4);
  const e = first.start;
  if (handler === 'vide') {
    if (e + VISUAL_HEADER > first.end) return { format, configs: new Map() };
    const kids = configBoxes(b, e + VISUAL_HEADER, first.end);
    return { format, width: u16be(b, e + 32), height: u16be(b, e + 34), ...kids };
  }
  if (handler === 'soun') {
    if (e + 36 > first.end) return { format, configs: new Map() };
    const version = u16be(b, e + 16);
    let channels = u16be(b, e + 24);
    let sampleSize = u16be(b, e + 26);
    let sampleRate = u32be(b, e + 32) / 65536;
    let children = e + 36;
    if (version === 1) children = e + 52;
    else if (version === 2 && e + 72 <= first.end) {
      sampleRate = new DataView(b.buffer, b.byteOffset + e + 40, 8).getFloat64(0);
      channels = u32be(b, e + 48);
      sampleSize = u32be(b, e + 56);
      children = e + 72;
    }
    return { format, channels, sampleSize, sampleRate, ...configBoxes(b, children, first.end) };
  }
  return { format, configs: new Map() };
}

/** Decoder configuration boxes of a sample entry, looking inside a QuickTime `wave` box too. */
function configBoxes(
  b: Uint8Array,
  from: number,
  to: number,
): Pick<SampleEntry, 'configs' | 'pasp' | 'avgBitrate'> {
  const configs = new Map<string, Uint8Array>();
  let pasp: { h: number; v: number } | undefined;
  let avgBitrate: number | undefined;
  const visit = (start: number, end: number, depth: number) => {
    // Sub-box problems of sample entries are common and harmless (QuickTime terminator atoms).
    const local: BoxProblems = { truncated: false, invalid: undefined };
    for (const box of childBoxes(b, start, end, local)) {
      if (box.type === 'wave' && depth === 0) visit(box.body, box.end, 1);
      else if (box.type === 'pasp' && box.body + 8 <= box.end)
        pasp = { h: u32be(b, box.body), v: u32be(b, box.body + 4) };
      else if (box.type === 'btrt' && box.body + 12 <= box.end) avgBitrate = u32be(b, box.body + 8);
      else if (!configs.has(box.type)) configs.set(box.type, b.subarray(box.body, box.end));
    }
  };
  visit(from, to, 0);
  return { configs, pasp, avgBitrate };
}

/** objectTypeIndication, avgBitrate, and the AudioSpecificConfig's object type and channels from an `esds` payload. */
export function readEsds(esds: Uint8Array): {
  objectType?: number;
  avgBitrate?: number;
  audioObjectType?: number;
  channels?: number;
} {
  let pos = 4; // version and flags
  const descriptor = (): { tag: number; body: number; end: number } | undefined => {
    if (pos + 2 > esds.length) return undefined;
    const tag = esds[pos++]!;
    let length = 0;
    for (let i = 0; i < 4; i++) {
      const byte = esds[pos++];
      if (byte === undefined) return undefined;
      length = length * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    return { tag, body: pos, end: Math.min(esds.length, pos + length) };
  };
  const es = descriptor();
  if (es === undefined || es.tag !== 3) return {};
  const flags = esds[es.body + 2] ?? 0;
  pos = es.body + 3;
  if (flags & 0x80) pos += 2;
  if (flags & 0x40) pos += 1 + (esds[pos] ?? 0);
  if (flags & 0x20) pos += 2;
  const config = descriptor();
  if (config === undefined || config.tag !== 4 || config.body + 13 > config.end) return {};
  const objectType = esds[config.body]!;
  const avgBitrate = u32be(esds, config.body + 9);
  pos = config.body + 13;
  const specific = descriptor();
  let audioObjectType: number | undefined;
  let channels: number | undefined;
  if (specific !== undefined && specific.tag === 5 && specific.body < specific.end) {
    // AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1): object type (5 bits, escape 31 → 6 more), sampling
    // frequency index (4 bits, escape 15 → 24-bit rate), channel configuration (4 bits).
    const asc = esds.subarray(specific.body, specific.end);
    let bit = 0;
    const read = (n: number) => {
      let v = 0;
      for (let i = 0; i < n; i++, bit++) v = v * 2 + (((asc[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
      return v;
    };
    audioObjectType = read(5);
    if (audioObjectType === 31) audioObjectType = 32 + read(6);
    if (read(4) === 15) read(24);
    const config = read(4);
    if (bit <= asc.length * 8 && config >= 1 && config <= 7) channels = config === 7 ? 8 : config;
  }
  return {
    objectType,
    ...(avgBitrate > 0 ? { avgBitrate } : {}),
    ...(audioObjectType === undefined ? {} : { audioObjectType }),
    ...(channels === undefined ? {} : { channels }),
  };
}

/** `©too` (iTunes-style `meta/ilst`) or `©swr`/`©too` (QuickTime user data text) under `udta`. */
function readEncoder(b: Uint8Array, udta: Box, problems: BoxProblems): string | undefined {
  for (const box of childBoxes(b, udta.body, udta.end, problems)) {
    if ((box.type === '\xa9too' || box.type === '\xa9swr') && box.body + 4 <= box.end) {
      // QuickTime text: 16-bit length, 16-bit language, then the text.
      const length = u16be(b, box.body);
      return decodeText(b.subarray(box.body + 4, Math.min(box.end, box.body + 4 + length)));
    }
    if (box.type !== 'meta') continue;
    // ISO meta is a full box (4 bytes of version and flags); QuickTime's is not.
    const from = latin1(b, box.body + 4, 4) === 'hdlr' ? box.body : box.body + 4;
    const local: BoxProblems = { truncated: false, invalid: undefined };
    const ilst = childBoxes(b, from, box.end, local).find((x) => x.type === 'ilst');
    if (ilst === undefined) continue;
    for (const item of childBoxes(b, ilst.body, ilst.end, local)) {
      if (item.type !== '\xa9too' && item.type !== '\xa9swr') continue;
      const data = childBoxes(b, item.body, item.end, local).find((x) => x.type === 'data');
      if (data !== undefined && data.body + 8 <= data.end)
        return decodeText(b.subarray(data.body + 8, data.end));
    }
  }
  return undefined;
}

/** `w:h` reduced by their greatest common divisor. */
export function aspectRatio(width: number, height: number): string | undefined {
  const w = Math.round(width);
  const h = Math.round(height);
  if (!(w > 0 && h > 0)) return undefined;
  const g = gcd(w, h);
  return `${w / g}:${h / g}`;
}

/** Frames per second from a frame count and a duration in ticks, rounded to 3 decimals. */
export function frameRate(frames: number, ticks: number, timescale: number): number | undefined {
  if (!(frames > 0 && ticks > 0 && timescale > 0)) return undefined;
  return round((frames * timescale) / ticks, 3);
}
