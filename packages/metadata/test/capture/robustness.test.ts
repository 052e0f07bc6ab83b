import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTURE_FINDING_CODES, captureAttributes } from '../../src/capture/index.js';
import { buildDocx, buildOfd, buildPdf } from './helpers/document-builders.js';
import { buildTiff, buildTiffFile, exifIfd, jpegWithExif, SAMPLE_EXIF } from './helpers/exif-builder.js';
import { buildMp3, buildMp4, buildWav } from './helpers/media-builders.js';
import { fixture, pieces } from './helpers/sources.js';

const VALID: readonly [string, Uint8Array][] = [
  ['a.jpg', jpegWithExif(fixture('plain.jpg'), buildTiff(exifIfd(SAMPLE_EXIF), false))],
  ['a.tif', buildTiffFile(8, 4, SAMPLE_EXIF, true, true)],
  ['a.png', fixture('phys.png')],
  ['a.wav', buildWav({ seconds: 0.01 })],
  ['a.mp3', buildMp3({ frames: 6, xing: { frames: 6, bytes: 2000 }, id3Bytes: 40 })],
  ['a.mp4', fixture('avc-aac-moov-end.mp4')],
  ['b.mp4', buildMp4({ mdatBytes: 200 })],
  ['a.mov', fixture('avc422-pcm.mov')],
  ['h.mp4', fixture('hevc10.mp4')],
  ['a.pdf', buildPdf({ info: '/Creator (X) /Producer <FEFF0041>' })],
  ['a.docx', buildDocx('Word', '16.0')],
  ['a.ofd', buildOfd('数科', '1.0')],
];

const KNOWN_CODES = new Set<string>(CAPTURE_FINDING_CODES);

/** Captures with random chunking and a random header limit; the answer must be well formed. */
async function captureChecked(bytes: Uint8Array, name: string, chunk: number, maxHeaderBytes: number) {
  const a = await captureAttributes(pieces(bytes, chunk), name, { maxHeaderBytes, maxMoovBytes: 1 << 20 });
  expect(a.电子属性.计算机文件大小).toBe(bytes.length);
  expect(a.摘要.sm3).toMatch(/^[0-9a-f]{64}$/);
  for (const f of a.findings) {
    expect(KNOWN_CODES.has(f.code), f.code).toBe(true);
    expect(f.severity === 'warning' || f.severity === 'info').toBe(true);
  }
  // Whatever was read is JSON-serialisable and numbers are finite.
  JSON.stringify(a, (_key, value: unknown) => {
    if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    return value;
  });
  return a;
}

describe('hostile and broken input never throws nor hangs', () => {
  it('random bytes, under every file name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom(...VALID.map(([n]) => n), 'x.bin'),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 16, max: 8192 }),
        async (bytes, name, chunk, limit) => {
          await captureChecked(bytes, name, chunk, limit);
        },
      ),
      { numRuns: Number(process.env.CAPTURE_FUZZ_RUNS ?? 300) },
    );
  });

  it('random bytes behind a real signature', async () => {
    const heads = VALID.map(([, b]) => b.subarray(0, 16));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...heads),
        fc.uint8Array({ maxLength: 4096 }),
        fc.integer({ min: 1, max: 5000 }),
        async (head, tail, chunk) => {
          const bytes = new Uint8Array(head.length + tail.length);
          bytes.set(head);
          bytes.set(tail, head.length);
          await captureChecked(bytes, 'x.bin', chunk, 1 << 20);
        },
      ),
      { numRuns: Number(process.env.CAPTURE_FUZZ_RUNS ?? 300) },
    );
  });

  it('mutations of valid files: overwritten bytes, truncations, insertions', async () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('overwrite' as const),
        edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 12,
        }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
      fc.record({
        kind: fc.constant('size' as const),
        at: fc.nat(),
        value: fc.constantFrom(0, 1, 7, 8, 0x7fffffff, 0xffffffff, 0xfffffff0),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VALID),
        mutation,
        fc.integer({ min: 1, max: 70000 }),
        fc.integer({ min: 64, max: 1 << 20 }),
        async ([name, original], m, chunk, limit) => {
          let bytes = original.slice();
          if (m.kind === 'overwrite') for (const [at, v] of m.edits) bytes[at % bytes.length] = v;
          else if (m.kind === 'truncate') bytes = bytes.subarray(0, m.at % bytes.length);
          else if (m.kind === 'insert') {
            const at = m.at % bytes.length;
            const out = new Uint8Array(bytes.length + m.bytes.length);
            out.set(bytes.subarray(0, at));
            out.set(m.bytes, at);
            out.set(bytes.subarray(at), at + m.bytes.length);
            bytes = out;
          } else {
            // A plausible length field (32-bit big or little endian) replaced by an extreme value.
            const at = m.at % Math.max(1, bytes.length - 4);
            new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, m.value, m.at % 2 === 0);
          }
          await captureChecked(bytes, name, chunk, limit);
        },
      ),
      { numRuns: Number(process.env.CAPTURE_FUZZ_RUNS ?? 400) },
    );
  });

  it('a self-referencing IFD and a moov full of tiny boxes finish quickly', async () => {
    const tiff = buildTiff(exifIfd(SAMPLE_EXIF));
    const dv = new DataView(tiff.buffer);
    const n = dv.getUint16(8, true);
    for (let i = 0; i < n; i++)
      if (dv.getUint16(10 + 12 * i, true) === 0x8769) dv.setUint32(18 + 12 * i, 8, true);
    const loop = await captureAttributes(jpegWithExif(fixture('plain.jpg'), tiff), 'loop.jpg');
    expect(loop.照片?.捕获设备?.设备制造商).toBe('Canon');
    // 1 MiB of 8-byte 'free' boxes at the top level.
    const boxes = new Uint8Array(1 << 20);
    for (let o = 0; o < boxes.length; o += 8) boxes.set([0, 0, 0, 8, 0x66, 0x72, 0x65, 0x65], o);
    boxes.set([0, 0, 0, 8, 0x66, 0x74, 0x79, 0x70], 0);
    const started = Date.now();
    await captureAttributes(boxes, 'boxes.mp4');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
