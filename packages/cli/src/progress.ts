import type { CliIo, GlobalOptions } from './io.js';

/** A progress bar on stderr (进度条), or nothing. */
export interface Progress {
  /** Sets the work done (and the total, when it becomes known) and redraws when the shown line changes. */
  update(done: number, total: number | undefined, label?: string): void;
  /** Clears the line. Call before printing anything else and when the work ends. */
  end(): void;
}

const NONE: Progress = { update() {}, end() {} };
const WIDTH = 24;

/**
 * A progress bar drawn with `\r` updates on stderr — only when stderr is a terminal and neither `--quiet`
 * nor `--json` was given; otherwise a no-op, so output piped to a file or read by a program stays clean.
 * It redraws only when the shown text changes (percent, bytes as shown, label), never on a timer.
 *
 * @example
 * const bar = progressBar(global, io, '检测');
 * bar.update(512, 1024, '电子文件/0001.pdf');
 * bar.end();
 */
export function progressBar(global: GlobalOptions, io: CliIo, title: string): Progress {
  if (io.stderrIsTTY !== true || global.quiet || global.json) return NONE;
  let shown = '';
  let drawn = false;
  return {
    update(done, total, label) {
      const line = render(title, done, total, label);
      if (line === shown) return;
      shown = line;
      drawn = true;
      io.stderr(`\r${line}\u001b[K`);
    },
    end() {
      if (drawn) io.stderr('\r\u001b[K');
      drawn = false;
      shown = '';
    },
  };
}

/**
 * One line of the bar: `title [#####·····]  42%  1.2 MiB / 2.9 MiB  label` (bytes only when the total is
 * unknown).
 *
 * @example
 * render('检测', 512, 1024); // '检测 [############············]  50%  512 B / 1.0 KiB'
 */
export function render(title: string, done: number, total: number | undefined, label?: string): string {
  const tail = label === undefined || label === '' ? '' : `  ${shorten(label, 40)}`;
  if (total === undefined || total <= 0) return `${title}  ${formatBytes(done)}${tail}`;
  const ratio = Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * WIDTH);
  const percent = String(Math.floor(ratio * 100)).padStart(3);
  return `${title} [${'#'.repeat(filled)}${'·'.repeat(WIDTH - filled)}] ${percent}%  ${formatBytes(done)} / ${formatBytes(total)}${tail}`;
}

/**
 * Bytes for people: `980 B`, `1.5 KiB`, `12.0 MiB`, `3.10 GiB`.
 *
 * @example
 * formatBytes(1536); // '1.5 KiB'
 */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit >= 2 ? 2 : 1)} ${units[unit]}`;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `…${chars.slice(chars.length - max + 1).join('')}`;
}
