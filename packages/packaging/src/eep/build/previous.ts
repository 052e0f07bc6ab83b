import { type ByteSource, chunks, DanganError } from '@dangan/core';
import { DAT48_NAMESPACE } from '@dangan/metadata';
import {
  XmlByteScanner,
  type XmlByteToken,
  XmlNamespaceScope,
  type XmlStartTagToken,
} from '../bytes/index.js';
import { eepError } from './errors.js';
import { EepIdCollector } from './id-collector.js';

/** What an earlier layer says about one `编码数据`. */
export interface PreviousData {
  /** Its `引用编码数据ID`, when it is empty and refers further. */
  readonly reference: string | undefined;
  /** Decoded size of its Base64 text (whitespace and padding discounted). */
  readonly size: number;
}

/** Longest prefix read to find the layers before the innermost `封装内容` starts. */
const MAX_PREFIX = 16 << 20;

function sourceError(zh: string, en: string, cause?: unknown): DanganError {
  return eepError('EEP_SOURCE_INVALID', `原封装包无效：${zh}`, `Invalid earlier EEP: ${en}`, {
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Rethrows a scanner error (malformed XML) as `EEP_SOURCE_INVALID`; read failures pass unchanged. */
function asSourceError(e: unknown): never {
  if (e instanceof DanganError && (e.code.startsWith('XML_') || e.code === 'EEP_BASE64_INVALID'))
    throw sourceError(e.message, e.messageEn ?? e.message, e);
  throw e;
}

/**
 * An earlier EEP being wrapped into a 修改型 layer (原封装包读取): {@link open} reads just far enough to count
 * its layers (the `被签名对象` elements before the innermost `封装内容`); {@link copy} then streams the bytes
 * of its top-level `被签名对象` and `电子签名块`, exactly as they are, while noting every `xs:ID` in them and
 * each `编码数据`'s reference and decoded size. Its `锁定签名`, header elements and root tags are dropped.
 *
 * @example
 * const previous = await PreviousEep.open(earlierEep, {});
 * for await (const piece of previous.copy()) out.write(piece); // then previous.ids, .data, .current
 */
export class PreviousEep {
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #buffered: Uint8Array[];
  /** Number of layers (被签名对象 elements): R of the layer that wraps it. */
  readonly layers: number;
  /** Namespace declarations on its root, to repeat on `原封装包` (prefix → URI; '' for the default). */
  readonly namespaces: ReadonlyMap<string, string>;
  readonly #collector = new EepIdCollector();
  /** `编码数据ID` → what it holds. */
  readonly data = new Map<string, PreviousData>();
  /** `编码数据ID`s of its current content (封装内容, or 修订内容 of a 修改型), in document order. */
  readonly current: string[] = [];
  #copied = false;
  #closed = false;

  private constructor(
    iterator: AsyncIterator<Uint8Array>,
    buffered: Uint8Array[],
    layers: number,
    namespaces: ReadonlyMap<string, string>,
  ) {
    this.#iterator = iterator;
    this.#buffered = buffered;
    this.layers = layers;
    this.namespaces = namespaces;
  }

  /** Every `xs:ID` value in the copied elements (complete once {@link copy} has run). */
  get ids(): ReadonlySet<string> {
    return this.#collector.ids;
  }

  /** The collector of this EEP's IDs (for the copy state). */
  get collector(): EepIdCollector {
    return this.#collector;
  }

  /**
   * Starts reading `source` and counts its layers. `EEP_SOURCE_INVALID` when it is not a DA/T 48 EEP (root
   * `电子文件封装包` in the DA/T 48 namespace, with an innermost `封装内容`).
   */
  static async open(
    source: ByteSource,
    options: { readonly chunkSize?: number | undefined; readonly signal?: AbortSignal | undefined },
  ): Promise<PreviousEep> {
    const iterator = chunks(source, {
      ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })[Symbol.asyncIterator]();
    const buffered: Uint8Array[] = [];
    const scanner = new XmlByteScanner();
    const ns = new XmlNamespaceScope();
    let size = 0;
    let layers = 0;
    let namespaces: ReadonlyMap<string, string> | undefined;
    try {
      while (true) {
        const step = await iterator.next();
        if (step.done) break;
        buffered.push(step.value);
        size += step.value.length;
        let tokens: XmlByteToken[];
        try {
          tokens = scanner.push(step.value);
        } catch (e) {
          asSourceError(e);
        }
        for (const t of tokens) {
          if (t.kind === 'end') {
            ns.exit();
            continue;
          }
          if (t.kind !== 'start') continue;
          const name = ns.enter(t);
          if (t.depth === 0) {
            checkRoot(t, name.local, name.uri);
            namespaces = ns.inScope();
          }
          if (name.uri !== DAT48_NAMESPACE) continue;
          if (name.local === '被签名对象') layers++;
          if (name.local === '封装内容') {
            if (layers === 0) throw sourceError('封装内容不在被签名对象中', '封装内容 is outside 被签名对象');
            return new PreviousEep(iterator, buffered, layers, namespaces ?? new Map());
          }
        }
        if (size > MAX_PREFIX)
          throw sourceError(
            `前 ${MAX_PREFIX} 字节中没有找到最内层的封装内容`,
            `no innermost 封装内容 within the first ${MAX_PREFIX} bytes`,
          );
      }
      throw sourceError(
        '找不到最内层的封装内容（不是完整的 DA/T 48 封装包）',
        'no innermost 封装内容 (not a whole DA/T 48 EEP)',
      );
    } catch (e) {
      await iterator.return?.(undefined).catch(() => undefined);
      throw e;
    }
  }

  /** Stops reading the source (idempotent). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#iterator.return?.().catch(() => undefined);
  }

  /**
   * The bytes of the top-level `被签名对象`, then of the top-level `电子签名块` if there is one, in pieces
   * (views of the source's chunks: use each before asking for the next). Reads the source to its end and
   * checks it is well formed. Can run once.
   */
  async *copy(): AsyncGenerator<Uint8Array> {
    if (this.#copied) throw new TypeError('copy() can run once');
    this.#copied = true;
    const state = new CopyState(this);
    try {
      for (const chunk of this.#buffered.splice(0)) yield* state.feed(chunk);
      while (true) {
        const step = await this.#iterator.next();
        if (step.done) break;
        yield* state.feed(step.value);
      }
      state.end();
      this.#closed = true;
    } finally {
      await this.close();
    }
  }
}

function checkRoot(t: XmlStartTagToken, local: string, uri: string): void {
  if (local !== '电子文件封装包' || uri !== DAT48_NAMESPACE) {
    throw sourceError(
      `根元素是 <${t.name}>（命名空间 ${uri || '无'}），不是 DA/T 48 的 <电子文件封装包>`,
      `the root is <${t.name}> (namespace ${uri || 'none'}), not DA/T 48's <电子文件封装包>`,
    );
  }
}

/** The token-by-token state of {@link PreviousEep.copy}. */
class CopyState {
  readonly #scanner = new XmlByteScanner();
  readonly #ns = new XmlNamespaceScope();
  readonly #previous: PreviousEep;
  /** Local names from the top-level element being copied down to the current one. */
  readonly #stack: string[] = [];
  #section: '被签名对象' | '电子签名块' | undefined;
  #seenSigned = false;
  #seenSignatures = false;
  /** The `编码数据` being read. */
  #data: { id: string; reference: string | undefined; chars: number; current: boolean } | undefined;

  constructor(previous: PreviousEep) {
    this.#previous = previous;
  }

  /** Scans a chunk; returns the pieces to copy. */
  feed(chunk: Uint8Array): Uint8Array[] {
    let tokens: XmlByteToken[];
    try {
      tokens = this.#scanner.push(chunk);
    } catch (e) {
      asSourceError(e);
    }
    const out: Uint8Array[] = [];
    for (const t of tokens) {
      if (t.kind === 'start') this.#start(t);
      if (this.#section !== undefined) {
        out.push(t.bytes);
        if (t.kind === 'text' || t.kind === 'cdata') this.#text(t.kind === 'cdata' ? t.content : t.bytes);
      }
      if (t.kind === 'end') this.#end(t.depth);
    }
    return out;
  }

  end(): void {
    try {
      this.#scanner.end();
    } catch (e) {
      asSourceError(e);
    }
    if (!this.#seenSigned) throw sourceError('没有被签名对象', 'it has no 被签名对象');
  }

  #start(t: XmlStartTagToken): void {
    const { local, uri } = this.#ns.enter(t);
    if (t.depth === 1) {
      if (uri === DAT48_NAMESPACE && local === '被签名对象') {
        if (this.#seenSigned) throw sourceError('有多个被签名对象', 'it has more than one 被签名对象');
        this.#seenSigned = true;
        this.#section = '被签名对象';
      } else if (uri === DAT48_NAMESPACE && local === '电子签名块') {
        if (!this.#seenSigned || this.#seenSignatures)
          throw sourceError('电子签名块的位置或个数不对', '电子签名块 is misplaced or repeated');
        this.#seenSignatures = true;
        this.#section = '电子签名块';
      }
    }
    if (this.#section === undefined) return;
    this.#stack.push(local);
    this.#previous.collector.start(t, local);
    if (local === '编码数据') {
      const id = t.attributes.find((a) => a.name === '编码数据ID')?.value.trim();
      if (id === undefined) throw sourceError('编码数据缺少编码数据ID', '编码数据 lacks 编码数据ID');
      const reference = t.attributes.find((a) => a.name === '引用编码数据ID')?.value.trim();
      const current = this.#section === '被签名对象' && !this.#stack.includes('原封装包');
      this.#data = { id, reference, chars: 0, current };
    }
  }

  #text(bytes: Uint8Array): void {
    this.#previous.collector.text(bytes);
    if (this.#data !== undefined) this.#data.chars += base64Characters(bytes);
  }

  #end(depth: number): void {
    this.#ns.exit();
    if (this.#section === undefined) return;
    const local = this.#stack.pop();
    this.#previous.collector.end();
    if (local === '编码数据' && this.#data !== undefined) {
      const { id, reference, chars, current } = this.#data;
      this.#data = undefined;
      if (this.#previous.data.has(id))
        throw sourceError(`编码数据ID“${id}”重复`, `编码数据ID “${id}” is repeated`);
      this.#previous.data.set(id, { reference, size: Math.floor((chars * 6) / 8) });
      if (current) this.#previous.current.push(id);
    }
    if (depth === 1) this.#section = undefined;
  }
}

/** Base64 digits in `bytes`: all bytes but XML whitespace and `=`, counted with native `indexOf` runs. */
function base64Characters(bytes: Uint8Array): number {
  let skipped = 0;
  for (const c of [0x0a, 0x0d, 0x20, 0x09, 0x3d]) {
    for (let at = bytes.indexOf(c); at >= 0; at = bytes.indexOf(c, at + 1)) skipped++;
  }
  return bytes.length - skipped;
}
