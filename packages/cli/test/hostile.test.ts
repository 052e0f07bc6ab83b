import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { capture } from './support/capture.js';
import { rawZip } from './support/raw-zip.js';
import { caseDir } from './support/scenario.js';

/** Every path under `dir`, recursively, sorted. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? [`${prefix}${e.name}/`, ...tree(dir, `${prefix}${e.name}/`)] : [`${prefix}${e.name}`],
    )
    .sort();
}

function sandbox(): { root: string; work: string } {
  const root = mkdtempSync(join(tmpdir(), 'dangan-hostile-'));
  const work = join(root, 'work');
  mkdirSync(work);
  return { root, work };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('hostile input', () => {
  it('a ZIP with ../ and absolute entry names: check exits 1 naming them, transfer and inspect write nothing outside', async () => {
    const { root, work } = sandbox();
    const zip = join(work, 'evil.zip');
    writeFileSync(
      zip,
      rawZip([
        { name: '../escaped.txt', data: text('gotcha') },
        { name: '/etc/dangan-abs.txt', data: text('gotcha') },
        { name: '电子文件/a/../../../up.txt', data: text('gotcha') },
        { name: '说明文件.txt', data: text('hello') },
      ]),
    );
    const before = tree(root);
    const c = capture();
    expect(await runCli(['check', zip, '--stage', 'archiving', '--json', join(work, 'r.json')], c.io)).toBe(
      1,
    );
    expect(c.out()).toContain('../escaped.txt');
    expect(c.out()).toContain('结论：✗ 未通过');
    const t = capture();
    expect(await runCli(['transfer', zip, '--out', join(work, 'out')], t.io)).toBe(1);
    expect(t.err()).toContain('../escaped.txt');
    const i = capture();
    expect(await runCli(['inspect', zip], i.io)).toBe(1);
    expect(i.out()).toContain('../escaped.txt');
    expect(tree(root)).toEqual([...before, 'work/r.json'].sort());
  });

  it('a zip bomb: check exits 1, inspect and transfer refuse it (exit 1 or 2), each with a clear message', async () => {
    const { root, work } = sandbox();
    const zip = join(work, 'bomb.zip');
    writeFileSync(
      zip,
      rawZip([{ name: '电子文件/zeros.pdf', data: new Uint8Array(24 << 20), deflate: true }]),
    );
    const before = tree(root);
    const c = capture();
    expect(await runCli(['check', zip, '--stage', 'archiving'], c.io)).toBe(1);
    expect(c.out()).toMatch(/压缩炸弹|压缩比/);
    const i = capture();
    expect([1, 2]).toContain(await runCli(['inspect', zip], i.io));
    expect(i.out() + i.err()).toMatch(/压缩炸弹|压缩比/);
    const t = capture();
    expect([1, 2]).toContain(await runCli(['transfer', zip, '--out', join(work, 'out')], t.io));
    expect(t.err()).toMatch(/压缩炸弹|压缩比/);
    expect(tree(root)).toEqual(before);
  });

  it('a truncated package: check exits 1, inspect and transfer exit 2', async () => {
    const { dir, casePath } = caseDir();
    const full = join(dir, 'p.zip');
    expect(await runCli(['pack', casePath, '--out', full, '-q'], capture().io)).toBe(0);
    const cut = join(dir, 'cut.zip');
    const bytes = readFileSync(full);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const c = capture();
    expect(await runCli(['check', cut, '--stage', 'archiving'], c.io)).toBe(1);
    expect(c.out()).toContain('信息包无法读取');
    const i = capture();
    expect(await runCli(['inspect', cut], i.io)).toBe(2);
    expect(i.err()).toMatch(/^dangan: /);
    expect(await runCli(['transfer', cut, '--out', join(dir, 'out')], capture().io)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['case', 'cut.zip', 'p.zip']);
  });
});
