import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DanganError } from '../../src/errors/index.js';
import { FORMAT_IDS, type FormatInfo, identifyFormat, listZipEntries } from '../../src/format/index.js';
import { buildCfb, wordFib } from './helpers/cfb-builder.js';
import { fixture, samples } from './helpers/fixtures.js';
import { streamOf } from './helpers/sources.js';
import { buildZip } from './helpers/zip-builder.js';

const IDS = new Set<string>(FORMAT_IDS);

/** Runs identification over bytes as both a random-access and a streamed source; only DanganError may escape. */
async function identifyBoth(bytes: Uint8Array, maxInspectBytes?: number): Promise<void> {
  const options = maxInspectBytes === undefined ? {} : { maxInspectBytes };
  for (const source of [bytes, new Blob([bytes.slice()]), streamOf(bytes, 97)]) {
    let info: FormatInfo;
    try {
      info = await identifyFormat(source, options);
    } catch (e) {
      expect(e).toBeInstanceOf(DanganError);
      continue;
    }
    expect(IDS.has(info.id)).toBe(true);
    expect(typeof info.mimeType).toBe('string');
    expect(info.flags).toBeTypeOf('object');
  }
}

const MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)),
  [0xff, 0xd8, 0xff],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2b, 0x00, 0x08, 0x00, 0x00],
  [...'RIFF\0\0\0\0WAVE'].map((c) => c.charCodeAt(0)),
  [...'RIFF\0\0\0\0AVI '].map((c) => c.charCodeAt(0)),
  [0x49, 0x44, 0x33, 0x03, 0x00, 0x00],
  [0, 0, 0, 0x18, ...'ftypisom'].map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c)),
  [...'BM'].map((c) => c.charCodeAt(0)),
  [...'<?xml version="1.0" encoding="'].map((c) => c.charCodeAt(0)),
  [0xff, 0xfe, 0x3c, 0x00],
];

describe('hostile input never crashes or hangs identification', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => identifyBoth(bytes)),
      { numRuns: 300 },
    );
  });

  it('random bytes behind every magic number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MAGICS),
        fc.uint8Array({ maxLength: 2000 }),
        async (magic, rest) => {
          const bytes = new Uint8Array(magic.length + rest.length);
          bytes.set(magic);
          bytes.set(rest, magic.length);
          await identifyBoth(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('random mutations and truncations of every valid sample', async () => {
    const all = [
      ...samples().map((s) => s.bytes),
      fixture('zip-cli-streamed.zip'),
      fixture('python-zip64.zip'),
      buildCfb([
        { name: 'WordDocument', data: wordFib(true) },
        ...Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, data: new Uint8Array(100) })),
      ]),
    ];
    const mutation = fc.record({
      sample: fc.integer({ min: 0, max: all.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
      budget: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ sample, edits, cut, budget }) => {
        const bytes = all[sample]!.slice();
        for (const { at, value } of edits) if (bytes.length > 0) bytes[at % bytes.length] = value;
        const end = cut === undefined ? bytes.length : cut % (bytes.length + 1);
        await identifyBoth(bytes.subarray(0, end), budget);
      }),
      { numRuns: 600 },
    );
  });

  it('ZIP directories with absurd sizes, counts and offsets', async () => {
    const zip = buildZip([
      { name: 'OFD.xml', data: '<ofd:OFD Version="1.0"/>', method: 8 },
      { name: 'b', data: 'x', descriptor: 'signed' },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          const bytes = zip.slice();
          for (const { at, value } of edits) bytes[at % bytes.length] = value;
          for (const source of [bytes, streamOf(bytes, 13)]) {
            try {
              const listing = await listZipEntries(source);
              expect(listing.entries.length).toBeLessThanOrEqual(10_000);
            } catch (e) {
              expect(e).toBeInstanceOf(DanganError);
            }
          }
          await identifyBoth(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('floods of structure keywords stay linear (a quadratic scan would run past the test timeout)', () => {
  const te = new TextEncoder();
  const flood = (prefix: string, unit: string) =>
    te.encode(prefix + unit.repeat(Math.ceil((4 * 1024 * 1024) / unit.length)));

  it('PDF trailers, xref dictionaries and PDF/A namespaces repeated over the whole budget', async () => {
    for (const unit of [
      'trailer<<',
      '/Type/XRef ',
      'http://www.aiim.org/pdfa/ns/id/ ',
      'obj<</Type/XRef stream ',
    ]) {
      const bytes = flood('%PDF-1.4\n', unit);
      expect((await identifyFormat(bytes)).id).toBe('pdf');
      expect((await identifyFormat(streamOf(bytes, 65536))).id).toBe('pdf');
    }
  });

  it('a streamed ZIP entry whose data is full of record signatures', async () => {
    const header = new Uint8Array(31);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(6, 0x0008, true);
    v.setUint16(26, 1, true);
    header[30] = 0x61;
    const body = new Uint8Array(4 * 1024 * 1024);
    for (let i = 0; i < body.length; i += 4) body.set([0x50, 0x4b, 1, 2], i);
    const bytes = new Uint8Array(header.length + body.length);
    bytes.set(header);
    bytes.set(body, header.length);
    expect((await identifyFormat(streamOf(bytes, 65536))).id).toBe('zip');
  });

  it('a PNG of empty chunks and a JPEG of empty segments', async () => {
    const png = new Uint8Array(4 * 1024 * 1024);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let p = 8; p + 12 <= png.length; p += 12) png.set([0, 0, 0, 0, 0x74, 0x45, 0x58, 0x74], p);
    expect((await identifyFormat(png)).id).toBe('png');
    const jpeg = new Uint8Array(1024 * 1024);
    jpeg.set([0xff, 0xd8]);
    for (let p = 2; p + 4 <= jpeg.length; p += 4) jpeg.set([0xff, 0xfe, 0, 2], p);
    expect((await identifyFormat(jpeg)).id).toBe('jpeg');
  });
});
