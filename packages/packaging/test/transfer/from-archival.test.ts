import { type ByteSource, isDanganError, readAll, utf8 } from '@dangan/core';
import { recordFromXml, recordToXml, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVAL_LAYOUTS,
  type ArchivalPackageInput,
  buildArchivalPackage,
  readArchivalPackage,
} from '../../src/archival/index.js';
import { type MemoryPackageWritten, memorySink, memorySource } from '../../src/sinks/index.js';
import type { PackageSource } from '../../src/sinks/types.js';
import {
  ARCHIVAL_ITEM_METADATA_FILE,
  buildTransferPackage,
  safeTransferItemsFromArchivalPackage,
  type TransferEntry,
  type TransferItem,
  transferItemsFromArchivalPackage,
} from '../../src/transfer/index.js';
import { threeItemCase } from '../archival/fixtures.js';

/** An EEP stand-in per 件 (the archival builder copies EEP bytes as given). */
const eepBytes = (i: number) =>
  utf8(`<?xml version="1.0" encoding="UTF-8"?>\n<电子文件封装包 序号="${i}"/>\n`);

/** The three-件 办件 filed with the stock `dangan-ywtb` layout (renamed files), each 件 with an EEP. */
async function filed(
  change?: (input: ArchivalPackageInput) => ArchivalPackageInput,
): Promise<{ files: Map<string, Uint8Array>; source: PackageSource; input: ArchivalPackageInput }> {
  const base = threeItemCase().input;
  const withEeps: ArchivalPackageInput = {
    ...base,
    items: base.items.map((item, i) => ({ ...item, eep: eepBytes(i) })),
  };
  const input = change === undefined ? withEeps : change(withEeps);
  const result = await buildArchivalPackage(input, memorySink(), {
    profile: ARCHIVAL_LAYOUTS['dangan-ywtb'],
  });
  const files = new Map(result.written.files);
  return { files, source: memorySource(files), input };
}

const entriesOf = (item: TransferItem): readonly TransferEntry[] => item.entries as readonly TransferEntry[];

async function bytesOf(source: ByteSource): Promise<Uint8Array> {
  return readAll(source, { maxBytes: 1 << 24 });
}

describe('transferItemsFromArchivalPackage', () => {
  it('gives one item per 件, named by 档号: content under its 计算机文件名, the EEP, the record as 元数据.xml', async () => {
    const { files, source, input } = await filed();
    // The stock layout renamed the content files inside the archival package.
    expect([...files.keys()].some((p) => p.endsWith('-001-设立登记申请书.pdf'))).toBe(true);
    const reading = await readArchivalPackage(source);
    const items = await transferItemsFromArchivalPackage(source, reading);
    expect(items.map((i) => i.name)).toEqual(reading.items.map((i) => i.archivalCode));
    expect(items.map((i) => i.name)).toEqual([
      'Z109-WS·2026-D30-DJK-0001',
      'Z109-WS·2026-D30-DJK-0002',
      'Z109-WS·2026-D30-DJK-0003',
    ]);
    const names = items.map((i) => entriesOf(i).map((e) => e.path));
    expect(names).toEqual([
      [ARCHIVAL_ITEM_METADATA_FILE, '设立登记申请书.pdf', 'Z109-WS·2026-D30-DJK-0001.xml'],
      [ARCHIVAL_ITEM_METADATA_FILE, '营业场所照片.jpg', 'Z109-WS·2026-D30-DJK-0002.xml'],
      [ARCHIVAL_ITEM_METADATA_FILE, '申请表.xml', 'Z109-WS·2026-D30-DJK-0003.xml'],
    ]);
    for (const [i, item] of items.entries()) {
      expect(item.records).toEqual([reading.records[i]]);
      const [meta, content, eep] = entriesOf(item);
      // The 件's own record, as one metadata document in the package's scheme.
      const xml = new TextDecoder().decode(await bytesOf(meta!.source));
      expect(xml).toBe(recordToXml(reading.records[i]!, schemes.ywtb));
      expect(await recordFromXml(xml, schemes.ywtb)).toEqual(reading.records[i]);
      // The bytes the 件 was filed with, and its EEP.
      expect(await bytesOf(content!.source)).toEqual(await bytesOf(input.items[i]!.files[0]!.source));
      expect(content!.size).toBe(reading.items[i]!.files[0]!.size);
      expect(await bytesOf(eep!.source)).toEqual(eepBytes(i));
    }
  });

  it('leaves the archival package’s own documents at 归档', async () => {
    const { source } = await filed();
    const reading = await readArchivalPackage(source);
    const items = await transferItemsFromArchivalPackage(source);
    const carried = items.flatMap((i) => entriesOf(i).map((e) => e.path));
    for (const part of [
      reading.manifestPath,
      reading.catalogue?.path,
      reading.registrationFormPart?.path,
      reading.readme?.path,
    ]) {
      expect(part).toBeDefined();
      expect(carried).not.toContain(part!.slice(part!.lastIndexOf('/') + 1));
    }
    expect(carried.filter((p) => p === ARCHIVAL_ITEM_METADATA_FILE)).toHaveLength(3);
  });

  it('builds a transfer package whose catalogue and folders are the 件', async () => {
    const { source } = await filed((input) => ({
      ...input,
      items: input.items.map((item) => {
        const r = structuredClone(item.record) as { 文件实体: { 档号: Record<string, unknown> } };
        r.文件实体.档号.保管期限 = '永久';
        return { ...item, record: r };
      }),
    }));
    const items = await transferItemsFromArchivalPackage(source);
    const sink = memorySink();
    const result = await buildTransferPackage({ items }, { kind: 'online', sink });
    const written = result.carriers[0]!.written as MemoryPackageWritten;
    const paths = [...written.files.keys()];
    expect(paths).toContain('电子档案/2026/WS/Z109-WS·2026-Y-DJK-0001/设立登记申请书.pdf');
    expect(paths).toContain('电子档案/2026/WS/Z109-WS·2026-Y-DJK-0001/元数据.xml');
    expect(paths).toContain('电子档案/2026/WS/Z109-WS·2026-Y-DJK-0003/Z109-WS·2026-Y-DJK-0003.xml');
    expect(paths.filter((p) => p.startsWith('电子档案/') && /归档|清单|说明文件/u.test(p))).toEqual([]);
    expect(result.registrationForm.移交电子档案数量.件数).toBe(3);
    // The metadata counts: 元数据.xml and the EEP of each 件 (and the XML form, a content file in XML).
    expect(result.carriers[0]!.counts.元数据数).toBe(7);
  });

  it('with metadataFileName false leaves the metadata document to the builder', async () => {
    const { source } = await filed();
    const items = await transferItemsFromArchivalPackage(source, undefined, { metadataFileName: false });
    expect(items.flatMap((i) => entriesOf(i).map((e) => e.path))).not.toContain(ARCHIVAL_ITEM_METADATA_FILE);
    const named = await transferItemsFromArchivalPackage(source, undefined, { metadataFileName: '件.xml' });
    expect(entriesOf(named[0]!)[0]!.path).toBe('件.xml');
    await expect(
      transferItemsFromArchivalPackage(source, undefined, { metadataFileName: '' }),
    ).rejects.toThrow(TypeError);
  });

  it('refuses a package that does not read cleanly, naming every problem', async () => {
    const { files } = await filed();
    const broken = new Map(files);
    const content = [...files.keys()].find((p) => p.endsWith('.jpg'))!;
    broken.delete(content);
    const r = await safeTransferItemsFromArchivalPackage(memorySource(broken));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('TRANSFER_ARCHIVAL_PACKAGE_INVALID');
    expect(r.findings.map((f) => [f.code, f.path])).toContainEqual(['ARCHIVAL_FILE_MISSING', content]);
    await expect(transferItemsFromArchivalPackage(memorySource(broken))).rejects.toSatisfy((e) =>
      isDanganError(e, 'TRANSFER_ARCHIVAL_PACKAGE_INVALID'),
    );
    const notAPackage = await safeTransferItemsFromArchivalPackage(memorySource({ 'a.pdf': utf8('%PDF') }));
    expect(notAPackage.ok ? [] : notAPackage.findings.map((f) => f.code)).toContain(
      'ARCHIVAL_MANIFEST_MISSING',
    );
  });

  it('refuses a 件 without a record, and two files that would travel under one name', async () => {
    const { source } = await filed();
    const reading = await readArchivalPackage(source);
    const noRecord = {
      ...reading,
      items: reading.items.map((i, k) => (k === 1 ? { ...i, record: undefined } : i)),
    };
    const r = await safeTransferItemsFromArchivalPackage(source, noRecord as typeof reading);
    expect(r.ok ? [] : r.findings.map((f) => [f.code, f.path])).toEqual([
      ['TRANSFER_ARCHIVAL_PACKAGE_INVALID', reading.items[1]!.folder],
    ]);
    const first = reading.items[0]!;
    const clash = {
      ...reading,
      items: [
        {
          ...first,
          files: [first.files[0]!, { ...first.files[0]!, originalName: '设立登记申请书.PDF' }],
        },
      ],
    };
    const c = await safeTransferItemsFromArchivalPackage(source, clash);
    expect(c.ok ? [] : c.findings.map((f) => f.code)).toEqual(['TRANSFER_ENTRY_INVALID']);
    // A content file named like the metadata document clashes with it too.
    const named = {
      ...reading,
      items: [{ ...first, files: [{ ...first.files[0]!, originalName: '元数据.XML' }] }],
    };
    const m = await safeTransferItemsFromArchivalPackage(source, named);
    expect(m.ok ? [] : m.findings.map((f) => f.code)).toEqual(['TRANSFER_ENTRY_INVALID']);
  });

  it('stops the transfer when a file no longer matches the archival manifest', async () => {
    const { files } = await filed((input) => ({
      ...input,
      items: input.items.map((item) => {
        const r = structuredClone(item.record) as { 文件实体: { 档号: Record<string, unknown> } };
        r.文件实体.档号.保管期限 = '永久';
        return { ...item, record: r };
      }),
    }));
    const target = [...files.keys()].find((p) => p.endsWith('.pdf'))!;
    const changed = new Map(files);
    const bytes = files.get(target)!.slice();
    bytes[40] = bytes[40]! ^ 0x01;
    changed.set(target, bytes);
    const items = await transferItemsFromArchivalPackage(memorySource(changed));
    const error = await buildTransferPackage({ items }, { kind: 'online', sink: memorySink() }).catch(
      (e: unknown) => e,
    );
    expect(isDanganError(error, 'TRANSFER_WRITE_FAILED')).toBe(true);
    const cause = (error as { cause?: unknown }).cause;
    expect(isDanganError(cause, 'TRANSFER_ARCHIVAL_FILE_CHANGED')).toBe(true);
    expect((cause as { message: string }).message).toContain(target);
    // Without the check the changed bytes travel (and the carrier digest covers them as they are).
    const unchecked = await transferItemsFromArchivalPackage(memorySource(changed), undefined, {
      verifyDigests: false,
    });
    const result = await buildTransferPackage({ items: unchecked }, { kind: 'online', sink: memorySink() });
    expect(result.carriers).toHaveLength(1);
  });

  it('checks its arguments', async () => {
    await expect(transferItemsFromArchivalPackage(null as unknown as PackageSource)).rejects.toThrow(
      TypeError,
    );
  });
});
