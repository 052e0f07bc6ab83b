import { asn1Error } from './asn1-error.js';

/**
 * Dotted text of the contents of a DER OBJECT IDENTIFIER (strict: minimal base-128 arcs, no dangling byte).
 *
 * @example
 * decodeOid(new Uint8Array([0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d])); // '1.2.156.10197.1.301'
 */
export function decodeOid(content: Uint8Array, field = 'OBJECT IDENTIFIER', offset = 0): string {
  if (content.length === 0) throw asn1Error(field, 'OID 内容为空', 'empty OID', offset);
  const arcs: string[] = [];
  let i = 0;
  while (i < content.length) {
    if (content[i] === 0x80) {
      throw asn1Error(field, 'OID 子标识符不是最短编码', 'OID arc is not minimally encoded', offset + i);
    }
    const start = i;
    while (i < content.length && (content[i]! & 0x80) !== 0) i++;
    if (i >= content.length) throw asn1Error(field, 'OID 末字节缺失', 'OID ends inside an arc', offset + i);
    i++;
    const arc = arcValue(content, start, i);
    if (arcs.length === 0) {
      // The first subidentifier packs the first two arcs as 40·X + Y.
      const first = arc < 40n ? 0n : arc < 80n ? 1n : 2n;
      arcs.push(first.toString(), (arc - first * 40n).toString());
    } else {
      arcs.push(arc.toString());
    }
  }
  return arcs.join('.');
}

function arcValue(content: Uint8Array, start: number, end: number): bigint {
  if (end - start <= 7) {
    let n = 0;
    for (let j = start; j < end; j++) n = n * 128 + (content[j]! & 0x7f);
    return BigInt(n);
  }
  let n = 0n;
  for (let j = start; j < end; j++) n = (n << 7n) | BigInt(content[j]! & 0x7f);
  return n;
}

/**
 * Contents bytes of a DER OBJECT IDENTIFIER for dotted text. Throws `RangeError` for text that is no OID.
 *
 * @example
 * encodeOid('1.2.840.10045.2.1'); // Uint8Array [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]
 */
export function encodeOid(oid: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9][0-9]*))+$/.test(oid)) throw new RangeError(`oid is not a dotted OID: ${oid}`);
  const arcs = oid.split('.').map((a) => BigInt(a));
  const [x, y] = arcs as [bigint, bigint];
  if (x < 2n && y >= 40n) throw new RangeError(`oid second arc must be < 40 under ${x}: ${oid}`);
  const out: number[] = [];
  for (const arc of [x * 40n + y, ...arcs.slice(2)]) {
    const bytes = [Number(arc & 0x7fn)];
    for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) bytes.unshift(Number(rest & 0x7fn) | 0x80);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}
