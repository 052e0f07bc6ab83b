import { type ByteSource, chunks, concatBytes, DanganError, type Hasher, sm2, XmlWriter } from '@dangan/core';
import { DAT48_NAMESPACE } from '@dangan/metadata';
import { eepError } from '../build/errors.js';
import { EepIdCollector } from '../build/id-collector.js';
import type { EepByteRange } from '../build/options.js';
import { ByteOutput } from '../build/output.js';
import { type StreamWithResult, settleOnce } from '../build/settle.js';
import { eepDateTime } from '../build/time.js';
import {
  XmlByteScanner,
  type XmlByteToken,
  XmlNamespaceScope,
  type XmlStartTagToken,
} from '../bytes/index.js';
import { eepSignatureId } from '../signing-rule.js';
import { writeSignatureElement } from './signature-xml.js';
import { type EepSigner, type ResolvedSigner, resolveSigner } from './signer.js';

/** Options of {@link signEep}. */
export interface SignEepOptions {
  /**
   * The `电子签名` the new `锁定签名` locks: `'new'` (default, the signature being added) or the
   * `签名标识符` of one already in the top-level `电子签名块`. The lock is signed by the new signer and
   * replaces the old `锁定签名`.
   */
  readonly lock?: string;
  /** Clock for `签名时间` when the signer has no `signedAt`; without either, 签名时间 is left out. */
  readonly now?: () => Date;
  /** UTC offset in minutes for writing `Date` values (default 480, +08:00). */
  readonly utcOffsetMinutes?: number;
  /** Bytes read at a time (default 1 MiB). */
  readonly chunkSize?: number;
  /** Aborts signing (`ABORTED`). */
  readonly signal?: AbortSignal;
}

/** What {@link signEep} wrote. */
export interface SignEepResult {
  /** `签名标识符` of the new `电子签名` (`修改R-签名S`). */
  readonly signatureId: string;
  /** The DER signature over `被签名对象`. */
  readonly signature: Uint8Array;
  /** `被锁定签名标识符` of the new `锁定签名`. */
  readonly lockedSignature: string;
  /** R of the EEP's outermost layer. */
  readonly modification: number;
  /** `签名标识符`s of the top-level `电子签名块`, in order, the new one last. */
  readonly signatures: readonly string[];
  /** Where `被签名对象` is in the output (and, unchanged, in the input). */
  readonly signedObject: EepByteRange;
  /** Total bytes written. */
  readonly byteLength: number;
}

function inputError(zh: string, en: string, cause?: unknown): DanganError {
  return eepError('EEP_SOURCE_INVALID', `要签名的封装包无效：${zh}`, `The EEP to sign is invalid: ${en}`, {
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Adds a signature to an existing EEP (封装包追加签名), unsigned or signed, as a stream: copies the EEP
 * byte for byte while hashing the exact bytes of its top-level `被签名对象` (SM2/SM3 with the signer's user
 * id), appends a new `电子签名` (`修改R-签名S`, S the next free number) to the top-level `电子签名块` (made
 * if there is none), and writes a new `锁定签名` over the chosen signature in place of the old one. The
 * `被签名对象` and the existing `电子签名` are untouched, so their signatures stay valid. Elements written
 * use the EEP's own namespace prefix.
 *
 * The signer is checked before reading (`EEP_SIGNER_INVALID`); the input while streaming
 * (`EEP_SOURCE_INVALID` for malformed XML or a document that is not a DA/T 48 EEP,
 * `EEP_SIGNATURE_NOT_FOUND` for a lock target that is not there), always before the document's last bytes.
 *
 * @example
 * const signed = signEep(fromFile('0001.eep'), { privateKey, certificate }, { now: () => new Date() });
 * await sink.write('0001.eep', signed);
 * console.log((await signed.result).signatureId); // '修改0-签名2'
 */
export function signEep(
  eep: ByteSource,
  signer: EepSigner,
  options: SignEepOptions = {},
): StreamWithResult<SignEepResult> {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const signedAt =
    options.now === undefined ? undefined : eepDateTime(options.now(), 'now', options.utcOffsetMinutes);
  const resolved = resolveSigner(signer, '签名人', signedAt, options.utcOffsetMinutes);
  if (options.lock !== undefined && (typeof options.lock !== 'string' || options.lock === ''))
    throw new TypeError("options.lock must be 'new' or a 签名标识符");
  if (options.chunkSize !== undefined && (!Number.isSafeInteger(options.chunkSize) || options.chunkSize < 1))
    throw new RangeError(`options.chunkSize must be a positive integer, got ${String(options.chunkSize)}`);
  return settleOnce(() => run(eep, resolved, options), '封装包');
}

async function* run(
  source: ByteSource,
  signer: ResolvedSigner,
  options: SignEepOptions,
): AsyncGenerator<Uint8Array, SignEepResult, undefined> {
  const state = new SignState(signer, options.lock ?? 'new');
  const out = new ByteOutput();
  for await (const chunk of chunks(source, {
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })) {
    state.feed(chunk, out);
    yield* out.ready();
  }
  state.end();
  yield* out.all();
  return state.result(out.offset);
}

/** The token-by-token state of {@link signEep}. */
class SignState {
  readonly #scanner = new XmlByteScanner();
  readonly #ns = new XmlNamespaceScope();
  readonly #signer: ResolvedSigner;
  readonly #lock: string;
  readonly #hasher: Hasher;
  /** Every xs:ID value seen, to keep the new 签名标识符 unique. */
  readonly #collector = new EepIdCollector();
  readonly #ids = this.#collector.ids;
  /** Top-level 电子签名: 签名标识符 → exact bytes. */
  readonly #topSignatures = new Map<string, Uint8Array>();
  #prefix = '';
  #layers = 0;
  #section: 'signed' | 'signatures' | 'lock' | 'other' | undefined;
  #seenSigned = false;
  #seenSignatures = false;
  #signedRange: EepByteRange | undefined;
  #signedStart = -1;
  /** Whitespace between top-level elements, held until we know whether the next one is kept. */
  #space: Uint8Array[] = [];
  /** The top-level 电子签名 being captured. */
  #capture: Uint8Array[] | undefined;
  #captureId: string | undefined;
  #written: { id: string; signature: Uint8Array } | undefined;
  #rootDone = false;

  constructor(signer: ResolvedSigner, lock: string) {
    this.#signer = signer;
    this.#lock = lock;
    this.#hasher = sm2.createMessageHasher(signer.publicKey, { userId: signer.userId });
  }

  feed(chunk: Uint8Array, out: ByteOutput): void {
    let tokens: XmlByteToken[];
    try {
      tokens = this.#scanner.push(chunk);
    } catch (e) {
      if (e instanceof DanganError && e.code.startsWith('XML_'))
        throw inputError(e.message, e.messageEn ?? e.message, e);
      throw e;
    }
    for (const t of tokens) this.#token(t, out);
  }

  end(): void {
    try {
      this.#scanner.end();
    } catch (e) {
      if (e instanceof DanganError && e.code.startsWith('XML_'))
        throw inputError(e.message, e.messageEn ?? e.message, e);
      throw e;
    }
  }

  result(byteLength: number): SignEepResult {
    const written = this.#written!;
    return {
      signatureId: written.id,
      signature: written.signature,
      lockedSignature: this.#lock === 'new' ? written.id : this.#lock,
      modification: this.#layers - 1,
      signatures: [...this.#topSignatures.keys()],
      signedObject: this.#signedRange!,
      byteLength,
    };
  }

  #token(t: XmlByteToken, out: ByteOutput): void {
    const depth = t.depth;
    if (t.kind === 'start') {
      const { local, uri } = this.#ns.enter(t);
      if (depth === 0) this.#root(t, local, uri);
      if (uri === DAT48_NAMESPACE && local === '被签名对象') this.#layers++;
      if (depth === 1) this.#enterTop(t, local, uri, out);
      if (depth === 2 && this.#section === 'signatures' && uri === DAT48_NAMESPACE && local === '电子签名') {
        this.#capture = [];
        this.#captureId = undefined;
      }
      this.#collector.start(t, local);
    }
    if (t.kind === 'end' && depth === 0 && !this.#rootDone) {
      this.#rootDone = true;
      this.#finish(out);
    }
    if (t.kind === 'text') this.#collector.text(t.bytes);
    if (t.kind === 'cdata') this.#collector.text(t.content);
    // Output: drop the old 锁定签名 (and the whitespace before it), copy everything else.
    if (this.#section === 'lock') {
      this.#space = [];
    } else if (depth === 1 && t.kind === 'text') {
      this.#space.push(t.bytes.slice());
    } else {
      for (const s of this.#space.splice(0)) out.write(s);
      if (this.#section === 'signatures' && depth === 1 && t.kind === 'end') this.#insertSignature(out);
      out.write(t.bytes);
    }
    if (this.#section === 'signed') this.#hasher.update(t.bytes);
    if (this.#capture !== undefined) this.#capture.push(t.bytes.slice());
    if (t.kind === 'end') this.#endElement(t.depth, out);
  }

  #root(t: XmlStartTagToken, local: string, uri: string): void {
    if (local !== '电子文件封装包' || uri !== DAT48_NAMESPACE) {
      throw inputError(
        `根元素是 <${t.name}>（命名空间 ${uri || '无'}），不是 DA/T 48 的 <电子文件封装包>`,
        `the root is <${t.name}> (namespace ${uri || 'none'}), not DA/T 48's <电子文件封装包>`,
      );
    }
    const colon = t.name.indexOf(':');
    this.#prefix = colon < 0 ? '' : t.name.slice(0, colon + 1);
  }

  #enterTop(t: XmlStartTagToken, local: string, uri: string, out: ByteOutput): void {
    const ours = uri === DAT48_NAMESPACE;
    if (ours && local === '被签名对象') {
      if (this.#seenSigned) throw inputError('有多个被签名对象', 'it has more than one 被签名对象');
      this.#seenSigned = true;
      this.#section = 'signed';
      this.#signedStart = out.offset + this.#space.reduce((n, s) => n + s.length, 0);
    } else if (ours && local === '电子签名块') {
      if (!this.#seenSigned || this.#seenSignatures)
        throw inputError('电子签名块的位置或个数不对', '电子签名块 is misplaced or repeated');
      if (t.selfClosing) throw inputError('电子签名块为空', '电子签名块 is empty');
      this.#seenSignatures = true;
      this.#section = 'signatures';
    } else if (ours && local === '锁定签名') {
      this.#section = 'lock';
    } else {
      this.#section = 'other';
    }
  }

  #endElement(depth: number, out: ByteOutput): void {
    this.#ns.exit();
    // ID elements hold only text: the first end after one started is its own.
    const id = this.#collector.end();
    if (id !== undefined && this.#capture !== undefined && this.#captureId === undefined)
      this.#captureId = id;
    if (depth === 2 && this.#capture !== undefined) {
      const bytes = concatBytes(this.#capture);
      this.#capture = undefined;
      if (this.#captureId !== undefined) this.#topSignatures.set(this.#captureId, bytes);
      this.#captureId = undefined;
    }
    if (depth === 1) {
      if (this.#section === 'signed') this.#signedRange = { start: this.#signedStart, end: out.offset };
      this.#section = undefined;
    }
  }

  /** Before the top-level `</电子签名块>`: the new 电子签名. */
  #insertSignature(out: ByteOutput): void {
    out.writeText(this.#newSignatureXml());
  }

  /** Before the root's end tag: a new 电子签名块 if there was none, then the new 锁定签名. */
  #finish(out: ByteOutput): void {
    if (!this.#seenSigned) throw inputError('没有被签名对象', 'it has no 被签名对象');
    const space = this.#space.splice(0);
    for (const s of space) out.write(s);
    if (!this.#seenSignatures) {
      out.writeText(`<${this.#prefix}电子签名块>${this.#newSignatureXml()}</${this.#prefix}电子签名块>`);
    }
    const written = this.#written!;
    const lockId = this.#lock === 'new' ? written.id : this.#lock;
    const locked = this.#topSignatures.get(lockId);
    if (locked === undefined) {
      throw eepError(
        'EEP_SIGNATURE_NOT_FOUND',
        `要锁定的电子签名“${lockId}”不在电子签名块中（有：${[...this.#topSignatures.keys()].join('、') || '无'}）`,
        `The signature to lock, “${lockId}”, is not in 电子签名块 (there are: ${[...this.#topSignatures.keys()].join(', ') || 'none'})`,
      );
    }
    const signer = this.#signer;
    const lockSignature = sm2.sign(locked, signer.privateKey, {
      userId: signer.userId,
      ...(signer.random === undefined ? {} : { random: signer.random }),
    });
    out.writeText(
      this.#xml((w) => writeSignatureElement(w, '锁定签名', lockId, signer, lockSignature, this.#prefix)),
    );
  }

  /** The new 电子签名 (made once), registered among the top-level signatures. */
  #newSignatureXml(): string {
    if (this.#written !== undefined) throw new Error('the new signature was already written');
    const r = this.#layers - 1;
    let s = this.#topSignatures.size + 1;
    while (this.#ids.has(eepSignatureId(r, s))) s++;
    const id = eepSignatureId(r, s);
    const signer = this.#signer;
    const signature = sm2.signDigest(this.#hasher.digest(), signer.privateKey, {
      ...(signer.random === undefined ? {} : { random: signer.random }),
    });
    const xml = this.#xml((w) => writeSignatureElement(w, '电子签名', id, signer, signature, this.#prefix));
    this.#written = { id, signature };
    this.#ids.add(id);
    this.#topSignatures.set(id, new TextEncoder().encode(xml));
    return xml;
  }

  #xml(write: (w: XmlWriter) => void): string {
    let text = '';
    const w = new XmlWriter(
      {
        writeText: (t) => {
          text += t;
        },
      },
      { namespaces: false },
    );
    write(w);
    w.close();
    return text;
  }
}
