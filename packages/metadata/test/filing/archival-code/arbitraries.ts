import fc from 'fast-check';
import type {
  ArchivalCodeCodeSegment,
  ArchivalCodeNumberSegment,
  ArchivalCodeSegment,
  ArchivalCodeTemplate,
  ParsedArchivalCodeParts,
} from '../../../src/filing/archival-code/index.js';

const HAN = ['办公室', '财务处', '人事科', '档案馆', '审批', '登记', '许可'];

function codeValue(segment: ArchivalCodeCodeSegment): fc.Arbitrary<string> {
  if (segment.fixed !== undefined) return fc.constant(segment.fixed);
  const pattern = segment.pattern;
  if (pattern !== undefined && /^[A-Z0-9]+(?:\|[A-Z0-9]+)+$/.test(pattern))
    return fc.constantFrom(...pattern.split('|'));
  if (pattern === '0[1-4]') return fc.constantFrom('01', '02', '03', '04');
  if (pattern !== undefined && !pattern.includes('\\p'))
    return fc.stringMatching(new RegExp(`^(?:${pattern})$`));
  switch (segment.kind) {
    case 'fonds':
      return fc.stringMatching(/^[A-Z0-9]{4}$/);
    case 'category':
      return fc.stringMatching(/^[A-Z]{2}$/);
    case 'year':
      return fc.integer({ min: 1949, max: 2099 }).map(String);
    case 'retention':
      return fc.oneof(
        fc.constant('Y'),
        fc.integer({ min: 1, max: 100 }).map((n) => `D${n}`),
      );
    case 'org':
      return fc.oneof(fc.stringMatching(/^[A-Z0-9]{1,4}$/), fc.constantFrom(...HAN));
    default:
      return fc.stringMatching(/^[A-Z0-9]{1,4}$/);
  }
}

function numberValue(segment: ArchivalCodeNumberSegment): fc.Arbitrary<number> {
  const max = 10 ** (segment.width + (segment.grow === true ? 2 : 0)) - 1;
  return fc.oneof(fc.integer({ min: 1, max: Math.min(max, 50) }), fc.integer({ min: 1, max }));
}

function segmentValue(segment: ArchivalCodeSegment): fc.Arbitrary<string | number> {
  return segment.kind === 'item' || segment.kind === 'volume' || segment.kind === 'page'
    ? numberValue(segment as ArchivalCodeNumberSegment)
    : codeValue(segment as ArchivalCodeCodeSegment);
}

/** Random valid parts of a template, in the form parseArchivalCode returns them (absent optional parts left out). */
export function validParts(template: ArchivalCodeTemplate): fc.Arbitrary<ParsedArchivalCodeParts> {
  const segments = template.groups.flat();
  return fc
    .tuple(
      ...segments.map((s) =>
        s.optional === true
          ? fc.option(segmentValue(s), { nil: undefined })
          : (segmentValue(s) as fc.Arbitrary<string | number | undefined>),
      ),
    )
    .map((values) => {
      const parts: Record<string, string | number> = {};
      segments.forEach((s, i) => {
        const v = values[i];
        if (v !== undefined) parts[s.part] = v;
      });
      return parts as ParsedArchivalCodeParts;
    });
}
