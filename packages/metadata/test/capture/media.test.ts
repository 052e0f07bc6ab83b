import { describe, expect, it } from 'vitest';
import { captureAttributes, durationFields } from '../../src/capture/index.js';
import { box, buildMp3, buildMp4, buildWav, concat, mp3FrameLength } from './helpers/media-builders.js';
import { fixture, pieces } from './helpers/sources.js';

describe('durationFields', () => {
  it('rounds 时间长度 down and keeps 时长秒 to the microsecond', () => {
    expect(durationFields(3725.9)).toEqual({ 时间长度: '01:02:05', 时长秒: 3725.9 });
    expect(durationFields(0.4)).toEqual({ 时间长度: '00:00:00', 时长秒: 0.4 });
    expect(durationFields(360_000)).toEqual({ 时间长度: '100:00:00', 时长秒: 360_000 });
    expect(durationFields(1 / 3)).toEqual({ 时间长度: '00:00:00', 时长秒: 0.333333 });
    expect(durationFields(0)).toBeUndefined();
    expect(durationFields(Number.NaN)).toBeUndefined();
  });
});

describe('WAV (DA/T 63)', () => {
  it('reads PCM 44.1 kHz / 16 bit / 2 channels', async () => {
    const a = await captureAttributes(buildWav({ seconds: 1.5 }), '录音.wav');
    expect(a.findings).toEqual([]);
    expect(a.音视频).toEqual({
      时间长度: '00:00:01',
      时长秒: 1.5,
      音频参数: { 音频编码标准: 'PCM', 音频比特率: 1_411_200, 音频采样率: 44100, 音频量化位数: 16, 声道: 2 },
    });
  });

  it('reads WAVE_FORMAT_EXTENSIBLE 24-bit mono 48 kHz past a LIST chunk', async () => {
    const a = await captureAttributes(
      buildWav({ extensible: true, bits: 24, channels: 1, sampleRate: 48000, seconds: 0.25, listBytes: 100 }),
      'x.wav',
    );
    expect(a.音视频?.音频参数).toEqual({
      音频编码标准: 'PCM',
      音频比特率: 1_152_000,
      音频采样率: 48000,
      音频量化位数: 24,
      声道: 1,
    });
    expect(a.音视频?.时长秒).toBe(0.25);
  });

  it('uses the bytes present when the data size is unknown (streamed) or too large (cut)', async () => {
    const streamed = await captureAttributes(buildWav({ seconds: 1, declaredDataSize: 0xffffffff }), 's.wav');
    expect(streamed.音视频?.时长秒).toBe(1);
    expect(streamed.findings).toEqual([]);
    const whole = buildWav({ seconds: 1 });
    const cut = await captureAttributes(whole.subarray(0, 44 + 44100 * 2), 'c.wav');
    expect(cut.音视频?.时长秒).toBe(0.5);
    expect(cut.findings.map((f) => f.code)).toEqual(['CAPTURE_MEDIA_TRUNCATED']);
  });

  it('reads the ffmpeg fixture', async () => {
    const a = await captureAttributes(fixture('pcm.wav'), 'pcm.wav');
    expect(a.音视频?.音频参数).toEqual({
      音频编码标准: 'PCM',
      音频比特率: 1_411_200,
      音频采样率: 44100,
      音频量化位数: 16,
      声道: 2,
    });
    expect(a.音视频?.时长秒).toBe(0.1);
  });
});

describe('MP3 (DA/T 63)', () => {
  it('computes a CBR duration from the audio bytes, without the ID3 tags', async () => {
    const frames = 100;
    const mp3 = buildMp3({ kbps: 128, frames, id3Bytes: 2000, id3v1: true });
    const a = await captureAttributes(mp3, 'a.mp3');
    expect(a.findings).toEqual([]);
    const seconds = (frames * mp3FrameLength(128) * 8) / 128000;
    expect(a.音视频?.时长秒).toBeCloseTo(seconds, 5);
    expect(a.音视频?.音频参数).toEqual({
      音频编码标准: 'MPEG-1 Layer III',
      音频比特率: 128000,
      音频采样率: 44100,
      声道: 2,
    });
  });

  it('uses the Xing frame count for a VBR duration and average bit rate', async () => {
    const mp3 = buildMp3({ kbps: 128, frames: 10, xing: { frames: 4000, bytes: 2_000_000 } });
    const a = await captureAttributes(mp3, 'v.mp3');
    const seconds = (4000 * 1152) / 44100;
    expect(a.音视频?.时长秒).toBeCloseTo(seconds, 5);
    expect(a.音视频?.时间长度).toBe('00:01:44');
    expect(a.音视频?.音频参数?.音频比特率).toBe(Math.round((2_000_000 * 8) / seconds));
  });

  it('finds the first frame after an ID3v2 tag larger than the kept prefix', async () => {
    const mp3 = buildMp3({ kbps: 64, frames: 50, id3Bytes: 300_000 });
    const a = await captureAttributes(pieces(mp3, 65536), 'big-tag.mp3', { maxHeaderBytes: 100_000 });
    expect(a.findings).toEqual([]);
    expect(a.音视频?.音频参数?.音频比特率).toBe(64000);
    expect(a.音视频?.时长秒).toBeCloseTo((50 * mp3FrameLength(64) * 8) / 64000, 5);
  });

  it('reads the ffmpeg fixtures (CBR and LAME VBR)', async () => {
    const cbr = await captureAttributes(fixture('cbr.mp3'), 'cbr.mp3');
    expect(cbr.音视频?.音频参数?.音频比特率).toBe(64000);
    expect(cbr.音视频?.时长秒).toBeCloseTo(1.541125, 3);
    const vbr = await captureAttributes(fixture('vbr.mp3'), 'vbr.mp3');
    expect(vbr.音视频?.时长秒).toBeCloseTo(1.541224, 3);
    expect(vbr.音视频?.音频参数?.音频采样率).toBe(44100);
  });
});

describe('MP4 and MOV (DA/T 63)', () => {
  const expected = {
    时间长度: '00:00:02',
    时长秒: 2,
    总帧数: 50,
    视频参数: {
      视频编码标准: 'H.264/AVC',
      分辨率: '1920×1080',
      帧率: 25,
      视频比特率: 2000,
      画面高宽比: '16:9',
      色度采样率: '4:2:0',
      视频量化位数: 8,
    },
    // 86 AAC frames of 300 bytes, 1024 samples each at 44.1 kHz.
    音频参数: {
      音频编码标准: 'AAC',
      音频比特率: Math.round((300 * 8 * 44100) / 1024),
      音频采样率: 44100,
      声道: 2,
    },
  };

  it('reads moov at the end (mdat first) and at the start alike', async () => {
    const end = await captureAttributes(buildMp4(), 'end.mp4');
    const start = await captureAttributes(buildMp4({ moovFirst: true }), 'start.mp4');
    expect(end.findings).toEqual([]);
    expect(end.音视频).toEqual(expected);
    expect(start.音视频).toEqual(expected);
  });

  it('skips a large mdat in a stream without keeping it', async () => {
    const mp4 = buildMp4({ mdatBytes: 20_000_000 });
    const a = await captureAttributes(pieces(mp4, 1 << 20), 'big.mp4', { maxHeaderBytes: 65536 });
    expect(a.findings).toEqual([]);
    expect(a.音视频?.总帧数).toBe(50);
    expect(a.格式.id).toBe('mp4');
  });

  it('finds moov whose header straddles two chunks', async () => {
    const mp4 = buildMp4();
    for (const size of [1, 3, 7, 13, 1000]) {
      const a = await captureAttributes(pieces(mp4, size), 's.mp4');
      expect(a.音视频).toEqual(expected);
    }
  });

  it('reports a moov over the limit, a missing moov and a cut mdat', async () => {
    const large = await captureAttributes(buildMp4(), 'l.mp4', { maxMoovBytes: 100 });
    expect(large.findings.map((f) => f.code)).toEqual(['CAPTURE_MOOV_TOO_LARGE']);
    expect(large.音视频).toBeUndefined();
    const ftyp = box(
      'ftyp',
      Uint8Array.from('isom\0\0\0\0isom', (c) => c.charCodeAt(0)),
    );
    const missing = await captureAttributes(concat(ftyp, box('mdat', new Uint8Array(100))), 'm.mp4');
    expect(missing.findings.map((f) => f.code)).toEqual(['CAPTURE_MOOV_MISSING']);
    const cut = await captureAttributes(buildMp4({ moovFirst: true, declaredMdatSize: 1_000_000 }), 'c.mp4');
    expect(cut.findings.map((f) => f.code)).toEqual(['CAPTURE_MEDIA_TRUNCATED']);
    expect(cut.音视频?.总帧数).toBe(50);
  });

  it('follows a 64-bit mdat size and a last moov whose size is 0 (to the end of the file)', async () => {
    const mp4 = buildMp4({ mdatBytes: 5000 });
    const ftypSize = new DataView(mp4.buffer).getUint32(0);
    const ftyp = mp4.subarray(0, ftypSize);
    const moov = mp4.subarray(ftypSize + 8 + 5000);
    const large = new Uint8Array(16 + 5000);
    large.set([0, 0, 0, 1, 0x6d, 0x64, 0x61, 0x74, 0, 0, 0, 0, 0, 0, (16 + 5000) >> 8, (16 + 5000) & 0xff]);
    const toEnd = moov.slice();
    toEnd.set([0, 0, 0, 0], 0);
    for (const file of [concat(ftyp, large, moov), concat(ftyp, large, toEnd)]) {
      const a = await captureAttributes(pieces(file, 999), 'x.mp4');
      expect(a.findings).toEqual([]);
      expect(a.音视频?.总帧数).toBe(50);
    }
  });

  it('reports a moov cut by the end of the file', async () => {
    const mp4 = buildMp4();
    const a = await captureAttributes(mp4.subarray(0, mp4.length - 200), 'c.mp4');
    expect(a.findings.map((f) => f.code)).toContain('CAPTURE_MEDIA_TRUNCATED');
  });

  it('reads the ffmpeg fixtures: H.264 + AAC with moov at the end or first, and both agree', async () => {
    const end = await captureAttributes(fixture('avc-aac-moov-end.mp4'), 'a.mp4');
    const first = await captureAttributes(fixture('avc-aac-faststart.mp4'), 'b.mp4');
    expect(end.音视频).toEqual(first.音视频);
    expect(end.音视频).toEqual({
      时间长度: '00:00:01',
      时长秒: 1,
      总帧数: 10,
      视频参数: {
        视频编码标准: 'H.264/AVC',
        分辨率: '160×90',
        帧率: 10,
        视频比特率: 28552,
        画面高宽比: '16:9',
        色度采样率: '4:2:0',
        视频量化位数: 8,
      },
      音频参数: { 音频编码标准: 'AAC', 音频比特率: 30515, 音频采样率: 44100, 声道: 2 },
    });
    expect(end.电子属性.文档创建程序).toMatch(/^Lavf/);
  });

  it('reads a QuickTime MOV with H.264 4:2:2 and PCM audio', async () => {
    const a = await captureAttributes(fixture('avc422-pcm.mov'), 'a.mov');
    expect(a.格式.id).toBe('mov');
    expect(a.音视频?.视频参数?.色度采样率).toBe('4:2:2');
    expect(a.音视频?.音频参数).toEqual({
      音频编码标准: 'PCM',
      音频比特率: 352800,
      音频采样率: 22050,
      音频量化位数: 16,
      声道: 1,
    });
    expect(a.音视频?.时长秒).toBe(0.4);
  });

  it('reads HEVC Main 10 (hvcC) at 24000/1001 fps', async () => {
    const a = await captureAttributes(fixture('hevc10.mp4'), 'h.mp4');
    expect(a.音视频?.视频参数).toMatchObject({
      视频编码标准: 'H.265/HEVC',
      色度采样率: '4:2:0',
      视频量化位数: 10,
      帧率: 23.976,
    });
  });
});
