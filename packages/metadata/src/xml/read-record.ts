import {
  type ByteSource,
  type ReadXmlOptions,
  readXml,
  type SafeResult,
  safelyAsync,
  type XmlElementEvent,
  XmlError,
  type XmlHandler,
} from '@dangan/core';
import type { MetadataScheme } from '../scheme/model.js';
import type { UnknownRecord } from '../scheme/record-type.js';
import { findingsError } from './findings.js';
import {
  DAT48_NAMESPACE,
  EEP_ROOT,
  METADATA_EXT_NAMESPACE,
  METADATA_ROOT,
  METADATA_SET_ROOT,
} from './namespaces.js';
import { ReadContext, type RecordFromXmlOptions, StopReading } from './read-context.js';
import { eepRoot } from './read-eep.js';
import { ContainerFrame, type Frame, SKIP } from './read-frames.js';

type Obj = Record<string, unknown>;
type OnRecord = (record: Obj) => void | Promise<void>;

/** The document level: decides the layout from the root element. */
class DocumentFrame implements Frame {
  readonly #ctx: ReadContext;
  readonly #many: boolean;
  readonly #onRecord: OnRecord;

  constructor(ctx: ReadContext, many: boolean, onRecord: OnRecord) {
    this.#ctx = ctx;
    this.#many = many;
    this.#onRecord = onRecord;
  }

  child(e: XmlElementEvent): Frame {
    const ctx = this.#ctx;
    const any = ctx.ignoreNamespaces;
    const ext = any || e.uri === METADATA_EXT_NAMESPACE;
    const dat48 = any || e.uri === DAT48_NAMESPACE;
    if (e.local === METADATA_ROOT && ext) {
      checkScheme(ctx, e);
      return recordFrame(ctx, this.#onRecord);
    }
    if (e.local === METADATA_SET_ROOT && ext) {
      if (!this.#many) {
        rootError(
          ctx,
          e,
          '是元数据集（多条记录），请用 recordsFromXml 读取',
          'is a record set: read it with recordsFromXml',
        );
        return SKIP;
      }
      checkScheme(ctx, e);
      return new SetFrame(ctx, this.#onRecord);
    }
    if ((e.local === '文件实体' || e.local === EEP_ROOT) && dat48) {
      ctx.recordLength = 0;
      ctx.recordElements = 0;
      return eepRoot(ctx, e, this.#onRecord);
    }
    const known = [METADATA_ROOT, METADATA_SET_ROOT, '文件实体', EEP_ROOT].includes(e.local);
    if (known) {
      const ns = e.local === '文件实体' || e.local === EEP_ROOT ? DAT48_NAMESPACE : METADATA_EXT_NAMESPACE;
      rootError(
        ctx,
        e,
        `的命名空间应为 ${ns}，实为 ${e.uri || '（无）'}`,
        `must be in namespace ${ns}, not ${e.uri || '(none)'}`,
      );
    } else {
      rootError(
        ctx,
        e,
        `不是元数据文档（应为 ${METADATA_ROOT}、${METADATA_SET_ROOT}、文件实体或${EEP_ROOT}）`,
        `is not a metadata document (expected ${METADATA_ROOT}, ${METADATA_SET_ROOT}, 文件实体 or ${EEP_ROOT})`,
      );
    }
    return SKIP;
  }

  text(): void {}
  end(): void {}
}

/** `<dg:元数据集>`: one record per `<dg:电子文件元数据>`. */
class SetFrame implements Frame {
  readonly #ctx: ReadContext;
  readonly #onRecord: OnRecord;

  constructor(ctx: ReadContext, onRecord: OnRecord) {
    this.#ctx = ctx;
    this.#onRecord = onRecord;
  }

  child(e: XmlElementEvent): Frame {
    const ctx = this.#ctx;
    if (e.local === METADATA_ROOT && (e.uri === METADATA_EXT_NAMESPACE || ctx.ignoreNamespaces)) {
      if (e.attributes.方案 !== undefined) checkScheme(ctx, e);
      return recordFrame(ctx, this.#onRecord);
    }
    ctx.report(
      'METADATA_XML_UNKNOWN_ELEMENT',
      'error',
      `元数据集中只能有 <${METADATA_ROOT}>，不能有 <${e.name}>`,
      `A record set may hold only <${METADATA_ROOT}>, not <${e.name}>`,
      e,
    );
    return SKIP;
  }

  text(): void {}
  end(): void {}
}

function recordFrame(ctx: ReadContext, onRecord: OnRecord): Frame {
  ctx.recordLength = 0;
  ctx.recordElements = 0;
  return new ContainerFrame(ctx, ctx.root, {}, onRecord);
}

function checkScheme(ctx: ReadContext, e: XmlElementEvent): void {
  const id = e.attributes.方案;
  if (id === undefined || id === ctx.scheme.id) return;
  ctx.report(
    'METADATA_XML_SCHEME_MISMATCH',
    'warning',
    `文档按方案 ${id} 编写，按方案 ${ctx.scheme.id} 读取`,
    `The document was written for scheme ${id} and is read with scheme ${ctx.scheme.id}`,
    e,
  );
}

function rootError(ctx: ReadContext, e: XmlElementEvent, zh: string, en: string): void {
  ctx.report('METADATA_XML_ROOT', 'error', `根元素 <${e.name}> ${zh}`, `Root element <${e.name}> ${en}`, e);
}

function handlerFor(ctx: ReadContext, root: Frame): XmlHandler {
  const stack: Frame[] = [root];
  let top = root;
  return {
    startElement(e) {
      if (ctx.cancelled) throw new StopReading();
      top = top.child(e);
      stack.push(top);
    },
    text(chunk, e) {
      top.text(chunk, e);
    },
    endElement(e) {
      const result = stack.pop()!.end(e);
      top = stack[stack.length - 1]!;
      return result;
    },
  };
}

const DECLARATION = /^(<\?xml\s[^?]*?encoding\s*=\s*)(["'])[^"']*\2/;

/** A string is text already: drop a BOM and make the declared encoding say what the bytes will be. */
function sourceOf(source: ByteSource | string): ByteSource {
  if (typeof source !== 'string') return source;
  const text = (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).replace(
    DECLARATION,
    '$1$2UTF-8$2',
  );
  return new TextEncoder().encode(text);
}

function readOptions(options: RecordFromXmlOptions): ReadXmlOptions {
  const {
    onFinding,
    ignoreNamespaces,
    maxValueLength,
    maxRecordLength,
    maxRecordElements,
    maxErrors,
    ...rest
  } = options;
  return { ...rest, namespaces: true };
}

/** Reads a document, calling `onRecord` for each record; throws `METADATA_XML_INVALID` on any error. */
async function run(
  ctx: ReadContext,
  source: ByteSource | string,
  options: RecordFromXmlOptions,
  many: boolean,
  onRecord: OnRecord,
): Promise<void> {
  try {
    await readXml(
      sourceOf(source),
      handlerFor(ctx, new DocumentFrame(ctx, many, onRecord)),
      readOptions(options),
    );
  } catch (e) {
    if (e instanceof StopReading) {
      if (ctx.cancelled) return;
      throw findingsError('METADATA_XML_INVALID', ctx.findings);
    }
    if (e instanceof XmlError && e.code !== 'ABORTED') {
      throw findingsError('METADATA_XML_INVALID', [...ctx.findings, ...e.findings], e);
    }
    throw e;
  }
  if (ctx.errors > 0) throw findingsError('METADATA_XML_INVALID', ctx.findings);
}

function checkArguments(source: unknown, scheme: MetadataScheme, options: unknown): void {
  if (source === null || source === undefined) throw new TypeError('source must be a ByteSource or a string');
  if (scheme === null || typeof scheme !== 'object' || !Array.isArray(scheme.elements)) {
    throw new TypeError('scheme must be a MetadataScheme');
  }
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
}

/**
 * Reads a record from XML, whichever layout it is in, told apart by the root element:
 * - `<dg:电子文件元数据>` — dangan's metadata document ({@link recordToXml});
 * - `<文件实体>` (DA/T 48 namespace) — a bare DA/T 48 文件实体;
 * - `<电子文件封装包>` — a whole DA/T 48 EEP: its 文件实体 (of 修订内容 in a 修改型 package), 文件实体关系,
 *   业务实体 and 机构人员实体, with 电子属性 and 数字化属性 collected from each 编码 and 信息系统描述 and
 *   文档序号 put back where DA/T 46 has them. Read as a stream: the Base64 编码数据 is skipped piece by piece,
 *   never held in memory, so an EEP of any size can be read.
 *
 * Every element is mapped to the record by the scheme's table; numeric elements (integer, positiveInteger,
 * decimal) become numbers, everything else keeps its text exactly; repeatable elements become arrays even
 * with one item. Reading is safe for untrusted input (core's `readXml`: no DOCTYPE, no entities, limits).
 * It does not validate the record (that is `validateRecord`).
 *
 * Throws `DanganError('METADATA_XML_INVALID')` whose findings say what and where (element path, line and
 * column): the XML's own problems (core's codes: `XML_DOCTYPE_FORBIDDEN`, `XML_MALFORMED` …), a wrong root
 * or namespace, elements the scheme does not have at that place, repeated non-repeatable elements.
 * Warnings (an ignored attribute, a non-numeric 页数 kept as text) go to `options.onFinding`.
 *
 * @example
 * const record = await recordFromXml(fromFile('元数据.xml'), schemes.dat46);
 * const fromEep = await recordFromXml(fromFile('Z109-WS-2024-Y-0001.eep'), schemes.dat46);
 */
export async function recordFromXml(
  source: ByteSource | string,
  scheme: MetadataScheme,
  options: RecordFromXmlOptions = {},
): Promise<UnknownRecord> {
  checkArguments(source, scheme, options);
  const ctx = new ReadContext(scheme, options);
  let record: Obj | undefined;
  await run(ctx, source, options, false, (r) => {
    record = r;
  });
  if (record === undefined) throw findingsError('METADATA_XML_INVALID', ctx.findings);
  return record;
}

/**
 * {@link recordFromXml} returning a {@link SafeResult}: `{ ok: false, findings }` instead of throwing.
 *
 * @example
 * const r = await safeRecordFromXml(bytes, schemes.dat46);
 * if (!r.ok) for (const f of r.findings) console.log(f.path, f.message);
 */
export function safeRecordFromXml(
  source: ByteSource | string,
  scheme: MetadataScheme,
  options: RecordFromXmlOptions = {},
): Promise<SafeResult<UnknownRecord>> {
  return safelyAsync(() => recordFromXml(source, scheme, options));
}

/**
 * Reads the records of a batch (`<dg:元数据集>`, see `recordsToXml`) one by one as they are parsed, with
 * bounded memory however many there are: reading pauses while the consumer is behind. A single-record
 * document or an EEP yields one record. Throws `DanganError('METADATA_XML_INVALID')` at the first record
 * with an error (the records before it have been yielded). Stopping early (`break`) stops reading.
 *
 * @example
 * for await (const record of recordsFromXml(fromFile('目录.xml'), schemes.dat46)) index(record);
 */
export async function* recordsFromXml(
  source: ByteSource | string,
  scheme: MetadataScheme,
  options: RecordFromXmlOptions = {},
): AsyncGenerator<UnknownRecord, void, undefined> {
  checkArguments(source, scheme, options);
  const ctx = new ReadContext(scheme, options);
  // Records waiting for the consumer before reading pauses. The consumer runs between input chunks, so a
  // 1 MiB chunk of a catalogue delivers ~1,000 records at once; pausing sooner only slows reading down.
  const HIGH_WATER = 4096;
  const queue: Obj[] = [];
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  let finished = false;
  let failure: { error: unknown } | undefined;
  const onRecord = (record: Obj): void | Promise<void> => {
    if (ctx.errors > 0) throw findingsError('METADATA_XML_INVALID', ctx.findings);
    ctx.findings = [];
    queue.push(record);
    wakeConsumer?.();
    if (queue.length >= HIGH_WATER) {
      return new Promise<void>((resolve) => {
        wakeProducer = resolve;
      });
    }
  };
  const reading = run(ctx, source, options, true, onRecord).then(
    () => {
      finished = true;
      wakeConsumer?.();
    },
    (error: unknown) => {
      failure = { error };
      finished = true;
      wakeConsumer?.();
    },
  );
  try {
    for (;;) {
      if (queue.length > 0) {
        const batch = queue.splice(0, queue.length);
        const resume = wakeProducer;
        wakeProducer = undefined;
        resume?.();
        for (const record of batch) yield record;
        continue;
      }
      if (finished) {
        if (failure !== undefined) throw failure.error;
        return;
      }
      await new Promise<void>((resolve) => {
        wakeConsumer = resolve;
      });
      wakeConsumer = undefined;
    }
  } finally {
    if (!finished) {
      ctx.cancelled = true;
      const resume = wakeProducer;
      wakeProducer = undefined;
      resume?.();
      await reading;
    }
  }
}

export type { RecordFromXmlOptions } from './read-context.js';
