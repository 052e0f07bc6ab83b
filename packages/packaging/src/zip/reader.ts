import { createCrc32, DanganError, type Finding, type SafeResult, safelyAsync } from '@dangan/core';
import {
  MAX16,
  MAX32,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_EOCD64,
  SIG_LOCAL,
  SIG_LOCATOR64,
  u16,
  u32,
  u64,
} from './binary.js';
import type { ZipFindingCode } from './codes.js';
import { checkEntryName, collisionKey, nameDepth } from './names.js';
import { type RandomAccessSource, randomAccess, type ZipSource } from './random-access.js';

/** Safety limits of {@link openZip} (安全限制). Checked on declared values before extraction, and on actual bytes while inflating. */
export interface ZipLimits {
  /** Default 100 000. */
  readonly maxEntries?: number;
  /** Largest uncompressed entry. Default 4 GiB × 16 (64 GiB). */
  readonly maxEntrySize?: number;
  /** Largest uncompressed total. Default 256 GiB. */
  readonly maxTotalSize?: number;
  /** Largest uncompressed/compressed ratio. Default 200. */
  readonly maxRatio?: number;
  /** Entries smaller than this are not ratio-checked (small files of zeros compress very well). Default 1 MiB. */
  readonly ratioMinSize?: number;
  /** Longest name in bytes. Default 1024. */
  readonly maxNameLength?: number;
  /** Deepest folder nesting. Default 32. */
  readonly maxDepth?: number;
}

/** Options of {@link openZip}. */
export interface OpenZipOptions {
  readonly limits?: ZipLimits;
  /** Bytes read from the source per step when extracting. Default 1 MiB. */
  readonly readSize?: number;
}

/** One entry of the central directory (中央目录条目). */
export interface ZipEntry {
  /** Decoded name (UTF-8; GB 18030 with a warning when not UTF-8). */
  readonly name: string;
  readonly isDirectory: boolean;
  /** Compression method code: 0 STORE, 8 DEFLATE, others are refused. */
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
  readonly modified: { readonly date: number; readonly time: number };
  /** Problems with this entry; any `error` makes `open()` refuse. */
  readonly findings: readonly Finding[];
  /**
   * Streams the uncompressed bytes. CRC-32 and size are verified at the end (`ZIP_CRC_MISMATCH`,
   * `ZIP_SIZE_MISMATCH`); the limits are enforced on the actual bytes. Throws `DanganError` when the entry
   * has error findings.
   */
  open(): AsyncGenerator<Uint8Array>;
}

/** An opened archive. */
export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** Every finding: archive-level ones and those of each entry. */
  readonly findings: readonly Finding[];
  readonly comment: string;
  /** Whether the archive uses the ZIP64 end records. */
  readonly zip64: boolean;
  /** Entry by exact name. */
  get(name: string): ZipEntry | undefined;
}

const DEFAULTS = {
  maxEntries: 100_000,
  maxEntrySize: 64 * 2 ** 30,
  maxTotalSize: 256 * 2 ** 30,
  maxRatio: 200,
  ratioMinSize: 1 << 20,
  maxNameLength: 1024,
  maxDepth: 32,
} as const;

function finding(
  code: ZipFindingCode,
  message: string,
  messageEn: string,
  path?: string,
  severity: Finding['severity'] = 'error',
): Finding {
  return { code, severity, message, messageEn, ...(path === undefined ? {} : { path }) };
}

function fail(code: ZipFindingCode, message: string, messageEn: string, path?: string): DanganError {
  return new DanganError(code, message, { messageEn, ...(path === undefined ? {} : { path }) });
}

const malformed = (what: string, whatEn: string): DanganError =>
  fail('ZIP_MALFORMED', `压缩包结构损坏：${what}`, `Malformed ZIP: ${whatEn}`);

async function readExact(src: RandomAccessSource, offset: number, length: number): Promise<Uint8Array> {
  if (offset < 0 || offset + length > src.size)
    throw malformed(
      `读取越界（偏移 ${offset}，长度 ${length}）`,
      `read out of bounds (offset ${offset}, length ${length})`,
    );
  const bytes = await src.read(offset, length);
  if (bytes.length !== length) throw malformed('数据被截断', 'truncated data');
  return bytes;
}

interface Eocd {
  readonly entries: number;
  readonly cdSize: number;
  readonly cdOffset: number;
  readonly comment: Uint8Array;
  readonly zip64: boolean;
  /** Where the end records start: the central directory must end at or before. */
  readonly endStart: number;
}

async function findEocd(src: RandomAccessSource): Promise<Eocd> {
  if (src.size < 22)
    throw malformed('文件过短，没有目录结束记录', 'too short for an end of central directory record');
  const tailLength = Math.min(src.size, 0xffff + 22);
  const tailStart = src.size - tailLength;
  const tail = await readExact(src, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === SIG_EOCD && i + 22 + u16(tail, i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0)
    throw malformed(
      '找不到目录结束记录（不是 ZIP 或被截断）',
      'no end of central directory record (not a ZIP, or truncated)',
    );
  const eocdPos = tailStart + at;
  if (u16(tail, at + 4) !== 0 || u16(tail, at + 6) !== 0)
    throw malformed('不支持分卷压缩包', 'multi-disk archives are not supported');
  let entries = u16(tail, at + 10);
  let cdSize = u32(tail, at + 12);
  let cdOffset = u32(tail, at + 16);
  const comment = tail.slice(at + 22);
  let endStart = eocdPos;
  let zip64 = false;
  if (eocdPos >= 20) {
    const loc = await readExact(src, eocdPos - 20, 20);
    if (u32(loc, 0) === SIG_LOCATOR64) {
      const e64 = u64(loc, 8);
      if (!(e64 + 56 <= eocdPos - 20))
        throw malformed('ZIP64 目录结束记录位置越界', 'ZIP64 end record offset out of range');
      const rec = await readExact(src, e64, 56);
      if (u32(rec, 0) !== SIG_EOCD64)
        throw malformed('ZIP64 目录结束记录签名错误', 'bad ZIP64 end record signature');
      zip64 = true;
      endStart = e64;
      entries = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
  }
  if (!zip64 && (entries === MAX16 || cdSize === MAX32 || cdOffset === MAX32)) {
    throw malformed('需要 ZIP64 记录但没有找到', 'ZIP64 values without a ZIP64 end record');
  }
  if (!(cdOffset + cdSize <= endStart))
    throw malformed('中央目录位置或大小越界', 'central directory offset or size out of range');
  return { entries, cdSize, cdOffset, comment, zip64, endStart };
}

interface RawEntry {
  name: string;
  rawName: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  madeBy: number;
  external: number;
  findings: Finding[];
}

const utf8Fatal = (): TextDecoder => new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Uint8Array, flags: number, extra: Uint8Array, findings: Finding[]): string {
  if (flags & (1 << 11)) {
    try {
      return utf8Fatal().decode(raw);
    } catch {
      const name = new TextDecoder('utf-8').decode(raw);
      findings.push(
        finding(
          'ZIP_NAME_UNSAFE',
          `条目名“${name}”标记为 UTF-8 但不是有效的 UTF-8`,
          `Entry name "${name}" is flagged UTF-8 but is not valid UTF-8`,
          name,
        ),
      );
      return name;
    }
  }
  // Info-ZIP Unicode Path extra (0x7075): version 1, CRC-32 of the raw name, UTF-8 name.
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    if (id === 0x7075 && len >= 5 && p + 4 + len <= extra.length && extra[p + 4] === 1) {
      if (u32(extra, p + 5) === createCrc32().update(raw).digest()) {
        try {
          return utf8Fatal().decode(extra.subarray(p + 9, p + 4 + len));
        } catch {
          // fall through to the raw name
        }
      }
    }
    p += 4 + len;
  }
  try {
    return utf8Fatal().decode(raw);
  } catch {
    const name = new TextDecoder('gb18030').decode(raw);
    findings.push(
      finding(
        'ZIP_NAME_NOT_UTF8',
        `条目名“${name}”未标记 UTF-8 且不是 UTF-8，已按 GB 18030 解码`,
        `Entry name "${name}" is not UTF-8; decoded as GB 18030`,
        name,
        'warning',
      ),
    );
    return name;
  }
}

function zip64Extra(
  extra: Uint8Array,
  e: { size: number; compressedSize: number; offset: number },
  name: string,
): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    if (p + 4 + len > extra.length) break;
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + len)
          throw fail(
            'ZIP_MALFORMED',
            `条目“${name}”的 ZIP64 扩展字段过短`,
            `ZIP64 extra of "${name}" too short`,
            name,
          );
        const v = u64(extra, q);
        q += 8;
        return v;
      };
      if (e.size === MAX32) e.size = take();
      if (e.compressedSize === MAX32) e.compressedSize = take();
      if (e.offset === MAX32) e.offset = take();
      return;
    }
    p += 4 + len;
  }
}

function parseCentral(cd: Uint8Array, count: number): RawEntry[] {
  const out: RawEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL)
      throw malformed(
        `第 ${i + 1} 个中央目录条目损坏或中央目录大小不实`,
        `central directory entry ${i + 1} damaged, or the directory size lies`,
      );
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cd.length)
      throw malformed(`第 ${i + 1} 个中央目录条目越界`, `central directory entry ${i + 1} out of bounds`);
    const rawName = cd.slice(p + 46, p + 46 + nameLen);
    const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    const flags = u16(cd, p + 8);
    const findings: Finding[] = [];
    const name = decodeName(rawName, flags, extra, findings);
    const e = { size: u32(cd, p + 24), compressedSize: u32(cd, p + 20), offset: u32(cd, p + 42) };
    zip64Extra(extra, e, name);
    if (!Number.isFinite(e.size) || !Number.isFinite(e.compressedSize) || !Number.isFinite(e.offset)) {
      throw malformed(`条目“${name}”的大小或偏移超出范围`, `size or offset of "${name}" out of range`);
    }
    out.push({
      name,
      rawName,
      flags,
      method: u16(cd, p + 10),
      time: u16(cd, p + 12),
      date: u16(cd, p + 14),
      crc: u32(cd, p + 16),
      ...e,
      madeBy: u16(cd, p + 4),
      external: u32(cd, p + 38),
      findings,
    });
    p = end;
  }
  if (p !== cd.length)
    throw malformed('中央目录大小与条目数不符', 'central directory size does not match its entries');
  return out;
}

/**
 * Opens a ZIP archive for safe reading (安全读取): parses the end records (ZIP64 too) and the central
 * directory, applies the limits, and checks names, links, encryption, methods and overlaps. Problems
 * with single entries become findings (and that entry refuses to open); a damaged structure or a broken
 * limit on the whole archive throws `DanganError` (`ZIP_MALFORMED`, `ZIP_LIMIT_EXCEEDED`).
 *
 * @example
 * const zip = await openZip(blob);
 * for (const entry of zip.entries) {
 *   if (entry.findings.some((f) => f.severity === 'error')) continue;
 *   for await (const chunk of entry.open()) sink.write(chunk);
 * }
 */
export async function openZip(source: ZipSource, options: OpenZipOptions = {}): Promise<ZipArchive> {
  const limits = { ...DEFAULTS, ...options.limits };
  const readSize = options.readSize ?? 1 << 20;
  const src = randomAccess(source);
  const eocd = await findEocd(src);
  if (eocd.entries > limits.maxEntries) {
    throw fail(
      'ZIP_LIMIT_EXCEEDED',
      `条目数 ${eocd.entries} 超过上限 ${limits.maxEntries}`,
      `${eocd.entries} entries exceed the limit of ${limits.maxEntries}`,
    );
  }
  // Every central header takes at least 46 bytes: a directory smaller than that lies about the count.
  if (eocd.cdSize < eocd.entries * 46)
    throw malformed('中央目录大小与条目数不符', 'central directory too small for its entry count');
  const raws = parseCentral(await readExact(src, eocd.cdOffset, eocd.cdSize), eocd.entries);

  const archiveFindings: Finding[] = [];
  const byKey = new Map<string, string>();
  let declaredTotal = 0;
  for (const r of raws) {
    const f = r.findings;
    const n = r.name;
    const problem = checkEntryName(n);
    if (problem !== undefined) f.push(finding(problem.code, problem.message, problem.messageEn, n));
    if (r.rawName.length > limits.maxNameLength)
      f.push(
        finding(
          'ZIP_LIMIT_EXCEEDED',
          `条目名“${n}”长 ${r.rawName.length} 字节，超过上限 ${limits.maxNameLength}`,
          `Name of "${n}" is ${r.rawName.length} bytes, over ${limits.maxNameLength}`,
          n,
        ),
      );
    if (nameDepth(n) > limits.maxDepth)
      f.push(
        finding(
          'ZIP_LIMIT_EXCEEDED',
          `条目“${n}”目录层级超过 ${limits.maxDepth}`,
          `"${n}" is nested deeper than ${limits.maxDepth}`,
          n,
        ),
      );
    const key = collisionKey(n);
    const prior = byKey.get(key);
    if (prior === n)
      f.push(finding('ZIP_NAME_DUPLICATE', `条目名“${n}”重复`, `Duplicate entry name "${n}"`, n));
    else if (prior !== undefined)
      f.push(
        finding(
          'ZIP_NAME_CASE_COLLISION',
          `条目名“${n}”与“${prior}”仅大小写不同`,
          `"${n}" collides with "${prior}" by case`,
          n,
        ),
      );
    else byKey.set(key, n);
    if (r.madeBy >> 8 === 3 && ((r.external >>> 16) & 0o170000) === 0o120000)
      f.push(finding('ZIP_SYMLINK', `条目“${n}”是符号链接`, `"${n}" is a symbolic link`, n));
    if (r.flags & 1)
      f.push(
        finding(
          'ZIP_ENTRY_ENCRYPTED',
          `条目“${n}”已加密，归档包禁止加密`,
          `"${n}" is encrypted; archival packages must not be`,
          n,
        ),
      );
    if (r.method !== 0 && r.method !== 8)
      f.push(
        finding(
          'ZIP_METHOD_UNSUPPORTED',
          `条目“${n}”使用不支持的压缩方法 ${r.method}（只允许 STORE 0、DEFLATE 8）`,
          `"${n}" uses compression method ${r.method} (only 0 and 8 are allowed)`,
          n,
        ),
      );
    if (r.method === 0 && r.size !== r.compressedSize)
      f.push(
        finding(
          'ZIP_SIZE_MISMATCH',
          `STORE 条目“${n}”的压缩前后大小不同`,
          `Stored entry "${n}" has different sizes`,
          n,
        ),
      );
    if (r.size > limits.maxEntrySize)
      f.push(
        finding(
          'ZIP_LIMIT_EXCEEDED',
          `条目“${n}”声明大小 ${r.size} 字节，超过上限 ${limits.maxEntrySize}`,
          `"${n}" declares ${r.size} bytes, over ${limits.maxEntrySize}`,
          n,
        ),
      );
    if (r.size >= limits.ratioMinSize && r.size > limits.maxRatio * Math.max(r.compressedSize, 1)) {
      f.push(
        finding(
          'ZIP_LIMIT_EXCEEDED',
          `条目“${n}”压缩比超过 ${limits.maxRatio}（疑似压缩炸弹）`,
          `"${n}" has a compression ratio above ${limits.maxRatio} (possible zip bomb)`,
          n,
        ),
      );
    }
    declaredTotal += r.size;
  }
  if (declaredTotal > limits.maxTotalSize) {
    throw fail(
      'ZIP_LIMIT_EXCEEDED',
      `解压后总大小 ${declaredTotal} 字节超过上限 ${limits.maxTotalSize}`,
      `Total uncompressed size ${declaredTotal} exceeds ${limits.maxTotalSize}`,
    );
  }
  // Overlaps: each entry's minimal extent (30-byte header + data) must end before the next one starts.
  const order = raws.map((_, i) => i).sort((a, b) => raws[a]!.offset - raws[b]!.offset);
  const limitOf = new Map<RawEntry, number>();
  for (let k = 0; k < order.length; k++) {
    const r = raws[order[k]!]!;
    const next = k + 1 < order.length ? raws[order[k + 1]!]!.offset : eocd.cdOffset;
    limitOf.set(r, next);
    if (r.offset + 30 + r.compressedSize > next) {
      r.findings.push(
        finding(
          'ZIP_ENTRY_OVERLAP',
          `条目“${r.name}”的数据与其他条目或中央目录重叠`,
          `Data of "${r.name}" overlaps another entry or the central directory`,
          r.name,
        ),
      );
    }
  }

  const state = { extracted: 0 };
  const entries = raws.map((r): ZipEntry => {
    const entry: ZipEntry = {
      name: r.name,
      isDirectory: r.name.endsWith('/'),
      method: r.method,
      flags: r.flags,
      crc32: r.crc,
      size: r.size,
      compressedSize: r.compressedSize,
      localHeaderOffset: r.offset,
      encrypted: (r.flags & 1) !== 0,
      modified: { date: r.date, time: r.time },
      findings: r.findings,
      open: () => extract(src, r, limitOf.get(r) ?? eocd.cdOffset, limits, readSize, state),
    };
    return entry;
  });
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    findings: [...archiveFindings, ...raws.flatMap((r) => r.findings)],
    comment: new TextDecoder('utf-8').decode(eocd.comment),
    zip64: eocd.zip64,
    get: (name) => byName.get(name),
  };
}

/**
 * {@link openZip} returning a `SafeResult` instead of throwing.
 *
 * @example
 * const result = await safeOpenZip(bytes);
 * if (!result.ok) console.log(result.error.findings);
 */
export function safeOpenZip(source: ZipSource, options?: OpenZipOptions): Promise<SafeResult<ZipArchive>> {
  return safelyAsync(() => openZip(source, options));
}

async function* extract(
  src: RandomAccessSource,
  r: RawEntry,
  dataLimit: number,
  limits: Required<ZipLimits>,
  readSize: number,
  state: { extracted: number },
): AsyncGenerator<Uint8Array> {
  const n = r.name;
  const errors = r.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new DanganError(errors[0]!.code, `拒绝解压条目“${n}”：${errors.map((f) => f.message).join('；')}`, {
      messageEn: `Refusing to extract "${n}": ${errors.map((f) => f.messageEn ?? f.code).join('; ')}`,
      findings: errors,
    });
  }
  const mismatch = (what: string, whatEn: string): DanganError =>
    fail(
      'ZIP_LOCAL_HEADER_MISMATCH',
      `条目“${n}”的本地文件头与中央目录不一致：${what}`,
      `Local header of "${n}" disagrees with the central directory: ${whatEn}`,
      n,
    );
  const head = await readExact(src, r.offset, 30);
  if (u32(head, 0) !== SIG_LOCAL) throw mismatch('签名错误', 'bad signature');
  const nameLen = u16(head, 26);
  const extraLen = u16(head, 28);
  const rest = await readExact(src, r.offset + 30, nameLen + extraLen);
  const localName = rest.subarray(0, nameLen);
  if (localName.length !== r.rawName.length || localName.some((b, i) => b !== r.rawName[i]))
    throw mismatch('名称不同', 'different name');
  if (u16(head, 8) !== r.method) throw mismatch('压缩方法不同', 'different method');
  if ((u16(head, 6) & 1) !== (r.flags & 1)) throw mismatch('加密标志不同', 'different encryption flag');
  const flags = u16(head, 6);
  if (!(flags & 8)) {
    const e = { size: u32(head, 22), compressedSize: u32(head, 18), offset: 0 };
    zip64Extra(rest.subarray(nameLen), e, n);
    if (u32(head, 14) !== r.crc || e.size !== r.size || e.compressedSize !== r.compressedSize)
      throw mismatch('CRC 或大小不同', 'different CRC or sizes');
  }
  const dataStart = r.offset + 30 + nameLen + extraLen;
  if (dataStart + r.compressedSize > dataLimit) {
    throw fail(
      'ZIP_ENTRY_OVERLAP',
      `条目“${n}”的数据与其他条目或中央目录重叠`,
      `Data of "${n}" overlaps another entry or the central directory`,
      n,
    );
  }
  const crc = createCrc32();
  let produced = 0;
  const check = (chunk: Uint8Array, consumed: number): void => {
    produced += chunk.length;
    state.extracted += chunk.length;
    crc.update(chunk);
    if (produced > r.size)
      throw fail(
        'ZIP_SIZE_MISMATCH',
        `条目“${n}”解压后超过声明的 ${r.size} 字节`,
        `"${n}" inflates beyond its declared ${r.size} bytes`,
        n,
      );
    if (produced > limits.maxEntrySize || state.extracted > limits.maxTotalSize) {
      throw fail(
        'ZIP_LIMIT_EXCEEDED',
        `解压“${n}”时超过大小上限`,
        `Size limit exceeded while extracting "${n}"`,
        n,
      );
    }
    if (produced >= limits.ratioMinSize && produced > limits.maxRatio * Math.max(consumed, 1)) {
      throw fail(
        'ZIP_LIMIT_EXCEEDED',
        `解压“${n}”时压缩比超过 ${limits.maxRatio}（疑似压缩炸弹）`,
        `Compression ratio above ${limits.maxRatio} while extracting "${n}"`,
        n,
      );
    }
  };
  async function* compressed(): AsyncGenerator<Uint8Array> {
    for (let done = 0; done < r.compressedSize; ) {
      const length = Math.min(readSize, r.compressedSize - done);
      yield await readExact(src, dataStart + done, length);
      done += length;
    }
  }
  if (r.method === 0) {
    let consumed = 0;
    for await (const chunk of compressed()) {
      consumed += chunk.length;
      check(chunk, consumed);
      yield chunk;
    }
  } else {
    yield* inflate(compressed(), check);
  }
  if (produced !== r.size)
    throw fail(
      'ZIP_SIZE_MISMATCH',
      `条目“${n}”解压后为 ${produced} 字节，声明为 ${r.size} 字节`,
      `"${n}" inflated to ${produced} bytes, ${r.size} declared`,
      n,
    );
  if (crc.digest() !== r.crc)
    throw fail('ZIP_CRC_MISMATCH', `条目“${n}”的 CRC-32 校验不符`, `CRC-32 mismatch in "${n}"`, n);
}

async function* inflate(
  input: AsyncGenerator<Uint8Array>,
  check: (chunk: Uint8Array, consumed: number) => void,
): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let consumed = 0;
  let stop = false;
  const feed = (async () => {
    for await (const chunk of input) {
      // Small slices so the inflater never runs far ahead of the ratio check.
      for (let p = 0; p < chunk.length && !stop; p += 64 * 1024) {
        const part = chunk.slice(p, p + 64 * 1024);
        consumed += part.length;
        await writer.write(part);
      }
      if (stop) return;
    }
    await writer.close();
  })().catch((e: unknown) => e);
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        const fed = await feed;
        if (fed instanceof DanganError) throw fed;
        throw new DanganError('ZIP_MALFORMED', '压缩数据损坏（DEFLATE 解码失败）', {
          messageEn: 'Corrupt DEFLATE data',
          cause: e,
        });
      }
      if (step.done) break;
      check(step.value, consumed);
      yield step.value;
    }
    const fed = await feed;
    if (fed !== undefined) throw fed;
  } finally {
    stop = true;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
  }
}
