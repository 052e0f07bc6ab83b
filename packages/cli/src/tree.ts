import { formatBytes } from './progress.js';

interface Node {
  readonly children: Map<string, Node>;
  size?: number;
}

/**
 * The entries of a package as a tree for people (`├─ 电子文件/`, `│  └─ 0001.pdf  1.0 KiB`), folders first
 * in the entries' order. At most `maxLines` lines; the rest are counted in a last line.
 *
 * @example
 * renderTree([{ path: 'a/b.pdf', size: 10 }]); // ['└─ a/', '   └─ b.pdf  10 B']
 */
export function renderTree(
  entries: readonly { readonly path: string; readonly size?: number }[],
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const root: Node = { children: new Map() };
  for (const e of entries) {
    let node = root;
    const parts = e.path.split('/').filter((p) => p !== '');
    for (const part of parts) {
      let next = node.children.get(part);
      if (next === undefined) {
        next = { children: new Map() };
        node.children.set(part, next);
      }
      node = next;
    }
    if (e.size !== undefined) node.size = e.size;
  }
  const lines: string[] = [];
  let hidden = 0;
  const walk = (node: Node, prefix: string) => {
    const children = [...node.children.entries()].sort(
      ([, a], [, b]) => Number(b.children.size > 0) - Number(a.children.size > 0),
    );
    children.forEach(([name, child], i) => {
      const last = i === children.length - 1;
      const folder = child.children.size > 0;
      if (lines.length < maxLines) {
        const size = folder || child.size === undefined ? '' : `  ${formatBytes(child.size)}`;
        lines.push(`${prefix}${last ? '└─ ' : '├─ '}${name}${folder ? '/' : ''}${size}`);
      } else hidden++;
      if (folder) walk(child, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(root, '');
  if (hidden > 0) lines.push(`… (+${hidden})`);
  return lines;
}
