import { type Finding, type SafeResult, safelyAsync } from '@dangan/core';
import type { ZipSource } from '../zip/random-access.js';
import { type OpenZipOptions, openZip, type ZipArchive } from '../zip/reader.js';
import { isPackageSource } from './is-package-source.js';
import type { PackageSource } from './types.js';
import { zipSource } from './zip-source.js';

/** Options of {@link openPackage}: the safe ZIP reader's limits and read size. */
export interface OpenPackageOptions extends OpenZipOptions {
  /** Called by the returned source's `close()` (e.g. to close a file handle). */
  readonly onClose?: () => Promise<void>;
}

/** A package opened for reading (已打开的包). */
export interface OpenedPackage {
  /** The entries, read as streams. */
  readonly source: PackageSource;
  /** `zip` when the input was a ZIP archive; `source` when it already was a {@link PackageSource}. */
  readonly container: 'zip' | 'source';
  /**
   * What the safe reader found (traversal, links, duplicates, encryption, unsupported methods, GB 18030 names
   * …). Entries with `error` findings stay listed, so checks can name them, but refuse to be read.
   */
  readonly findings: readonly Finding[];
  /** The archive, for container-level checks (methods, flags), when the input was a ZIP. */
  readonly zip?: ZipArchive;
}

/**
 * Opens a received package safely (安全打开信息包): a ZIP archive (bytes, a `Blob`/`File`, or any random-access
 * source such as `fileRandomAccess` in Node) through the safe reader, or a {@link PackageSource} (memory,
 * folder) as it is. A damaged archive or one over the limits (zip bomb) throws `DanganError`
 * (`ZIP_MALFORMED`, `ZIP_LIMIT_EXCEEDED`); problems with single entries come back as findings.
 *
 * @example
 * const { source, findings } = await openPackage(await file.arrayBuffer().then((b) => new Uint8Array(b)));
 * for (const f of findings) console.warn(f.path, f.message);
 * const entries = await source.list();
 */
export async function openPackage(
  input: ZipSource | PackageSource,
  options: OpenPackageOptions = {},
): Promise<OpenedPackage> {
  if (isPackageSource(input)) return { source: input, container: 'source', findings: [] };
  if (!(input instanceof Uint8Array) && !isBlob(input) && !isRandomAccess(input)) {
    throw new TypeError('input must be ZIP bytes, a Blob, a random-access source or a PackageSource');
  }
  const zip = await openZip(input, options);
  return { source: zipSource(zip, options.onClose), container: 'zip', findings: zip.findings, zip };
}

/**
 * {@link openPackage} returning a `SafeResult` instead of throwing.
 *
 * @example
 * const opened = await safeOpenPackage(bytes);
 * if (!opened.ok) console.error(opened.error.message);
 */
export function safeOpenPackage(
  input: ZipSource | PackageSource,
  options?: OpenPackageOptions,
): Promise<SafeResult<OpenedPackage>> {
  return safelyAsync(() => openPackage(input, options));
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

function isRandomAccess(value: unknown): boolean {
  const v = value as { size?: unknown; read?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.size === 'number' && typeof v.read === 'function';
}
