import {
  type ArchivalDigestAlgorithm,
  chunks,
  createHasher,
  DanganError,
  type DigestAlgorithm,
  type SafeResult,
  safelyAsync,
  utf8,
} from '@dangan/core';
import type { PackageSource } from '../sinks/types.js';
import { handoverPaths, TRANSFER_LAYOUT, type TransferLayout } from './layout.js';

/** One line of a carrier file listing (载体文件清单): a file's digest, size and path on the carrier. */
export interface ListingLine {
  /** Lowercase hexadecimal digest of the file's bytes. */
  readonly digest: string;
  readonly size: number;
  /** Path from the carrier root, `/`-separated. */
  readonly path: string;
}

/**
 * Orders two paths by their UTF-8 bytes (what `LC_ALL=C sort` does), i.e. by code point — not by UTF-16 code
 * unit, which differs for characters beyond U+FFFF.
 *
 * @example
 * ['电子档案/b', '其他/a'].sort(compareUtf8); // ['其他/a', '电子档案/b'] (U+5176 < U+7535)
 */
export function compareUtf8(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

/**
 * The carrier file listing (载体文件清单) as text — **the input of the carrier digest**. Definition (version 1):
 *
 * - one line per file on the carrier **except** the handover documents `其他/移交与接收登记表.XML`,
 *   `其他/数字摘要.XML` (or `.TXT`) and `其他/载体文件清单.TXT` (see `handoverPaths`);
 * - each line is `<digest>` TAB `<size>` TAB `<path>` LF: the lowercase hex digest of the file's bytes with the
 *   sheet's algorithm (SM3 by default), the size in decimal bytes, and the path from the carrier root with `/`
 *   (as stored, no Unicode normalisation; entry paths cannot hold tabs or line breaks);
 * - lines sorted by the UTF-8 bytes of the path; UTF-8 text, no byte order mark, a final LF.
 *
 * The carrier digest is the same algorithm over these bytes; 实际容量 is the sum of the sizes. With a shell
 * (GNU find, coreutils, OpenSSL ≥ 1.1.1) in the carrier root:
 *
 * ```sh
 * find . -type f ! -path ./其他/移交与接收登记表.XML ! -path ./其他/数字摘要.XML ! -path ./其他/数字摘要.TXT \
 *   ! -path ./其他/载体文件清单.TXT -printf '%P\n' | LC_ALL=C sort | while IFS= read -r p; do
 *   printf '%s\t%s\t%s\n' "$(openssl dgst -sm3 -r "$p" | cut -d' ' -f1)" "$(stat -c %s "$p")" "$p"; done |
 *   openssl dgst -sm3
 * ```
 *
 * @example
 * carrierListingText([{ digest: 'ab…', size: 3, path: '说明文件.TXT' }]); // 'ab…\t3\t说明文件.TXT\n'
 */
export function carrierListingText(lines: readonly ListingLine[]): string {
  const sorted = [...lines].sort((a, b) => compareUtf8(a.path, b.path));
  let out = '';
  for (const l of sorted) out += `${l.digest}\t${l.size}\t${l.path}\n`;
  return out;
}

/** What {@link parseCarrierListing} read: the lines, and the 1-based numbers of lines it could not read. */
export interface ParsedListing {
  readonly lines: readonly ListingLine[];
  readonly malformed: readonly number[];
}

/**
 * Reads a carrier file listing (UTF-8; CRLF tolerated); lines that are not `hex TAB size TAB path` are reported
 * by number.
 *
 * @example
 * parseCarrierListing(bytes).lines[0]?.path; // '其他/方案.XML'
 */
export function parseCarrierListing(bytes: Uint8Array): ParsedListing {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { lines: [], malformed: [1] };
  }
  const lines: ListingLine[] = [];
  const malformed: number[] = [];
  const raw = text.split('\n');
  if (raw[raw.length - 1] === '') raw.pop();
  raw.forEach((line, index) => {
    const m = /^([0-9a-f]{32,128})\t(\d{1,16})\t([^\t\r]+)\r?$/u.exec(line);
    if (m === null || !Number.isSafeInteger(Number(m[2]))) malformed.push(index + 1);
    else lines.push({ digest: m[1]!, size: Number(m[2]), path: m[3]! });
  });
  return { lines, malformed };
}

/** A carrier's digest as recomputed from its files. */
export interface CarrierDigest {
  readonly algorithm: DigestAlgorithm;
  /** Lowercase hex digest of {@link listing}. */
  readonly digest: string;
  /** 实际容量: the sum of the listed files' sizes. */
  readonly bytes: number;
  /** The listing's lines, sorted. */
  readonly lines: readonly ListingLine[];
  /** The listing text ({@link carrierListingText}). */
  readonly listing: string;
}

/** Options of {@link carrierDigest}. */
export interface CarrierDigestOptions {
  /** Algorithm (default `sm3`; the legacy `md5`/`sha1` only to verify an older sheet). */
  readonly algorithm?: ArchivalDigestAlgorithm | DigestAlgorithm;
  readonly layout?: TransferLayout;
  readonly signal?: AbortSignal;
}

/** Per-file outcome of {@link hashCarrierFiles}: a line, or the error that stopped reading the file. */
export interface HashedFiles {
  readonly lines: ListingLine[];
  readonly failures: { readonly path: string; readonly error: DanganError }[];
}

/**
 * Hashes every file of `source` that the carrier digest covers (all but the handover documents), one read each.
 * A file that cannot be read is reported in `failures` (a `DanganError`); anything else is rethrown.
 *
 * @example
 * const { lines, failures } = await hashCarrierFiles(source, 'sm3');
 */
export async function hashCarrierFiles(
  source: PackageSource,
  algorithm: DigestAlgorithm,
  layout: TransferLayout = TRANSFER_LAYOUT,
  signal?: AbortSignal,
): Promise<HashedFiles> {
  const skip = new Set(handoverPaths(layout));
  const lines: ListingLine[] = [];
  const failures: { path: string; error: DanganError }[] = [];
  for (const entry of await source.list()) {
    if (skip.has(entry.path)) continue;
    const hasher = createHasher(algorithm);
    let size = 0;
    try {
      for await (const chunk of chunks(source.read(entry.path), signal === undefined ? {} : { signal })) {
        hasher.update(chunk);
        size += chunk.length;
      }
    } catch (error) {
      if (error instanceof DanganError && error.code !== 'ABORTED') {
        failures.push({ path: entry.path, error });
        continue;
      }
      throw error;
    }
    lines.push({ digest: hasher.digestHex(), size, path: entry.path });
  }
  lines.sort((a, b) => compareUtf8(a.path, b.path));
  return { lines, failures };
}

/**
 * Recomputes a carrier's digest from its files (see {@link carrierListingText} for exactly what is digested):
 * what the DA/T 70 YJ 1-5 check compares with the 数字摘要 sheet. Throws the source's `DanganError` when a file
 * cannot be read.
 *
 * @example
 * const { digest, bytes } = await carrierDigest(folderSource('/mnt/dvd'), { algorithm: 'sm3' });
 */
export async function carrierDigest(
  source: PackageSource,
  options: CarrierDigestOptions = {},
): Promise<CarrierDigest> {
  const algorithm = options.algorithm ?? 'sm3';
  const { lines, failures } = await hashCarrierFiles(source, algorithm, options.layout, options.signal);
  if (failures.length > 0) throw failures[0]!.error;
  return listingDigest(lines, algorithm);
}

/**
 * {@link carrierDigest} as a result.
 *
 * @example
 * const r = await safeCarrierDigest(source);
 */
export function safeCarrierDigest(
  source: PackageSource,
  options: CarrierDigestOptions = {},
): Promise<SafeResult<CarrierDigest>> {
  return safelyAsync(() => carrierDigest(source, options));
}

/**
 * The carrier digest of known listing lines (digest of {@link carrierListingText}).
 *
 * @example
 * listingDigest(lines, 'sm3').digest;
 */
export function listingDigest(lines: readonly ListingLine[], algorithm: DigestAlgorithm): CarrierDigest {
  const listing = carrierListingText(lines);
  const sorted = [...lines].sort((a, b) => compareUtf8(a.path, b.path));
  let bytes = 0;
  for (const l of sorted) bytes += l.size;
  return {
    algorithm,
    digest: createHasher(algorithm).update(utf8(listing)).digestHex(),
    bytes,
    lines: sorted,
    listing,
  };
}
