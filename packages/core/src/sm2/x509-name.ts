import { type DerElement, DerReader, decodeString, TAG } from '../asn1/index.js';
import { toHex } from '../bytes/index.js';

/** One attribute of an X.509 distinguished name (`CN=张三` is `{ type: 'CN', oid: '2.5.4.3', value: '张三' }`). */
export interface NameAttribute {
  /** Short name (`CN`, `O`, `OU`, `C`…), or the dotted OID when the type has none. */
  readonly type: string;
  /** The attribute type's OID. */
  readonly oid: string;
  /** The value as text; `#` and the hex of its DER when it is not a character string. */
  readonly value: string;
}

/** A parsed X.509 Name. */
export interface DistinguishedName {
  /** RFC 4514 text, most specific RDN first: `CN=test,O=机构,C=CN`. */
  readonly text: string;
  /** Attributes in encoding order (country first, as OpenSSL prints), each RDN's members in order. */
  readonly attributes: readonly NameAttribute[];
}

// RFC 4514 §3 names, plus the ones Chinese CA certificates commonly carry.
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.17': 'postalCode',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

const STRING_TAGS = /* @__PURE__ */ new Set<number>([
  TAG.UTF8_STRING,
  TAG.PRINTABLE_STRING,
  TAG.IA5_STRING,
  TAG.NUMERIC_STRING,
  TAG.VISIBLE_STRING,
  TAG.T61_STRING,
  TAG.BMP_STRING,
  TAG.UNIVERSAL_STRING,
]);

/** RFC 4514 §2.4 escaping of an attribute value. */
function escapeValue(value: string): string {
  let out = value.replace(/[\\,+"<>;]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** Reads a Name (RDNSequence) element. */
export function readName(element: DerElement, field: string): DistinguishedName {
  const rdns = DerReader.of(element, field);
  const attributes: NameAttribute[] = [];
  const texts: string[] = [];
  while (!rdns.done) {
    const set = DerReader.of(rdns.expect(TAG.SET, `${field}.rdn`), `${field}.rdn`);
    const parts: string[] = [];
    do {
      const atv = set.sequence(`${field}.attribute`);
      const oid = atv.oid(`${field}.attribute.type`);
      const valueElement = atv.next(`${field}.attribute.value`);
      atv.end(`${field}.attribute`);
      const short = SHORT_NAMES[oid];
      const isText = STRING_TAGS.has(valueElement.tag);
      const value = isText
        ? decodeString(valueElement, `${field}.attribute.value`)
        : `#${toHex(valueElement.encoded)}`;
      attributes.push({ type: short ?? oid, oid, value });
      // RFC 4514: types without a short name are written as an OID with the value's DER in hex.
      parts.push(
        short !== undefined && isText
          ? `${short}=${escapeValue(value)}`
          : `${oid}=#${toHex(valueElement.encoded)}`,
      );
    } while (!set.done);
    texts.unshift(parts.join('+'));
  }
  return { text: texts.join(','), attributes };
}
