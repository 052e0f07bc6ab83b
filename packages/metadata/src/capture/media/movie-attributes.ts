import { compactOrUndefined, round } from '../binary.js';
import type { BoxWalk } from '../collector.js';
import type { FindingList } from '../findings.js';
import type { AudioParameters, AudioVisualAttributes, VideoParameters } from '../types.js';
import { audioCodecName, isPcmFourcc, PCM_BITS, videoCodecName } from './codecs.js';
import { durationFields } from './duration.js';
import {
  aspectRatio,
  type BoxProblems,
  frameRate,
  type MovieInfo,
  readEsds,
  readMoov,
  type TrackInfo,
} from './iso-bmff.js';
import { av1Sampling, avcSampling, hevcSampling, type VideoSampling, vpxSampling } from './video-config.js';

/**
 * DA/T 63 elements of an MP4 or QuickTime file from its `moov` box (wherever the pass found it): duration
 * from `mvhd`, and for the first video and the first audio track the codec (`stsd`), frame count and
 * rate (`stts`), bit rate (`stsz` ÷ duration), size, aspect ratio (`pasp`/`tkhd`), chroma format and bit
 * depth (`avcC` SPS, `hvcC`, `av1C`, `vpcC`). Also the encoder text (`©too`) for 文档创建程序.
 */
export function movieAttributes(
  walk: BoxWalk | undefined,
  fileSize: number,
  findings: FindingList,
): { av: AudioVisualAttributes | undefined; encoder: string | undefined } {
  const none = { av: undefined, encoder: undefined };
  if (walk === undefined) {
    findings.add(
      'CAPTURE_MEDIA_INVALID',
      '文件开头不是有效的 MP4/MOV 盒结构',
      'The file does not start with a valid MP4/MOV box structure',
    );
    return none;
  }
  if (walk.problem !== undefined) {
    findings.add(
      'CAPTURE_MEDIA_INVALID',
      `MP4/MOV 顶层盒结构无效：${walk.problem}`,
      `Invalid MP4/MOV top-level box structure: ${walk.problem}`,
    );
  }
  const last = walk.boxes[walk.boxes.length - 1];
  if (last?.size !== undefined && last.offset + last.size > fileSize) {
    findings.add(
      'CAPTURE_MEDIA_TRUNCATED',
      `MP4/MOV 的 '${last.type}' 盒声明 ${last.size} 字节，但文件在其中结束`,
      `The MP4/MOV '${last.type}' box declares ${last.size} bytes but the file ends inside it`,
    );
  }
  if (walk.moovTooLarge !== undefined) {
    findings.add(
      'CAPTURE_MOOV_TOO_LARGE',
      `moov 盒有 ${walk.moovTooLarge.size} 字节，超过上限，未读取轨道信息`,
      `The moov box has ${walk.moovTooLarge.size} bytes, over the limit; its tracks were not read`,
    );
    return none;
  }
  if (walk.moov === undefined) {
    findings.add(
      'CAPTURE_MOOV_MISSING',
      'MP4/MOV 文件中没有 moov 盒，无法读取时长和轨道信息',
      'The MP4/MOV file has no moov box; duration and tracks are unknown',
    );
    return none;
  }
  const problems: BoxProblems = {
    truncated: walk.moov.bytes.length < walk.moov.declaredSize,
    invalid: undefined,
  };
  const movie = readMoov(walk.moov.bytes, problems);
  if (problems.truncated)
    findings.add('CAPTURE_MEDIA_TRUNCATED', 'moov 盒不完整', 'The moov box is incomplete');
  if (problems.invalid !== undefined) {
    findings.add(
      'CAPTURE_MEDIA_INVALID',
      `moov 盒结构无效：${problems.invalid}`,
      `Invalid moov box structure: ${problems.invalid}`,
    );
  }
  return { av: assemble(movie), encoder: movie.encoder };
}

function assemble(movie: MovieInfo): AudioVisualAttributes | undefined {
  const video = movie.tracks.find((t) => t.handler === 'vide' && t.entry !== undefined);
  const audio = movie.tracks.find((t) => t.handler === 'soun' && t.entry !== undefined);
  const seconds = movieSeconds(movie);
  return compactOrUndefined<AudioVisualAttributes>({
    ...(seconds === undefined ? {} : durationFields(seconds)),
    总帧数: video?.sampleCount,
    视频参数: video === undefined ? undefined : videoParameters(video),
    音频参数: audio === undefined ? undefined : audioParameters(audio),
  });
}

function movieSeconds(movie: MovieInfo): number | undefined {
  const { timescale, duration, fragmentDuration } = movie;
  if (timescale && duration && duration < 0xffffffff) return duration / timescale;
  if (timescale && fragmentDuration) return fragmentDuration / timescale;
  let longest: number | undefined;
  for (const t of movie.tracks) {
    const ticks = t.duration || t.sampleTicks;
    if (t.timescale && ticks) longest = Math.max(longest ?? 0, ticks / t.timescale);
  }
  return longest;
}

function trackSeconds(t: TrackInfo): number | undefined {
  const ticks = t.sampleTicks || t.duration;
  return t.timescale && ticks ? ticks / t.timescale : undefined;
}

function bitRate(t: TrackInfo, declared: number | undefined): number | undefined {
  const seconds = trackSeconds(t);
  if (t.sampleBytes && seconds) return Math.round((t.sampleBytes * 8) / seconds);
  return declared || undefined;
}

function videoParameters(t: TrackInfo): VideoParameters | undefined {
  const e = t.entry!;
  const esds = e.configs.get('esds');
  const objectType = esds === undefined ? undefined : readEsds(esds).objectType;
  const width = e.width || Math.round(t.displayWidth ?? 0) || undefined;
  const height = e.height || Math.round(t.displayHeight ?? 0) || undefined;
  const sampling = videoSampling(e.format, objectType, e.configs);
  let aspect: string | undefined;
  if (width && height) {
    if (e.pasp && e.pasp.h > 0 && e.pasp.v > 0) aspect = aspectRatio(width * e.pasp.h, height * e.pasp.v);
    else if (t.displayWidth && t.displayHeight) aspect = aspectRatio(t.displayWidth, t.displayHeight);
    else aspect = aspectRatio(width, height);
  }
  return compactOrUndefined<VideoParameters>({
    视频编码标准: videoCodecName(e.format, objectType),
    分辨率: width && height ? `${width}×${height}` : undefined,
    帧率:
      t.sampleCount && t.sampleTicks && t.timescale
        ? frameRate(t.sampleCount, t.sampleTicks, t.timescale)
        : undefined,
    视频比特率: bitRate(t, e.avgBitrate),
    画面高宽比: aspect,
    色度采样率: sampling.chroma,
    视频量化位数: sampling.bitDepth,
  });
}

function videoSampling(
  format: string,
  objectType: number | undefined,
  configs: ReadonlyMap<string, Uint8Array>,
): VideoSampling {
  const avcC = configs.get('avcC');
  if (avcC !== undefined) return avcSampling(avcC);
  const hvcC = configs.get('hvcC');
  if (hvcC !== undefined) return hevcSampling(hvcC);
  const av1C = configs.get('av1C');
  if (av1C !== undefined) return av1Sampling(av1C);
  const vpcC = configs.get('vpcC');
  if (vpcC !== undefined) return vpxSampling(vpcC);
  if (format === 'apch' || format === 'apcn' || format === 'apcs' || format === 'apco')
    return { chroma: '4:2:2', bitDepth: 10 };
  if (format === 'ap4h' || format === 'ap4x') return { chroma: '4:4:4', bitDepth: 12 };
  // MPEG-4 Visual (Simple/Advanced Simple), MPEG-1 Video and H.263 code 8-bit 4:2:0 only.
  if (
    objectType === 0x20 ||
    objectType === 0x6a ||
    format === 's263' ||
    format === 'h263' ||
    format === 'H263'
  )
    return { chroma: '4:2:0', bitDepth: 8 };
  return {};
}

function audioParameters(t: TrackInfo): AudioParameters | undefined {
  const e = t.entry!;
  const esdsBox = e.configs.get('esds');
  const esds = esdsBox === undefined ? {} : readEsds(esdsBox);
  const rate = e.sampleRate && e.sampleRate >= 1 ? e.sampleRate : t.timescale;
  return compactOrUndefined<AudioParameters>({
    音频编码标准: audioCodecName(e.format, esds.objectType, esds.audioObjectType),
    音频比特率: bitRate(t, esds.avgBitrate ?? e.avgBitrate),
    音频采样率: rate ? round(rate, 0) : undefined,
    音频量化位数: audioBits(e.format, e.sampleSize, e.configs),
    // The AudioSpecificConfig is authoritative: muxers often write 2 in the sample entry for mono AAC.
    声道: esds.channels ?? (e.channels || undefined),
  });
}

function audioBits(
  format: string,
  sampleSize: number | undefined,
  configs: ReadonlyMap<string, Uint8Array>,
): number | undefined {
  if (isPcmFourcc(format)) return PCM_BITS[format] ?? (sampleSize || undefined);
  const alac = configs.get('alac');
  if (format === 'alac' && alac !== undefined && alac.length >= 10) return alac[9] || undefined;
  const dfLa = configs.get('dfLa');
  if (format === 'fLaC' && dfLa !== undefined && dfLa.length >= 22) {
    return (((dfLa[8 + 12]! & 1) << 4) | (dfLa[8 + 13]! >> 4)) + 1;
  }
  return undefined;
}
