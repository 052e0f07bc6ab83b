/**
 * The 归档信息包清单 (manifest): every file of a package with its size and digests, each digest naming its
 * algorithm, plus the package summary; written as dangan's documented XML format and read back safely.
 *
 * @module
 */
export {
  DIGEST_ALGORITHM_LABELS,
  MANIFEST_FORMAT_VERSION,
  MANIFEST_NAMESPACE,
  MANIFEST_ROOT,
  manifestToXml,
} from './manifest-xml.js';
export { type ReadManifestOptions, readManifest, safeReadManifest } from './read-manifest.js';
export {
  type ArchivalManifest,
  MANIFEST_ENTRY_KINDS,
  type ManifestEntry,
  type ManifestEntryKind,
  type ManifestItem,
  type ManifestLayout,
  type ManifestSummary,
} from './types.js';
