import { describe, expect, it } from 'vitest';
import { identifyFormat } from '../../src/format/index.js';
import { sniffTextEncoding } from '../../src/format/text-encoding.js';
import { readXmlHead } from '../../src/format/xml-head.js';
import { DANGAN_GB18030, utf8, utf16 } from './helpers/file-builders.js';
import { everySourceKind, streamOf } from './helpers/sources.js';
import { concat } from './helpers/zip-builder.js';

describe('text encodings', () => {
  it('the GB 18030 bytes of 档案 are what the platform decoder says', () => {
    expect(new TextDecoder('gb18030', { fatal: true }).decode(DANGAN_GB18030)).toBe('档案');
  });

  it('tells UTF-8 from GB 18030, ASCII counting as UTF-8', () => {
    expect(sniffTextEncoding(utf8('plain ascii\n'), false)).toEqual({
      encoding: 'utf-8',
      bom: false,
      ascii: true,
    });
    expect(sniffTextEncoding(utf8('档案'), false)).toEqual({ encoding: 'utf-8', bom: false, ascii: false });
    expect(sniffTextEncoding(DANGAN_GB18030, false)).toEqual({
      encoding: 'gb18030',
      bom: false,
      ascii: false,
    });
    expect(sniffTextEncoding(concat([Uint8Array.of(0xef, 0xbb, 0xbf), utf8('x')]), false)).toEqual({
      encoding: 'utf-8',
      bom: true,
      ascii: true,
    });
  });

  it('accepts a UTF-8 sequence cut by the end of the inspected bytes, but not at the true end of the file', () => {
    const text = utf8('档案档案');
    const cut = text.subarray(0, 7); // 档案 + the first byte of 档
    expect(sniffTextEncoding(cut, true)?.encoding).toBe('utf-8');
    expect(sniffTextEncoding(cut, false)?.encoding).not.toBe('utf-8');
  });

  it('a stream larger than the budget is judged on its prefix, even when the budget splits a character', async () => {
    const big = utf8('档'.repeat(100_000)); // 300 000 bytes; 65 537 is inside a 3-byte sequence
    const info = await identifyFormat(streamOf(big, 1000), { maxInspectBytes: 65_537 });
    expect(info).toMatchObject({ id: 'text', encoding: 'utf-8' });
    const bad = big.slice();
    bad[20] = 0xff;
    expect((await identifyFormat(streamOf(bad, 1000), { maxInspectBytes: 65_537 })).id).toBe('unknown');
  });

  it('invalid UTF-8 deep in the sample is caught (not only in the head)', async () => {
    const text = concat([utf8('a'.repeat(200_000)), DANGAN_GB18030, utf8('\n')]);
    expect(await identifyFormat(text)).toMatchObject({ id: 'text', encoding: 'gb18030' });
  });

  it('binary junk, NULs and control characters are not text', async () => {
    expect((await identifyFormat(Uint8Array.of(0x41, 0x00, 0x42, 0x43))).id).toBe('unknown');
    expect((await identifyFormat(Uint8Array.from({ length: 200 }, (_, i) => (i * 7) % 32))).id).toBe(
      'unknown',
    );
    expect((await identifyFormat(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x80))).id).toBe('unknown');
    expect((await identifyFormat(utf8('tab\tseparated\r\nline\f\n'))).id).toBe('text');
  });

  it('UTF-16 text needs valid surrogates', async () => {
    expect(await identifyFormat(utf16('😀 ok'))).toMatchObject({ id: 'text', encoding: 'utf-16le' });
    const lone = Uint8Array.of(0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00);
    expect((await identifyFormat(lone)).id).toBe('unknown');
  });
});

describe('XML, SVG, HTML', () => {
  it('reads XML with a BOM, and UTF-16 XML with or without one', async () => {
    const bom = concat([Uint8Array.of(0xef, 0xbb, 0xbf), utf8('<?xml version="1.1"?><root/>')]);
    expect(await identifyFormat(bom)).toMatchObject({
      id: 'xml',
      version: '1.1',
      encoding: 'utf-8',
      details: { bom: true, rootElement: 'root' },
    });
    const le = utf16('<?xml version="1.0" encoding="UTF-16"?><档案 a="1"/>');
    expect(await identifyFormat(le)).toMatchObject({
      id: 'xml',
      encoding: 'utf-16le',
      details: { rootElement: '档案', encodingValid: true },
    });
    const be = utf16('<?xml version="1.0"?><r/>', true);
    expect(await identifyFormat(be)).toMatchObject({ id: 'xml', encoding: 'utf-16be' });
    const noBom = le.subarray(2);
    expect(await identifyFormat(noBom)).toMatchObject({
      id: 'xml',
      encoding: 'utf-16le',
      details: { bom: false, rootElement: '档案' },
    });
  });

  it('checks the bytes against the declared encoding', async () => {
    const lying = concat([utf8('<?xml version="1.0" encoding="UTF-8"?><'), DANGAN_GB18030, utf8('/>')]);
    expect(await identifyFormat(lying)).toMatchObject({
      id: 'xml',
      encoding: 'utf-8',
      details: { encodingValid: false },
    });
    const gbk = concat([utf8("<?xml version='1.0' encoding='GBK'?><"), DANGAN_GB18030, utf8('/>')]);
    expect(await identifyFormat(gbk)).toMatchObject({
      id: 'xml',
      encoding: 'gb18030',
      details: { declaredEncoding: 'GBK', rootElement: '档案', encodingValid: true },
    });
    const latin = utf8('<?xml version="1.0" encoding="ISO-8859-1"?><r>caf\u00e9</r>');
    const info = await identifyFormat(latin);
    expect(info).toMatchObject({ id: 'xml', details: { declaredEncoding: 'ISO-8859-1', rootElement: 'r' } });
    expect(info.encoding).toBeUndefined();
  });

  it('skips comments, processing instructions and a DOCTYPE with an internal subset to the root', async () => {
    const xml = utf8(
      '<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE r [ <!ELEMENT r ANY> <!ENTITY e "> tricky"> ]>\n<ns:r xmlns:ns="urn:x" a=">"/>',
    );
    expect(await identifyFormat(xml)).toMatchObject({
      id: 'xml',
      details: { rootElement: 'ns:r', rootNamespace: 'urn:x' },
    });
  });

  it('accepts XML without a declaration, SVG and XHTML by their root, HTML by its doctype', async () => {
    expect(await identifyFormat(utf8('<note date="x">档案</note>'))).toMatchObject({
      id: 'xml',
      encoding: 'utf-8',
      details: { rootElement: 'note' },
    });
    expect((await identifyFormat(utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'))).id).toBe('svg');
    expect(
      (await identifyFormat(utf8('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'))).id,
    ).toBe('html');
    expect((await identifyFormat(utf8('<!doctype html><title>x</title>'))).id).toBe('html');
    expect((await identifyFormat(utf8('<HTML><BODY>old</BODY></HTML>'))).id).toBe('html');
    expect((await identifyFormat(utf8('< not markup'))).id).toBe('text');
  });

  it('gives the same answer for every source kind', async () => {
    const xml = concat([utf8('<?xml version="1.0" encoding="GB18030"?><'), DANGAN_GB18030, utf8('/>')]);
    for (const [kind, make] of everySourceKind(xml)) {
      expect(await identifyFormat(make()), kind).toMatchObject({
        id: 'xml',
        encoding: 'gb18030',
        details: { rootElement: '档案' },
      });
    }
  });

  it('readXmlHead returns what was complete of a cut document', () => {
    expect(readXmlHead('<?xml version="1.0" encoding="UTF-8"')).toEqual({
      declaration: { version: '1.0', encoding: 'UTF-8' },
      rootAttributes: {},
    });
    expect(readXmlHead('<?xml version="1.0"?><!-- unfinished')).toEqual({
      declaration: { version: '1.0' },
      rootAttributes: {},
    });
    expect(readXmlHead('plain text')).toBeUndefined();
    expect(readXmlHead('<a b="1" c=\'2\'')).toEqual({ rootName: 'a', rootAttributes: { b: '1', c: '2' } });
  });
});
