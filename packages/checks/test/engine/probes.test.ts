import { identifyFormat, utf8 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_WINDOWS, readEntry } from '../../src/engine/entry-read.js';
import { KeptCollector } from '../../src/engine/kept-bytes.js';
import { containerProbe } from '../../src/engine/probes/container.js';
import { ofdProbe } from '../../src/engine/probes/ofd.js';
import { pdfProbe } from '../../src/engine/probes/pdf.js';
import { readabilityOf } from '../../src/engine/probes/readability.js';
import { patchEntry } from '../rules/security/zip-patch.js';
import { minimalOfd, minimalPdf, sm3Hex, tinyPng } from './fixtures.js';

const whole = (bytes: Uint8Array) => ({
  head: bytes,
  tail: bytes.subarray(Math.max(0, bytes.length - 65536)),
  size: bytes.length,
  complete: true,
});

describe('PDF probe', () => {
  it('reads a structurally valid PDF', () => {
    expect(pdfProbe(whole(minimalPdf()), 'a.pdf').readability.status).toBe('readable');
  });

  it('names what is broken', () => {
    const pdf = minimalPdf();
    const text = Buffer.from(pdf).toString('latin1');
    const code = (bytes: Uint8Array) => pdfProbe(whole(bytes), 'a.pdf').readability.findings[0]?.code;
    expect(code(utf8('hello'))).toBe('CHECK_PDF_HEADER');
    expect(code(pdf.subarray(0, pdf.length - 7))).toBe('CHECK_PDF_EOF');
    const badOffset = Buffer.from(
      text.replace(/startxref\n(\d+)/, (_m, n: string) => `startxref\n${Number(n) + 3}`),
      'latin1',
    );
    expect(code(new Uint8Array(badOffset))).toBe('CHECK_PDF_XREF');
    const noRoot = Buffer.from(text.replace('/Root 1 0 R', '/Rot 1 0 R'), 'latin1');
    expect(code(new Uint8Array(noRoot))).toBe('CHECK_PDF_ROOT');
    expect(code(utf8('%PDF-1.4\n1 0 obj\n%%EOF'))).toBe('CHECK_PDF_STARTXREF');
  });

  it('sees /Encrypt in the trailer and is partial when the xref lies outside the kept windows', () => {
    expect(pdfProbe(whole(minimalPdf('x', { encrypt: true })), 'a.pdf').encrypted).toBe(true);
    const pdf = minimalPdf();
    const kept = {
      head: pdf.subarray(0, 20),
      tail: pdf.subarray(pdf.length - 30),
      size: pdf.length,
      complete: false,
    };
    expect(pdfProbe(kept, 'a.pdf').readability.status).toBe('partial');
  });
});

describe('OFD probe', () => {
  it('follows OFD.xml → Document.xml → pages and counts declared seals', async () => {
    const plain = await ofdProbe(await minimalOfd(), 'a.ofd');
    expect(plain.readability.status).toBe('readable');
    expect(plain.ofd).toEqual({ documents: 1, signatures: 0, signatureLists: [] });
    const signed = await ofdProbe(await minimalOfd({ signed: true }), 'a.ofd');
    expect(signed.ofd?.signatures).toBe(1);
    expect(signed.ofd?.signatureLists).toEqual(['Doc_0/Signs/Signatures.xml']);
  });

  it('fails an OFD whose parts are missing or broken', async () => {
    const missing = await minimalOfd({ omitDocument: true });
    expect((await ofdProbe(missing, 'a.ofd')).readability.findings[0]?.code).toBe('CHECK_OFD_DOCUMENT');
    expect((await ofdProbe(utf8('PK\x03\x04 nonsense'), 'a.ofd')).readability.findings[0]?.code).toBe(
      'CHECK_OFD_CONTAINER',
    );
  });
});

describe('nested containers and readability', () => {
  it('lists encrypted entries and non-public methods of a ZIP-based file', async () => {
    const ofd = patchEntry(
      patchEntry(await minimalOfd({ method: 'store' }), 'OFD.xml', { flags: 1 }),
      'Doc_0/Document.xml',
      { method: 93 },
    );
    const fact = await containerProbe(whole(ofd));
    expect(fact?.encrypted).toEqual(['OFD.xml']);
    expect(fact?.nonPublicMethods).toEqual([{ name: 'Doc_0/Document.xml', method: 93 }]);
    expect(fact?.complete).toBe(true);
  });

  it('audio headers decode (WAV format chunk); a WAV cut inside its header does not', async () => {
    const wav = (samples: number) => {
      const b = Buffer.alloc(44 + samples * 2);
      b.write('RIFF', 0, 'latin1');
      b.writeUInt32LE(36 + samples * 2, 4);
      b.write('WAVEfmt ', 8, 'latin1');
      b.writeUInt32LE(16, 16);
      b.writeUInt16LE(1, 20);
      b.writeUInt16LE(1, 22);
      b.writeUInt32LE(8000, 24);
      b.writeUInt32LE(16000, 28);
      b.writeUInt16LE(2, 32);
      b.writeUInt16LE(16, 34);
      b.write('data', 36, 'latin1');
      b.writeUInt32LE(samples * 2, 40);
      return new Uint8Array(b);
    };
    const good = await readEntry(wav(800), {
      path: '录音.wav',
      role: 'content',
      algorithms: ['sm3'],
      windows: DEFAULT_PROBE_WINDOWS,
    });
    expect(good.fact.format?.id).toBe('wav');
    expect(good.fact.readability?.status).toBe('readable');
    expect(good.fact.media?.音频参数?.音频采样率).toBe(8000);
    const cut = await readEntry(wav(800).subarray(0, 30), {
      path: '录音.wav',
      role: 'content',
      algorithms: ['sm3'],
      windows: DEFAULT_PROBE_WINDOWS,
    });
    expect(cut.fact.readability?.status).not.toBe('readable');
  });

  it('images decode to a size; unknown formats are unsupported, never readable', async () => {
    const png = tinyPng(5, 7);
    expect(readabilityOf({ format: await identifyFormat(png), complete: true }, 'a.png').status).toBe(
      'readable',
    );
    const cut = png.subarray(0, 20);
    expect(readabilityOf({ format: await identifyFormat(cut), complete: true }, 'a.png').status).not.toBe(
      'readable',
    );
    const unknown = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0xff]);
    expect(readabilityOf({ format: await identifyFormat(unknown), complete: true }, 'a.bin').status).toBe(
      'unsupported',
    );
  });
});

describe('readEntry: one read feeds every probe', () => {
  it('computes digests, format, attributes and readability from a one-shot stream', async () => {
    const pdf = minimalPdf('stream');
    let reads = 0;
    const source = () => {
      reads++;
      return (async function* () {
        for (let i = 0; i < pdf.length; i += 100) yield pdf.slice(i, i + 100);
      })();
    };
    const { fact } = await readEntry(source, {
      path: '电子文件/a.pdf',
      role: 'content',
      algorithms: ['sm3', 'sha256'],
      windows: DEFAULT_PROBE_WINDOWS,
    });
    expect(reads).toBe(1);
    expect(fact.digests.sm3).toBe(sm3Hex(pdf));
    expect(fact.format?.id).toBe('pdf');
    expect(fact.attributes?.计算机文件大小).toBe(pdf.length);
    expect(fact.readability?.status).toBe('readable');
  });

  it('an entry that fails to read is a fact, not an exception; an empty file is unreadable', async () => {
    const failing = () =>
      (async function* () {
        yield utf8('%PDF-1.7');
        throw new Error('磁盘读取失败');
      })();
    const { fact } = await readEntry(failing, {
      path: 'x.pdf',
      role: 'content',
      algorithms: ['sm3'],
      windows: DEFAULT_PROBE_WINDOWS,
    });
    expect(fact.read).toBe(false);
    expect(fact.readError?.message).toContain('磁盘读取失败');
    const empty = await readEntry(new Uint8Array(0), {
      path: 'e.pdf',
      role: 'content',
      algorithms: ['sm3'],
      windows: DEFAULT_PROBE_WINDOWS,
    });
    expect(empty.fact.readability?.findings[0]?.code).toBe('CHECK_CONTENT_EMPTY');
  });

  it('a well-formedness failure of a streamed XML content file makes it unreadable', async () => {
    const { fact } = await readEntry(utf8('<?xml version="1.0"?><a><b></a>'), {
      path: 'a.xml',
      role: 'content',
      algorithms: ['sm3'],
      windows: DEFAULT_PROBE_WINDOWS,
    });
    expect(fact.readability?.status).toBe('unreadable');
  });
});

describe('KeptCollector', () => {
  it('keeps exactly the head and the tail, whatever the chunking', () => {
    const bytes = new Uint8Array(10_000).map((_, i) => i & 0xff);
    for (const step of [1, 7, 999, 10_000]) {
      const k = new KeptCollector(100, 300);
      for (let i = 0; i < bytes.length; i += step) k.push(bytes.subarray(i, i + step));
      const kept = k.finish();
      expect(kept.head).toEqual(bytes.subarray(0, 100));
      expect(kept.tail).toEqual(bytes.subarray(bytes.length - 300));
      expect(kept.size).toBe(10_000);
      expect(kept.complete).toBe(false);
    }
  });
});
