import { toBase64 } from '@dangan/core';
import { type MetadataElement, type MetadataScheme, schemeIndex, type UnknownRecord } from '@dangan/metadata';
import fc from 'fast-check';

/**
 * fast-check records that a scheme accepts: every 必选 element, every 条件选 element that has a condition
 * (so whatever the condition says, it holds), random optional ones; values from each element's type and
 * domain; consistency rules (年度 = year of 日期, later ≥ earlier) fixed up afterwards. Shared by the
 * validation, JSON Schema and XML round-trip tests.
 */
export function arbitraryRecord(scheme: MetadataScheme): fc.Arbitrary<UnknownRecord> {
  const index = schemeIndex(scheme);
  const container = (parentId: string): fc.Arbitrary<UnknownRecord> => {
    const children = index.children.get(parentId) ?? [];
    const slots = children.map((child) => {
      const value = child.type === 'container' ? container(child.id) : simpleValue(child);
      const slot = child.repeatable ? fc.array(value, { minLength: 1, maxLength: 3 }) : value;
      const always =
        child.obligation.kind === '必选' ||
        (child.obligation.kind === '条件选' && child.obligation.when !== undefined);
      return always ? slot : fc.option(slot, { nil: undefined, freq: 2 });
    });
    return fc.tuple(...slots).map((values) => {
      const out: Record<string, unknown> = {};
      children.forEach((child, i) => {
        if (values[i] !== undefined) out[child.key] = values[i];
      });
      return out;
    });
  };
  return container('').map((record) => applyRules(scheme, record));
}

/** Text an archivist might type: CJK, ASCII, full-width punctuation, line breaks, an astral character. */
export const metadataText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
        },
        { weight: 4, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCodePoint(c)) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '，',
            '。',
            '〔',
            '〕',
            '“',
            '”',
            '·',
            ' ',
            '\n',
            '\r\n',
            '\t',
            '𠀀',
            '&',
            '<',
            ']]>',
          ),
        },
      ),
      { minLength: 1, maxLength },
    )
    .map((parts) => parts.join(''))
    .filter((s) => s.trim() === s && s.length > 0);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isoDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

const isoDateTime = fc
  .tuple(
    isoDate,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom('', 'Z', '+08:00'),
  )
  .map(([d, h, m, s, zone]) => `${d}T${pad(h)}:${pad(m)}:${pad(s)}${zone}`);

function simpleValue(element: MetadataElement): fc.Arbitrary<unknown> {
  const domain = element.domain;
  switch (element.type) {
    case 'enum':
      return fc.constantFrom(...(domain?.enum ?? ['']));
    case 'date':
      return isoDate;
    case 'dateTime':
      return isoDateTime;
    case 'gYear':
      return fc.integer({ min: 1990, max: 2025 }).map(String);
    case 'integer':
      return fc.integer({ min: domain?.min ?? 0, max: domain?.max ?? 2 ** 40 });
    case 'positiveInteger':
      return fc.integer({ min: Math.max(1, domain?.min ?? 1), max: domain?.max ?? 99_999 });
    case 'decimal':
      return fc
        .double({ min: domain?.min ?? -1e6, max: domain?.max ?? 1e6, noNaN: true, noDefaultInfinity: true })
        .map((n) => (Object.is(n, -0) ? 0 : n));
    case 'base64':
      return fc.uint8Array({ minLength: 1, maxLength: 48 }).map(toBase64);
    case 'uri':
      return fc.webUrl();
    default:
      if (domain?.pattern !== undefined)
        return fc
          .stringMatching(new RegExp(domain.pattern, 'u'))
          .filter((s) => s.trim() === s && s.length > 0);
      return metadataText(Math.min(domain?.maxLength ?? 40, 40));
  }
}

function applyRules(scheme: MetadataScheme, record: Record<string, unknown>): UnknownRecord {
  const { paths } = schemeIndex(scheme);
  const slot = (id: string): { parent: Record<string, unknown>; key: string } | undefined => {
    const path = paths.get(id);
    if (path === undefined) return undefined;
    let node: unknown = record;
    for (const key of path.slice(0, -1)) {
      node = Array.isArray(node) ? node[0] : node;
      node = (node as Record<string, unknown> | undefined)?.[key];
      if (node === undefined) return undefined;
    }
    node = Array.isArray(node) ? node[0] : node;
    return node === undefined ? undefined : { parent: node as Record<string, unknown>, key: path.at(-1)! };
  };
  // Chained notBefore rules (受理 ≤ 办结 ≤ 归档) need more than one pass: swap until nothing moves.
  const rules = scheme.rules ?? [];
  for (let pass = 0, changed = true; changed && pass <= rules.length; pass++) {
    changed = false;
    for (const rule of rules) {
      if (rule.kind === 'yearMatchesDate') {
        const year = slot(rule.year);
        const date = slot(rule.date);
        const dateValue = date?.parent[date.key];
        if (year !== undefined && year.parent[year.key] !== undefined && typeof dateValue === 'string') {
          year.parent[year.key] = dateValue.slice(0, 4);
        }
      } else {
        const earlier = slot(rule.earlier);
        const later = slot(rule.later);
        const a = earlier?.parent[earlier.key];
        const b = later?.parent[later.key];
        if (
          earlier &&
          later &&
          typeof a === 'string' &&
          typeof b === 'string' &&
          Date.parse(b) < Date.parse(a)
        ) {
          earlier.parent[earlier.key] = b;
          later.parent[later.key] = a;
          changed = true;
        }
      }
    }
  }
  return record;
}
