const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** Concatenates byte arrays. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function u32be(n: number): Uint8Array {
  return Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

function u16be(n: number): Uint8Array {
  return Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
}

/** Options of {@link buildWav}. */
export interface WavOptions {
  readonly sampleRate?: number;
  readonly bits?: number;
  readonly channels?: number;
  readonly seconds?: number;
  /** Declared data size instead of the real one (0xFFFFFFFF for a streamed file, larger for a cut one). */
  readonly declaredDataSize?: number;
  /** WAVE_FORMAT_EXTENSIBLE with a PCM SubFormat. */
  readonly extensible?: boolean;
  /** A LIST chunk of this many bytes before `data`. */
  readonly listBytes?: number;
}

/** A PCM WAVE file with silent samples (default 44.1 kHz, 16 bit, 2 channels, 0.5 s). */
export function buildWav(options: WavOptions = {}): Uint8Array {
  const rate = options.sampleRate ?? 44100;
  const bits = options.bits ?? 16;
  const channels = options.channels ?? 2;
  const block = (channels * bits) / 8;
  const frames = Math.round(rate * (options.seconds ?? 0.5));
  const data = new Uint8Array(frames * block);
  const fmtSize = options.extensible ? 40 : 16;
  const fmt = new Uint8Array(fmtSize);
  const dv = new DataView(fmt.buffer);
  dv.setUint16(0, options.extensible ? 0xfffe : 1, true);
  dv.setUint16(2, channels, true);
  dv.setUint32(4, rate, true);
  dv.setUint32(8, rate * block, true);
  dv.setUint16(12, block, true);
  dv.setUint16(14, bits, true);
  if (options.extensible) {
    dv.setUint16(16, 22, true);
    dv.setUint16(18, bits, true);
    dv.setUint32(20, channels === 2 ? 3 : 4, true);
    fmt.set([1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 24);
  }
  const chunk = (id: string, body: Uint8Array, size = body.length) => {
    const h = new Uint8Array(8);
    h.set(ascii(id));
    new DataView(h.buffer).setUint32(4, size, true);
    return concat(h, body, body.length & 1 ? new Uint8Array(1) : new Uint8Array(0));
  };
  const list = options.listBytes
    ? chunk('LIST', concat(ascii('INFO'), new Uint8Array(options.listBytes - 4)))
    : new Uint8Array(0);
  const body = concat(
    ascii('WAVE'),
    chunk('fmt ', fmt),
    list,
    chunk('data', data, options.declaredDataSize ?? data.length),
  );
  return concat(chunk('RIFF', new Uint8Array(0), body.length).subarray(0, 8), body);
}

/** A 4-byte MPEG-1 Layer III frame header (44.1 kHz, no padding, stereo) at `kbps`. */
export function mp3Header(kbps: number, channels: 1 | 2 = 2): Uint8Array {
  const index = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320].indexOf(kbps);
  return Uint8Array.of(0xff, 0xfb, index << 4, channels === 1 ? 0xc0 : 0x00);
}

/** Bytes of one MPEG-1 Layer III frame at 44.1 kHz without padding. */
export function mp3FrameLength(kbps: number): number {
  return Math.floor((144 * kbps * 1000) / 44100);
}

/** Options of {@link buildMp3}. */
export interface Mp3Options {
  readonly kbps?: number;
  readonly frames?: number;
  /** A Xing header in the first frame declaring these counts (VBR). */
  readonly xing?: { readonly frames: number; readonly bytes: number };
  /** An ID3v2.4 tag of this many payload bytes in front. */
  readonly id3Bytes?: number;
  /** An ID3v1 tag at the end. */
  readonly id3v1?: boolean;
}

/** An MP3 of silent MPEG-1 Layer III frames (frames have valid headers; their payload is zero). */
export function buildMp3(options: Mp3Options = {}): Uint8Array {
  const kbps = options.kbps ?? 128;
  const length = mp3FrameLength(kbps);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < (options.frames ?? 40); i++) {
    const f = new Uint8Array(length);
    f.set(mp3Header(kbps));
    if (i === 0 && options.xing) {
      f.set(ascii('Xing'), 36);
      f.set(u32be(3), 40);
      f.set(u32be(options.xing.frames), 44);
      f.set(u32be(options.xing.bytes), 48);
    }
    frames.push(f);
  }
  const parts: Uint8Array[] = [];
  if (options.id3Bytes !== undefined) {
    const n = options.id3Bytes;
    parts.push(
      Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0, (n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f),
    );
    parts.push(new Uint8Array(n));
  }
  parts.push(...frames);
  if (options.id3v1) parts.push(concat(ascii('TAG'), new Uint8Array(125)));
  return concat(...parts);
}

/** An ISO base media box. */
export function box(type: string, ...children: readonly Uint8Array[]): Uint8Array {
  const body = concat(...children);
  return concat(u32be(8 + body.length), ascii(type), body);
}

/** A full box (version and flags before the payload). */
export function fullBox(type: string, version: number, ...children: readonly Uint8Array[]): Uint8Array {
  return box(type, Uint8Array.of(version, 0, 0, 0), ...children);
}

/** Options of {@link buildMp4}. */
export interface Mp4Options {
  /** `moov` after `mdat` (the default, as encoders write before a fast-start pass) or before it. */
  readonly moovFirst?: boolean;
  readonly mdatBytes?: number;
  /** Movie length in seconds at timescale 1000. */
  readonly seconds?: number;
  readonly fps?: number;
  readonly width?: number;
  readonly height?: number;
  /** mdat declares this size instead of its real one. */
  readonly declaredMdatSize?: number;
  readonly majorBrand?: string;
  readonly withAudio?: boolean;
}

/** avcC for a High-profile (100) 4:2:0 8-bit SPS. */
export function highProfileAvcC(): Uint8Array {
  // SPS: nal 0x67, profile 100, constraints 0, level 30, then ue: sps_id=0 ('1'), chroma_format_idc=1 ('010'),
  // bit_depth_luma_minus8=0 ('1'), bit_depth_chroma_minus8=0 ('1'), then filler bits.
  const sps = Uint8Array.of(0x67, 100, 0, 30, 0b1010_1110, 0x80);
  return concat(Uint8Array.of(1, 100, 0, 30, 0xff, 0xe1), u16be(sps.length), sps, Uint8Array.of(0));
}

/** An esds box for AAC LC (objectTypeIndication 0x40, audio object type 2) at `avgBitrate`. */
export function aacEsds(avgBitrate: number): Uint8Array {
  const asc = Uint8Array.of(0x12, 0x10); // AOT 2, 44.1 kHz, 2 channels
  const dsi = concat(Uint8Array.of(5, asc.length), asc);
  const dcd = concat(
    Uint8Array.of(4, 13 + dsi.length, 0x40, 0x15, 0, 0, 0),
    u32be(avgBitrate * 2),
    u32be(avgBitrate),
    dsi,
  );
  const es = concat(Uint8Array.of(3, 3 + dcd.length + 3, 0, 1, 0), dcd, Uint8Array.of(6, 1, 2));
  return fullBox('esds', 0, es);
}

/**
 * A small MP4 the way encoders write it: `ftyp`, `mdat` (zeros), `moov` with one H.264 video track
 * (High profile avcC, `stts` for the frame count and rate, `stsz`) and optionally one AAC audio track.
 */
export function buildMp4(options: Mp4Options = {}): Uint8Array {
  const seconds = options.seconds ?? 2;
  const fps = options.fps ?? 25;
  const width = options.width ?? 1920;
  const height = options.height ?? 1080;
  const frames = Math.round(seconds * fps);
  const mdatBytes = options.mdatBytes ?? 1000;
  const ftyp = box('ftyp', ascii(options.majorBrand ?? 'isom'), u32be(512), ascii('isomiso2avc1mp41'));
  const mvhd = fullBox('mvhd', 0, u32be(0), u32be(0), u32be(1000), u32be(seconds * 1000), new Uint8Array(80));
  const tkhd = (w: number, h: number) =>
    fullBox(
      'tkhd',
      0,
      u32be(0),
      u32be(0),
      u32be(1),
      u32be(0),
      u32be(seconds * 1000),
      new Uint8Array(52),
      u32be(w * 65536),
      u32be(h * 65536),
    );
  const mdhd = (timescale: number, duration: number) =>
    fullBox('mdhd', 0, u32be(0), u32be(0), u32be(timescale), u32be(duration), u32be(0x55c40000));
  const hdlr = (type: string) =>
    fullBox('hdlr', 0, u32be(0), ascii(type), new Uint8Array(12), Uint8Array.of(0));
  const visual = box(
    'avc1',
    new Uint8Array(6),
    u16be(1),
    new Uint8Array(16),
    u16be(width),
    u16be(height),
    u32be(0x00480000),
    u32be(0x00480000),
    u32be(0),
    u16be(1),
    new Uint8Array(32),
    u16be(24),
    u16be(0xffff),
    box('avcC', highProfileAvcC()),
  );
  const videoTrack = box(
    'trak',
    tkhd(width, height),
    box(
      'mdia',
      mdhd(fps * 1000, frames * 1000),
      hdlr('vide'),
      box(
        'minf',
        box(
          'stbl',
          fullBox('stsd', 0, u32be(1), visual),
          fullBox('stts', 0, u32be(1), u32be(frames), u32be(1000)),
          fullBox('stsz', 0, u32be(Math.floor(mdatBytes / 2 / frames)), u32be(frames)),
        ),
      ),
    ),
  );
  const audioSamples = Math.round((seconds * 44100) / 1024);
  const audioEntry = box(
    'mp4a',
    new Uint8Array(6),
    u16be(1),
    new Uint8Array(8),
    u16be(2),
    u16be(16),
    u32be(0),
    u32be(44100 * 65536),
    aacEsds(128000),
  );
  const audioTrack = box(
    'trak',
    tkhd(0, 0),
    box(
      'mdia',
      mdhd(44100, audioSamples * 1024),
      hdlr('soun'),
      box(
        'minf',
        box(
          'stbl',
          fullBox('stsd', 0, u32be(1), audioEntry),
          fullBox('stts', 0, u32be(1), u32be(audioSamples), u32be(1024)),
          fullBox(
            'stsz',
            0,
            u32be(0),
            u32be(audioSamples),
            ...Array.from({ length: audioSamples }, () => u32be(300)),
          ),
        ),
      ),
    ),
  );
  const moov = box('moov', mvhd, videoTrack, ...(options.withAudio === false ? [] : [audioTrack]));
  const mdat = concat(
    u32be(options.declaredMdatSize ?? 8 + mdatBytes),
    ascii('mdat'),
    new Uint8Array(mdatBytes),
  );
  return options.moovFirst ? concat(ftyp, moov, mdat) : concat(ftyp, mdat, moov);
}
