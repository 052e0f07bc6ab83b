import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utf8 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import {
  inventoryPackage,
  type PackageContentsReader,
  safeInventoryPackage,
} from '../../src/inventory/index.js';
import { folderSink, folderSource } from '../../src/node/index.js';
import { type MemoryPackageWritten, memorySink, memorySource } from '../../src/sinks/index.js';
import type { PackageSource } from '../../src/sinks/types.js';
import { buildTransferPackage, type TransferOptions } from '../../src/transfer/index.js';
import { bytesOf, FULL_OPTIONS, fiveCases, record } from '../transfer/fixtures.js';

async function built(options: TransferOptions = FULL_OPTIONS): Promise<Map<string, Uint8Array>> {
  const sink = memorySink();
  const r = await buildTransferPackage({ items: fiveCases() }, { kind: 'online', sink }, options);
  return new Map((r.carriers[0]!.written as MemoryPackageWritten).files);
}

function codes(findings: readonly { code: string; path?: string }[]): string[][] {
  return findings.map((f) => [f.code, f.path ?? '']);
}

const FORM = '其他/移交与接收登记表.XML';
const SHEET = '其他/数字摘要.XML';
const PDF = '电子档案/2024/WS/办件-0001/设立登记申请书.pdf';

describe('清点 of a tampered carrier names the paths', () => {
  it('a removed file: missing from the listing, counts differ, digest differs', async () => {
    const files = await built();
    files.delete(PDF);
    const inv = await inventoryPackage(memorySource(files));
    expect(codes(inv.findings)).toEqual(
      expect.arrayContaining([
        ['TRANSFER_FILE_MISSING', PDF],
        ['TRANSFER_DIGEST_MISMATCH', SHEET],
        ['TRANSFER_COUNT_MISMATCH', FORM],
      ]),
    );
    const counts = inv.findings.filter((f) => f.code === 'TRANSFER_COUNT_MISMATCH').map((f) => f.element);
    expect(counts).toEqual(expect.arrayContaining(['文件数', '字节数', '实际容量字节数']));
    expect(counts).not.toContain('件数');
    expect(inv.totals.文件数).toBe(8);
  });

  it('added files: extra at the root, in an uncatalogued folder, and inside an item', async () => {
    const files = await built();
    files.set('autorun.inf', utf8('[autorun]'));
    files.set('电子档案/2024/WS/孤儿/x.pdf', bytesOf(10, 9));
    files.set('电子档案/2024/WS/办件-0001/附加.pdf', bytesOf(10, 8));
    const inv = await inventoryPackage(memorySource(files));
    expect([...inv.extraFiles].sort()).toEqual(['autorun.inf', '电子档案/2024/WS/孤儿/x.pdf'].sort());
    expect(codes(inv.findings)).toEqual(
      expect.arrayContaining([
        ['TRANSFER_EXTRA_FILE', 'autorun.inf'],
        ['TRANSFER_EXTRA_FILE', '电子档案/2024/WS/孤儿/x.pdf'],
        ['TRANSFER_FILE_UNLISTED', 'autorun.inf'],
        ['TRANSFER_FILE_UNLISTED', '电子档案/2024/WS/办件-0001/附加.pdf'],
        ['TRANSFER_DIGEST_MISMATCH', SHEET],
      ]),
    );
  });

  it('a changed byte: the file is named, the digest differs, the counts agree', async () => {
    const files = await built();
    const copy = files.get(PDF)!.slice();
    copy[100] = copy[100]! ^ 1;
    files.set(PDF, copy);
    const inv = await inventoryPackage(memorySource(files));
    expect(codes(inv.findings)).toEqual([
      ['TRANSFER_FILE_CHANGED', PDF],
      ['TRANSFER_DIGEST_MISMATCH', SHEET],
    ]);
    expect(inv.digest?.matches).toBe(false);
  });

  it('an edited 登记表 count: the form is named with the element', async () => {
    const files = await built();
    const text = new TextDecoder().decode(files.get(FORM));
    files.set(FORM, utf8(text.replaceAll('<件数>4</件数>', '<件数>5</件数>')));
    const inv = await inventoryPackage(memorySource(files));
    expect(inv.findings.map((f) => [f.code, f.path, f.element])).toEqual([
      ['TRANSFER_COUNT_MISMATCH', FORM, '件数'],
      ['TRANSFER_COUNT_MISMATCH', FORM, '件数'],
    ]);
    expect(inv.findings[0]!.message).toBe('登记表（载体 001）登记件数 5，实际 4');
    expect(inv.digest?.matches).toBe(true);
  });

  it('a 登记表 with an unreadable number is reported, not trusted', async () => {
    const files = await built();
    const text = new TextDecoder().decode(files.get(FORM));
    files.set(FORM, utf8(text.replace('<文件数>9</文件数>', '<文件数>九</文件数>')));
    const inv = await inventoryPackage(memorySource(files));
    expect(inv.findings.map((f) => f.code)).toEqual(['TRANSFER_REGISTRATION_MALFORMED']);
  });

  it('an edited sheet digest or a listing edited to match a changed file are caught', async () => {
    const files = await built();
    const sheet = new TextDecoder().decode(files.get(SHEET));
    files.set(
      SHEET,
      utf8(sheet.replace(/<数字摘要>([0-9a-f])/u, (_, c: string) => `<数字摘要>${c === '0' ? '1' : '0'}`)),
    );
    expect(codes((await inventoryPackage(memorySource(files))).findings)).toEqual([
      ['TRANSFER_DIGEST_MISMATCH', SHEET],
    ]);
  });

  it('a missing 说明文件, a wrongly cased name and a refused 其他/ format', async () => {
    const files = await built();
    const readme = files.get('说明文件.TXT')!;
    files.delete('说明文件.TXT');
    const noReadme = await inventoryPackage(memorySource(files));
    expect(codes(noReadme.findings)).toEqual(
      expect.arrayContaining([
        ['TRANSFER_LAYOUT_MISSING', '说明文件.TXT'],
        ['TRANSFER_FILE_MISSING', '说明文件.TXT'],
      ]),
    );
    files.set('说明文件.txt', readme);
    files.set('其他/阅读器.exe', bytesOf(10, 1));
    const cased = await inventoryPackage(memorySource(files));
    expect(codes(cased.findings)).toEqual(
      expect.arrayContaining([
        ['TRANSFER_LAYOUT_NAME_CASE', '说明文件.txt'],
        ['TRANSFER_OTHER_DOCUMENT_REFUSED', '其他/阅读器.exe'],
      ]),
    );
    expect(cased.readme?.fields.载体编号).toBe('001');
  });

  it('a malformed 文件目录.XML is a finding, never a crash', async () => {
    const files = await built();
    const cat = files.get('文件目录.XML')!;
    files.set('文件目录.XML', cat.slice(0, Math.floor(cat.length / 2)));
    const inv = await inventoryPackage(memorySource(files));
    expect(inv.findings.map((f) => f.code)).toContain('TRANSFER_CATALOGUE_MALFORMED');
    files.set(
      '文件目录.XML',
      utf8('<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><文件目录/>'),
    );
    const hostile = await inventoryPackage(memorySource(files));
    expect(hostile.findings[0]?.code).toBe('TRANSFER_CATALOGUE_MALFORMED');
    expect(hostile.items).toEqual([]);
  });

  it('a catalogued item whose folder is gone', async () => {
    const files = await built();
    for (const p of [...files.keys()]) if (p.includes('/办件-0002/')) files.delete(p);
    const inv = await inventoryPackage(memorySource(files));
    expect(inv.findings.map((f) => [f.code, f.element])).toEqual(
      expect.arrayContaining([['TRANSFER_CATALOGUE_ITEM_MISSING', '电子档案名称']]),
    );
    expect(inv.totals.件数).toBe(3);
  });
});

describe('清点 options and other sources', () => {
  it('skips the digests when asked, still counting from the listed sizes', async () => {
    const inv = await inventoryPackage(memorySource(await built()), { verifyDigests: false });
    expect(inv.digest).toBeUndefined();
    expect(inv.findings).toEqual([]);
    expect(inv.totals.件数).toBe(4);
  });

  it('reads a TXT 数字摘要 sheet', async () => {
    const files = await built({ ...FULL_OPTIONS, digestSheetFormat: 'txt' });
    expect(files.has('其他/数字摘要.TXT')).toBe(true);
    const inv = await inventoryPackage(memorySource(files));
    expect(inv.findings).toEqual([]);
    expect(inv.digest?.matches).toBe(true);
  });

  it('reads a carrier from a folder, and reports a folder with a symbolic link as the source refuses it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'dangan-inventory-'));
    try {
      const sink = folderSink(join(base, '载体001'));
      await buildTransferPackage({ items: fiveCases() }, { kind: 'online', sink }, FULL_OPTIONS);
      const inv = await inventoryPackage(folderSource(join(base, '载体001')));
      expect(inv.findings).toEqual([]);
      symlinkSync('/etc/passwd', join(base, '载体001', '电子档案', 'passwd'));
      const r = await safeInventoryPackage(folderSource(join(base, '载体001')));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('PACKAGE_LINK_REFUSED');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('inventories a package of another kind through a reader (a 归档信息包)', async () => {
    const source: PackageSource = memorySource({
      'manifest.xml': utf8('<清单/>'),
      'Z109-0001/正文.ofd': bytesOf(100, 1),
      'Z109-0001/元数据.xml': utf8('<元数据/>'),
      'Z109-0002/正文.ofd': bytesOf(50, 2),
      'stray.bin': bytesOf(3, 3),
    });
    const reader: PackageContentsReader = async () => ({
      items: [
        {
          name: 'Z109-0001',
          records: [record(1, '永久')],
          paths: ['Z109-0001/正文.ofd', 'Z109-0001/元数据.xml'],
        },
        {
          name: 'Z109-0002',
          records: [record(2, '定期30年', 2025)],
          paths: ['Z109-0002/正文.ofd', 'Z109-0002/元数据.xml'],
        },
      ],
      structurePaths: ['manifest.xml'],
      registered: { 件数: 2, 文件数: 4 },
    });
    const inv = await inventoryPackage(source, { reader });
    expect(inv.kind).toBe('reader');
    expect(inv.groups.map((g) => [g.年度, g.保管期限, g.件数, g.文件数, g.字节数])).toEqual([
      ['2024', '永久', 1, 2, 100 + utf8('<元数据/>').length],
      ['2025', '定期30年', 1, 1, 50],
    ]);
    expect(inv.findings.map((f) => [f.code, f.path ?? f.element])).toEqual([
      ['TRANSFER_FILE_MISSING', 'Z109-0002/元数据.xml'],
      ['TRANSFER_EXTRA_FILE', 'stray.bin'],
      ['TRANSFER_COUNT_MISMATCH', '文件数'],
    ]);
  });

  it('fails only when the source cannot be listed', async () => {
    const broken: PackageSource = {
      list: async () => {
        throw new (await import('@dangan/core')).DanganError('PACKAGE_SOURCE_CLOSED', '已关闭');
      },
      read: () => new Uint8Array(),
      has: async () => false,
      close: async () => undefined,
    };
    const r = await safeInventoryPackage(broken);
    expect(r.ok).toBe(false);
  });
});
