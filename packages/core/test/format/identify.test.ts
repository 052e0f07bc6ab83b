import { describe, expect, it } from 'vitest';
import { DanganError } from '../../src/errors/index.js';
import {
  FORMAT_IDS,
  FORMATS,
  formatDescriptor,
  identifyFormat,
  safeIdentifyFormat,
} from '../../src/format/index.js';
import { fixture, samples } from './helpers/fixtures.js';
import { CountingBlob, countingStream, everySourceKind } from './helpers/sources.js';

describe('identifyFormat: every format', () => {
  for (const sample of samples()) {
    it(`${sample.name} → ${sample.expect.id}`, async () => {
      const info = await identifyFormat(sample.bytes, { fileName: sample.fileName });
      expect(info).toMatchObject(sample.expect);
      // OLE2 that is none of the Office formats cannot confirm any extension.
      expect(info.extensionMatches).toBe(info.id !== 'ole2');
      const row = formatDescriptor(info.id);
      expect(info).toMatchObject({
        name: row.name,
        nameZh: row.nameZh,
        mimeType: row.mimeType,
        extension: row.extension,
      });
    });
  }

  it('covers every format id except unknown', () => {
    const seen = new Set(samples().map((s) => s.expect.id));
    for (const id of ['dps', 'unknown']) seen.add(id as never);
    expect([...FORMAT_IDS].filter((id) => !seen.has(id))).toEqual([]);
  });

  it('gives the same answer for every kind of ByteSource', async () => {
    for (const sample of samples()) {
      const reference = await identifyFormat(sample.bytes, { fileName: sample.fileName });
      for (const [kind, make] of everySourceKind(sample.bytes)) {
        const info = await identifyFormat(make(), { fileName: sample.fileName });
        expect(info, `${sample.name} via ${kind}`).toEqual(reference);
      }
    }
  });
});

describe('identifyFormat: extension check', () => {
  it('flags a name that does not fit the bytes', async () => {
    const pdf = samples().find((s) => s.expect.id === 'pdf')!.bytes;
    expect((await identifyFormat(pdf, { fileName: '报告.docx' })).extensionMatches).toBe(false);
    expect((await identifyFormat(pdf, { fileName: 'C:\\归档\\报告.PDF' })).extensionMatches).toBe(true);
    expect((await identifyFormat(pdf, { fileName: 'no-extension' })).extensionMatches).toBe(false);
    expect((await identifyFormat(pdf)).extensionMatches).toBeUndefined();
  });

  it('is false for unknown data whatever the name', async () => {
    const info = await identifyFormat(Uint8Array.of(0, 1, 2, 3, 0xff, 0xfe, 0, 0), { fileName: 'x.bin' });
    expect(info).toMatchObject({
      id: 'unknown',
      extensionMatches: false,
      mimeType: 'application/octet-stream',
    });
  });

  it('an empty file is unknown and says so', async () => {
    expect(await identifyFormat(new Uint8Array(0), { fileName: 'a.txt' })).toMatchObject({
      id: 'unknown',
      details: { empty: true },
      extensionMatches: false,
    });
  });
});

describe('identifyFormat: arguments, aborts and failures', () => {
  it('rejects programmer errors with TypeError/RangeError', async () => {
    await expect(identifyFormat('text' as never)).rejects.toBeInstanceOf(TypeError);
    await expect(identifyFormat(new Uint8Array(1), { fileName: 1 as never })).rejects.toBeInstanceOf(
      TypeError,
    );
    await expect(identifyFormat(new Uint8Array(1), { maxInspectBytes: 0 })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(identifyFormat(new Uint8Array(1), { maxInspectBytes: 1.5 })).rejects.toBeInstanceOf(
      RangeError,
    );
  });

  it('stops with ABORTED when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(identifyFormat(new Uint8Array(10), { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    const r = await safeIdentifyFormat(new Uint8Array(10), { signal: controller.signal });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('ABORTED');
  });

  it('turns a failing stream into a BYTES_READ_FAILED finding', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('disk gone'));
      },
    });
    const r = await safeIdentifyFormat(failing);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(DanganError);
      expect(r.findings[0]?.code).toBe('BYTES_READ_FAILED');
    }
  });

  it('safeIdentifyFormat returns the value on success', async () => {
    const r = await safeIdentifyFormat(fixture('zip-cli.zip'));
    expect(r).toMatchObject({ ok: true, value: { id: 'zip' } });
  });
});

describe('identifyFormat: bounded reading', () => {
  it('pulls no more than the budget from a stream, and cancels it', async () => {
    const big = new Uint8Array(8 * 1024 * 1024).fill(0x41);
    const { stream, pulled } = countingStream(big, 4096);
    const info = await identifyFormat(stream, { maxInspectBytes: 256 * 1024 });
    expect(info).toMatchObject({ id: 'text', encoding: 'utf-8' });
    expect(pulled()).toBeLessThanOrEqual(256 * 1024 + 4096);
  });

  it('slices no more than the budget from a Blob', async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(samples()[0]!.bytes);
    const blob = new CountingBlob([big]);
    await identifyFormat(blob, { maxInspectBytes: 1024 * 1024 });
    expect(blob.sliced).toBeLessThanOrEqual(1024 * 1024);
    expect(blob.sliced).toBeGreaterThan(0);
  });

  it('with the default budget still sees a 5 MiB PDF trailer through random access', async () => {
    const { buildPdf } = await import('./helpers/file-builders.js');
    const pdf = buildPdf({ version: '1.6', encrypted: true, filler: 5 * 1024 * 1024 });
    const blob = new CountingBlob([pdf.slice()]);
    const viaBlob = await identifyFormat(blob);
    expect(viaBlob).toMatchObject({
      id: 'pdf',
      version: '1.6',
      pronom: 'fmt/20',
      flags: { encrypted: true, truncated: false },
    });
    expect(blob.sliced).toBeLessThanOrEqual(4 * 1024 * 1024);
    // A stream cannot reach the end within the budget: the flags it cannot see stay unknown.
    const viaStream = await identifyFormat(new Blob([pdf.slice()]).stream());
    expect(viaStream.id).toBe('pdf');
    expect(viaStream.flags.truncated).toBeUndefined();
  });
});

describe('FORMATS', () => {
  it('has one row per id, with well-formed fields', () => {
    expect(FORMATS.map((f) => f.id)).toEqual([...FORMAT_IDS]);
    for (const f of FORMATS) {
      expect(f.mimeType).toMatch(/^[a-z]+\/[\w.+-]+$/);
      expect(f.extensions).toEqual(f.extensions.map((e) => e.toLowerCase()));
      if (f.extensions.length > 0) expect(f.extension).toBe(f.extensions[0]);
      if (f.pronom !== undefined) expect(f.pronom).toMatch(/^(x-)?fmt\/\d+$/);
      expect(f.nameZh.length).toBeGreaterThan(0);
    }
    expect(() => formatDescriptor('nope' as never)).toThrow(RangeError);
  });
});
