import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DerReader,
  decodeDer,
  decodeOid,
  decodeTime,
  derBitString,
  derElement,
  derExplicit,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  encodeOid,
  integerValue,
  MAX_DER_DEPTH,
  TAG,
  walkDer,
} from '../../src/asn1/index.js';
import { fromHex, toHex } from '../../src/bytes/index.js';
import { DanganError } from '../../src/errors/index.js';

function asn1Code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof DanganError) return e.code;
    throw e;
  }
}

describe('decodeDer: strict lengths', () => {
  it('reads short and long definite lengths', () => {
    expect(decodeDer(fromHex('0403010203')).value).toEqual(fromHex('010203'));
    const long = new Uint8Array(3 + 200);
    long.set([0x04, 0x81, 200]);
    expect(decodeDer(long).value.length).toBe(200);
  });

  it.each([
    ['indefinite length', '3080020101 0000'],
    ['length beyond the buffer', '0405010203'],
    ['long form for a short length', '04810101'],
    ['leading zero length byte', '0482000101'],
    ['length field longer than 4 bytes', '0485010000000000'],
    ['truncated length field', '048201'],
    ['missing length', '04'],
    ['empty input', ''],
    ['high tag number form', '1f2200'],
    ['trailing bytes', '0400 00'],
    ['length near 2^32', '0484ffffffff00'],
  ])('refuses %s', (_name, hex) => {
    const bytes = fromHex(hex.replace(/ /g, ''));
    expect(asn1Code(() => decodeDer(bytes))).toBe('ASN1_INVALID');
  });

  it('names the field and offset in Chinese and English', () => {
    try {
      decodeDer(fromHex('0405010203'), 'tbsCertificate');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DanganError);
      const error = e as DanganError;
      expect(error.message).toContain('tbsCertificate');
      expect(error.message).toContain('超出');
      expect(error.messageEn).toContain('exceeds');
    }
  });
});

describe('DerReader', () => {
  it('reads fields in schema order and refuses extras', () => {
    const der = derSequence(derInteger(5n), derOid('1.2.3'), derNull(), derOctetString(fromHex('aa')));
    const seq = DerReader.of(decodeDer(der), 'X');
    expect(seq.integer('a')).toBe(5n);
    expect(seq.oid('b')).toBe('1.2.3');
    seq.null('c');
    expect(seq.optional(TAG.INTEGER, 'd')).toBeUndefined();
    expect(seq.octetString('e')).toEqual(fromHex('aa'));
    seq.end('X');
    const extra = DerReader.of(decodeDer(derSequence(derNull(), derNull())), 'X');
    extra.null('a');
    expect(asn1Code(() => extra.end('X'))).toBe('ASN1_INVALID');
  });

  it('reports the wrong tag', () => {
    const seq = DerReader.of(decodeDer(derSequence(derNull())), 'X');
    expect(() => seq.integer('version')).toThrow(/INTEGER/);
  });

  it('checks INTEGER minimality and sign', () => {
    expect(integerValue(fromHex('00ff'))).toBe(255n);
    expect(integerValue(fromHex('ff'))).toBe(-1n);
    expect(integerValue(fromHex('ff7f'))).toBe(-129n);
    expect(integerValue(fromHex('80'))).toBe(-128n);
    for (const bad of ['', '0001', 'ff80', '00007f']) {
      expect(asn1Code(() => integerValue(fromHex(bad)))).toBe('ASN1_INVALID');
    }
  });

  it('checks BIT STRING, BOOLEAN and NULL encodings', () => {
    const read = (hex: string, f: (r: DerReader) => unknown) =>
      asn1Code(() => f(new DerReader(fromHex(hex))));
    expect(read('030100', (r) => r.bitString('k'))).toBeUndefined();
    expect(read('0302010f', (r) => r.bitString('k'))).toBe('ASN1_INVALID'); // unused bits
    expect(read('030108', (r) => r.bitString('k'))).toBe('ASN1_INVALID'); // unused count on empty
    expect(read('0300', (r) => r.bitString('k'))).toBe('ASN1_INVALID');
    expect(read('010101', (r) => r.boolean('b'))).toBe('ASN1_INVALID');
    expect(new DerReader(fromHex('0101ff')).boolean('b')).toBe(true);
    expect(read('050100', (r) => r.null('n'))).toBe('ASN1_INVALID');
  });

  it('refuses nesting deeper than MAX_DER_DEPTH without exhausting the stack', () => {
    let der = derNull();
    for (let i = 0; i < MAX_DER_DEPTH + 5; i++) der = derSequence(der);
    expect(asn1Code(() => walkDer(der))).toBe('ASN1_INVALID');
    let ok = derNull();
    for (let i = 0; i < MAX_DER_DEPTH; i++) ok = derSequence(ok);
    expect(walkDer(ok)).toBe(MAX_DER_DEPTH + 1);
    // 5,000 nested definite-length SEQUENCEs: refused as ASN1_INVALID, never a stack overflow.
    let deep = derNull();
    for (let i = 0; i < 5000; i++) deep = derSequence(deep);
    expect(asn1Code(() => walkDer(deep))).toBe('ASN1_INVALID');
    let reader = DerReader.of(decodeDer(deep), 'deep');
    expect(() => {
      for (;;) reader = reader.sequence('deep');
    }).toThrow(/嵌套/);
  });
});

describe('OBJECT IDENTIFIER', () => {
  it.each([
    ['1.2.840.10045.2.1', '2a8648ce3d0201'],
    ['1.2.156.10197.1.301', '2a811ccf5501822d'],
    ['2.999.3', '883703'],
    ['0.9.2342.19200300.100.1.25', '0992268993f22c640119'],
    ['2.25.329800735698586629295641978511506172918', '6983f09da7ebcfdee0c7a1a7b2c0948cc8f9d776'],
  ])('%s encodes and decodes (expected bytes from openssl asn1parse -genstr)', (oid, hex) => {
    expect(toHex(encodeOid(oid))).toBe(hex);
    expect(decodeOid(fromHex(hex))).toBe(oid);
  });

  it('refuses non-minimal arcs, dangling bytes and empty contents', () => {
    for (const bad of ['', '2a80 01', '2a86', '80 01']) {
      expect(asn1Code(() => decodeOid(fromHex(bad.replace(/ /g, ''))))).toBe('ASN1_INVALID');
    }
    expect(() => encodeOid('3.1')).toThrow(RangeError);
    expect(() => encodeOid('1.40')).toThrow(RangeError);
    expect(() => encodeOid('1.02')).toThrow(RangeError);
  });

  it('round-trips any valid OID', () => {
    const oid = fc
      .tuple(
        fc.constantFrom(0, 1, 2),
        fc.nat(39),
        fc.array(fc.bigInt({ min: 0n, max: (1n << 100n) - 1n }), { maxLength: 8 }),
      )
      .map(([a, b, rest]) => [a, b, ...rest].join('.'));
    fc.assert(fc.property(oid, (text) => decodeOid(encodeOid(text)) === text));
  });
});

describe('time', () => {
  const ascii = (s: string) => new TextEncoder().encode(s);
  it('reads UTCTime with the RFC 5280 century window and GeneralizedTime', () => {
    expect(decodeTime(TAG.UTC_TIME, ascii('491231235959Z')).toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(decodeTime(TAG.UTC_TIME, ascii('500101000000Z')).toISOString()).toBe('1950-01-01T00:00:00.000Z');
    expect(decodeTime(TAG.GENERALIZED_TIME, ascii('20810824061510Z')).toISOString()).toBe(
      '2081-08-24T06:15:10.000Z',
    );
    expect(decodeTime(TAG.GENERALIZED_TIME, ascii('20240229120000.5Z')).toISOString()).toBe(
      '2024-02-29T12:00:00.500Z',
    );
  });

  it.each([
    [TAG.UTC_TIME, '2501010000Z'], // no seconds
    [TAG.UTC_TIME, '250101000000+0800'], // offset instead of Z
    [TAG.UTC_TIME, '250230000000Z'], // 30 February
    [TAG.UTC_TIME, '251301000000Z'],
    [TAG.UTC_TIME, '250101240000Z'],
    [TAG.GENERALIZED_TIME, '20250101000000.50Z'], // trailing zero in the fraction
    [TAG.GENERALIZED_TIME, '20250101000000'],
    [TAG.GENERALIZED_TIME, '20230229000000Z'],
  ])('refuses %i %s', (tag, text) => {
    expect(asn1Code(() => decodeTime(tag, ascii(text)))).toBe('ASN1_INVALID');
  });
});

describe('writer', () => {
  it('writes minimal INTEGERs', () => {
    const cases: Array<[bigint, string]> = [
      [0n, '020100'],
      [127n, '02017f'],
      [128n, '02020080'],
      [255n, '020200ff'],
      [256n, '02020100'],
      [-1n, '0201ff'],
      [-128n, '020180'],
      [-129n, '0202ff7f'],
    ];
    for (const [value, hex] of cases) expect(toHex(derInteger(value))).toBe(hex);
  });

  it('writes long lengths minimally', () => {
    expect(toHex(derElement(0x04, new Uint8Array(127)).subarray(0, 2))).toBe('047f');
    expect(toHex(derElement(0x04, new Uint8Array(128)).subarray(0, 3))).toBe('048180');
    expect(toHex(derElement(0x04, new Uint8Array(256)).subarray(0, 4))).toBe('04820100');
    expect(toHex(derExplicit(1, derBitString(fromHex('04'))))).toBe('a1040302' + '0004');
  });

  it('round-trips any INTEGER', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 600n), max: 1n << 600n }), (n) => {
        const reader = new DerReader(derInteger(n));
        return reader.integer('n') === n;
      }),
    );
  });

  it('produces trees that the strict walker accepts', () => {
    const leaf = fc.oneof(
      fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }).map(derInteger),
      fc.uint8Array({ maxLength: 300 }).map(derOctetString),
      fc.uint8Array({ maxLength: 40 }).map(derBitString),
      fc.constant(derNull()),
      fc.constantFrom('1.2.156.10197.1.301', '2.5.4.3', '1.2.840.10045.2.1').map(derOid),
    );
    const tree = fc.letrec<{ node: Uint8Array }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }).map((kids) => derSequence(...kids)),
        tie('node').map((kid) => derExplicit(0, kid)),
      ),
    })).node;
    fc.assert(fc.property(tree, (der) => walkDer(der) >= 1));
  });
});

describe('hostile input', () => {
  it('random bytes only ever throw DanganError ASN1_INVALID', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const code = asn1Code(() => walkDer(bytes));
        return code === undefined || code === 'ASN1_INVALID';
      }),
      { numRuns: 5000 },
    );
  });

  it('random bytes behind a valid-looking header only ever throw ASN1_INVALID', () => {
    const framed = fc.uint8Array({ maxLength: 300 }).map((body) => {
      const out = new Uint8Array(body.length + 4);
      out.set([0x30, 0x82, body.length >> 8, body.length & 0xff]);
      out.set(body, 4);
      return out;
    });
    fc.assert(
      fc.property(framed, (bytes) => {
        const code = asn1Code(() => walkDer(bytes));
        return code === undefined || code === 'ASN1_INVALID';
      }),
      { numRuns: 5000 },
    );
  });

  it('mutations of a valid structure only ever throw ASN1_INVALID', () => {
    const base = derSequence(
      derInteger(1n),
      derSequence(derOid('1.2.840.10045.2.1'), derOid('1.2.156.10197.1.301')),
      derExplicit(0, derOctetString(new Uint8Array(40).fill(7))),
      derBitString(new Uint8Array(65).fill(4)),
    );
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const bytes = base.slice();
        bytes[at] = value;
        const code = asn1Code(() => walkDer(bytes));
        return code === undefined || code === 'ASN1_INVALID';
      }),
      { numRuns: 3000 },
    );
  });
});
