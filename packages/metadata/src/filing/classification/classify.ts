import type { Finding } from '@dangan/core';
import { nfkcTrim, retentionCodeOf } from '../archival-code/text.js';
import { CLASSIFICATION_FINDING_CODES, type ClassificationFindingCode } from './codes.js';
import type {
  Classification,
  ClassificationFacts,
  ClassificationLevel,
  ClassificationScheme,
  ClassificationSource,
  ClassifyOptions,
  ClassPathEntry,
} from './model.js';
import { checkScheme } from './schemes.js';
import { defaultOrgSources, defaultRetentionSources, defaultYearRules } from './sources.js';

const ELEMENTS: Readonly<Record<ClassificationLevel, string>> = {
  年度: 'M11',
  保管期限: 'M12',
  机构: 'M13',
  问题: 'M13',
};
const PARTS: Readonly<Record<ClassificationLevel, string>> = {
  年度: '年度',
  保管期限: '保管期限',
  机构: '机构或问题',
  问题: '机构或问题',
};
/** A 4-digit year, alone or starting a date (`2024`, `2024-03-18`, `2024-03-18T09:00:00+08:00`, `20240318`, `2024年`). */
const YEAR = /^(\d{4})(?:$|[-/.年]|\d{4}(?:$|T|\s))/u;

/**
 * Classifies a record with a scheme (DA/T 22-2015 §5.2): each level, top first, takes its value from the first
 * source that has one — 年度 by the year rules ({@link defaultYearRules}: recorded 年度, 签发日期 of a cross-year
 * document, 办结 year of an 一网通办 办件 (proposal), formation date), 保管期限 as a code, 机构/问题 mapped through
 * `orgCodes`. Returns the class path, a class key, the values as 档号 parts, and findings for each value that is
 * missing or unreadable (never throws for bad records).
 *
 * @example
 * const c = classify(record, defineClassificationScheme({ ...classificationSchemes.yearRetentionOrg, id: 'z109', fonds: 'Z109', category: 'WS' }));
 * c.path; // [{ level: '年度', value: '2026', source: 'recorded' }, { level: '保管期限', value: 'D30', source: 'recorded' }, { level: '机构', value: 'DJK', source: 'recorded' }]
 * c.key;  // 'Z109/WS/2026/D30/DJK'
 */
export function classify(
  record: unknown,
  scheme: ClassificationScheme,
  options: ClassifyOptions = {},
): Classification {
  checkScheme(scheme);
  const facts: ClassificationFacts = options.facts ?? {};
  const findings: Finding[] = [];
  const path: ClassPathEntry[] = [];
  const parts: Record<string, string> = {};

  const recordedFonds = text(at(record, ['文件实体', '档号', '全宗号']));
  const factFonds = text(facts.全宗号);
  const fonds = scheme.fonds ?? factFonds ?? recordedFonds;
  const otherFonds = factFonds ?? recordedFonds;
  if (scheme.fonds !== undefined && otherFonds !== undefined && otherFonds !== scheme.fonds)
    findings.push(
      finding(
        'FILING_CLASSIFICATION_FONDS_MISMATCH',
        `记录属于全宗“${otherFonds}”，分类方案“${scheme.id}”属于全宗“${scheme.fonds}”`,
        `the record is in fonds "${otherFonds}", scheme "${scheme.id}" in "${scheme.fonds}"`,
        { element: 'M9', path: '/文件实体/档号/全宗号' },
      ),
    );
  if (fonds !== undefined) parts.全宗号 = fonds;
  if (scheme.category !== undefined) parts.门类代码 = scheme.category;

  for (const level of scheme.levels) {
    const sources = sourcesOf(level, scheme);
    const found = firstValue(record, facts, sources);
    if (found === undefined) {
      findings.push(
        finding(
          'FILING_CLASSIFICATION_VALUE_MISSING',
          `分类所需的“${level}”缺失（依次查找：${sources.map((s) => s.name).join('；')}）`,
          `the value of level "${level}" is missing (looked in: ${sources.map((s) => s.id).join(', ')})`,
          { element: ELEMENTS[level] },
        ),
      );
      continue;
    }
    const value = readLevel(level, found.value, scheme, found.source, findings);
    if (value === undefined) continue;
    path.push({ level, value, source: found.source.id });
    parts[PARTS[level]] = value;
  }
  const complete = path.length === scheme.levels.length && !findings.some((f) => f.severity === 'error');
  let key: string | undefined;
  if (complete) {
    key = parts.全宗号 === undefined ? '' : `${parts.全宗号}/`;
    if (parts.门类代码 !== undefined) key += `${parts.门类代码}/`;
    for (const entry of path) key += `${entry.value}/`;
    key = key.slice(0, -1);
  }
  return { path, complete, key, parts, findings };
}

function sourcesOf(
  level: ClassificationLevel,
  scheme: ClassificationScheme,
): readonly ClassificationSource[] {
  if (level === '年度') return scheme.yearRules ?? defaultYearRules;
  if (level === '保管期限') return scheme.retentionSources ?? defaultRetentionSources;
  return scheme.orgSources ?? defaultOrgSources;
}

function firstValue(
  record: unknown,
  facts: ClassificationFacts,
  sources: readonly ClassificationSource[],
): { value: string | number; source: ClassificationSource } | undefined {
  for (const source of sources) {
    const raw = 'fact' in source.from ? facts[source.from.fact] : at(record, source.from.record);
    if (typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== ''))
      return { value: raw, source };
  }
  return undefined;
}

function readLevel(
  level: ClassificationLevel,
  raw: string | number,
  scheme: ClassificationScheme,
  source: ClassificationSource,
  findings: Finding[],
): string | undefined {
  if (level === '年度') {
    const m = YEAR.exec(nfkcTrim(String(raw)));
    const year = m === null ? Number.NaN : Number(m[1]);
    if (year >= 1000 && year <= 9999) return m![1];
    return invalidValue(findings, level, raw, source, '无法读出 4 位年度', 'has no 4-digit year');
  }
  if (level === '保管期限') {
    const code = retentionCodeOf(String(raw));
    if (code !== undefined) return code;
    return invalidValue(
      findings,
      level,
      raw,
      source,
      '不是可识别的保管期限（永久/Y、定期N年/DN）',
      'is not a retention period',
    );
  }
  const value = nfkcTrim(String(raw));
  const codes = scheme.orgCodes;
  if (codes === undefined) return value;
  const code = Object.hasOwn(codes, value) ? codes[value] : undefined;
  if (code !== undefined) return code;
  if (!Object.values(codes).includes(value))
    findings.push(
      finding(
        'FILING_CLASSIFICATION_CODE_UNMAPPED',
        `“${value}”不在分类方案“${scheme.id}”的${level}代码表中，按原值使用`,
        `"${value}" is not in the ${level === '机构' ? 'organisation' : 'subject'} code table of "${scheme.id}"`,
        { element: 'M13', path: whereOf(source) },
      ),
    );
  return value;
}

function invalidValue(
  findings: Finding[],
  level: ClassificationLevel,
  raw: string | number,
  source: ClassificationSource,
  what: string,
  en: string,
): undefined {
  findings.push(
    finding(
      'FILING_CLASSIFICATION_VALUE_INVALID',
      `“${level}”取自 ${source.name}，值“${raw}”${what}`,
      `level "${level}" from ${source.id}: "${raw}" ${en}`,
      { element: ELEMENTS[level], path: whereOf(source) },
    ),
  );
  return undefined;
}

function whereOf(source: ClassificationSource): string {
  return 'record' in source.from ? `/${source.from.record.join('/')}` : `facts.${source.from.fact}`;
}

function at(record: unknown, path: readonly string[]): unknown {
  let node = record;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = nfkcTrim(value);
  return s === '' ? undefined : s;
}

function finding(
  code: ClassificationFindingCode,
  message: string,
  messageEn: string,
  extra: { readonly element?: string; readonly path?: string } = {},
): Finding {
  return { code, severity: CLASSIFICATION_FINDING_CODES[code].severity, message, messageEn, ...extra };
}
