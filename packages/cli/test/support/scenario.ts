import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readAll } from '@dangan/core';
import { openPackage, zipSink } from '@dangan/packaging';

/** The example case (two 件, a PDF, a JPEG and a PDF) copied into a fresh temporary folder. */
export function caseDir(): { dir: string; casePath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dangan-cli-case-'));
  cpSync(join(__dirname, '../fixtures/case'), join(dir, 'case'), { recursive: true });
  return { dir, casePath: join(dir, 'case', 'case.json') };
}

/** A case file with every record inline (a `"record": "path"` is read), for tests to edit. */
export interface CaseJson {
  items: { record: CaseRecord; files: unknown[] }[];
  [key: string]: unknown;
}

type Obj = Record<string, unknown>;

/** The parts of a 一网通办 record the tests change. */
export interface CaseRecord {
  文件实体: { 档号: Obj; 内容描述: Obj; 电子属性?: Obj[]; 电子文件号: string; [key: string]: unknown };
  办件: Obj;
  业务实体: Obj[];
  [key: string]: unknown;
}

/** Reads the case file with its records inline. */
export function loadCase(casePath: string): CaseJson {
  const c = JSON.parse(readFileSync(casePath, 'utf8')) as CaseJson;
  for (const item of c.items) {
    if (typeof item.record === 'string')
      item.record = JSON.parse(readFileSync(join(dirname(casePath), item.record), 'utf8')) as CaseRecord;
  }
  return c;
}

/** Edits the case file (records inline) and writes it back. */
export function editCase(casePath: string, edit: (c: CaseJson) => void): void {
  const c = loadCase(casePath);
  edit(c);
  writeFileSync(casePath, JSON.stringify(c));
}

/** A check profile that leaves out the virus scan (no clamd here): everything else as dat70. */
export function noVirusProfile(dir: string): string {
  const path = join(dir, 'no-virus-profile.json');
  writeFileSync(
    path,
    JSON.stringify({
      id: 'cli-test',
      name: '测试方案（不含病毒检测）',
      extends: 'dat70',
      items: { 'virus.scan': { enabled: false } },
    }),
  );
  return path;
}

/**
 * Rewrites the ZIP at `path` with one byte of the entry `entry` changed (the archive itself stays valid:
 * sizes and CRC are those of the new bytes), as an attacker or a bad disk copy would leave it.
 */
export async function tamperZipEntry(path: string, entry: (name: string) => boolean): Promise<string> {
  const { source } = await openPackage(new Uint8Array(readFileSync(path)));
  const out = zipSink();
  let changed: string | undefined;
  for (const e of await source.list()) {
    const bytes = await readAll(source.read(e.path), { maxBytes: 1 << 26 });
    if (changed === undefined && entry(e.path)) {
      changed = e.path;
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
    }
    await out.write(e.path, bytes);
  }
  await source.close();
  const { bytes } = await out.commit();
  if (changed === undefined) throw new Error('no entry matched');
  writeFileSync(path, bytes!);
  return changed;
}
