import {
  type ByteSource,
  chunks,
  DanganError,
  type DigestAlgorithm,
  type Finding,
  type FormatInfo,
  isDanganError,
  readXml,
  utf8,
} from '@dangan/core';
import { type CapturedAttributes, captureAttributes } from '@dangan/metadata';
import type { ScanResult, VirusScanner } from '../scanner/types.js';
import type {
  EepFact,
  EntryFact,
  EntryRole,
  NestedContainerFact,
  OfdFact,
  ReadabilityFact,
} from './facts.js';
import { KeptCollector } from './kept-bytes.js';
import { startsWithAscii } from './probes/ascii-window.js';
import { containerProbe } from './probes/container.js';
import { ofdProbe } from './probes/ofd.js';
import { pdfProbe } from './probes/pdf.js';
import { readabilityOf } from './probes/readability.js';
import { consume, createTee, type TeeChannel } from './tee.js';

/** Verifies an EEP read as a stream (the packaging verifier behind an adapter). */
export type EepStreamVerifier = (
  channel: TeeChannel,
  path: string,
  signal: AbortSignal | undefined,
  /** The entry's own source, for a verifier that must read it a second time (`undefined`: one-shot). */
  reread: ByteSource | undefined,
) => Promise<EepFact>;

/** Sizes of the windows the single read keeps for probes. */
export interface ProbeWindows {
  /** Head kept for probes (default 4 MiB, as format identification reads). */
  readonly head: number;
  /** Head kept when the file starts as a ZIP (OFD, OOXML), so its directory is reachable (default 32 MiB). */
  readonly container: number;
  /** Tail kept (PDF trailer, ZIP end records; default 64 KiB). */
  readonly tail: number;
}

/** Default {@link ProbeWindows}. */
export const DEFAULT_PROBE_WINDOWS: ProbeWindows = {
  head: 4 * 1024 * 1024,
  container: 32 * 1024 * 1024,
  tail: 64 * 1024,
};

/** Options of {@link readEntry}. */
export interface ReadEntryOptions {
  readonly path: string;
  readonly role: EntryRole;
  readonly listedSize?: number;
  /** Digests to compute (at least one). */
  readonly algorithms: readonly DigestAlgorithm[];
  readonly scanner?: VirusScanner;
  /** Verifies EEPs: runs on entries whose role is `eep` or whose first bytes show the EEP root element. */
  readonly verifyEep?: EepStreamVerifier;
  /** Another reader of EEP entries (the records of an EEP-only package), on its own channel. */
  readonly readEep?: (source: TeeChannel, path: string) => Promise<void>;
  /** Return the whole bytes when the entry is at most this long (structural documents). */
  readonly keepWhole?: number;
  /** With `keepWhole`: keep the bytes only when the first chunk passes this test (e.g. a metadata root element). */
  readonly keepIf?: (head: Uint8Array) => boolean;
  readonly windows: ProbeWindows;
  readonly signal?: AbortSignal;
  /** Called with each chunk's length as it is read. */
  readonly onBytes?: (length: number) => void;
  readonly zip?: EntryFact['zip'];
}

/** What {@link readEntry} returns: the facts, and the bytes when they were kept whole. */
export interface EntryReadResult {
  readonly fact: EntryFact;
  readonly bytes?: Uint8Array;
}

/**
 * Reads one entry **once** (单次读取) and feeds every probe from that read: the digests and the format
 * and 电子属性 (`captureAttributes`, which also decodes image and media headers), a head and tail window
 * for the PDF, OFD and nested-ZIP probes, the virus scanner and the EEP verifier (each reading its own
 * channel of the same chunks, the read waiting for the slowest), and an XML well-formedness parse for XML
 * entries. Memory is bounded by the windows plus two queued chunks per consumer.
 *
 * A source that cannot be read (an encrypted ZIP entry the safe reader refuses, an I/O error, a CRC
 * mismatch) gives a fact with `read: false` and the reason in `readError`; only an abort
 * (`DanganError('ABORTED')`) and programmer errors reject.
 *
 * @example
 * const { fact } = await readEntry(source.read('电子文件/1.pdf'), { path: '电子文件/1.pdf', role: 'content', algorithms: ['sm3'], windows: DEFAULT_PROBE_WINDOWS });
 */
export async function readEntry(source: ByteSource, options: ReadEntryOptions): Promise<EntryReadResult> {
  const { path, signal, windows } = options;
  const tee = createTee();
  let iterator: AsyncIterator<Uint8Array> | undefined;
  let first: IteratorResult<Uint8Array> | undefined;
  try {
    iterator = chunks(source, signal === undefined ? {} : { signal })[Symbol.asyncIterator]();
    first = await iterator.next();
  } catch (e) {
    await iterator?.return?.(undefined);
    return { fact: unreadable(options, e) };
  }
  const head = first.done === true ? new Uint8Array(0) : first.value;
  const keepWhole = options.keepIf === undefined || options.keepIf(head) ? (options.keepWhole ?? 0) : 0;
  const collector = new KeptCollector(Math.max(windows.head, keepWhole), windows.tail, options.listedSize);
  if (startsWithAscii(head, 'PK\x03\x04')) collector.widenHead(windows.container);

  // Consumers of their own channel, started before the first chunk is pushed.
  const scan =
    options.scanner === undefined ? undefined : consume(tee, (ch) => runScan(options.scanner!, ch, options));
  const isEep = options.role === 'eep' || looksLikeEep(head);
  const eep =
    options.verifyEep === undefined || !isEep
      ? undefined
      : consume(tee, (ch) => options.verifyEep!(ch, path, signal, rereadable(source)));
  const eepRead =
    options.readEep === undefined || !isEep ? undefined : consume(tee, (ch) => options.readEep!(ch, path));
  const looksXml = !isEep && looksLikeXml(head);
  const xml = looksXml && keepWhole === 0 ? consume(tee, (ch) => wellFormed(ch, path, signal)) : undefined;
  // Settle every consumer's promise even when the read fails, so none is left unhandled.
  scan?.catch(() => undefined);
  eep?.catch(() => undefined);
  eepRead?.catch(() => undefined);
  xml?.catch(() => undefined);

  const it = iterator;
  const firstStep = first;
  async function* tapped(): AsyncGenerator<Uint8Array> {
    try {
      let step = firstStep;
      while (step.done !== true) {
        const chunk = step.value;
        collector.push(chunk);
        options.onBytes?.(chunk.length);
        await tee.push(chunk);
        yield chunk;
        step = await it.next();
      }
      tee.end();
    } catch (e) {
      tee.fail(e);
      throw e;
    }
  }

  let captured: CapturedAttributes<DigestAlgorithm>;
  try {
    captured = await captureAttributes<DigestAlgorithm>(tapped(), baseName(path), {
      algorithms: options.algorithms,
      ...(signal === undefined ? {} : { signal }),
      maxHeaderBytes: windows.head,
    });
  } catch (e) {
    tee.fail(e);
    await it.return?.(undefined);
    await Promise.allSettled([scan, eep, eepRead, xml]);
    return { fact: unreadable(options, e) };
  }
  const [virus, eepFact, xmlResult] = await Promise.all([scan, eep, xml, eepRead]);
  const kept = collector.finish();
  const format = captured.格式;
  const structured = await structure(format, kept, path);
  const readability = emptyOr(kept.size, path, () =>
    readabilityOf(
      {
        format,
        complete: kept.complete,
        capture: captured,
        ...(structured.readability === undefined ? {} : { structured: structured.readability }),
        ...(xmlResult === undefined ? {} : { xml: xmlResult }),
      },
      path,
    ),
  );
  const fact: EntryFact = {
    path,
    role: options.role,
    size: kept.size,
    ...(options.listedSize === undefined ? {} : { listedSize: options.listedSize }),
    read: true,
    digests: captured.摘要,
    format,
    attributes: captured.电子属性,
    ...(captured.照片 === undefined ? {} : { photo: captured.照片 }),
    ...(captured.音视频 === undefined ? {} : { media: captured.音视频 }),
    captureFindings: captured.findings.map((f) => ({ ...f, path })),
    readability,
    ...(structured.container === undefined ? {} : { container: structured.container }),
    ...(structured.ofd === undefined ? {} : { ofd: structured.ofd }),
    ...(format.id === 'pdf' && (structured.pdfEncrypted === true || format.flags.encrypted === true)
      ? { pdfEncrypted: true }
      : {}),
    ...(virus === undefined ? {} : { virus }),
    ...(eepFact === undefined ? {} : { eep: eepFact }),
    ...(options.zip === undefined ? {} : { zip: options.zip }),
  };
  return kept.complete && keepWhole > 0 && kept.size <= keepWhole ? { fact, bytes: kept.head } : { fact };
}

/**
 * The readability of an XML entry that was kept whole (a structural document read first, later found to
 * be content): its well-formedness, parsed from the kept bytes — not read again.
 *
 * @example
 * const fact = await withXmlReadability(entryFact, cachedBytes);
 */
export async function withXmlReadability(
  fact: EntryFact,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<EntryFact> {
  const id = fact.format?.id;
  if (!fact.read || fact.format === undefined || (id !== 'xml' && id !== 'svg') || bytes.length === 0)
    return fact;
  const xml = await wellFormed(bytes, fact.path, signal);
  return {
    ...fact,
    readability: readabilityOf(
      { format: fact.format, complete: true, capture: { findings: fact.captureFindings }, xml },
      fact.path,
    ),
  };
}

interface Structure {
  readonly readability?: ReadabilityFact;
  readonly container?: NestedContainerFact;
  readonly ofd?: OfdFact;
  readonly pdfEncrypted?: boolean;
}

const ZIP_BASED = /* @__PURE__ */ new Set(['zip', 'ofd', 'docx', 'xlsx', 'pptx']);

async function structure(
  format: FormatInfo,
  kept: ReturnType<KeptCollector['finish']>,
  path: string,
): Promise<Structure> {
  const out: { -readonly [K in keyof Structure]: Structure[K] } = {};
  if (format.id === 'pdf') {
    const probe = pdfProbe(kept, path);
    out.readability = probe.readability;
    if (probe.encrypted === true) out.pdfEncrypted = true;
  }
  if (ZIP_BASED.has(format.id)) {
    const container = await containerProbe(kept);
    if (container !== undefined) out.container = container;
  }
  if (format.id === 'ofd') {
    if (kept.complete) {
      const probe = await ofdProbe(kept.head, path);
      out.readability = probe.readability;
      if (probe.ofd !== undefined) out.ofd = probe.ofd;
    } else {
      out.readability = {
        status: 'partial',
        checked: 'OFD 大于探测窗口，仅确认了格式（ZIP 中的 OFD.xml），未检查文档结构',
        checkedEn:
          'The OFD is larger than the probe window: only its format (OFD.xml in a ZIP) was confirmed',
        findings: [],
      };
    }
  }
  return out;
}

function emptyOr(size: number, path: string, probe: () => ReadabilityFact): ReadabilityFact {
  if (size > 0) return probe();
  return {
    status: 'unreadable',
    checked: '文件非空',
    checkedEn: 'the file is not empty',
    findings: [
      {
        code: 'CHECK_CONTENT_EMPTY',
        severity: 'error',
        message: '文件为空（0 字节）',
        messageEn: 'The file is empty (0 bytes)',
        path,
      },
    ],
  };
}

async function runScan(
  scanner: VirusScanner,
  channel: TeeChannel,
  options: ReadEntryOptions,
): Promise<ScanResult> {
  try {
    return await scanner.scan(channel, {
      path: options.path,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (e) {
    if (isDanganError(e, 'ABORTED')) throw e;
    const text = e instanceof Error ? e.message : String(e);
    return {
      status: 'error',
      reason: `扫描引擎出错：${text}`,
      reasonEn: `The scanner failed: ${text}`,
      code: 'protocol',
    };
  }
}

async function wellFormed(
  source: TeeChannel | Uint8Array,
  path: string,
  signal: AbortSignal | undefined,
): Promise<{ ok: boolean; finding?: Finding }> {
  try {
    await readXml(source, {}, { name: path, ...(signal === undefined ? {} : { signal }) });
    return { ok: true };
  } catch (e) {
    if (isDanganError(e, 'ABORTED')) throw e;
    if (e instanceof DanganError) {
      const f = e.findings[0];
      return {
        ok: false,
        finding: {
          code: f?.code ?? e.code,
          severity: 'error',
          message: e.message,
          ...(e.messageEn === undefined ? {} : { messageEn: e.messageEn }),
          path,
        },
      };
    }
    throw e;
  }
}

function looksLikeXml(head: Uint8Array): boolean {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09))
    i++;
  return head[i] === 0x3c && (head[i + 1] === 0x3f || isNameStart(head[i + 1]));
}

let eepRootUtf8: Uint8Array | undefined;

/** Whether the first bytes hold a DA/T 48 EEP root element (`<电子文件封装包`, any prefix). */
function looksLikeEep(head: Uint8Array): boolean {
  if (!looksLikeXml(head)) return false;
  eepRootUtf8 ??= utf8('电子文件封装包');
  const root = eepRootUtf8;
  const window = head.subarray(0, 4096);
  outer: for (let i = 0; i + root.length <= window.length; i++) {
    for (let j = 0; j < root.length; j++) if (window[i + j] !== root[j]) continue outer;
    return true;
  }
  return false;
}

function isNameStart(b: number | undefined): boolean {
  return b !== undefined && (b >= 0x80 || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f);
}

/** The fact of an entry that could not be read; an abort rethrows. */
function unreadable(options: ReadEntryOptions, e: unknown): EntryFact {
  if (isDanganError(e, 'ABORTED')) throw e;
  if (!(e instanceof DanganError)) throw e;
  const first = e.findings[0];
  return {
    path: options.path,
    role: options.role,
    size: options.listedSize ?? 0,
    ...(options.listedSize === undefined ? {} : { listedSize: options.listedSize }),
    read: false,
    readError: {
      code: first?.code ?? e.code,
      severity: 'error',
      message: `无法读取：${e.message}`,
      ...(e.messageEn === undefined ? {} : { messageEn: `Cannot be read: ${e.messageEn}` }),
      path: options.path,
    },
    digests: {},
    captureFindings: [],
    ...(options.zip === undefined ? {} : { zip: options.zip }),
  };
}

/** The source when it can be read again (a function, bytes, a Blob), else `undefined`. */
function rereadable(source: ByteSource): ByteSource | undefined {
  if (typeof source === 'function' || source instanceof Uint8Array || source instanceof ArrayBuffer)
    return source;
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source;
  return undefined;
}

/**
 * The last segment of an entry path.
 *
 * @example
 * baseName('电子文件/Z109/正文.pdf'); // '正文.pdf'
 */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}
