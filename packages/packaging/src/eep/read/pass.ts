import {
  type ByteSource,
  chunks,
  DanganError,
  type Finding,
  readXml,
  type XmlDocumentInfo,
  type XmlElementEvent,
  XmlError,
  type XmlLimits,
} from '@dangan/core';
import { eepFinding } from '../validate/codes.js';
import { checkEepRules } from '../validate/rules.js';
import {
  StructureValidator,
  type ValidatorElement,
  type ValidatorState,
} from '../validate/structure-validator.js';
import { type CaptureSink, TagOffsetScanner, type TagRecord } from './byte-scanner.js';
import {
  COLLECTED_VALUES,
  Collector,
  type CollectorSlot,
  type EepModel,
  type EncodingModel,
} from './collector.js';
import { RecordSkeleton } from './skeleton.js';

/** Receives the decoded bytes of one 编码数据. */
export interface DataConsumer {
  /** Decoded bytes, in order; a promise holds reading back. */
  bytes(bytes: Uint8Array): void | Promise<void>;
  /** The element ended; `ok` is false when its Base64 was invalid or it was not decoded. */
  end(ok: boolean): void | Promise<void>;
}

/** Options shared by every EEP entry point (reading limits and cancellation). */
export interface EepReadOptions extends XmlLimits {
  /** The package's name (a file name), used in XML error positions. */
  readonly name?: string;
  /** Stops reading with `DanganError('ABORTED')`. */
  readonly signal?: AbortSignal;
  /**
   * Bytes handed to the XML parser at a time (default 64 KiB). Pieces this small keep the decoded text out
   * of V8's large-object space, so it is collected young: measured on a 341 MiB EEP, peak RSS 136 MiB and
   * 4.6 s against 195 MiB and 6.2 s with 1 MiB pieces.
   */
  readonly chunkSize?: number;
  /** Longest simple value kept, in characters (default 1 Mi). */
  readonly maxValueLength?: number;
}

/** Options of one pass over an EEP. */
export interface EepPassOptions extends EepReadOptions {
  /** Keep a metadata skeleton for `recordFromXml` (at most this many characters). */
  readonly skeleton?: number;
  /** Chooses a consumer for each 编码数据; `level` is 0 in the outermost (current) layer, 1 inside it … */
  readonly onData?: (encoding: EncodingModel, level: number) => DataConsumer | undefined;
  /** Chooses a byte sink for each `<被签名对象>` (its offsets arrive with `end`). */
  readonly captureSignedObject?: () => CaptureSink | undefined;
  /** Keep the bytes of every `<电子签名>` (for the 锁定签名), each up to this many bytes. */
  readonly captureSignatures?: number;
}

/** What one pass found. */
export interface EepPass {
  readonly model: EepModel;
  readonly findings: Finding[];
  readonly validator: StructureValidator;
  /** The XML error that stopped reading, if any (its findings are in `findings` too). */
  readonly xmlError: XmlError | undefined;
  readonly document: XmlDocumentInfo | undefined;
  /** Whether byte offsets are known (a UTF-8 document the scanner followed to the end). */
  readonly rangesKnown: boolean;
  /** Bytes of each `<电子签名>` by its start offset (when `captureSignatures`). */
  readonly signatureBytes: ReadonlyMap<number, Uint8Array>;
  /** The metadata skeleton, when asked for and not too large. */
  readonly skeleton: Uint8Array | undefined;
}

interface Frame {
  readonly e: XmlElementEvent;
  readonly path: string;
  readonly v: ValidatorState;
  readonly slot: CollectorSlot;
  readonly rec: TagRecord | undefined;
  raw: string | undefined;
  data: DataConsumer | undefined;
}

/** Default piece size of an EEP read (see {@link EepReadOptions.chunkSize}). */
export const DEFAULT_EEP_CHUNK_SIZE = 64 * 1024;

/** Longest raw text kept of a value the collector reads. */
const RAW_CAP = 64 * 1024;

/** A capture sink keeping up to `max` bytes; `done` gets them (or undefined when too many). */
function bufferSink(max: number, done: (start: number, bytes: Uint8Array | undefined) => void): CaptureSink {
  let parts: Uint8Array[] | undefined = [];
  let size = 0;
  return {
    update(bytes) {
      if (parts === undefined) return;
      size += bytes.length;
      if (size > max) parts = undefined;
      else parts.push(bytes.slice());
    },
    end(start) {
      if (parts === undefined) {
        done(start, undefined);
        return;
      }
      const out = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      done(start, out);
    },
  };
}

function syncError(e: XmlElementEvent): DanganError {
  return new DanganError(
    'EEP_UNREADABLE',
    `封装包的字节定位与 XML 解析不一致（元素 <${e.name}>，第 ${e.line} 行），无法确定被签名的字节`,
    {
      messageEn: `The byte scan and the XML parse disagree (element <${e.name}>, line ${e.line}); the signed bytes cannot be located`,
    },
  );
}

/**
 * Reads an EEP once (单次读取), streaming: the DA/T 48 schema and dangan's rules are checked, the package
 * model (layers, documents, encodings, signatures) is collected, 编码数据 is decoded piece by piece and
 * handed to `onData` consumers (never held), and byte offsets of the signed elements are tracked beside
 * the parse. An XML error ends the pass early and is returned, not thrown; read failures and aborts throw.
 */
export async function runEepPass(source: ByteSource, options: EepPassOptions = {}): Promise<EepPass> {
  const findings: Finding[] = [];
  const onFinding = (f: Finding) => findings.push(f);
  const validator = new StructureValidator({
    onFinding,
    ...(options.maxValueLength === undefined ? {} : { maxValueLength: options.maxValueLength }),
  });
  const collector = new Collector();
  const signatureBytes = new Map<number, Uint8Array>();
  const captureSignatures = options.captureSignatures;
  const scanner = new TagOffsetScanner({
    capture(local) {
      if (local === '被签名对象') return options.captureSignedObject?.();
      if (local === '电子签名' && captureSignatures !== undefined) {
        return bufferSink(captureSignatures, (start, bytes) => {
          if (bytes !== undefined) signatureBytes.set(start, bytes);
        });
      }
      return undefined;
    },
  });
  const skeleton = options.skeleton === undefined ? undefined : new RecordSkeleton(options.skeleton);
  const frames: Frame[] = [];
  const onData = options.onData;

  /** The namespace bound to an attribute prefix on `e` or an open ancestor. */
  const prefixResolver =
    (e: XmlElementEvent) =>
    (prefix: string): string | undefined => {
      const key = `xmlns:${prefix}`;
      const own = e.attributes[key];
      if (own !== undefined) return own;
      for (let i = frames.length - 1; i >= 0; i--) {
        const value = frames[i]!.e.attributes[key];
        if (value !== undefined) return value;
      }
      return prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : undefined;
    };

  const nextRecord = (e: XmlElementEvent, kind: 'start' | 'end'): TagRecord | undefined => {
    if (scanner.dead) return undefined;
    const rec = scanner.shift();
    if (rec === undefined || rec.kind !== kind || rec.name !== e.name) throw syncError(e);
    return rec;
  };

  const handler = {
    startElement(e: XmlElementEvent): void {
      const parent = frames[frames.length - 1];
      const rec = nextRecord(e, 'start');
      const path = `${parent?.path ?? ''}/${e.local}`;
      const element: ValidatorElement = {
        name: e.name,
        local: e.local,
        uri: e.uri,
        attributes: e.attributes,
        line: e.line,
        column: e.column,
        path,
        resolvePrefix: prefixResolver(e),
      };
      const v = validator.start(element, parent?.v);
      const slot = collector.start(
        { local: e.local, path, line: e.line, column: e.column, attributes: e.attributes },
        parent?.slot,
        parent?.e.local,
      );
      const frame: Frame = {
        e,
        path,
        v,
        slot,
        rec,
        raw: COLLECTED_VALUES.has(e.local) ? '' : undefined,
        data: undefined,
      };
      if (slot.kind === 'encoded-data' && onData !== undefined) {
        frame.data = onData(slot.encoding, collector.depth - 1);
      }
      skeleton?.start(e);
      frames.push(frame);
    },
    text(chunk: string, e: XmlElementEvent): void | Promise<void> {
      const f = frames[frames.length - 1]!;
      const bytes = validator.text(f.v, chunk);
      if (f.raw !== undefined && f.raw.length < RAW_CAP) f.raw += chunk.slice(0, RAW_CAP - f.raw.length);
      skeleton?.text(chunk, e);
      if (bytes === undefined || bytes.length === 0) return;
      if (f.data !== undefined) return f.data.bytes(bytes);
      collector.bytes(f.slot, bytes);
    },
    endElement(e: XmlElementEvent): void | Promise<void> {
      const f = frames.pop()!;
      const parent = frames[frames.length - 1];
      nextRecord(e, 'end');
      validator.end(f.v, f.rec?.cdata ?? false);
      const decoded =
        f.v.decoder === undefined || f.v.base64Failed || f.v.base64Stray || f.v.skip
          ? undefined
          : f.v.decodedLength;
      const range =
        f.rec !== undefined && f.rec.elementEnd >= 0
          ? { start: f.rec.start, end: f.rec.elementEnd }
          : undefined;
      collector.end(
        { local: e.local, path: f.path, line: e.line, column: e.column, attributes: e.attributes },
        f.slot,
        parent?.slot,
        parent?.e.local,
        f.v.value ?? f.raw,
        decoded,
        range,
      );
      skeleton?.end(e);
      if (f.data !== undefined) return f.data.end(decoded !== undefined);
    },
  };

  const tee = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks(source, {
      chunkSize: options.chunkSize ?? DEFAULT_EEP_CHUNK_SIZE,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })) {
      scanner.push(chunk);
      yield chunk;
    }
  };

  let document: XmlDocumentInfo | undefined;
  let xmlError: XmlError | undefined;
  try {
    document = await readXml(tee(), handler, {
      ...pickLimits(options),
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if (!(error instanceof XmlError) || error.code === 'ABORTED') throw error;
    xmlError = error;
    findings.push(...error.findings);
  }
  const model = collector.finish();
  if (xmlError === undefined) {
    validator.finish();
    checkEepRules({ model, ids: validator.ids, onFinding });
    if (scanner.deadReason === 'encoding' && model.layers.some((l) => l.signatures.length > 0)) {
      onFinding(
        eepFinding(
          'EEP_RULE_ENCODING',
          `封装包声明的编码为 ${scanner.declaredEncoding ?? 'UTF-16'}：签名规则按 UTF-8 字节签名，无法定位被签名的字节`,
          `The package is encoded as ${scanner.declaredEncoding ?? 'UTF-16'}; the signing rule signs UTF-8 bytes, which cannot be located`,
          { path: '/' },
        ),
      );
    }
  }
  return {
    model,
    findings,
    validator,
    xmlError,
    document,
    rangesKnown: !scanner.dead && xmlError === undefined,
    signatureBytes,
    skeleton: skeleton?.bytes(),
  };
}

function pickLimits(options: XmlLimits): XmlLimits {
  const out: { -readonly [K in keyof XmlLimits]?: XmlLimits[K] } = {};
  for (const key of [
    'maxDepth',
    'maxAttributes',
    'maxNameLength',
    'maxAttributeValueLength',
    'maxBytes',
    'maxElements',
  ] as const) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out;
}
