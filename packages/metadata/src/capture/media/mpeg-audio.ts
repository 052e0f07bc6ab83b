import { type MpegFrame, parseMpegFrame } from '@dangan/core';
import { compactOrUndefined, hasAscii, u32be } from '../binary.js';
import type { FindingList } from '../findings.js';
import type { ByteRegions } from '../regions.js';
import type { AudioParameters, AudioVisualAttributes } from '../types.js';
import { durationFields } from './duration.js';

const LAYERS = ['', 'I', 'II', 'III'];
const SCAN_WINDOW = 64 * 1024;

/**
 * DA/T 63 elements of an MP3 (or MPEG-1/2 Layer I/II) file: the first frame after any ID3v2 tag gives
 * codec, rate and channels; a Xing/Info or VBRI header gives the frame count (exact duration and the
 * average bit rate of VBR files); otherwise the duration is the audio bytes (less a trailing ID3v1 tag)
 * at the frame's constant bit rate.
 */
export function mpegAudioAttributes(
  regions: ByteRegions,
  findings: FindingList,
): AudioVisualAttributes | undefined {
  const head = regions.prefix;
  let start = 0;
  if (hasAscii(head, 'ID3') && head.length >= 10 && [6, 7, 8, 9].every((i) => head[i]! < 0x80)) {
    start =
      10 + ((head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!) + (head[5]! & 0x10 ? 10 : 0);
  }
  const window = regions.read(start, SCAN_WINDOW);
  if (window.kind === 'out-of-reach') {
    findings.add(
      'CAPTURE_HEADER_OUT_OF_REACH',
      'MPEG 音频首帧超出保留的头部范围',
      'The first MPEG audio frame is outside the header bytes kept',
    );
    return undefined;
  }
  const found = firstFrame(window.bytes, regions, start);
  if (found === undefined) {
    findings.add('CAPTURE_MEDIA_INVALID', '未找到有效的 MPEG 音频帧', 'No valid MPEG audio frame was found');
    return undefined;
  }
  const { frame, at } = found;
  const tag = vbrHeader(window.bytes, at - start, frame);
  const end = regions.size - (hasId3v1(regions) ? 128 : 0);
  const audioBytes = Math.max(0, end - at);
  let seconds: number | undefined;
  let bitRate: number | undefined;
  if (tag?.frames !== undefined && tag.frames > 0) {
    seconds = (tag.frames * frame.samplesPerFrame) / frame.sampleRate;
    const bytes = tag.bytes !== undefined && tag.bytes > 0 ? tag.bytes : audioBytes;
    bitRate = Math.round((bytes * 8) / seconds);
    if (tag.kind === 'Info' && frame.bitRate > 0) bitRate = frame.bitRate * 1000;
  } else if (frame.bitRate > 0) {
    bitRate = frame.bitRate * 1000;
    seconds = (audioBytes * 8) / bitRate;
  }
  const audio = compactOrUndefined<AudioParameters>({
    音频编码标准: `MPEG-${frame.version} Layer ${LAYERS[frame.layer]}`,
    音频比特率: bitRate,
    音频采样率: frame.sampleRate,
    声道: frame.channels,
  });
  return compactOrUndefined<AudioVisualAttributes>({
    ...(seconds === undefined ? {} : durationFields(seconds)),
    音频参数: audio,
  });
}

/** The first frame whose successor is also a frame of the same kind (or that ends the file). */
function firstFrame(
  window: Uint8Array,
  regions: ByteRegions,
  start: number,
): { frame: MpegFrame; at: number } | undefined {
  for (let i = 0; i + 4 <= window.length; i++) {
    i = window.indexOf(0xff, i);
    if (i < 0) return undefined;
    const frame = parseMpegFrame(window, i);
    if (frame === undefined || frame.length === 0) continue;
    const nextAt = start + i + frame.length;
    if (nextAt === regions.size) return { frame, at: start + i };
    const next = regions.read(nextAt, 4);
    if (next.kind === 'out-of-reach') return { frame, at: start + i };
    const following = next.bytes.length === 4 ? parseMpegFrame(next.bytes, 0) : undefined;
    if (following && following.version === frame.version && following.layer === frame.layer)
      return { frame, at: start + i };
  }
  return undefined;
}

/** A Xing/Info (LAME) or VBRI header in the first frame: frame and byte counts. */
function vbrHeader(
  window: Uint8Array,
  at: number,
  frame: MpegFrame,
): { kind: 'Xing' | 'Info' | 'VBRI'; frames?: number; bytes?: number } | undefined {
  const side =
    frame.layer !== 3
      ? 0
      : frame.version === '1'
        ? frame.channels === 1
          ? 17
          : 32
        : frame.channels === 1
          ? 9
          : 17;
  const x = at + 4 + side;
  if (hasAscii(window, 'Xing', x) || hasAscii(window, 'Info', x)) {
    const kind = hasAscii(window, 'Xing', x) ? 'Xing' : 'Info';
    const flags = u32be(window, x + 4);
    let p = x + 8;
    let frames: number | undefined;
    let bytes: number | undefined;
    if (flags & 1 && p + 4 <= window.length) {
      frames = u32be(window, p);
      p += 4;
    }
    if (flags & 2 && p + 4 <= window.length) bytes = u32be(window, p);
    return { kind, ...(frames === undefined ? {} : { frames }), ...(bytes === undefined ? {} : { bytes }) };
  }
  const v = at + 4 + 32;
  if (hasAscii(window, 'VBRI', v) && v + 18 <= window.length) {
    return { kind: 'VBRI', bytes: u32be(window, v + 10), frames: u32be(window, v + 14) };
  }
  return undefined;
}

function hasId3v1(regions: ByteRegions): boolean {
  const tail = regions.tail(128);
  return tail !== undefined && tail.length === 128 && hasAscii(tail, 'TAG');
}
