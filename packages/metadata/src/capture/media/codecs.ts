// Names of video and audio coding standards as DA/T 63 records them (视频编码标准, 音频编码标准), keyed by
// the ISO base media / QuickTime sample entry four-cc and the MPEG-4 objectTypeIndication (ISO/IEC 14496-1,
// the MP4 registration authority's table). Unknown codes fall back to the four-cc itself.

const VIDEO_FOURCC: Readonly<Record<string, string>> = {
  avc1: 'H.264/AVC',
  avc2: 'H.264/AVC',
  avc3: 'H.264/AVC',
  avc4: 'H.264/AVC',
  dva1: 'H.264/AVC',
  dvav: 'H.264/AVC',
  hvc1: 'H.265/HEVC',
  hev1: 'H.265/HEVC',
  dvh1: 'H.265/HEVC',
  dvhe: 'H.265/HEVC',
  vvc1: 'H.266/VVC',
  vvi1: 'H.266/VVC',
  av01: 'AV1',
  vp08: 'VP8',
  vp09: 'VP9',
  mp4v: 'MPEG-4 Visual',
  s263: 'H.263',
  h263: 'H.263',
  H263: 'H.263',
  jpeg: 'Motion JPEG',
  mjpa: 'Motion JPEG',
  mjpb: 'Motion JPEG',
  mjp2: 'Motion JPEG 2000',
  apch: 'Apple ProRes',
  apcn: 'Apple ProRes',
  apcs: 'Apple ProRes',
  apco: 'Apple ProRes',
  ap4h: 'Apple ProRes',
  ap4x: 'Apple ProRes',
  'dvc ': 'DV',
  dvcp: 'DV',
  dvpp: 'DV',
  dv5n: 'DV',
  dv5p: 'DV',
  dvh5: 'DV',
  dvh6: 'DV',
  dvhp: 'DV',
  dvhq: 'DV',
  mp2v: 'MPEG-2 Video',
  m2v1: 'MPEG-2 Video',
  mx3n: 'MPEG-2 Video',
  mx3p: 'MPEG-2 Video',
  mx4n: 'MPEG-2 Video',
  mx4p: 'MPEG-2 Video',
  mx5n: 'MPEG-2 Video',
  mx5p: 'MPEG-2 Video',
  'raw ': '未压缩 RGB',
  '2vuy': '未压缩 YUV',
  yuv2: '未压缩 YUV',
  v210: '未压缩 YUV',
  'png ': 'PNG',
};

const AUDIO_FOURCC: Readonly<Record<string, string>> = {
  mp4a: 'AAC',
  '.mp3': 'MPEG-1 Layer III',
  'ac-3': 'AC-3',
  'ec-3': 'E-AC-3',
  'ac-4': 'AC-4',
  alac: 'ALAC',
  Opus: 'Opus',
  fLaC: 'FLAC',
  samr: 'AMR-NB',
  sawb: 'AMR-WB',
  lpcm: 'PCM',
  sowt: 'PCM',
  twos: 'PCM',
  in24: 'PCM',
  in32: 'PCM',
  fl32: 'PCM',
  fl64: 'PCM',
  'raw ': 'PCM',
  NONE: 'PCM',
  ulaw: 'G.711 μ-law',
  alaw: 'G.711 A-law',
  ima4: 'IMA ADPCM',
};

const OBJECT_TYPES: Readonly<Record<number, string>> = {
  32: 'MPEG-4 Visual',
  33: 'H.264/AVC',
  35: 'H.265/HEVC',
  96: 'MPEG-2 Video',
  97: 'MPEG-2 Video',
  98: 'MPEG-2 Video',
  99: 'MPEG-2 Video',
  100: 'MPEG-2 Video',
  101: 'MPEG-2 Video',
  106: 'MPEG-1 Video',
  108: 'JPEG',
  110: 'JPEG 2000',
  102: 'AAC',
  103: 'AAC',
  104: 'AAC',
  105: 'MPEG-2 Audio',
  107: 'MPEG-1 Audio',
  165: 'AC-3',
  166: 'E-AC-3',
  173: 'Opus',
  221: 'Vorbis',
};

/** MPEG-4 Audio object types (ISO/IEC 14496-3) that have names of their own. */
const AUDIO_OBJECT_TYPES: Readonly<Record<number, string>> = {
  5: 'HE-AAC',
  29: 'HE-AACv2',
  23: 'AAC-LD',
  39: 'AAC-ELD',
  36: 'MPEG-4 ALS',
  42: 'xHE-AAC',
  32: 'MPEG-1 Layer I',
  33: 'MPEG-1 Layer II',
  34: 'MPEG-1 Layer III',
};

/** PCM sample entries whose bit depth is fixed by the four-cc. */
export const PCM_BITS: Readonly<Record<string, number>> = { in24: 24, in32: 32, fl32: 32, fl64: 64 };

/** Whether an audio four-cc is uncompressed PCM. */
export function isPcmFourcc(fourcc: string): boolean {
  return AUDIO_FOURCC[fourcc] === 'PCM';
}

/** 视频编码标准 of a visual sample entry (MPEG-4 `mp4v` entries are refined by their objectTypeIndication). */
export function videoCodecName(fourcc: string, objectType: number | undefined): string {
  if (objectType !== undefined && OBJECT_TYPES[objectType] !== undefined) return OBJECT_TYPES[objectType];
  return VIDEO_FOURCC[fourcc] ?? fourcc.trim();
}

/** 音频编码标准 of an audio sample entry (`mp4a` refined by objectTypeIndication and the AAC object type). */
export function audioCodecName(
  fourcc: string,
  objectType: number | undefined,
  audioObjectType: number | undefined,
): string {
  if (objectType === 0x40 || objectType === undefined || objectType === 0x66 || objectType === 0x67) {
    if (audioObjectType !== undefined && AUDIO_OBJECT_TYPES[audioObjectType] !== undefined)
      return AUDIO_OBJECT_TYPES[audioObjectType];
    if (objectType === 0x40) return 'AAC';
  }
  if (objectType !== undefined && OBJECT_TYPES[objectType] !== undefined) return OBJECT_TYPES[objectType];
  return AUDIO_FOURCC[fourcc] ?? fourcc.trim();
}
