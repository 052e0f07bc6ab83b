import { u16be } from '../binary.js';

/** Chroma format and luma bit depth of a video stream, from its decoder configuration. */
export interface VideoSampling {
  /** `4:2:0`, `4:2:2`, `4:4:4`, `4:0:0`. */
  readonly chroma?: string;
  readonly bitDepth?: number;
}

const CHROMA = ['4:0:0', '4:2:0', '4:2:2', '4:4:4'];
// H.264 profiles whose SPS carries chroma_format_idc and bit depths (ITU-T H.264 §7.3.2.1.1).
const HIGH_PROFILES = /* @__PURE__ */ new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

/**
 * H.264 `avcC` (ISO/IEC 14496-15 §5.3.3): the first SPS gives chroma_format_idc and bit_depth_luma; profiles
 * without those fields are 4:2:0 at 8 bits.
 */
export function avcSampling(avcC: Uint8Array): VideoSampling {
  if (avcC.length < 8 || (avcC[5]! & 0x1f) === 0) return {};
  const length = u16be(avcC, 6);
  const sps = avcC.subarray(8, 8 + length);
  if (sps.length < 4 || (sps[0]! & 0x1f) !== 7) return {};
  const bits = new BitReader(unescapeNal(sps.subarray(1)));
  const profile = bits.u(8);
  bits.u(16); // constraint flags, level
  bits.ue(); // seq_parameter_set_id
  if (!HIGH_PROFILES.has(profile)) return { chroma: '4:2:0', bitDepth: 8 };
  const chroma = bits.ue();
  if (chroma === 3) bits.u(1);
  const luma = bits.ue();
  if (bits.overrun || chroma === undefined || luma === undefined || chroma > 3 || luma > 8) return {};
  return { chroma: CHROMA[chroma]!, bitDepth: luma + 8 };
}

/** H.265 `hvcC` (ISO/IEC 14496-15 §8.3.3): chromaFormat and bitDepthLumaMinus8 are plain fields. */
export function hevcSampling(hvcC: Uint8Array): VideoSampling {
  if (hvcC.length < 23) return {};
  return { chroma: CHROMA[hvcC[16]! & 3]!, bitDepth: (hvcC[17]! & 7) + 8 };
}

/** AV1 `av1C`: high_bitdepth, twelve_bit, monochrome and the subsampling flags. */
export function av1Sampling(av1C: Uint8Array): VideoSampling {
  if (av1C.length < 4) return {};
  const f = av1C[2]!;
  const bitDepth = f & 0x40 ? (f & 0x20 ? 12 : 10) : 8;
  const mono = (f & 0x10) !== 0;
  const x = (f & 0x08) !== 0;
  const y = (f & 0x04) !== 0;
  return { chroma: mono ? '4:0:0' : x && y ? '4:2:0' : x ? '4:2:2' : '4:4:4', bitDepth };
}

/** VP8/VP9 `vpcC` (full box): bitDepth and chromaSubsampling. */
export function vpxSampling(vpcC: Uint8Array): VideoSampling {
  if (vpcC.length < 7) return {};
  const f = vpcC[6]!;
  const sub = (f >> 1) & 7;
  const chroma = sub <= 1 ? '4:2:0' : sub === 2 ? '4:2:2' : sub === 3 ? '4:4:4' : undefined;
  return chroma === undefined ? { bitDepth: f >> 4 } : { chroma, bitDepth: f >> 4 };
}

/** Removes emulation-prevention bytes (00 00 03 → 00 00) from a NAL unit payload. */
function unescapeNal(nal: Uint8Array): Uint8Array {
  const out = new Uint8Array(nal.length);
  let n = 0;
  let zeros = 0;
  for (const byte of nal) {
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out[n++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, n);
}

/** MSB-first bit reader with Exp-Golomb codes; reading past the end sets `overrun`. */
class BitReader {
  readonly #b: Uint8Array;
  #bit = 0;
  overrun = false;

  constructor(b: Uint8Array) {
    this.#b = b;
  }

  u(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const byte = this.#b[this.#bit >> 3];
      if (byte === undefined) {
        this.overrun = true;
        return 0;
      }
      v = v * 2 + ((byte >> (7 - (this.#bit & 7))) & 1);
      this.#bit++;
    }
    return v;
  }

  ue(): number | undefined {
    let zeros = 0;
    while (this.u(1) === 0) {
      if (this.overrun || ++zeros > 31) return undefined;
    }
    return 2 ** zeros - 1 + this.u(zeros);
  }
}
