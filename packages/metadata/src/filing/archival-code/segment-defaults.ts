import type { ArchivalCodeNumberKind, ArchivalCodeSegmentKind } from './model.js';

/**
 * Default value patterns per code-segment kind (regex source, flag `u`). Medium confidence: the 4-character
 * 全宗号 and 2-letter 门类代码 are what the standards' examples show; a host with other forms sets `pattern`.
 *
 * @example
 * ARCHIVAL_CODE_DEFAULT_PATTERNS.fonds; // '[A-Z0-9]{4}'
 */
export const ARCHIVAL_CODE_DEFAULT_PATTERNS = {
  fonds: '[A-Z0-9]{4}',
  category: '[A-Z]{2}',
  subclass: '[A-Z0-9]+',
  project: '[A-Z0-9]+',
  catalogue: '[A-Z0-9]+',
  year: '\\d{4}',
  retention: 'Y|D[1-9]\\d{0,2}',
  org: '[A-Z0-9\\p{Script=Han}]+',
} as const satisfies Record<Exclude<ArchivalCodeSegmentKind, ArchivalCodeNumberKind>, string>;

/**
 * Segment kind of each well-known part name, used by the string form of templates (`{年度}` is a `year`).
 * A name not listed is a `subclass` code, or a number segment when it has a width (`{张号:4}`).
 *
 * @example
 * ARCHIVAL_CODE_PART_KINDS.件号; // 'item'
 */
export const ARCHIVAL_CODE_PART_KINDS: Readonly<Record<string, ArchivalCodeSegmentKind>> = {
  全宗号: 'fonds',
  门类代码: 'category',
  类别号: 'subclass',
  二级类别号: 'subclass',
  三级类别号: 'subclass',
  四级类别号: 'subclass',
  事项大类: 'subclass',
  项目号: 'project',
  目录号: 'catalogue',
  年度: 'year',
  保管期限: 'retention',
  机构或问题: 'org',
  机构: 'org',
  问题: 'org',
  案卷号: 'volume',
  组号: 'volume',
  册号: 'volume',
  卷号: 'volume',
  件号: 'item',
  张号: 'item',
  页号: 'page',
};

/**
 * The DA/T 46 element number of each part that maps onto one (findings carry it in `element`).
 *
 * @example
 * ARCHIVAL_CODE_PART_ELEMENTS.件号; // 'M17'
 */
export const ARCHIVAL_CODE_PART_ELEMENTS: Readonly<Record<string, string>> = {
  全宗号: 'M9',
  目录号: 'M10',
  年度: 'M11',
  保管期限: 'M12',
  机构或问题: 'M13',
  门类代码: 'M14',
  类别号: 'M14',
  二级类别号: 'M14',
  三级类别号: 'M14',
  四级类别号: 'M14',
  案卷号: 'M15',
  件号: 'M17',
  页号: 'M20',
};

/** @internal Whether a kind is a number kind. */
export function isNumberKind(kind: ArchivalCodeSegmentKind): kind is ArchivalCodeNumberKind {
  return kind === 'item' || kind === 'volume' || kind === 'page';
}
