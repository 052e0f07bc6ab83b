/** Small helpers to print aligned Chinese text in a terminal. */

/** Display width: CJK characters and full-width forms take two columns. */
export function width(text: string): number {
  let n = 0;
  for (const c of text) n += /[\u2E80-\uFFEF]/u.test(c) ? 2 : 1;
  return n;
}

/** `text` padded with spaces to `columns` display columns. */
export function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

/** An indented table: columns as wide as their widest cell. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell));
    });
  }
  return rows
    .map(
      (row) =>
        indent + row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]!))).join('  '),
    )
    .join('\n');
}

/** Bytes with thousands separators: `1,048,706`. */
export function bytes(n: number): string {
  return n.toLocaleString('en-US');
}

/** A digest shortened for the terminal: the first 16 hex digits and an ellipsis. */
export function short(hex: string): string {
  return `${hex.slice(0, 16)}…`;
}

/** ✔ or ✘ with a word. */
export function mark(ok: boolean, good = '一致', bad = '不一致'): string {
  return ok ? `${good} ✔` : `${bad} ✘`;
}
