/**
 * What the package benchmarks (`packages/<pkg>/bench/*.ts`) share: re-running the script in a child process
 * that measures itself (time from inside, so Node and tsx start-up are not counted, and peak RSS from
 * `process.resourceUsage().maxRSS`), medians and timings, pseudo-random content files, a native node:crypto
 * SM3 pass as a peer, and the 一网通办 record of a one-file 件. Benchmarks import it by relative path
 * (`../../../scripts/bench-support.js`); it is not part of any package.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

export const MiB = 1024 * 1024;

/** What a child measurement prints on its last line: its own time (ms) and peak RSS (MiB), and any extras. */
export interface ChildReport {
  readonly ms: number;
  readonly maxRssMiB: number;
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Prints a child's report, `{ ms, maxRssMiB, ...extra }`, as one JSON line (what {@link runChild} reads). */
export function printChildReport(ms: number, extra: Readonly<Record<string, unknown>> = {}): void {
  console.log(JSON.stringify({ ms, maxRssMiB: peakRssMiB(), ...extra }));
}

/**
 * Runs this script again in a child process with the same Node flags and `args`, and returns the JSON the
 * child printed on its last line (see {@link printChildReport}); throws with the child's output if it fails.
 */
export function runChild<T extends ChildReport = ChildReport>(args: readonly string[]): T {
  const c = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * MiB,
  });
  if (c.status !== 0) throw new Error(`child ${args.join(' ')} failed:\n${c.stdout}\n${c.stderr}`);
  return JSON.parse(c.stdout.trim().split('\n').at(-1)!) as T;
}

/** The median of some numbers (the upper one of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** The wall time of `fn`, in ms (for peers run as commands: their start-up is included). */
export function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** Writes `size` bytes of pseudo-random (incompressible, like real video) content to `path`, 1 MiB at a time. */
export function writeRandomFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    const block = new Uint8Array(MiB);
    for (let written = 0; written < size; written += MiB) {
      writeSync(fd, randomFillSync(block), 0, Math.min(MiB, size - written));
    }
  } finally {
    closeSync(fd);
  }
}

/** SM3 (hex) of each file with node:crypto, read synchronously in 1 MiB pieces: one native hashing pass. */
export function nodeSm3Files(files: readonly string[]): string[] {
  const buffer = new Uint8Array(MiB);
  return files.map((file) => {
    const hash = createHash('sm3');
    const fd = openSync(file, 'r');
    try {
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    return hash.digest('hex');
  });
}

/** The one content file a {@link benchRecord} describes. */
export interface BenchFile {
  readonly name: string;
  /** 格式信息. */
  readonly format: string;
  readonly size: number;
}

/**
 * A valid 一网通办 (`ywtb` scheme) record of 件 number `n` with one content file, for benchmarks: 电子文件号
 * `310115-MSC-2026-{n, 6 digits}-01`, 室编件号 `n`, stored at `oss://archives/2026/{n}/`, 办件编号 `caseId`
 * (default `3101152026{n, 8 digits}`).
 */
export function benchRecord(
  n: number,
  title: string,
  file: BenchFile,
  caseId = `3101152026${String(n).padStart(8, '0')}`,
): Record<string, unknown> {
  const id = `310115-MSC-2026-${String(n).padStart(6, '0')}-01`;
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: '上海市浦东新区市场监督管理局' },
      电子文件号: id,
      档号: { 全宗号: 'Z109', 年度: '2026', 保管期限: '永久', 机构或问题: 'DJK', 室编件号: n },
      内容描述: {
        题名: title,
        责任者: '上海市浦东新区市场监督管理局',
        日期: '2026-03-18',
        密级: '公开',
      },
      形式特征: { 文件组合类型: '单件', 语种: '汉语' },
      电子属性: [{ 格式信息: file.format, 计算机文件名: file.name, 计算机文件大小: file.size }],
      存储位置: { 当前位置: `oss://archives/2026/${n}/`, 脱机载体编号: ['在线'] },
      权限管理: { 控制标识: '控制' },
    },
    机构人员实体: [{ 机构人员标识符: 'A1', 机构人员名称: '登记注册科' }],
    业务实体: [
      {
        业务标识符: 'B1',
        机构人员标识符: 'A1',
        文件标识符: id,
        业务状态: '历史行为',
        业务行为: '归档',
        行为时间: '2026-03-20T10:00:00+08:00',
      },
    ],
    办件: {
      事项编码: '310115000000-JYXK-0001',
      事项名称: '企业设立登记',
      办件编号: caseId,
      受理时间: '2026-03-16T09:12:40+08:00',
    },
  };
}
