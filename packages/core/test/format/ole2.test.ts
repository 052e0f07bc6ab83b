import { describe, expect, it } from 'vitest';
import { identifyFormat } from '../../src/format/index.js';
import { biffWorkbook, buildCfb, wordFib } from './helpers/cfb-builder.js';
import { everySourceKind } from './helpers/sources.js';

describe('identifyFormat: OLE2 compound files', () => {
  it('reads the Word FIB: encryption bit and nFib, from a regular sector or the mini stream', async () => {
    for (const size of [4096, 1024]) {
      const plain = buildCfb([{ name: 'WordDocument', data: wordFib(false, size) }]);
      const locked = buildCfb([{ name: 'WordDocument', data: wordFib(true, size) }]);
      expect(await identifyFormat(plain), `size ${size}`).toMatchObject({
        id: 'doc',
        flags: { encrypted: false },
        details: { nFib: 0xc1 },
      });
      expect(await identifyFormat(locked), `size ${size}`).toMatchObject({
        id: 'doc',
        flags: { encrypted: true },
      });
    }
  });

  it('keeps PRONOM fmt/40 for Word 97 and later only', async () => {
    const word95 = buildCfb([{ name: 'WordDocument', data: wordFib(false, 4096, 0x0068) }]);
    const info = await identifyFormat(word95);
    expect(info).toMatchObject({ id: 'doc', details: { nFib: 0x68 } });
    expect(info.pronom).toBeUndefined();
  });

  it('finds FILEPASS right after BOF in encrypted workbooks', async () => {
    const locked = buildCfb([{ name: 'Workbook', data: biffWorkbook(true) }]);
    expect(await identifyFormat(locked)).toMatchObject({
      id: 'xls',
      pronom: 'fmt/61',
      flags: { encrypted: true },
      details: { biffVersion: 0x600 },
    });
    const biff5 = buildCfb([{ name: 'Book', data: biffWorkbook(false, 4096, 0x0500) }]);
    const old = await identifyFormat(biff5);
    expect(old).toMatchObject({ id: 'xls', flags: { encrypted: false }, details: { biffVersion: 0x500 } });
    expect(old.pronom).toBeUndefined();
  });

  it('an EncryptedPackage is encrypted OOXML (PRONOM fmt/494), typed by the extension when it can be', async () => {
    const cfb = buildCfb([
      { name: 'EncryptionInfo', data: new Uint8Array(200) },
      { name: 'EncryptedPackage', data: new Uint8Array(5000) },
    ]);
    expect(await identifyFormat(cfb, { fileName: '合同.docx' })).toMatchObject({
      id: 'docx',
      pronom: 'fmt/494',
      flags: { encrypted: true },
      extensionMatches: true,
    });
    expect(await identifyFormat(cfb)).toMatchObject({
      id: 'ole2',
      pronom: 'fmt/494',
      flags: { encrypted: true },
    });
  });

  it('PowerPoint: EncryptedSummary means encrypted; otherwise encryption is left unknown; .dps is WPS 演示', async () => {
    const locked = buildCfb([
      { name: 'PowerPoint Document', data: new Uint8Array(100) },
      { name: 'EncryptedSummary', data: new Uint8Array(100) },
    ]);
    expect(await identifyFormat(locked)).toMatchObject({ id: 'ppt', flags: { encrypted: true } });
    const plain = buildCfb([{ name: 'PowerPoint Document', data: new Uint8Array(100) }]);
    expect((await identifyFormat(plain)).flags.encrypted).toBeUndefined();
    expect(await identifyFormat(plain, { fileName: '汇报.dps' })).toMatchObject({
      id: 'dps',
      extensionMatches: true,
    });
  });

  it('looks only at root streams: a Word document embedded in a workbook does not make it a DOC', async () => {
    const cfb = buildCfb([
      { name: 'Workbook', data: biffWorkbook(false) },
      { name: 'MBD0001', children: [{ name: 'WordDocument', data: wordFib(true) }] },
    ]);
    expect(await identifyFormat(cfb)).toMatchObject({ id: 'xls', flags: { encrypted: false } });
  });

  it('leaves other compound files as ole2 with the extension as a hint', async () => {
    const cfb = buildCfb([{ name: 'VisioDocument', data: new Uint8Array(100) }]);
    expect(await identifyFormat(cfb, { fileName: 'x.doc' })).toMatchObject({
      id: 'ole2',
      extensionMatches: false,
      details: { streams: ['VisioDocument'], extensionHint: 'doc' },
    });
  });

  it('follows the DIFAT when the directory lies past the first 109 FAT sectors', async () => {
    // Five small streams first: the Workbook entry lands in the second directory sector, reached via the FAT.
    const fillers = Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, data: new Uint8Array(10) }));
    const cfb = buildCfb([...fillers, { name: 'Workbook', data: biffWorkbook(true) }], {
      padSectors: 15_000,
    });
    expect(cfb.length).toBeGreaterThan(7 * 1024 * 1024);
    const info = await identifyFormat(new Blob([cfb.slice()]), { maxInspectBytes: 16 * 1024 * 1024 });
    expect(info).toMatchObject({ id: 'xls', flags: { encrypted: true } });
  });

  it('gives the same answer for every source kind', async () => {
    const cfb = buildCfb([
      { name: 'WordDocument', data: wordFib(true) },
      { name: '1Table', data: new Uint8Array(700) },
    ]);
    for (const [kind, make] of everySourceKind(cfb)) {
      expect(await identifyFormat(make(), { fileName: 'a.wps' }), kind).toMatchObject({
        id: 'wps',
        flags: { encrypted: true },
      });
    }
  });

  it('survives a cut header and a directory chain that loops', async () => {
    const cfb = buildCfb([{ name: 'WordDocument', data: wordFib(false) }]);
    expect(await identifyFormat(cfb.subarray(0, 300))).toMatchObject({
      id: 'ole2',
      flags: { truncated: true },
    });
    const looped = cfb.slice();
    const view = new DataView(looped.buffer);
    const dirStart = view.getUint32(48, true);
    // FAT sector 0 lives at sector index given by DIFAT[0]; point the directory sector at itself.
    const fatAt = (view.getUint32(76, true) + 1) * 512;
    view.setUint32(fatAt + dirStart * 4, dirStart, true);
    expect((await identifyFormat(looped)).id).toBe('doc');
  });
});
