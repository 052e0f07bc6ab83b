/** Identifier octets of the universal ASN.1 types dangan reads and writes (DER, low tag numbers only). */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/**
 * Identifier octet of a context-specific tag `[number]` (0–30).
 *
 * @example
 * contextTag(0, true); // 0xa0, the `[0] EXPLICIT` of an X.509 version
 */
export function contextTag(number: number, constructed: boolean): number {
  if (!Number.isInteger(number) || number < 0 || number > 30) throw new RangeError('number must be 0–30');
  return 0x80 | (constructed ? 0x20 : 0) | number;
}

/** Readable name of an identifier octet, for messages (`INTEGER`, `[0]`, `0x5f`). */
export function tagName(tag: number): string {
  for (const [name, value] of Object.entries(TAG)) if (value === tag) return name.replace('_', ' ');
  if ((tag & 0xc0) === 0x80) return `[${tag & 0x1f}]`;
  return `0x${tag.toString(16).padStart(2, '0')}`;
}
