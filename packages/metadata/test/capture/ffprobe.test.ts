import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromFile } from '@dangan/core/node';
import { afterAll, describe, expect, it } from 'vitest';
import { type CapturedAttributes, captureAttributes } from '../../src/capture/index.js';
import { buildMp3, buildMp4, buildWav } from './helpers/media-builders.js';
import { fixturePath } from './helpers/sources.js';

// A differential test against FFmpeg's ffprobe. It runs where ffprobe is installed (Debian: `apt-get install
// ffmpeg`) and is skipped elsewhere; CI does not need it.
const hasFfprobe = spawnSync('ffprobe', ['-version'], { stdio: 'ignore' }).status === 0;
const hasFfmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;

interface ProbeStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  nb_frames?: string;
  bit_rate?: string;
  sample_rate?: string;
  channels?: number;
  bits_per_sample?: number;
  bits_per_raw_sample?: string;
  pix_fmt?: string;
  display_aspect_ratio?: string;
}

function ffprobe(path: string): { streams: ProbeStream[]; format: { duration?: string } } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path]);
  return JSON.parse(out.toString('utf8'));
}

const VIDEO_CODECS: Readonly<Record<string, string>> = {
  h264: 'H.264/AVC',
  hevc: 'H.265/HEVC',
  mpeg4: 'MPEG-4 Visual',
  av1: 'AV1',
  vp9: 'VP9',
  mjpeg: 'Motion JPEG',
};
const AUDIO_CODECS: Readonly<Record<string, RegExp>> = {
  aac: /^(AAC|HE-AAC)/,
  mp3: /Layer III$/,
  pcm_s16le: /^PCM$/,
  pcm_s16be: /^PCM$/,
  pcm_s24le: /^PCM$/,
};

function compare(ours: CapturedAttributes<'sm3'>, probe: ReturnType<typeof ffprobe>): void {
  const av = ours.音视频;
  expect(av).toBeDefined();
  const duration = Number(probe.format.duration);
  if (Number.isFinite(duration)) expect(av?.时长秒).toBeCloseTo(duration, 1);
  const video = probe.streams.find((s) => s.codec_type === 'video');
  if (video !== undefined) {
    const v = av?.视频参数;
    expect(v?.视频编码标准).toBe(VIDEO_CODECS[video.codec_name]);
    expect(v?.分辨率).toBe(`${video.width}×${video.height}`);
    const [n, d] = (video.avg_frame_rate ?? '0/1').split('/').map(Number) as [number, number];
    if (d > 0 && n > 0) expect(v?.帧率).toBeCloseTo(n / d, 2);
    if (video.nb_frames !== undefined) expect(av?.总帧数).toBe(Number(video.nb_frames));
    if (video.bit_rate !== undefined)
      expect(Math.abs((v?.视频比特率 ?? 0) - Number(video.bit_rate))).toBeLessThanOrEqual(2);
    if (video.display_aspect_ratio !== undefined && video.display_aspect_ratio !== '0:1')
      expect(v?.画面高宽比).toBe(video.display_aspect_ratio);
    const pix = video.pix_fmt ?? '';
    const chroma = /420/.test(pix)
      ? '4:2:0'
      : /422/.test(pix)
        ? '4:2:2'
        : /444/.test(pix)
          ? '4:4:4'
          : undefined;
    if (chroma !== undefined) expect(v?.色度采样率).toBe(chroma);
    const depth = /p(\d+)(le|be)$/.exec(pix)?.[1];
    expect(v?.视频量化位数).toBe(depth === undefined ? 8 : Number(depth));
  }
  const audio = probe.streams.find((s) => s.codec_type === 'audio');
  if (audio !== undefined) {
    const a = av?.音频参数;
    expect(a?.音频编码标准).toMatch(AUDIO_CODECS[audio.codec_name] ?? /^$/);
    expect(a?.音频采样率).toBe(Number(audio.sample_rate));
    expect(a?.声道).toBe(audio.channels);
    if (audio.bit_rate !== undefined) {
      const ratio = (a?.音频比特率 ?? 0) / Number(audio.bit_rate);
      expect(ratio).toBeGreaterThan(0.97);
      expect(ratio).toBeLessThan(1.03);
    }
    if (audio.codec_name.startsWith('pcm_')) expect(a?.音频量化位数).toBe(audio.bits_per_sample);
  }
}

describe.skipIf(!hasFfprobe)('differential against ffprobe', () => {
  const work = mkdtempSync(join(tmpdir(), 'dangan-capture-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const name of [
    'avc-aac-moov-end.mp4',
    'avc-aac-faststart.mp4',
    'avc422-pcm.mov',
    'hevc10.mp4',
    'vbr.mp3',
    'cbr.mp3',
    'pcm.wav',
  ]) {
    it(`committed fixture ${name}`, async () => {
      const path = fixturePath(name);
      const ours = await captureAttributes(fromFile(path), name);
      expect(ours.findings).toEqual([]);
      compare(ours, ffprobe(path));
    });
  }

  const built: [string, Uint8Array][] = [
    ['built.mp4', buildMp4({ seconds: 3, fps: 30, width: 1280, height: 720, mdatBytes: 90_000 })],
    ['built.wav', buildWav({ seconds: 0.75, sampleRate: 48000, bits: 24, channels: 2 })],
    ['built.mp3', buildMp3({ kbps: 192, frames: 120 })],
  ];
  for (const [name, bytes] of built) {
    it(`test-built ${name}`, async () => {
      const path = join(work, name);
      writeFileSync(path, bytes);
      const probe = ffprobe(path);
      const ours = await captureAttributes(bytes, name);
      const duration = Number(probe.format.duration);
      expect(ours.音视频?.时长秒).toBeCloseTo(duration, 1);
      const audio = probe.streams.find((s) => s.codec_type === 'audio');
      if (audio) expect(ours.音视频?.音频参数?.音频采样率).toBe(Number(audio.sample_rate));
      const video = probe.streams.find((s) => s.codec_type === 'video');
      if (video) expect(ours.音视频?.视频参数?.分辨率).toBe(`${video.width}×${video.height}`);
    });
  }

  const encodes: [string, string[]][] = [
    [
      'mpeg4-vga.mp4',
      ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15', '-t', '0.6', '-c:v', 'mpeg4', '-q:v', '20'],
    ],
    [
      'anamorphic.mp4',
      [
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=720x576:rate=25',
        '-t',
        '0.2',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-vf',
        'setsar=16/15',
      ],
    ],
    [
      'aac-mono-48k.mp4',
      ['-f', 'lavfi', '-i', 'sine=sample_rate=48000', '-t', '1', '-ac', '1', '-c:a', 'aac', '-b:a', '48k'],
    ],
    [
      'hi444.mov',
      [
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=96x64:rate=30000/1001',
        '-t',
        '0.3',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv444p',
      ],
    ],
    ['s24.wav', ['-f', 'lavfi', '-i', 'sine=sample_rate=96000', '-t', '0.2', '-c:a', 'pcm_s24le']],
  ];
  for (const [name, args] of encodes) {
    it.skipIf(!hasFfmpeg)(`ffmpeg-encoded ${name}`, async () => {
      const path = join(work, name);
      execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, path]);
      const ours = await captureAttributes(new Uint8Array(readFileSync(path)), name);
      expect(ours.findings).toEqual([]);
      compare(ours, ffprobe(path));
    });
  }
});
