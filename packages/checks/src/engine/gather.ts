import {
  chunks,
  createHasher,
  type DigestAlgorithm,
  digestBytes,
  type Finding,
  isDanganError,
  safeParseDigestAlgorithm,
  throwIfAborted,
} from '@dangan/core';
import { type MetadataScheme, recordFromXml, schemes, type UnknownRecord } from '@dangan/metadata';
import type { PackageEntryInfo, PackageSource, RandomAccessSource } from '@dangan/packaging';
import {
  ARCHIVAL_LAYOUTS,
  type ArchivalLayoutProfile,
  handoverPaths,
  inventoryPackage,
  listingDigest,
  parseDigestSheet,
  readArchivalPackage,
  TRANSFER_LAYOUT,
} from '@dangan/packaging';
import type { VirusScanner } from '../scanner/types.js';
import { cachedSource } from './cached-source.js';
import { type EepStreamVerifier, type ProbeWindows, readEntry, withXmlReadability } from './entry-read.js';
import type {
  BackupFact,
  CheckFacts,
  CheckRecordFact,
  ContainerFact,
  EntryFact,
  EntryRole,
  PackageView,
  ReferenceDigests,
  RegistrationFact,
  StatedDigest,
} from './facts.js';
import type { ProgressTracker } from './progress.js';
import type { CarrierPosition } from './rule.js';
import { archivalView } from './view/archival.js';
import { genericView } from './view/generic.js';
import { isTransferCarrier, transferStructuralPaths, transferView } from './view/transfer.js';

/** Registered totals a host passes in (登记表 / 交接单据), instead of the package's own registration form. */
export interface RegisteredTotals {
  /** 件数. */
  readonly items?: number;
  /** Number of content files. */
  readonly files?: number;
  /** 字节数 of the content files. */
  readonly bytes?: number;
  /**
   * The package digest the sender recorded (信息包摘要, GD-1-14), with its algorithm named: for a 归档信息包
   * the digest of its manifest (`packageDigests` of `buildArchivalPackage`), for a 移交 carrier the carrier
   * digest of its 数字摘要 sheet, for a single EEP the EEP file's digest; with `packageDigestOf: 'container'`
   * the digest of the ZIP file itself.
   */
  readonly digest?: StatedDigest;
}

/** What {@link gatherFacts} needs. */
export interface GatherOptions {
  readonly source: PackageSource;
  readonly container: ContainerFact;
  /** The raw container, when the package came as a ZIP (for `packageDigestOf: 'container'`). */
  readonly containerBytes?: RandomAccessSource;
  readonly packageDigestOf: 'package' | 'container';
  readonly subjectName: string;
  readonly scanner?: VirusScanner;
  readonly scannerVersion?: string;
  readonly verifyEep?: EepStreamVerifier;
  readonly windows: ProbeWindows;
  /** Largest structural document read into memory (manifest, metadata, forms). */
  readonly maxDocumentBytes: number;
  readonly registered?: RegisteredTotals;
  readonly reference?: ReferenceDigests;
  readonly backupSource?: PackageSource;
  readonly layouts?: readonly ArchivalLayoutProfile[];
  readonly scheme?: MetadataScheme;
  readonly readmeFields?: readonly string[];
  readonly trustAnchors: number;
  readonly now: Date;
  readonly signal?: AbortSignal;
  readonly progress: ProgressTracker;
}

/** The package digest the engine computed (信息包摘要) and what it is the digest of. */
export interface PackageDigestFact {
  readonly algorithm: DigestAlgorithm;
  readonly value: string;
  /** `manifest` (归档信息包), `carrier-listing` (移交 carrier), `eep` (a single EEP), `container` (the ZIP file). */
  readonly of: 'manifest' | 'carrier-listing' | 'eep' | 'container';
  /** The entry digested, for `manifest` and `eep`. */
  readonly path?: string;
}

const DOCUMENT_EXTENSIONS = /\.(xml|txt|csv|json)$/i;

/**
 * Gathers every fact about a package in one read of each entry (检测事实采集): lists the entries, reads
 * the small structural documents first (kept in memory so the package readers never read them again),
 * understands the package's structure (归档信息包 via `readArchivalPackage`, else what the entries show),
 * then reads every other entry once with all probes attached, computes the package digest and compares a
 * backup when one is given. Package problems become facts and findings; only an abort and programmer
 * errors throw (a source whose `list()` fails throws its `DanganError`, which `runChecks` reports).
 *
 * @example
 * const facts = await gatherFacts({ source, container: { kind: 'source', findings: [], entries: [] }, … });
 */
export async function gatherFacts(
  o: GatherOptions,
): Promise<CheckFacts & { packageDigest?: PackageDigestFact }> {
  const { source, signal, progress } = o;
  progress.emit('list');
  const listing = await source.list();
  throwIfAborted(signal);
  const backupListing = o.backupSource === undefined ? undefined : await o.backupSource.list();
  const sizes = [...listing, ...(backupListing ?? [])].map((e) => e.size);
  progress.total = sizes.every((s) => s !== undefined)
    ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0)
    : undefined;
  const zipOf = zipFacts(o.container);

  // 1. Structural documents, read whole once.
  const candidates = o.layouts ?? Object.values(ARCHIVAL_LAYOUTS);
  const layout = candidates.find((p) => listing.some((e) => e.path === p.manifest.path));
  const transfer = layout === undefined && isTransferCarrier(listing);
  const structural = transfer
    ? transferStructuralPaths(listing, o.maxDocumentBytes)
    : structuralPaths(listing, layout, o.maxDocumentBytes);
  const cache = new Map<string, Uint8Array>();
  const facts = new Map<string, EntryFact>();
  const eepRecords = new Map<string, UnknownRecord>();
  const eepScheme = o.scheme ?? schemes.dat46;
  const readEep = async (channel: AsyncIterable<Uint8Array> | Uint8Array, path: string): Promise<void> => {
    try {
      eepRecords.set(path, await recordFromXml(channel, eepScheme, { name: path }));
    } catch (e) {
      if (isDanganError(e, 'ABORTED') || !isDanganError(e)) throw e;
      // Unreadable EEP metadata: the EEP verifier and the metadata rules report it.
    }
  };
  const read = async (
    entry: PackageEntryInfo,
    role: EntryRole,
    algorithms: readonly DigestAlgorithm[],
    keep: 'always' | 'if-document' | undefined,
  ) => {
    const zip = zipOf.get(entry.path);
    let src: ReturnType<PackageSource['read']>;
    try {
      src = source.read(entry.path);
    } catch (e) {
      if (!isDanganError(e) || isDanganError(e, 'ABORTED')) throw e;
      src = () => {
        throw e;
      };
    }
    const result = await readEntry(src, {
      path: entry.path,
      role,
      ...(entry.size === undefined ? {} : { listedSize: entry.size }),
      algorithms,
      ...(o.scanner === undefined ? {} : { scanner: o.scanner }),
      ...(o.verifyEep === undefined ? {} : { verifyEep: o.verifyEep }),
      ...(layout === undefined ? { readEep } : {}),
      ...(keep === undefined ? {} : { keepWhole: o.maxDocumentBytes }),
      ...(keep === 'if-document' ? { keepIf: isPackageDocument } : {}),
      windows: o.windows,
      ...(signal === undefined ? {} : { signal }),
      onBytes: (n) => progress.bytes(keep === undefined ? 'read' : 'structure', n, entry.path),
      ...(zip === undefined ? {} : { zip }),
    });
    facts.set(entry.path, result.fact);
    if (result.bytes !== undefined) cache.set(entry.path, result.bytes);
  };
  // Documents kept whole first; then the others, with the digests they may need (they are not kept).
  for (const entry of listing) {
    if (structural.get(entry.path) === 'always') await read(entry, 'other', ['sm3'], 'always');
  }
  const early = await earlyAlgorithms(o, transfer ? cache : undefined);
  for (const entry of listing) {
    if (structural.get(entry.path) === 'if-document')
      await read(entry, 'other', early(entry.path), 'if-document');
  }

  // 2. The package's structure, from the cached documents.
  const reader = cachedSource(source, cache);
  let view: PackageView;
  let transferAlgorithm: DigestAlgorithm | undefined;
  let carrier: CarrierPosition | undefined;
  if (layout !== undefined) {
    const reading = await readArchivalPackage(reader, {
      profile: layout,
      ...(o.layouts === undefined ? {} : { profiles: o.layouts }),
      ...(o.scheme === undefined ? {} : { scheme: o.scheme }),
      maxPartBytes: o.maxDocumentBytes,
    });
    view = archivalView(reading, {
      ...(o.readmeFields === undefined ? {} : { readmeFields: o.readmeFields }),
      ...(o.scheme === undefined ? {} : { scheme: o.scheme }),
    });
  } else if (transfer) {
    const inventory = await inventoryPackage(reader, {
      verifyDigests: false,
      ...(signal === undefined ? {} : { signal }),
    });
    const t = await transferView(inventory, listing, cache, o.scheme);
    transferAlgorithm = t.digestAlgorithm;
    carrier = t.carrier;
    view = t;
  } else {
    view = await genericView(listing, cache, o.scheme);
  }
  throwIfAborted(signal);

  // 3. Digest algorithms each entry needs: what the manifest and the references name (SM3 when nothing does).
  const registered = registrationOf(o.registered, view.registration);
  const needed = neededAlgorithms(view, o.reference, registered?.digest, transferAlgorithm);

  // Structural entries: their role, and any digest they still need, from the cached bytes.
  for (const [path, fact] of facts) {
    const bytes = cache.get(path);
    const want = needed(path);
    const digests: Partial<Record<DigestAlgorithm, string>> = { ...fact.digests };
    if (bytes !== undefined) for (const a of want) digests[a] ??= digestBytes(bytes, a);
    const role = view.roles.get(path) ?? 'other';
    const updated: EntryFact = { ...fact, role, digests };
    // A content file that was read as a document: its readability is decided now, from the kept bytes.
    facts.set(
      path,
      role === 'content' && bytes !== undefined ? await withXmlReadability(updated, bytes, signal) : updated,
    );
  }

  // 4. Every other entry, once.
  for (const entry of listing) {
    if (facts.has(entry.path)) continue;
    throwIfAborted(signal);
    await read(entry, view.roles.get(entry.path) ?? 'other', needed(entry.path), undefined);
  }

  // An entry that turned out to be an EEP is one.
  for (const [path, fact] of facts)
    if (fact.eep !== undefined && fact.role !== 'eep') facts.set(path, { ...fact, role: 'eep' });

  // Records of an EEP-only package come from the EEPs.
  let records: readonly CheckRecordFact[] = view.records;
  if (view.kind === 'eep' || (view.kind === 'unknown' && records.length === 0 && eepRecords.size > 0)) {
    records = [...eepRecords].map(([path, record]) => eepRecordFact(path, record, eepScheme));
    view = { ...view, kind: 'eep', records };
  }

  // 5. The package digest.
  const packageDigest = await computePackageDigest(
    o,
    view,
    facts,
    cache,
    registered?.digest,
    transferAlgorithm,
  );

  // 6. The backup copy.
  const backup =
    o.backupSource === undefined
      ? undefined
      : await compareBackup(o.backupSource, backupListing ?? [], facts, o);

  const entries = listing.map((e) => facts.get(e.path)!);
  const byPath = new Map(entries.map((e) => [e.path, e]));
  return {
    records,
    metadataDocuments: view.metadataDocuments,
    ...(carrier === undefined ? {} : { carrier }),
    subjectName: o.subjectName,
    view,
    entries,
    entry: (path) => byPath.get(path),
    container: packageDigest?.of === 'container' ? { ...o.container, digest: packageDigest } : o.container,
    ...(registered === undefined ? {} : { registered }),
    ...(o.scanner === undefined
      ? {}
      : {
          scanner: {
            name: o.scanner.name,
            ...(o.scannerVersion === undefined ? {} : { version: o.scannerVersion }),
          },
        }),
    ...(backup === undefined ? {} : { backup }),
    ...(o.reference === undefined ? {} : { reference: o.reference }),
    trustAnchors: o.trustAnchors,
    now: o.now,
    ...(packageDigest === undefined ? {} : { packageDigest }),
  };
}

/**
 * Digests an entry read before the package's structure is known may need, since it is not kept to digest
 * later: SM3, the algorithms of its reference digests, the registered digest's, and a 移交 carrier's 数字摘要
 * sheet algorithm (read from the documents already kept).
 */
async function earlyAlgorithms(
  o: GatherOptions,
  transferCache: ReadonlyMap<string, Uint8Array> | undefined,
): Promise<(path: string) => DigestAlgorithm[]> {
  const base = new Set<DigestAlgorithm>(['sm3']);
  const add = (set: Set<DigestAlgorithm>, name: string | undefined) => {
    if (name === undefined) return;
    const r = safeParseDigestAlgorithm(name);
    if (r.ok) set.add(r.value);
  };
  add(base, o.registered?.digest?.algorithm);
  if (transferCache !== undefined) {
    const sheets = [
      `${TRANSFER_LAYOUT.other}/${TRANSFER_LAYOUT.digestSheetXml}`,
      `${TRANSFER_LAYOUT.other}/${TRANSFER_LAYOUT.digestSheetTxt}`,
    ].map((p) => p.toUpperCase());
    for (const [path, bytes] of transferCache) {
      if (!sheets.includes(path.toUpperCase())) continue;
      const algorithm = (await parseDigestSheet(bytes, path)).algorithm;
      if (algorithm !== undefined) base.add(algorithm);
    }
  }
  return (path) => {
    const set = new Set(base);
    const stated = o.reference?.[path];
    for (const d of stated === undefined ? [] : Array.isArray(stated) ? stated : [stated as StatedDigest])
      add(set, d.algorithm);
    return [...set];
  };
}

/** The ZIP record of each entry, when the package is a ZIP. */
function zipFacts(container: ContainerFact): Map<string, NonNullable<EntryFact['zip']>> {
  const out = new Map<string, NonNullable<EntryFact['zip']>>();
  for (const e of container.entries) {
    if (e.directory) continue;
    out.set(e.path, {
      method: e.method,
      encrypted: e.encrypted,
      findings: container.findings.filter((f) => f.path === e.path),
    });
  }
  return out;
}

/**
 * The documents read first (before anything else): a layout's parts, kept whole; or, for a package no
 * layout recognises, every small document-like entry, kept only when its first bytes show a metadata
 * document or an EEP (so memory holds documents, not content).
 */
function structuralPaths(
  listing: readonly PackageEntryInfo[],
  layout: ArchivalLayoutProfile | undefined,
  max: number,
): Map<string, 'always' | 'if-document'> {
  const small = (e: PackageEntryInfo) => e.size === undefined || e.size <= max;
  const out = new Map<string, 'always' | 'if-document'>();
  if (layout !== undefined) {
    const parts = new Set(
      [
        layout.manifest.path,
        layout.metadata.path,
        layout.registrationForm.path,
        layout.catalogue.path,
        layout.readme?.path,
      ].filter((p): p is string => p !== undefined),
    );
    for (const e of listing) if (parts.has(e.path) && small(e)) out.set(e.path, 'always');
    return out;
  }
  for (const e of listing) if (DOCUMENT_EXTENSIONS.test(e.path) && small(e)) out.set(e.path, 'if-document');
  return out;
}

let documentRoots: RegExp | undefined;

/** Whether the first bytes show a metadata document or an EEP root element (dangan's or DA/T 48's). */
function isPackageDocument(head: Uint8Array): boolean {
  documentRoots ??= /<(?:[A-Za-z_][\w.-]*:)?(电子文件元数据|元数据集|电子文件封装包|文件实体)[\s>/]/u;
  return documentRoots.test(new TextDecoder('utf-8').decode(head.subarray(0, 4096)));
}

function neededAlgorithms(
  view: PackageView,
  reference: ReferenceDigests | undefined,
  registered: StatedDigest | undefined,
  carrierAlgorithm: DigestAlgorithm | undefined,
): (path: string) => readonly DigestAlgorithm[] {
  const byPath = new Map<string, Set<DigestAlgorithm>>();
  const add = (path: string, name: string) => {
    const r = safeParseDigestAlgorithm(name);
    if (!r.ok) return;
    let set = byPath.get(path);
    if (set === undefined) {
      set = new Set();
      byPath.set(path, set);
    }
    set.add(r.value);
  };
  for (const e of view.manifest?.entries ?? []) for (const d of e.digests) add(e.path, d.algorithm);
  for (const [path, stated] of Object.entries(reference ?? {})) {
    for (const d of Array.isArray(stated) ? stated : [stated as StatedDigest]) add(path, d.algorithm);
  }
  // A carrier digest covers every file (with the sheet's algorithm, or the registered digest's).
  const everywhere: DigestAlgorithm[] = carrierAlgorithm === undefined ? [] : [carrierAlgorithm];
  if (registered !== undefined && view.kind !== 'archival') {
    const r = safeParseDigestAlgorithm(registered.algorithm);
    if (r.ok) everywhere.push(r.value);
  }
  return (path) => {
    const set = new Set<DigestAlgorithm>(everywhere);
    for (const a of byPath.get(path) ?? []) set.add(a);
    if (set.size === 0) set.add('sm3');
    return [...set];
  };
}

function registrationOf(
  host: RegisteredTotals | undefined,
  fromPackage: RegistrationFact | undefined,
): RegistrationFact | undefined {
  if (host === undefined) return fromPackage;
  const hostTotals = host.items !== undefined || host.files !== undefined || host.bytes !== undefined;
  if (!hostTotals && fromPackage !== undefined) {
    // Only the digest came from the host: the totals stay the package's registration form's.
    return host.digest === undefined ? fromPackage : { ...fromPackage, digest: host.digest };
  }
  return {
    source: 'host',
    ...(host.items === undefined ? {} : { items: host.items }),
    ...(host.files === undefined ? {} : { files: host.files }),
    ...(host.bytes === undefined ? {} : { bytes: host.bytes }),
    ...(host.digest === undefined ? {} : { digest: host.digest }),
    findings: [],
  };
}

function eepRecordFact(path: string, record: UnknownRecord, scheme: MetadataScheme): CheckRecordFact {
  return {
    path,
    record,
    scheme,
    files: recordLinksInEep(record, path),
  };
}

function recordLinksInEep(record: UnknownRecord, path: string): CheckRecordFact['files'] {
  const attributes = (record as { 文件实体?: { 电子属性?: unknown } }).文件实体?.电子属性;
  const list = Array.isArray(attributes) ? attributes : attributes === undefined ? [] : [attributes];
  return list.map((a, attribute) => {
    const o = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
    const out: {
      -readonly [K in keyof CheckRecordFact['files'][number]]: CheckRecordFact['files'][number][K];
    } = {
      attribute,
      path,
      linkedBy: 'eep',
    };
    if (typeof o.计算机文件名 === 'string') out.name = o.计算机文件名;
    if (typeof o.计算机文件大小 === 'number') out.size = o.计算机文件大小;
    else if (typeof o.计算机文件大小 === 'string' && /^\d+$/.test(o.计算机文件大小))
      out.size = Number(o.计算机文件大小);
    if (typeof o.格式信息 === 'string') out.format = o.格式信息;
    if (typeof o.文档创建程序 === 'string') out.creator = o.文档创建程序;
    return out;
  });
}

async function computePackageDigest(
  o: GatherOptions,
  view: PackageView,
  facts: ReadonlyMap<string, EntryFact>,
  cache: ReadonlyMap<string, Uint8Array>,
  registered: StatedDigest | undefined,
  carrierAlgorithm: DigestAlgorithm | undefined,
): Promise<PackageDigestFact | undefined> {
  const parsed = registered === undefined ? undefined : safeParseDigestAlgorithm(registered.algorithm);
  const algorithm: DigestAlgorithm = parsed?.ok === true ? parsed.value : (carrierAlgorithm ?? 'sm3');
  if (o.packageDigestOf === 'container') {
    if (o.containerBytes === undefined || registered === undefined) return undefined;
    return { algorithm, value: await digestContainer(o.containerBytes, algorithm, o), of: 'container' };
  }
  if (view.kind === 'archival' && view.manifest !== undefined) {
    const bytes = cache.get(view.manifest.path);
    if (bytes !== undefined)
      return { algorithm, value: digestBytes(bytes, algorithm), of: 'manifest', path: view.manifest.path };
    const f = facts.get(view.manifest.path);
    const value = f?.digests[algorithm];
    return value === undefined ? undefined : { algorithm, value, of: 'manifest', path: view.manifest.path };
  }
  if (view.kind === 'transfer') {
    // The carrier digest (载体文件清单 definition): every file but the handover documents, with its digest and size.
    const skip = new Set(handoverPaths(TRANSFER_LAYOUT).map((p) => p.toUpperCase()));
    const lines: { digest: string; size: number; path: string }[] = [];
    for (const f of facts.values()) {
      if (skip.has(f.path.toUpperCase())) continue;
      const digest = f.digests[algorithm];
      if (!f.read || digest === undefined) return undefined;
      lines.push({ digest, size: f.size, path: f.path });
    }
    const listingPath = view.manifest?.path;
    return {
      algorithm,
      value: listingDigest(lines, algorithm).digest,
      of: 'carrier-listing',
      ...(listingPath === undefined ? {} : { path: listingPath }),
    };
  }
  if (view.kind === 'eep' && facts.size === 1) {
    const [f] = facts.values();
    const value = f?.digests[algorithm];
    return value === undefined || f === undefined ? undefined : { algorithm, value, of: 'eep', path: f.path };
  }
  if (o.containerBytes !== undefined && registered !== undefined) {
    return { algorithm, value: await digestContainer(o.containerBytes, algorithm, o), of: 'container' };
  }
  return undefined;
}

/** Hashes the ZIP container's bytes in one sequential read (only when its digest is to be compared). */
async function digestContainer(
  bytes: RandomAccessSource,
  algorithm: DigestAlgorithm,
  o: GatherOptions,
): Promise<string> {
  const hasher = createHasher(algorithm);
  const step = 1 << 20;
  for (let offset = 0; offset < bytes.size; offset += step) {
    throwIfAborted(o.signal);
    const chunk = await bytes.read(offset, Math.min(step, bytes.size - offset));
    hasher.update(chunk);
    o.progress.bytes('package-digest', chunk.length);
  }
  return hasher.digestHex();
}

/** Reads every entry of the backup once and compares its digest with the package's (BC 3-4). */
async function compareBackup(
  backup: PackageSource,
  listing: readonly PackageEntryInfo[],
  facts: ReadonlyMap<string, EntryFact>,
  o: GatherOptions,
): Promise<BackupFact> {
  const present = new Set(listing.map((e) => e.path));
  const missing: string[] = [];
  const mismatched: { path: string; algorithm: DigestAlgorithm }[] = [];
  const unreadable: { path: string; finding: Finding }[] = [];
  let compared = 0;
  for (const [path, fact] of facts) {
    if (!fact.read) continue;
    if (!present.has(path)) {
      missing.push(path);
      continue;
    }
    const algorithm = (Object.keys(fact.digests) as DigestAlgorithm[])[0] ?? 'sm3';
    const expected = fact.digests[algorithm];
    try {
      const hasher = createHasher(algorithm);
      for await (const chunk of chunks(
        backup.read(path),
        o.signal === undefined ? {} : { signal: o.signal },
      )) {
        hasher.update(chunk);
        o.progress.bytes('backup', chunk.length, path);
      }
      compared++;
      if (hasher.digestHex() !== expected) mismatched.push({ path, algorithm });
    } catch (e) {
      if (isDanganError(e, 'ABORTED') || !isDanganError(e)) throw e;
      unreadable.push({
        path,
        finding: {
          code: e.code,
          severity: 'error',
          message: `备份中的“${path}”无法读取：${e.message}`,
          ...(e.messageEn === undefined
            ? {}
            : { messageEn: `"${path}" cannot be read from the backup: ${e.messageEn}` }),
          path,
        },
      });
    }
  }
  return { entries: compared, missing, mismatched, unreadable };
}
