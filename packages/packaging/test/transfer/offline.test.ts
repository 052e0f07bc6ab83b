import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineCarrierInventories, inventoryPackage } from '../../src/inventory/index.js';
import { folderSink, folderSource } from '../../src/node/index.js';
import { type MemoryPackageWritten, memorySink } from '../../src/sinks/index.js';
import {
  allocatedBytes,
  buildTransferPackage,
  type CarrierWritten,
  parseCarrierCapacity,
  safeBuildTransferPackage,
  safeParseCarrierCapacity,
  type TransferItem,
} from '../../src/transfer/index.js';
import { bytesOf, caseItem, FULL_OPTIONS, fiveCases, record } from './fixtures.js';

function hasTool(cmd: string, args: string[] = ['--version']): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const TOOLS = {
  openssl: hasTool('openssl', ['version']),
  bash: hasTool('bash', ['-c', 'true']),
  find: hasTool('find', ['--version']),
};

async function offline(items: TransferItem[], capacity: number | string, unit = 1) {
  const sinks = new Map<string, ReturnType<typeof memorySink>>();
  const result = await buildTransferPackage(
    { items },
    {
      kind: 'offline',
      capacity,
      allocationUnit: unit,
      carrier: (n) => {
        const s = memorySink();
        sinks.set(n, s);
        return s;
      },
    },
    FULL_OPTIONS,
  );
  return { result, sinks, written: result.carriers.map((c) => c.written as MemoryPackageWritten) };
}

function recordsPart(w: MemoryPackageWritten): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, b] of w.files) if (p.startsWith('电子档案/')) out.set(p, Buffer.from(b).toString('hex'));
  return out;
}

/** Bytes a carrier takes: every file rounded up to the allocation unit. */
function used(c: CarrierWritten, unit: number): number {
  return c.written.entries.reduce((s, e) => s + allocatedBytes(e.size, unit), 0);
}

describe('carrier capacity', () => {
  it('reads capacities in decimal units as disc makers state them', () => {
    expect(parseCarrierCapacity('4.7GB')).toBe(4_700_000_000);
    expect(parseCarrierCapacity('25GB')).toBe(25_000_000_000);
    expect(parseCarrierCapacity('700MB')).toBe(700_000_000);
    expect(parseCarrierCapacity('4.7 gb')).toBe(4_700_000_000);
    expect(parseCarrierCapacity('4.7G')).toBe(4_700_000_000);
    expect(parseCarrierCapacity('1GiB')).toBe(1_073_741_824);
    expect(parseCarrierCapacity('１００ＭＢ')).toBe(100_000_000);
    expect(parseCarrierCapacity(12345)).toBe(12345);
    for (const bad of ['', 'GB', '4,7GB', '-1GB', '0', '4.7 斤', 'abc']) {
      const r = safeParseCarrierCapacity(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('TRANSFER_CAPACITY_INVALID');
    }
  });
});

describe('offline transfer split across carriers', () => {
  it('gives each carrier its own 说明文件, 目录, listing, 登记表 and sheet; no item split; the union equals online', async () => {
    const items = fiveCases();
    const { result, written } = await offline(items, 16_000);
    expect(result.carriers.length).toBeGreaterThanOrEqual(2);
    const onlineSink = memorySink();
    const onlineResult = await buildTransferPackage(
      { items },
      { kind: 'online', sink: onlineSink },
      FULL_OPTIONS,
    );
    const onlineRecords = recordsPart(onlineResult.carriers[0]!.written as MemoryPackageWritten);

    const union = new Map<string, string>();
    const seenItems = new Set<string>();
    for (const [i, w] of written.entries()) {
      const number = result.carriers[i]!.number;
      for (const p of [
        '说明文件.TXT',
        '文件目录.XML',
        '其他/载体文件清单.TXT',
        '其他/移交与接收登记表.XML',
        '其他/数字摘要.XML',
      ]) {
        expect(w.files.has(p), `${number} ${p}`).toBe(true);
      }
      const readme = new TextDecoder('gb18030').decode(w.files.get('说明文件.TXT'));
      expect(readme).toContain(`载体编号：${number}`);
      expect(readme).toContain(`第 ${i + 1} 张，共 ${written.length} 张`);
      const catalogue = new TextDecoder().decode(w.files.get('文件目录.XML'));
      for (const name of result.carriers[i]!.items) {
        expect(seenItems.has(name)).toBe(false);
        seenItems.add(name);
        expect(catalogue).toContain(`<电子档案名称>${name}</电子档案名称>`);
        // every file of the item is on this carrier
        const folder = [...w.files.keys()].find((p) => p.includes(`/${name}/`))!;
        expect(folder).toBeDefined();
      }
      for (const [p, h] of recordsPart(w)) {
        expect(union.has(p)).toBe(false);
        union.set(p, h);
      }
      // each sheet lists every carrier
      const sheet = new TextDecoder().decode(w.files.get('其他/数字摘要.XML'));
      for (const c of result.carriers) expect(sheet).toContain(`<数字摘要>${c.digest}</数字摘要>`);
    }
    expect(union).toEqual(onlineRecords);
    expect([...seenItems].sort()).toEqual(['办件-0001', '办件-0002', '办件-0004']);
    for (const c of result.carriers) expect(used(c, 1)).toBeLessThanOrEqual(16_000);
    // 顺序号 continue across carriers
    const numbers = written.flatMap((w) =>
      [...new TextDecoder().decode(w.files.get('文件目录.XML')).matchAll(/<顺序号>(\d+)<\/顺序号>/gu)].map(
        (m) => Number(m[1]),
      ),
    );
    expect(numbers).toEqual([1, 2, 3, 4]);
  });

  it('inventories each carrier without findings, and the set against the 登记表 totals', async () => {
    const { result, written } = await offline(fiveCases(), 16_000);
    const inventories = await Promise.all(written.map((w) => inventoryPackage(w.source)));
    for (const inv of inventories) expect(inv.findings).toEqual([]);
    const all = combineCarrierInventories(inventories);
    expect(all.findings).toEqual([]);
    expect(all.totals).toEqual({
      件数: result.registrationForm.移交电子档案数量.件数,
      文件数: result.registrationForm.移交电子档案数量.文件数,
      元数据数: result.registrationForm.移交电子档案数量.元数据数,
      字节数: result.registrationForm.移交电子档案数量.字节数,
    });
    expect(result.registrationForm.载体起止顺序号).toBe(`001-${String(written.length).padStart(3, '0')}`);
    expect(result.registrationForm.移交载体类型规格).toBe('档案级光盘，16KB');
    // a missing carrier is reported by the combination
    const partial = combineCarrierInventories(inventories.slice(1));
    expect(partial.findings.map((f) => f.code)).toContain('TRANSFER_REGISTRATION_CARRIER_UNKNOWN');
    expect(partial.findings.map((f) => f.code)).toContain('TRANSFER_COUNT_MISMATCH');
  });

  it('refuses an item larger than a carrier before making any sink', async () => {
    let calls = 0;
    const r = await safeBuildTransferPackage(
      {
        items: [
          caseItem('大件', [record(1, '永久')], 1, 50_000),
          caseItem('小件', [record(2, '永久')], 2, 100),
        ],
      },
      {
        kind: 'offline',
        capacity: 20_000,
        carrier: () => {
          calls++;
          return memorySink();
        },
      },
      FULL_OPTIONS,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('TRANSFER_ITEM_TOO_LARGE');
      expect(r.findings.map((f) => f.path)).toEqual(['电子档案/2024/WS/大件']);
    }
    expect(calls).toBe(0);
  });

  it('counts files in whole allocation units (2,048 bytes by default)', async () => {
    const { result } = await offline(fiveCases(), 40_000, 2048);
    for (const c of result.carriers) expect(used(c, 2048)).toBeLessThanOrEqual(40_000);
    const { result: exact } = await offline(fiveCases(), 40_000, 1);
    expect(exact.carriers.length).toBeLessThanOrEqual(result.carriers.length);
  });

  it('property: every item on exactly one carrier, no carrier over capacity, or TRANSFER_ITEM_TOO_LARGE', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 80_000 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 9000, max: 100_000 }),
        fc.constantFrom(1, 512, 2048),
        async (sizes, capacity, unit) => {
          const items = sizes.map((size, i) => ({
            name: `件-${String(i + 1).padStart(4, '0')}`,
            records: [record(i + 1, '永久')],
            entries: [{ path: '正文.pdf', source: bytesOf(size, i) }],
          }));
          const r = await safeBuildTransferPackage(
            { items },
            { kind: 'offline', capacity, allocationUnit: unit, carrier: () => memorySink() },
            FULL_OPTIONS,
          );
          if (!r.ok) {
            expect(r.error.code).toBe('TRANSFER_ITEM_TOO_LARGE');
            // The item named really is large: its file with the carrier's own files (说明文件, 目录, listing, and the
            // 登记表 and sheet, which list every carrier: under 32 KiB for 12 carriers even in 2,048-byte units)
            // exceeds the capacity. (It may fit alone in a one-carrier transfer, whose handover documents are smaller.)
            const named = r.findings[0]!.path!.split('/').pop()!;
            const index = Number(named.slice(2)) - 1;
            expect(items[index]?.name).toBe(named);
            expect(allocatedBytes(sizes[index]!, unit) + 32_768).toBeGreaterThan(capacity);
            return;
          }
          const placed = r.value.carriers.flatMap((c) => c.items);
          expect(placed.sort()).toEqual(items.map((i) => i.name).sort());
          for (const c of r.value.carriers) {
            expect(used(c, unit)).toBeLessThanOrEqual(capacity);
            const w = c.written as MemoryPackageWritten;
            for (const name of c.items) expect(w.files.has(`电子档案/2024/WS/${name}/正文.pdf`)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe.skipIf(!TOOLS.openssl || !TOOLS.bash || !TOOLS.find)(
  'carrier digest recomputed by a shell (differential)',
  () => {
    it('matches find | LC_ALL=C sort | openssl dgst -sm3 over a carrier written to a folder', async () => {
      const base = mkdtempSync(join(tmpdir(), 'dangan-transfer-'));
      try {
        const result = await buildTransferPackage(
          {
            items: fiveCases(),
            otherDocuments: [{ path: '规范/元数据方案.XML', source: new TextEncoder().encode('<方案/>') }],
          },
          { kind: 'offline', capacity: '700MB', carrier: (n) => folderSink(join(base, `载体${n}`)) },
          FULL_OPTIONS,
        );
        const dir = join(base, `载体${result.carriers[0]!.number}`);
        const script = `cd "$1" && find . -type f ! -path ./其他/移交与接收登记表.XML ! -path ./其他/数字摘要.XML ! -path ./其他/数字摘要.TXT ! -path ./其他/载体文件清单.TXT -printf '%P\\n' | LC_ALL=C sort | while IFS= read -r p; do printf '%s\\t%s\\t%s\\n' "$(openssl dgst -sm3 -r "$p" | cut -d' ' -f1)" "$(stat -c %s "$p")" "$p"; done | openssl dgst -sm3 -r | cut -d' ' -f1`;
        const hex = execFileSync('bash', ['-c', script, 'digest', dir], { encoding: 'utf8' }).trim();
        expect(hex).toBe(result.carriers[0]!.digest);
        const inv = await inventoryPackage(folderSource(dir));
        expect(inv.findings).toEqual([]);
        expect(inv.digest?.actual).toBe(hex);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    });

    it('the listing file itself hashes to the carrier digest with openssl', async () => {
      const base = mkdtempSync(join(tmpdir(), 'dangan-transfer-'));
      try {
        const sink = memorySink();
        const r = await buildTransferPackage({ items: fiveCases() }, { kind: 'online', sink }, FULL_OPTIONS);
        const w = r.carriers[0]!.written as MemoryPackageWritten;
        const file = join(base, 'listing.txt');
        writeFileSync(file, w.files.get('其他/载体文件清单.TXT')!);
        const hex = execFileSync('openssl', ['dgst', '-sm3', '-r', file], { encoding: 'utf8' }).split(' ')[0];
        expect(hex).toBe(r.carriers[0]!.digest);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    });
  },
);
