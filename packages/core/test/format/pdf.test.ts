import { describe, expect, it } from 'vitest';
import { identifyFormat } from '../../src/format/index.js';
import { buildPdf, utf8 } from './helpers/file-builders.js';
import { everySourceKind } from './helpers/sources.js';
import { concat } from './helpers/zip-builder.js';

describe('identifyFormat: PDF', () => {
  it('maps header versions to PRONOM PUIDs', async () => {
    const expected: Record<string, string> = {
      '1.0': 'fmt/14',
      '1.3': 'fmt/17',
      '1.5': 'fmt/19',
      '1.7': 'fmt/276',
      '2.0': 'fmt/1129',
    };
    for (const [version, puid] of Object.entries(expected)) {
      expect(await identifyFormat(buildPdf({ version }))).toMatchObject({ id: 'pdf', version, pronom: puid });
    }
  });

  it('reads PDF/A claims in element and attribute form, any prefix, and maps their PUIDs', async () => {
    const cases: [number, string | undefined, 'attribute' | 'element', string, string][] = [
      [1, 'A', 'element', 'pdfaid', 'fmt/95'],
      [1, 'B', 'attribute', 'pdfaid', 'fmt/354'],
      [2, 'U', 'element', 'pdfaid', 'fmt/478'],
      [2, 'b', 'attribute', 'id', 'fmt/477'],
      [3, 'A', 'attribute', 'pdfaid', 'fmt/479'],
      [3, 'B', 'element', 'a.b', 'fmt/480'],
      [4, undefined, 'element', 'pdfaid', 'fmt/1910'],
      [4, 'F', 'attribute', 'pdfaid', 'fmt/1912'],
    ];
    for (const [part, conformance, form, prefix, puid] of cases) {
      const pdf = buildPdf({
        version: '1.7',
        pdfa: { part, form, prefix, ...(conformance ? { conformance } : {}) },
      });
      const info = await identifyFormat(pdf);
      expect(info.flags.pdfa, `${part}${conformance} ${form}`).toEqual({
        part,
        ...(conformance ? { conformance: conformance.toUpperCase() } : {}),
      });
      expect(info.pronom).toBe(puid);
    }
  });

  it('reports encryption from the trailer and from a cross-reference stream; /EncryptMetadata alone is not it', async () => {
    expect((await identifyFormat(buildPdf({ encrypted: true }))).flags.encrypted).toBe(true);
    expect(
      (await identifyFormat(buildPdf({ encrypted: true, xrefStream: true, version: '1.5' }))).flags.encrypted,
    ).toBe(true);
    expect((await identifyFormat(buildPdf({ xrefStream: true, version: '1.5' }))).flags.encrypted).toBe(
      false,
    );
    const text = new TextDecoder('latin1')
      .decode(buildPdf())
      .replace('/ID [', '/EncryptMetadata false /ID [');
    expect((await identifyFormat(Uint8Array.from(text, (c) => c.charCodeAt(0)))).flags.encrypted).toBe(false);
  });

  it('tolerates junk before the header and notices a cut file', async () => {
    expect(await identifyFormat(buildPdf({ junk: 'MIME-junk\r\n' }))).toMatchObject({
      id: 'pdf',
      version: '1.4',
    });
    const pdf = buildPdf({ pdfa: { part: 2, conformance: 'B', form: 'element' } });
    const cut = pdf.subarray(0, pdf.length - 40);
    for (const [kind, make] of everySourceKind(cut)) {
      const info = await identifyFormat(make());
      expect(info, kind).toMatchObject({
        id: 'pdf',
        flags: { truncated: true, pdfa: { part: 2, conformance: 'B' } },
      });
      // The final trailer is gone: whether it named /Encrypt can no longer be told.
      expect(info.flags.encrypted, kind).toBeUndefined();
    }
  });

  it('does not take %PDF- inside another format for a PDF', async () => {
    const text = concat([utf8('Notes about the %PDF-1.7 header\n')]);
    expect((await identifyFormat(text)).id).toBe('text');
  });

  it('finds a PDF/A claim and trailer in the two halves of a large random-access file', async () => {
    const pdf = buildPdf({
      version: '1.4',
      pdfa: { part: 1, conformance: 'B', form: 'attribute' },
      filler: 3 * 1024 * 1024,
    });
    const info = await identifyFormat(new Blob([pdf.slice()]), { maxInspectBytes: 1024 * 1024 });
    expect(info).toMatchObject({
      id: 'pdf',
      pronom: 'fmt/354',
      flags: { encrypted: false, truncated: false },
    });
  });
});
