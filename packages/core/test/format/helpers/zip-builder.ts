import { crc32, deflateRawSync } from 'node:zlib';

/** One entry for {@link buildZip}. */
export interface ZipInput {
  readonly name: string;
  readonly data?: Uint8Array | string;
  /** 0 store (default), 8 deflate. */
  readonly method?: 0 | 8;
  /** Set general-purpose bit 0 (the data is written as is; only the flag matters to identification). */
  readonly encrypted?: boolean;
  /** Write sizes in a data descriptor after the data (bit 3) and zeros in the local header. */
  readonly descriptor?: 'signed' | 'unsigned';
  /** Raw name bytes (e.g. GBK) instead of UTF-8 of `name`; the UTF-8 flag is then not set. */
  readonly nameBytes?: Uint8Array;
  /** Set the UTF-8 flag (bit 11); default when the name is not ASCII and no `nameBytes` are given. */
  readonly utf8Flag?: boolean;
  /** Extra field bytes for both headers. */
  readonly extra?: Uint8Array;
}

/** Options of {@link buildZip}. */
export interface ZipOptions {
  readonly comment?: string;
  /** Bytes before the archive (self-extractor stub); offsets in the directory stay relative to the archive. */
  readonly prefix?: Uint8Array;
  /** Write ZIP64 end records (and 0xFFFF/0xFFFFFFFF in the classic end record). */
  readonly zip64End?: boolean;
}

const te = new TextEncoder();

/** A small, correct ZIP writer for tests: store or deflate, descriptors, ZIP64 end records, comments. */
export function buildZip(inputs: readonly ZipInput[], options: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = typeof input.data === 'string' ? te.encode(input.data) : (input.data ?? new Uint8Array(0));
    const method = input.method ?? 0;
    const data = method === 8 ? new Uint8Array(deflateRawSync(raw)) : raw;
    const nameBytes = input.nameBytes ?? te.encode(input.name);
    const utf8 = input.utf8Flag ?? (input.nameBytes === undefined && /[^\x20-\x7e]/.test(input.name));
    const extra = input.extra ?? new Uint8Array(0);
    const crc = crc32(raw);
    let flags = 0;
    if (input.encrypted) flags |= 0x0001;
    if (input.descriptor) flags |= 0x0008;
    if (utf8) flags |= 0x0800;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint16(10, 0, true);
    local.setUint16(12, 0x5821, true);
    if (!input.descriptor) {
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, raw.length, true);
    }
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, extra.length, true);
    const localBytes = new Uint8Array(local.buffer);
    parts.push(localBytes, nameBytes, extra, data);
    let size = 30 + nameBytes.length + extra.length + data.length;
    if (input.descriptor) {
      const signed = input.descriptor === 'signed';
      const d = new DataView(new ArrayBuffer(signed ? 16 : 12));
      let p = 0;
      if (signed) {
        d.setUint32(0, 0x08074b50, true);
        p = 4;
      }
      d.setUint32(p, crc, true);
      d.setUint32(p + 4, data.length, true);
      d.setUint32(p + 8, raw.length, true);
      parts.push(new Uint8Array(d.buffer));
      size += d.byteLength;
    }
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint16(14, 0x5821, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, raw.length, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint16(30, extra.length, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), nameBytes, extra);
    offset += size;
  }
  const cdOffset = offset;
  const cdSize = central.reduce((n, p) => n + p.length, 0);
  const comment = te.encode(options.comment ?? '');
  const tail: Uint8Array[] = [];
  if (options.zip64End) {
    const z = new DataView(new ArrayBuffer(56));
    z.setUint32(0, 0x06064b50, true);
    z.setBigUint64(4, 44n, true);
    z.setUint16(12, 45, true);
    z.setUint16(14, 45, true);
    z.setBigUint64(24, BigInt(inputs.length), true);
    z.setBigUint64(32, BigInt(inputs.length), true);
    z.setBigUint64(40, BigInt(cdSize), true);
    z.setBigUint64(48, BigInt(cdOffset), true);
    const l = new DataView(new ArrayBuffer(20));
    l.setUint32(0, 0x07064b50, true);
    l.setBigUint64(8, BigInt(cdOffset + cdSize), true);
    l.setUint32(16, 1, true);
    tail.push(new Uint8Array(z.buffer), new Uint8Array(l.buffer));
  }
  const e = new DataView(new ArrayBuffer(22));
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, options.zip64End ? 0xffff : inputs.length, true);
  e.setUint16(10, options.zip64End ? 0xffff : inputs.length, true);
  e.setUint32(12, options.zip64End ? 0xffffffff : cdSize, true);
  e.setUint32(16, options.zip64End ? 0xffffffff : cdOffset, true);
  e.setUint16(20, comment.length, true);
  tail.push(new Uint8Array(e.buffer), comment);
  return concat([options.prefix ?? new Uint8Array(0), ...parts, ...central, ...tail]);
}

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
