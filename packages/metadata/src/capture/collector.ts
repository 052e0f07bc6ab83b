import { hasAscii, latin1, u32be, u64be } from './binary.js';
import { ByteRegions, type Region } from './regions.js';

/** Bounds of what a {@link HeaderCollector} keeps. */
export interface CollectorLimits {
  /** Bytes kept from the start. */
  readonly prefixBytes: number;
  /** Bytes kept from the end. */
  readonly tailBytes: number;
  /** Largest `moov` box kept. */
  readonly maxMoovBytes: number;
}

/** A top-level box of an ISO base media / QuickTime file, as the walker met it. */
export interface TopLevelBox {
  readonly type: string;
  readonly offset: number;
  /** Whole box size including its header; `undefined` when the box runs to the end of the file (size 0). */
  readonly size: number | undefined;
}

/** What the ISO-BMFF walker saw of the top-level boxes. */
export interface BoxWalk {
  /** Boxes in file order (at most {@link MAX_TOP_LEVEL_BOXES}). */
  readonly boxes: readonly TopLevelBox[];
  /** The first `moov` box's bytes (with its header), possibly cut short when the file ends early. */
  readonly moov?: { readonly offset: number; readonly declaredSize: number; readonly bytes: Uint8Array };
  /** A `moov` box larger than the limit, which was skipped. */
  readonly moovTooLarge?: { readonly offset: number; readonly size: number };
  /** Why the walk stopped early (an invalid box header), if it did. */
  readonly problem?: string;
}

/** Everything one pass kept: the regions parsers may read, the file size and the box walk. */
export interface Collected {
  readonly size: number;
  readonly regions: ByteRegions;
  readonly boxWalk: BoxWalk | undefined;
}

/** Top-level boxes recorded; a file with more stops being walked (a hostile stream of tiny boxes). */
export const MAX_TOP_LEVEL_BOXES = 100_000;
const ID3_WINDOW = 64 * 1024;
const EMPTY = /* @__PURE__ */ new Uint8Array(0);
const FIRST_BOX_TYPES = /* @__PURE__ */ new Set([
  'ftyp',
  'moov',
  'mdat',
  'wide',
  'free',
  'skip',
  'pnot',
  'styp',
]);

/** A byte range kept while the bytes stream past; its buffer grows as data arrives. */
class Window {
  readonly start: number;
  readonly length: number;
  #buffer: Uint8Array = new Uint8Array(0);
  #filled = 0;

  constructor(start: number, length: number) {
    this.start = start;
    this.length = length;
  }

  /** Copies the part of `chunk` (which starts at `at`) that falls in this window. */
  take(chunk: Uint8Array, at: number): void {
    const from = Math.max(this.start + this.#filled, at);
    const to = Math.min(this.start + this.length, at + chunk.length);
    if (to <= from || from !== this.start + this.#filled) return;
    const need = this.#filled + (to - from);
    if (need > this.#buffer.length) {
      const grown = new Uint8Array(Math.min(this.length, Math.max(need, this.#buffer.length * 2, 64 * 1024)));
      grown.set(this.#buffer.subarray(0, this.#filled));
      this.#buffer = grown;
    }
    this.#buffer.set(chunk.subarray(from - at, to - at), this.#filled);
    this.#filled = need;
  }

  /** Starts the window with bytes already seen (a header that began in an earlier chunk). */
  seed(bytes: Uint8Array): void {
    this.#buffer = new Uint8Array(Math.min(this.length, Math.max(bytes.length, 64 * 1024)));
    this.#buffer.set(bytes.subarray(0, this.#buffer.length));
    this.#filled = Math.min(bytes.length, this.length);
  }

  get done(): boolean {
    return this.#filled >= this.length;
  }

  region(): Region {
    return { start: this.start, bytes: this.#buffer.subarray(0, this.#filled) };
  }
}

/**
 * Keeps the bounded parts of a file the capture parsers need while every chunk also goes to the hashers:
 * the first `prefixBytes`, the last `tailBytes`, the audio after a large ID3v2 tag, and — for ISO base
 * media and QuickTime — the `moov` box wherever it lies, found by walking the top-level box sizes so that
 * `mdat` is skipped without being kept. Memory is bounded by the limits whatever the file size.
 */
export class HeaderCollector {
  readonly #limits: CollectorLimits;
  readonly #prefix: Window;
  readonly #windows: Window[] = [];
  readonly #tail: Uint8Array[] = [];
  #tailLength = 0;
  #tailStart = 0;
  #position = 0;
  // ISO-BMFF top-level walk
  #walking = true;
  #nextBox = 0;
  readonly #header = new Uint8Array(16);
  #headerFill = 0;
  readonly #boxes: TopLevelBox[] = [];
  #moov: Window | undefined;
  #moovDeclared = 0;
  #moovTooLarge: { offset: number; size: number } | undefined;
  #problem: string | undefined;
  #id3Checked = false;

  constructor(limits: CollectorLimits) {
    this.#limits = limits;
    this.#prefix = new Window(0, limits.prefixBytes);
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    const at = this.#position;
    if (!this.#prefix.done) this.#prefix.take(chunk, at);
    if (!this.#id3Checked && at + chunk.length >= 10) this.#checkId3();
    if (this.#walking) this.#walk(chunk, at);
    for (const w of this.#windows) if (!w.done) w.take(chunk, at);
    this.#keepTail(chunk);
    this.#position = at + chunk.length;
  }

  /**
   * Bytes this collector holds references to right now (kept windows and tail chunks, including any not
   * yet compacted away): bounded by the limits whatever the file size.
   */
  get retainedBytes(): number {
    let total = this.#prefix.region().bytes.length + (this.#moov?.region().bytes.length ?? 0);
    for (const w of this.#windows) if (w !== this.#moov) total += w.region().bytes.length;
    for (const chunk of this.#tail) total += chunk.length;
    return total;
  }

  /** The collected regions once the whole file went by. */
  finish(): Collected {
    const size = this.#position;
    const regions: Region[] = [this.#prefix.region()];
    const tail = this.#tailRegion(size);
    if (tail !== undefined && tail.start + tail.bytes.length > regions[0]!.bytes.length) regions.push(tail);
    for (const w of this.#windows) if (w !== this.#moov) regions.push(w.region());
    return { size, regions: new ByteRegions(size, regions), boxWalk: this.#boxWalk(size) };
  }

  #boxWalk(size: number): BoxWalk | undefined {
    if (this.#boxes.length === 0) return undefined;
    let moov = this.#moov;
    if (moov !== undefined && this.#moovDeclared < 0) {
      if (size - moov.start > this.#limits.maxMoovBytes) {
        this.#moovTooLarge = { offset: moov.start, size: size - moov.start };
        moov = undefined;
      } else this.#moovDeclared = size - moov.start;
    }
    return {
      boxes: this.#boxes,
      ...(moov === undefined
        ? {}
        : { moov: { offset: moov.start, declaredSize: this.#moovDeclared, bytes: moov.region().bytes } }),
      ...(this.#moovTooLarge === undefined ? {} : { moovTooLarge: this.#moovTooLarge }),
      ...(this.#problem === undefined ? {} : { problem: this.#problem }),
    };
  }

  #keepTail(chunk: Uint8Array): void {
    const want = this.#limits.tailBytes;
    if (want <= 0) return;
    this.#tail.push(chunk);
    this.#tailLength += chunk.length;
    // Drop whole chunks from the front while the rest still covers the tail; with tiny chunks the list is
    // long, so dropped entries are skipped by index and compacted now and then (no O(n) shift per chunk).
    while (
      this.#tail.length - this.#tailStart > 1 &&
      this.#tailLength - this.#tail[this.#tailStart]!.length >= want
    ) {
      this.#tailLength -= this.#tail[this.#tailStart]!.length;
      // Release the dropped chunk now: with 1 MiB chunks, waiting for the compaction below would keep up
      // to a gigabyte alive (measured: 1,084 MiB peak RSS on a 1 GiB file).
      this.#tail[this.#tailStart] = EMPTY;
      this.#tailStart++;
    }
    if (this.#tailStart > 1024 && this.#tailStart * 2 > this.#tail.length) {
      this.#tail.splice(0, this.#tailStart);
      this.#tailStart = 0;
    }
  }

  #tailRegion(size: number): Region | undefined {
    if (this.#tailLength === 0) return undefined;
    const all = new Uint8Array(this.#tailLength);
    let o = 0;
    for (let i = this.#tailStart; i < this.#tail.length; i++) {
      all.set(this.#tail[i]!, o);
      o += this.#tail[i]!.length;
    }
    const keep = Math.min(all.length, this.#limits.tailBytes);
    return { start: size - keep, bytes: all.subarray(all.length - keep) };
  }

  /** An ID3v2 tag larger than the prefix hides the first MPEG audio frame: keep a window after it. */
  #checkId3(): void {
    const head = this.#prefix.region().bytes;
    if (head.length < 10) return;
    this.#id3Checked = true;
    if (!hasAscii(head, 'ID3') || head[3]! === 0xff || [6, 7, 8, 9].some((i) => head[i]! >= 0x80)) return;
    const size = (head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!;
    const start = 10 + size + (head[5]! & 0x10 ? 10 : 0);
    if (start + ID3_WINDOW > this.#limits.prefixBytes) this.#windows.push(new Window(start, ID3_WINDOW));
  }

  #walk(chunk: Uint8Array, at: number): void {
    const end = at + chunk.length;
    while (this.#walking && this.#nextBox < end) {
      const need = this.#headerFill >= 8 && u32be(this.#header, 0) === 1 ? 16 : 8;
      const from = this.#nextBox + this.#headerFill;
      const n = Math.min(need - this.#headerFill, end - from);
      this.#header.set(chunk.subarray(from - at, from - at + n), this.#headerFill);
      this.#headerFill += n;
      if (this.#headerFill < need) return;
      if (need === 8 && u32be(this.#header, 0) === 1) continue;
      this.#box(need);
    }
  }

  #box(headerSize: number): void {
    const offset = this.#nextBox;
    const size32 = u32be(this.#header, 0);
    const type = latin1(this.#header, 4, 4);
    const size = size32 === 1 ? u64be(this.#header, 8) : size32 === 0 ? undefined : size32;
    this.#headerFill = 0;
    const validType = offset === 0 ? FIRST_BOX_TYPES.has(type) : /^[\x20-\x7e\xa9]{4}$/.test(type);
    if (!validType || (size !== undefined && (size < headerSize || !Number.isSafeInteger(size)))) {
      if (offset > 0) this.#problem = `invalid top-level box header at offset ${offset}`;
      this.#walking = false;
      return;
    }
    this.#boxes.push({ type, offset, size });
    if (type === 'moov' && this.#moov === undefined && this.#moovTooLarge === undefined) {
      if (size !== undefined && size > this.#limits.maxMoovBytes) {
        this.#moovTooLarge = { offset, size };
      } else {
        // A moov running to the end of the file (size 0) is kept up to the limit and judged at the end.
        this.#moovDeclared = size ?? -1;
        this.#moov = new Window(offset, size ?? this.#limits.maxMoovBytes);
        this.#moov.seed(this.#header.subarray(0, headerSize));
        this.#windows.push(this.#moov);
      }
    }
    if (size === undefined || this.#boxes.length >= MAX_TOP_LEVEL_BOXES) {
      this.#walking = false;
      return;
    }
    this.#nextBox = offset + size;
  }
}
