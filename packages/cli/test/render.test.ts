import { describe, expect, it } from 'vitest';
import { formatBytes, progressBar, render } from '../src/progress.js';
import { renderTree } from '../src/tree.js';
import { capture } from './support/capture.js';

describe('progress bar', () => {
  it('renders percent, bytes and a label, and bytes alone when the total is unknown', () => {
    expect(render('检测', 512, 1024)).toBe('检测 [############············]  50%  512 B / 1.0 KiB');
    expect(render('检测', 0, 0)).toBe('检测  0 B');
    expect(render('打包', 3 << 20, undefined, '电子文件/0001.pdf')).toBe('打包  3.0 MiB  电子文件/0001.pdf');
    expect(render('x', 2048, 1024)).toContain('100%');
    expect(render('x', 1, 2, 'a'.repeat(60))).toMatch(/ …a{39}$/);
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.00 GiB');
  });

  it('draws with \\r on a terminal, redraws only on change, and clears at the end', () => {
    const c = capture({ tty: true });
    const bar = progressBar({ lang: 'zh', json: false, quiet: false }, c.io, '检测');
    bar.update(1, 1000);
    bar.update(1, 1000); // the same line: not redrawn
    bar.update(500, 1000);
    bar.end();
    const draws = c
      .err()
      .split('\r')
      .filter((s) => s !== '');
    expect(draws).toHaveLength(3);
    expect(draws[0]).toContain('  0%');
    expect(draws[1]).toContain(' 50%');
    expect(draws[2]).toBe('\u001b[K');
  });

  it('draws nothing off a terminal, or with --quiet or --json', () => {
    for (const [tty, quiet, json] of [
      [false, false, false],
      [true, true, false],
      [true, false, true],
    ] as const) {
      const c = capture({ tty });
      const bar = progressBar({ lang: 'zh', json, quiet }, c.io, '检测');
      bar.update(5, 10);
      bar.end();
      expect(c.err()).toBe('');
    }
  });
});

describe('renderTree', () => {
  it('nests folders before files with their sizes, and counts the lines it leaves out', () => {
    const entries = [
      { path: '说明文件.txt', size: 10 },
      { path: '电子文件/0001/a.pdf', size: 2048 },
      { path: '电子文件/0001/b.jpg', size: 5 },
      { path: '电子文件/0002/c.pdf' },
    ];
    expect(renderTree(entries)).toEqual([
      '├─ 电子文件/',
      '│  ├─ 0001/',
      '│  │  ├─ a.pdf  2.0 KiB',
      '│  │  └─ b.jpg  5 B',
      '│  └─ 0002/',
      '│     └─ c.pdf',
      '└─ 说明文件.txt  10 B',
    ]);
    expect(renderTree(entries, 3)).toEqual([
      '├─ 电子文件/',
      '│  ├─ 0001/',
      '│  │  ├─ a.pdf  2.0 KiB',
      '… (+4)',
    ]);
  });
});
