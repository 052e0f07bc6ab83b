import { utf8 } from '@dangan/core';
import {
  type MemoryPackageWritten,
  type MemorySink,
  memorySink,
  memorySource,
} from '../../src/sinks/index.js';
import type { PackageSink } from '../../src/sinks/types.js';
import type { TransferItem, TransferOptions, TransferRecord } from '../../src/transfer/index.js';

/** A DA/T 46-shaped record of one 件. */
export function record(
  n: number,
  retention: string,
  year = 2024,
  extra: { readonly title?: string; readonly category?: string } = {},
): TransferRecord {
  return {
    文件实体: {
      聚合层次: '文件',
      档号: {
        全宗号: 'Z109',
        年度: String(year),
        保管期限: retention,
        机构或问题: 'DJK',
        室编件号: n,
        ...(extra.category === undefined ? {} : { 类别号: extra.category }),
      },
      内容描述: {
        题名: extra.title ?? `上海某某科技有限公司设立登记准予登记通知书（第${n}号）`,
        责任者: '上海市浦东新区市场监督管理局',
        日期: `${year}-03-${String((n % 28) + 1).padStart(2, '0')}`,
        密级: '公开',
      },
      形式特征: { 页数: 3 },
    },
  };
}

/** Deterministic bytes of a given size. */
export function bytesOf(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A 办件 item with `records.length` 件 and a few files. */
export function caseItem(
  name: string,
  records: readonly TransferRecord[],
  seed: number,
  size = 3000,
): TransferItem {
  return {
    name,
    records,
    entries: [
      { path: '准予设立登记通知书.ofd', source: bytesOf(size, seed) },
      { path: '设立登记申请书.pdf', source: bytesOf(Math.floor(size / 2), seed + 1) },
      { path: '元数据/基本信息元数据.xml', source: utf8(`<基本信息 编号="${name}"/>`) },
    ],
  };
}

/** Five 办件 of mixed retention: 永久, 定期30年, 定期10年, 永久 (two 件), 定期10年. */
export function fiveCases(): TransferItem[] {
  return [
    caseItem('办件-0001', [record(1, '永久')], 1),
    caseItem('办件-0002', [record(2, '定期30年')], 2),
    caseItem('办件-0003', [record(3, '定期10年')], 3),
    caseItem('办件-0004', [record(4, '永久'), record(5, '定期30年')], 4),
    caseItem('办件-0005', [record(6, 'D10', 2025)], 5),
  ];
}

/** Options that fill every 说明文件 field, so only real problems are reported. */
export const FULL_OPTIONS: TransferOptions = {
  readme: { 载体保管单位: '某某市档案馆', 载体制作单位: '某某局办公室', 载体检查单位: '某某局档案室' },
  registration: { 交接工作名称: '2024年度电子档案移交', 移交单位: '某某局', 接收单位: '某某市档案馆' },
};

/** A memory sink that remembers it was aborted and what was committed. */
export interface TrackedSink extends PackageSink {
  readonly aborted: () => boolean;
  readonly committed: () => MemoryPackageWritten | undefined;
}

/** Wraps a memory sink, recording abort and commit. */
export function trackedSink(inner: MemorySink = memorySink()): TrackedSink {
  let aborted = false;
  let committed: MemoryPackageWritten | undefined;
  return {
    write: (p, s, o) => inner.write(p, s, o),
    commit: async () => {
      committed = await inner.commit();
      return committed;
    },
    abort: async (r) => {
      aborted = true;
      await inner.abort(r);
    },
    aborted: () => aborted,
    committed: () => committed,
  };
}

/** The files of a committed memory package as a plain map copy. */
export function filesOf(written: MemoryPackageWritten): Map<string, Uint8Array> {
  return new Map(written.files);
}

/** A memory source over a map (for tampering). */
export function sourceOf(files: ReadonlyMap<string, Uint8Array>) {
  return memorySource(files);
}
