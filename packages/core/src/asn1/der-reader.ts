import { asn1Error } from './asn1-error.js';
import { decodeOid } from './oid.js';
import { TAG, tagName } from './tags.js';
import { decodeTime } from './time.js';

/**
 * Deepest nesting a DER reader follows. X.509 certificates nest about ten levels; anything much deeper is
 * hostile input, refused before it can cost stack or time.
 */
export const MAX_DER_DEPTH = 32;

/** One DER element (tag, length, value) inside a larger buffer; `value` and `encoded` are views, not copies. */
export interface DerElement {
  /** The identifier octet (class, constructed bit and tag number; high tag numbers are refused). */
  readonly tag: number;
  /** Whether the constructed bit is set. */
  readonly constructed: boolean;
  /** Offset of the identifier octet from the start of the outermost buffer. */
  readonly offset: number;
  /** Offset of the first contents byte from the start of the outermost buffer. */
  readonly valueOffset: number;
  /** Nesting level: 0 for a top-level element. */
  readonly depth: number;
  /** The contents octets. */
  readonly value: Uint8Array;
  /** The whole element: identifier, length and contents. */
  readonly encoded: Uint8Array;
}

/**
 * Reads the element at `pos` of `bytes` strictly: definite minimal lengths within the buffer, low tag numbers.
 * `base` is the absolute offset of `bytes[0]`, used in messages.
 */
function readElement(bytes: Uint8Array, pos: number, base: number, depth: number, field: string): DerElement {
  const at = base + pos;
  if (pos >= bytes.length) throw asn1Error(field, '数据意外结束', 'unexpected end of data', at);
  const tag = bytes[pos]!;
  if ((tag & 0x1f) === 0x1f)
    throw asn1Error(field, '不支持高标签号编码', 'high tag numbers are not supported', at);
  if (pos + 1 >= bytes.length) throw asn1Error(field, '缺少长度字节', 'missing length octet', at);
  const first = bytes[pos + 1]!;
  let length: number;
  let header: number;
  if (first < 0x80) {
    length = first;
    header = 2;
  } else if (first === 0x80) {
    throw asn1Error(field, 'DER 不允许不定长编码', 'indefinite length is not allowed in DER', at);
  } else {
    const count = first & 0x7f;
    if (count > 4) throw asn1Error(field, '长度字段过长', 'length field too long', at);
    if (pos + 2 + count > bytes.length)
      throw asn1Error(field, '长度字段被截断', 'truncated length field', at);
    if (bytes[pos + 2] === 0)
      throw asn1Error(field, '长度不是最短编码', 'length is not minimally encoded', at);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos + 2 + i]!;
    if (length < 0x80) throw asn1Error(field, '长度不是最短编码', 'length is not minimally encoded', at);
    header = 2 + count;
  }
  const end = pos + header + length;
  if (end > bytes.length) {
    throw asn1Error(
      field,
      `声明长度 ${length} 超出数据范围`,
      `declared length ${length} exceeds the data`,
      at,
    );
  }
  return {
    tag,
    constructed: (tag & 0x20) !== 0,
    offset: at,
    valueOffset: at + header,
    depth,
    value: bytes.subarray(pos + header, end),
    encoded: bytes.subarray(pos, end),
  };
}

/**
 * Decodes bytes that must be exactly one DER element (no trailing bytes).
 *
 * @example
 * const cert = decodeDer(der); // cert.tag === 0x30
 */
export function decodeDer(bytes: Uint8Array, field = 'DER'): DerElement {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
  const element = readElement(bytes, 0, 0, 0, field);
  if (element.encoded.length !== bytes.length) {
    throw asn1Error(field, '元素之后有多余字节', 'trailing bytes after the element', element.encoded.length);
  }
  return element;
}

/**
 * A cursor over the elements inside a constructed element (or a whole buffer), reading them in schema order.
 * Every reader checks its field strictly and throws `DanganError` `ASN1_INVALID` naming the field.
 *
 * @example
 * const seq = DerReader.of(decodeDer(der), 'ECDSA-Sig-Value');
 * const r = seq.integer('r'); const s = seq.integer('s'); seq.end('ECDSA-Sig-Value');
 */
export class DerReader {
  readonly #bytes: Uint8Array;
  readonly #base: number;
  readonly #depth: number;
  #pos = 0;

  /** A reader over `bytes` whose elements sit at nesting level `depth`; `base` is its absolute offset. */
  constructor(bytes: Uint8Array, base = 0, depth = 0) {
    if (depth > MAX_DER_DEPTH) {
      throw asn1Error('DER', `嵌套超过 ${MAX_DER_DEPTH} 层`, `nesting deeper than ${MAX_DER_DEPTH}`, base);
    }
    this.#bytes = bytes;
    this.#base = base;
    this.#depth = depth;
  }

  /** A reader over the contents of a constructed element. */
  static of(element: DerElement, field: string): DerReader {
    if (!element.constructed) {
      throw asn1Error(field, '期望构造类型', 'expected a constructed element', element.offset);
    }
    return new DerReader(element.value, element.valueOffset, element.depth + 1);
  }

  /** Whether all elements were read. */
  get done(): boolean {
    return this.#pos >= this.#bytes.length;
  }

  /** The identifier octet of the next element, or `undefined` at the end. */
  peek(): number | undefined {
    return this.#bytes[this.#pos];
  }

  /** Reads the next element, whatever its tag. */
  next(field: string): DerElement {
    const element = readElement(this.#bytes, this.#pos, this.#base, this.#depth, field);
    this.#pos += element.encoded.length;
    return element;
  }

  /** Reads the next element, which must have identifier octet `tag`. */
  expect(tag: number, field: string): DerElement {
    const actual = this.peek();
    if (actual !== tag) {
      const got = actual === undefined ? '数据结束' : tagName(actual);
      const gotEn = actual === undefined ? 'end of data' : tagName(actual);
      throw asn1Error(
        field,
        `期望 ${tagName(tag)}，实际为 ${got}`,
        `expected ${tagName(tag)}, got ${gotEn}`,
        this.#at,
      );
    }
    return this.next(field);
  }

  /** Reads the next element if its identifier octet is `tag` (an OPTIONAL field), else `undefined`. */
  optional(tag: number, field: string): DerElement | undefined {
    return this.peek() === tag ? this.next(field) : undefined;
  }

  /** Reads a SEQUENCE and returns a reader over its contents. */
  sequence(field: string): DerReader {
    return DerReader.of(this.expect(TAG.SEQUENCE, field), field);
  }

  /** Reads an INTEGER (minimal two's complement) as a bigint. */
  integer(field: string): bigint {
    const element = this.expect(TAG.INTEGER, field);
    return integerValue(element.value, field, element.offset);
  }

  /** Reads an INTEGER that must fit a non-negative safe JavaScript number (versions, small counts). */
  smallInteger(field: string): number {
    const value = this.integer(field);
    if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw asn1Error(field, '整数超出范围', 'integer out of range', this.#at);
    }
    return Number(value);
  }

  /** Reads an OBJECT IDENTIFIER as dotted text. */
  oid(field: string): string {
    const element = this.expect(TAG.OID, field);
    return decodeOid(element.value, field, element.valueOffset);
  }

  /** Reads an OCTET STRING's contents. */
  octetString(field: string): Uint8Array {
    return this.expect(TAG.OCTET_STRING, field).value;
  }

  /** Reads a BIT STRING that must hold whole bytes (no unused bits), returning those bytes. */
  bitString(field: string): Uint8Array {
    const element = this.expect(TAG.BIT_STRING, field);
    checkBitString(element, field);
    if (element.value[0] !== 0) {
      throw asn1Error(field, 'BIT STRING 含未用位', 'BIT STRING has unused bits', element.valueOffset);
    }
    return element.value.subarray(1);
  }

  /** Reads a NULL. */
  null(field: string): void {
    const element = this.expect(TAG.NULL, field);
    if (element.value.length !== 0)
      throw asn1Error(field, 'NULL 内容非空', 'NULL is not empty', element.offset);
  }

  /** Reads a BOOLEAN (DER: 0x00 or 0xff). */
  boolean(field: string): boolean {
    const element = this.expect(TAG.BOOLEAN, field);
    checkBoolean(element, field);
    return element.value[0] === 0xff;
  }

  /** Reads a UTCTime or GeneralizedTime (DER forms, UTC) as a `Date`. */
  time(field: string): Date {
    const tag = this.peek();
    const element = this.expect(tag === TAG.GENERALIZED_TIME ? TAG.GENERALIZED_TIME : TAG.UTC_TIME, field);
    return decodeTime(element.tag, element.value, field, element.offset);
  }

  /** Asserts every element was read: a structure with extra elements is not the one expected. */
  end(field: string): void {
    if (!this.done) throw asn1Error(field, '结构末尾有多余元素', 'unexpected extra elements', this.#at);
  }

  get #at(): number {
    return this.#base + this.#pos;
  }
}

/**
 * Value of INTEGER contents: non-empty, minimal two's complement.
 *
 * @example
 * integerValue(new Uint8Array([0x00, 0x80])); // 128n
 */
export function integerValue(content: Uint8Array, field = 'INTEGER', offset = 0): bigint {
  checkIntegerContent(content, field, offset);
  let hex = '';
  for (const b of content) hex += b.toString(16).padStart(2, '0');
  const value = BigInt(`0x${hex}`);
  return content[0]! >= 0x80 ? value - (1n << BigInt(content.length * 8)) : value;
}

function checkIntegerContent(content: Uint8Array, field: string, offset: number): void {
  if (content.length === 0) throw asn1Error(field, 'INTEGER 内容为空', 'empty INTEGER', offset);
  if (content.length > 1) {
    const [a, b] = [content[0]!, content[1]!];
    if ((a === 0x00 && b < 0x80) || (a === 0xff && b >= 0x80)) {
      throw asn1Error(field, 'INTEGER 不是最短编码', 'INTEGER is not minimally encoded', offset);
    }
  }
}

function checkBitString(element: DerElement, field: string): void {
  const v = element.value;
  if (v.length === 0) throw asn1Error(field, 'BIT STRING 内容为空', 'empty BIT STRING', element.offset);
  const unused = v[0]!;
  if (unused > 7 || (v.length === 1 && unused !== 0)) {
    throw asn1Error(field, 'BIT STRING 未用位数无效', 'invalid unused-bit count', element.offset);
  }
  // DER: the unused bits of the last byte are zero.
  if (unused > 0 && (v[v.length - 1]! & ((1 << unused) - 1)) !== 0) {
    throw asn1Error(field, 'BIT STRING 未用位不为 0', 'BIT STRING unused bits are not zero', element.offset);
  }
}

function checkBoolean(element: DerElement, field: string): void {
  const v = element.value;
  if (v.length !== 1 || (v[0] !== 0x00 && v[0] !== 0xff)) {
    throw asn1Error(field, 'BOOLEAN 必须是 0x00 或 0xFF', 'BOOLEAN must be 0x00 or 0xFF', element.offset);
  }
}

/** Universal primitive types that DER forbids in constructed form. */
const PRIMITIVE_ONLY = /* @__PURE__ */ new Set<number>([
  TAG.BOOLEAN,
  TAG.INTEGER,
  TAG.BIT_STRING,
  TAG.OCTET_STRING,
  TAG.NULL,
  TAG.OID,
  TAG.UTF8_STRING,
  TAG.NUMERIC_STRING,
  TAG.PRINTABLE_STRING,
  TAG.T61_STRING,
  TAG.IA5_STRING,
  TAG.UTC_TIME,
  TAG.GENERALIZED_TIME,
  TAG.VISIBLE_STRING,
  TAG.UNIVERSAL_STRING,
  TAG.BMP_STRING,
]);

/**
 * Checks that `bytes` is exactly one well-formed DER element, all the way down: lengths, nesting depth,
 * and the encodings of the universal primitive types. Returns the number of elements seen.
 *
 * @example
 * walkDer(der); // throws DanganError ASN1_INVALID on anything that is not strict DER
 */
export function walkDer(bytes: Uint8Array): number {
  const root = decodeDer(bytes);
  let count = 0;
  const visit = (element: DerElement): void => {
    count++;
    const universal = (element.tag & 0xc0) === 0;
    const number = element.tag & 0x1f;
    if (element.constructed) {
      if (universal && PRIMITIVE_ONLY.has(number)) {
        throw asn1Error(
          'DER',
          'DER 不允许构造形式的基本类型',
          'constructed form of a primitive type',
          element.offset,
        );
      }
      const reader = DerReader.of(element, 'DER');
      while (!reader.done) visit(reader.next('DER'));
      return;
    }
    if (!universal) return;
    const at = element.offset;
    if (element.tag === TAG.INTEGER) checkIntegerContent(element.value, 'INTEGER', at);
    else if (element.tag === TAG.BOOLEAN) checkBoolean(element, 'BOOLEAN');
    else if (element.tag === TAG.BIT_STRING) checkBitString(element, 'BIT STRING');
    else if (element.tag === TAG.OID) decodeOid(element.value, 'OBJECT IDENTIFIER', element.valueOffset);
    else if (element.tag === TAG.NULL && element.value.length !== 0) {
      throw asn1Error('NULL', 'NULL 内容非空', 'NULL is not empty', at);
    } else if (element.tag === TAG.UTC_TIME || element.tag === TAG.GENERALIZED_TIME) {
      decodeTime(element.tag, element.value, 'Time', at);
    } else if (element.tag === TAG.SEQUENCE - 0x20 || element.tag === TAG.SET - 0x20) {
      throw asn1Error('DER', 'SEQUENCE/SET 必须是构造形式', 'SEQUENCE and SET must be constructed', at);
    }
  };
  visit(root);
  return count;
}
