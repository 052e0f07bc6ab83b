import { describe, expect, it } from 'vitest';
import { identifyFormat, listZipEntries } from '../../src/format/index.js';
import { DANGAN_GB18030 } from './helpers/file-builders.js';
import { fixture, ofd, ooxml } from './helpers/fixtures.js';
import { everySourceKind, streamOf } from './helpers/sources.js';
import { buildZip, concat } from './helpers/zip-builder.js';

const names = async (source: Parameters<typeof listZipEntries>[0], options = {}) =>
  (await listZipEntries(source, options)).entries.map((e) => e.name);

describe('listZipEntries', () => {
  it('lists real Info-ZIP archives from the central directory and from local headers alike', async () => {
    const zip = fixture('zip-cli.zip');
    const central = await listZipEntries(zip);
    const local = await listZipEntries(streamOf(zip, 5));
    expect(central).toMatchObject({
      from: 'central-directory',
      complete: true,
      truncated: false,
      zip64: false,
    });
    expect(local).toMatchObject({ from: 'local-headers', complete: true, truncated: false });
    expect(central.entries).toEqual(local.entries);
    expect(central.entries.map((e) => [e.name, e.uncompressedSize, e.method, e.encrypted])).toEqual([
      ['a.txt', 19, 0, false],
      ['b.txt', 13, 0, false],
    ]);
  });

  it('walks data descriptors of a streamed archive (zip writing to a pipe)', async () => {
    const zip = fixture('zip-cli-streamed.zip');
    for (const [kind, make] of everySourceKind(zip)) {
      const listing = await listZipEntries(make());
      expect(listing.complete, kind).toBe(true);
      expect(
        listing.entries.map((e) => [e.name, e.uncompressedSize]),
        kind,
      ).toEqual([
        ['a.txt', 19],
        ['b.txt', 13],
      ]);
    }
  });

  it('walks signed and unsigned descriptors after deflated and stored data', async () => {
    const zip = buildZip([
      { name: 'one.txt', data: 'x'.repeat(5000), method: 8, descriptor: 'signed' },
      { name: 'two.bin', data: new Uint8Array(300).fill(0x50), descriptor: 'unsigned' },
      { name: 'three.txt', data: 'PK\u0003\u0004 inside data', method: 0, descriptor: 'unsigned' },
      { name: 'four.txt', data: 'end' },
    ]);
    const listing = await listZipEntries(streamOf(zip, 100));
    expect(listing).toMatchObject({ complete: true, from: 'local-headers' });
    expect(listing.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['one.txt', 5000],
      ['two.bin', 300],
      ['three.txt', 16],
      ['four.txt', 3],
    ]);
  });

  it('reads ZIP64 records (Python force_zip64 entries, ZIP64 end records)', async () => {
    const py = await listZipEntries(fixture('python-zip64.zip'));
    expect(py.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['OFD.xml', 140],
      ['Doc_0/Document.xml', 55],
    ]);
    expect(
      (await listZipEntries(streamOf(fixture('python-zip64.zip'), 64))).entries.map((e) => e.name),
    ).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
    const end64 = buildZip([{ name: 'a' }, { name: 'b', data: 'bb' }], { zip64End: true });
    expect(await listZipEntries(end64)).toMatchObject({
      zip64: true,
      complete: true,
      entries: [{ name: 'a' }, { name: 'b' }],
    });
  });

  it('finds the end record behind a 65 535-byte comment and archives behind a stub', async () => {
    const commented = buildZip([{ name: 'OFD.xml', data: '<x/>' }], { comment: 'c'.repeat(65535) });
    expect(await names(commented)).toEqual(['OFD.xml']);
    const stubbed = buildZip([{ name: 'x.txt', data: 'hi' }], { prefix: new Uint8Array(1000).fill(0x4d) });
    // A stub hides the local header at offset 0: only the central directory can list it.
    expect(await names(new Blob([stubbed.slice()]))).toEqual(['x.txt']);
  });

  it('decodes names: UTF-8 flag, unflagged UTF-8, GBK, Info-ZIP Unicode path', async () => {
    const gbkName = concat([DANGAN_GB18030, Uint8Array.of(0x2e, 0x78, 0x6d, 0x6c)]);
    const { crc32 } = await import('node:zlib');
    const utf8Name = new TextEncoder().encode('统一路径.txt');
    const upath = new Uint8Array(9 + utf8Name.length);
    const v = new DataView(upath.buffer);
    v.setUint16(0, 0x7075, true);
    v.setUint16(2, 5 + utf8Name.length, true);
    v.setUint8(4, 1);
    v.setUint32(5, crc32(Uint8Array.of(0x3f, 0x2e, 0x74, 0x78, 0x74)), true);
    upath.set(utf8Name, 9);
    const zip = buildZip([
      { name: '档案/flagged.txt' },
      { name: 'plain', nameBytes: new TextEncoder().encode('未标记.txt') },
      { name: 'gbk', nameBytes: gbkName },
      { name: 'unicode-path', nameBytes: Uint8Array.of(0x3f, 0x2e, 0x74, 0x78, 0x74), extra: upath },
    ]);
    const listing = await listZipEntries(zip);
    expect(listing.entries.map((e) => [e.name, e.utf8])).toEqual([
      ['档案/flagged.txt', true],
      ['未标记.txt', true],
      ['档案.xml', false],
      ['统一路径.txt', true],
    ]);
    expect((await listZipEntries(streamOf(zip, 3))).entries.map((e) => e.name)).toEqual(
      listing.entries.map((e) => e.name),
    );
  });

  it('stops at maxEntries and at the byte budget, saying the list is incomplete', async () => {
    const many = buildZip(Array.from({ length: 50 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    expect(await listZipEntries(many, { maxEntries: 10 })).toMatchObject({
      complete: false,
      entries: { length: 10 },
    });
    const bigFirst = buildZip([
      { name: 'big.bin', data: new Uint8Array(300_000) },
      { name: 'after.txt', data: 'x' },
    ]);
    const streamed = await listZipEntries(streamOf(bigFirst, 4096), { maxInspectBytes: 100_000 });
    expect(streamed).toMatchObject({ complete: false, truncated: false, entries: [{ name: 'big.bin' }] });
  });

  it('a budget too small to reach the end record falls back to local headers without calling the file cut', async () => {
    const zip = buildZip(
      [
        { name: 'a.txt', data: 'a' },
        { name: 'b.txt', data: 'b' },
      ],
      { comment: 'c'.repeat(70_000) },
    );
    const listing = await listZipEntries(new Blob([zip.slice()]), { maxInspectBytes: 64 * 1024 });
    expect(listing).toMatchObject({ from: 'local-headers', complete: false, truncated: false });
    expect(listing.entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
  });

  it('marks cut archives as truncated', async () => {
    const zip = ooxml('docx');
    const cut = zip.subarray(0, zip.length - 30);
    const viaBytes = await listZipEntries(cut);
    expect(viaBytes).toMatchObject({ complete: false, truncated: true, from: 'local-headers' });
    expect(viaBytes.entries.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
    ]);
    const midEntry = zip.subarray(0, 200);
    expect(await listZipEntries(streamOf(midEntry, 50))).toMatchObject({ complete: false, truncated: true });
  });

  it('throws FORMAT_ZIP_INVALID for bytes that are no ZIP, TypeError/RangeError for bad arguments', async () => {
    await expect(listZipEntries(new Uint8Array(100))).rejects.toMatchObject({ code: 'FORMAT_ZIP_INVALID' });
    await expect(listZipEntries('x' as never)).rejects.toBeInstanceOf(TypeError);
    await expect(listZipEntries(new Uint8Array(4), { maxEntries: 0 })).rejects.toBeInstanceOf(RangeError);
  });

  it('lists an empty archive as complete', async () => {
    const empty = buildZip([]);
    expect(await listZipEntries(empty)).toMatchObject({ entries: [], complete: true });
    expect(await listZipEntries(streamOf(empty, 4))).toMatchObject({ entries: [], complete: true });
    expect(await identifyFormat(empty)).toMatchObject({ id: 'zip', flags: { encrypted: false } });
  });
});

describe('identifyFormat: ZIP-based formats', () => {
  it('reads OFD version and DocType from OFD.xml, stored or deflated, any source', async () => {
    for (const method of [0, 8] as const) {
      for (const [kind, make] of everySourceKind(ofd(method))) {
        expect(await identifyFormat(make()), `${kind} method ${method}`).toMatchObject({
          id: 'ofd',
          version: '1.1',
          details: {
            docType: 'OFD-A',
            rootElement: 'ofd:OFD',
            rootNamespace: 'http://www.ofdspec.org/2016',
            entryCount: 2,
          },
        });
      }
    }
    expect(await identifyFormat(fixture('python-zip64.zip'))).toMatchObject({
      id: 'ofd',
      version: '1.1',
      details: { docType: 'OFD' },
    });
  });

  it('an OFD with an encrypted entry is encrypted', async () => {
    expect(await identifyFormat(ofd(8, true))).toMatchObject({ id: 'ofd', flags: { encrypted: true } });
  });

  it('needs OFD.xml at the root, not in a folder', async () => {
    const nested = buildZip([{ name: 'sub/OFD.xml', data: '<ofd:OFD Version="1.0"/>' }]);
    expect(await identifyFormat(nested, { fileName: 'a.ofd' })).toMatchObject({
      id: 'zip',
      extensionMatches: false,
    });
  });

  it('reads the main content type when part folders do not settle the kind', async () => {
    const types = (kind: string) =>
      `<Types><Override PartName="/x.xml" ContentType="application/vnd.openxmlformats-officedocument.${kind}.main+xml"/></Types>`;
    const mixed = buildZip([
      { name: '[Content_Types].xml', data: types('presentationml.presentation'), method: 8 },
      { name: 'word/stray.xml', data: '<x/>' },
      { name: 'ppt/presentation.xml', data: '<x/>' },
    ]);
    expect((await identifyFormat(mixed)).id).toBe('pptx');
    const flat = buildZip([
      { name: '[Content_Types].xml', data: types('spreadsheetml.sheet'), method: 8 },
      { name: 'book.xml', data: '<x/>' },
    ]);
    expect((await identifyFormat(flat)).id).toBe('xlsx');
    const neither = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'a.xml', data: '<x/>' },
    ]);
    expect((await identifyFormat(neither)).id).toBe('zip');
  });

  it('falls back to part folders when the content types are out of reach', async () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>', encrypted: true },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
    ]);
    expect(await identifyFormat(zip)).toMatchObject({ id: 'xlsx', flags: { encrypted: true } });
  });

  it('decides from the first entries when a stream is larger than the budget', async () => {
    const zip = buildZip([
      {
        name: 'OFD.xml',
        data: '<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.2"/>',
      },
      { name: 'Doc_0/Res/big.png', data: new Uint8Array(600_000) },
      { name: 'Doc_0/Document.xml', data: '<x/>' },
    ]);
    const info = await identifyFormat(streamOf(zip, 8192), { maxInspectBytes: 128 * 1024 });
    expect(info).toMatchObject({ id: 'ofd', version: '1.2', details: { entriesComplete: false } });
    expect(info.flags.encrypted).toBeUndefined();
  });
});
