import { concat } from './zip-builder.js';

/** A stream (with `data`) or a storage (with `children`) for {@link buildCfb}. */
export interface CfbInput {
  readonly name: string;
  readonly data?: Uint8Array;
  readonly children?: readonly CfbInput[];
}

/** Options of {@link buildCfb}. */
export interface CfbOptions {
  /** Unused sectors placed before the directory, to push it past the 109 FAT sectors the header lists. */
  readonly padSectors?: number;
}

const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const CUTOFF = 4096;

interface Node {
  readonly name: string;
  readonly type: 1 | 2 | 5;
  readonly data: Uint8Array;
  readonly children: Node[];
  id: number;
  start: number;
  left: number;
  right: number;
  child: number;
}

/**
 * A valid version-3 compound file (MS-CFB) for tests: a FAT (with DIFAT sectors when needed), a
 * directory whose siblings are linked in name order, small streams in the mini stream and large ones
 * in regular sectors.
 */
export function buildCfb(inputs: readonly CfbInput[], options: CfbOptions = {}): Uint8Array {
  const toNode = (input: CfbInput): Node => ({
    name: input.name,
    type: input.children ? 1 : 2,
    data: input.data ?? new Uint8Array(0),
    children: (input.children ?? []).map(toNode),
    id: 0,
    start: END,
    left: FREE,
    right: FREE,
    child: FREE,
  });
  const root: Node = { ...toNode({ name: 'Root Entry', children: inputs }), type: 5 };
  const all: Node[] = [];
  const number = (n: Node) => {
    n.id = all.length;
    all.push(n);
    for (const c of n.children) number(c);
  };
  number(root);
  for (const n of all) {
    // Siblings form a (degenerate, all-black) binary search tree in CFB order: length, then upper case.
    const sorted = [...n.children].sort(
      (a, b) => a.name.length - b.name.length || cmp(a.name.toUpperCase(), b.name.toUpperCase()),
    );
    for (let i = 0; i < sorted.length; i++) sorted[i]!.right = sorted[i + 1]?.id ?? FREE;
    n.child = sorted[0]?.id ?? FREE;
  }
  // Mini stream: every stream under the cutoff, in 64-byte mini sectors.
  const mini: Uint8Array[] = [];
  const miniFat: number[] = [];
  for (const n of all) {
    if (n.type !== 2 || n.data.length >= CUTOFF || n.data.length === 0) continue;
    const count = Math.ceil(n.data.length / 64);
    n.start = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : miniFat.length + 1);
    mini.push(padTo(n.data, count * 64));
  }
  const miniStream = concat(mini);
  const big = all.filter((n) => n.type === 2 && n.data.length >= CUTOFF);
  const dirSectors = Math.ceil((all.length * 128) / SECTOR);
  const miniFatSectors = Math.ceil((miniFat.length * 4) / SECTOR);
  const miniStreamSectors = Math.ceil(miniStream.length / SECTOR);
  const bigSectors = big.reduce((n, s) => n + Math.ceil(s.data.length / SECTOR), 0);
  const pad = options.padSectors ?? 0;
  const rest = pad + dirSectors + miniFatSectors + miniStreamSectors + bigSectors;
  let fatCount = 1;
  let difatCount = 0;
  for (let i = 0; i < 20; i++) {
    fatCount = Math.ceil((difatCount + fatCount + rest) / 128);
    difatCount = fatCount > 109 ? Math.ceil((fatCount - 109) / 127) : 0;
  }
  const fat = new Array<number>(fatCount * 128).fill(FREE);
  let next = 0;
  const take = (count: number, mark?: number): number => {
    const first = next;
    for (let i = 0; i < count; i++) fat[next + i] = mark ?? (i === count - 1 ? END : next + i + 1);
    next += count;
    return count === 0 ? END : first;
  };
  const difatStart = take(difatCount, DIFSECT);
  const fatStart = take(fatCount, FATSECT);
  next += pad;
  const dirStart = take(dirSectors);
  const miniFatStart = take(miniFatSectors);
  root.start = take(miniStreamSectors);
  for (const n of big) n.start = take(Math.ceil(n.data.length / SECTOR));

  const sectors: Uint8Array[] = [];
  const fatLocations = Array.from({ length: fatCount }, (_, i) => fatStart + i);
  for (let d = 0; d < difatCount; d++) {
    const s = new DataView(new ArrayBuffer(SECTOR));
    for (let i = 0; i < 127; i++) s.setUint32(i * 4, fatLocations[109 + d * 127 + i] ?? FREE, true);
    s.setUint32(508, d === difatCount - 1 ? END : difatStart + d + 1, true);
    sectors.push(new Uint8Array(s.buffer));
  }
  for (let f = 0; f < fatCount; f++) {
    const s = new DataView(new ArrayBuffer(SECTOR));
    for (let i = 0; i < 128; i++) s.setUint32(i * 4, fat[f * 128 + i]!, true);
    sectors.push(new Uint8Array(s.buffer));
  }
  for (let i = 0; i < pad; i++) sectors.push(new Uint8Array(SECTOR));
  const dir = new Uint8Array(dirSectors * SECTOR);
  for (let i = dirSectors * 4 - 1; i >= all.length; i--) {
    const v = new DataView(dir.buffer, i * 128, 128);
    v.setUint32(68, FREE, true);
    v.setUint32(72, FREE, true);
    v.setUint32(76, FREE, true);
  }
  for (const n of all) {
    const v = new DataView(dir.buffer, n.id * 128, 128);
    for (let i = 0; i < n.name.length; i++) v.setUint16(i * 2, n.name.charCodeAt(i), true);
    v.setUint16(64, (n.name.length + 1) * 2, true);
    v.setUint8(66, n.type);
    v.setUint8(67, 1);
    v.setUint32(68, n.left, true);
    v.setUint32(72, n.right, true);
    v.setUint32(76, n.child, true);
    v.setUint32(116, n.type === 1 ? 0 : n.start, true);
    v.setUint32(120, n.type === 5 ? miniStream.length : n.data.length, true);
  }
  sectors.push(dir);
  const mf = new DataView(new ArrayBuffer(miniFatSectors * SECTOR));
  for (let i = 0; i < miniFatSectors * 128; i++) mf.setUint32(i * 4, miniFat[i] ?? FREE, true);
  sectors.push(new Uint8Array(mf.buffer));
  sectors.push(padTo(miniStream, miniStreamSectors * SECTOR));
  for (const n of big) sectors.push(padTo(n.data, Math.ceil(n.data.length / SECTOR) * SECTOR));

  const h = new DataView(new ArrayBuffer(SECTOR));
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => {
    h.setUint8(i, b);
  });
  h.setUint16(24, 0x3e, true);
  h.setUint16(26, 3, true);
  h.setUint16(28, 0xfffe, true);
  h.setUint16(30, 9, true);
  h.setUint16(32, 6, true);
  h.setUint32(44, fatCount, true);
  h.setUint32(48, dirStart, true);
  h.setUint32(56, CUTOFF, true);
  h.setUint32(60, miniFatSectors ? miniFatStart : END, true);
  h.setUint32(64, miniFatSectors, true);
  h.setUint32(68, difatCount ? difatStart : END, true);
  h.setUint32(72, difatCount, true);
  for (let i = 0; i < 109; i++) h.setUint32(76 + i * 4, fatLocations[i] ?? FREE, true);
  return concat([new Uint8Array(h.buffer), ...sectors]);
}

function padTo(data: Uint8Array, length: number): Uint8Array {
  if (data.length === length) return data;
  const out = new Uint8Array(length);
  out.set(data);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A Word 97 FIB start (wIdent 0xA5EC, nFib 0x00C1) with or without the fEncrypted bit, padded to `size`. */
export function wordFib(encrypted: boolean, size = 4096, nFib = 0x00c1): Uint8Array {
  const b = new Uint8Array(size);
  const v = new DataView(b.buffer);
  v.setUint16(0, 0xa5ec, true);
  v.setUint16(2, nFib, true);
  v.setUint16(10, encrypted ? 0x0100 : 0, true);
  return b;
}

/** A BIFF8 workbook stream start: BOF, then FILEPASS when `encrypted`, then EOF; padded to `size`. */
export function biffWorkbook(encrypted: boolean, size = 4096, version = 0x0600): Uint8Array {
  const b = new Uint8Array(size);
  const v = new DataView(b.buffer);
  v.setUint16(0, 0x0809, true);
  v.setUint16(2, 16, true);
  v.setUint16(4, version, true);
  v.setUint16(6, 0x0005, true);
  let p = 20;
  if (encrypted) {
    v.setUint16(p, 0x002f, true);
    v.setUint16(p + 2, 6, true);
    p += 10;
  }
  v.setUint16(p, 0x000a, true);
  return b;
}
