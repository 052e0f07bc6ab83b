import { DanganError, type Finding, type SafeResult, safely } from '@dangan/core';
import { CLASSIFICATION_FINDING_CODES } from './codes.js';
import type { ClassificationLevel, ClassificationScheme, ClassificationSource } from './model.js';

/**
 * Classification schemes of DA/T 22-2015 §5.2 as data (filing-rules §6.2). The three-level schemes are high
 * confidence; 年度—保管期限 for small units is medium; 保管期限—年度—机构 is the DA/T 22-2000 order (legacy).
 * A real scheme names its 全宗 (`fonds`) and 门类 (`category`): derive it with {@link defineClassificationScheme}.
 *
 * @example
 * const scheme = defineClassificationScheme({ ...classificationSchemes.yearOrgRetention, id: 'z109-ws', fonds: 'Z109', category: 'WS' });
 */
export const classificationSchemes = {
  yearOrgRetention: {
    id: 'yearOrgRetention',
    name: '年度—机构—保管期限',
    levels: ['年度', '机构', '保管期限'],
  },
  yearRetentionOrg: {
    id: 'yearRetentionOrg',
    name: '年度—保管期限—机构',
    levels: ['年度', '保管期限', '机构'],
  },
  yearSubjectRetention: {
    id: 'yearSubjectRetention',
    name: '年度—问题—保管期限',
    levels: ['年度', '问题', '保管期限'],
  },
  yearRetentionSubject: {
    id: 'yearRetentionSubject',
    name: '年度—保管期限—问题',
    levels: ['年度', '保管期限', '问题'],
  },
  yearRetention: {
    id: 'yearRetention',
    name: '年度—保管期限（小单位）',
    levels: ['年度', '保管期限'],
    note: '规模较小、不设机构（问题）层级的单位（中置信度）',
  },
  retentionYearOrg: {
    id: 'retentionYearOrg',
    name: '保管期限—年度—机构（DA/T 22-2000 旧式）',
    levels: ['保管期限', '年度', '机构'],
    source: 'DA/T 22-2000',
  },
} as const satisfies Record<string, ClassificationScheme>;

const LEVELS: ReadonlySet<string> = /* @__PURE__ */ new Set<ClassificationLevel>([
  '年度',
  '保管期限',
  '机构',
  '问题',
]);
const checked = /* @__PURE__ */ new WeakSet<ClassificationScheme>();

/**
 * Checks a classification scheme and returns it: id and name present, levels known and not repeated, 机构 and
 * 问题 not both, sources well-formed, `orgCodes` a table of strings. Throws
 * `DanganError('FILING_CLASSIFICATION_SCHEME_INVALID')` listing every problem.
 *
 * @example
 * defineClassificationScheme({ id: 'z109-ws', name: 'Z109 文书', levels: ['年度', '保管期限', '机构'], fonds: 'Z109', category: 'WS',
 *   orgCodes: { 办公室: 'BGS', 财务处: 'CWC' } });
 */
export function defineClassificationScheme(scheme: ClassificationScheme): ClassificationScheme {
  checkScheme(scheme);
  return scheme;
}

/**
 * {@link defineClassificationScheme} returning a {@link SafeResult} instead of throwing.
 *
 * @example
 * safeDefineClassificationScheme({ id: 'x', name: 'x', levels: ['年度', '机构', '问题'] }).ok; // false
 */
export function safeDefineClassificationScheme(
  scheme: ClassificationScheme,
): SafeResult<ClassificationScheme> {
  return safely(() => defineClassificationScheme(scheme));
}

/** @internal Throws when the scheme is invalid; remembers schemes already checked. */
export function checkScheme(scheme: ClassificationScheme): void {
  if (typeof scheme !== 'object' || scheme === null) throw new TypeError('scheme must be an object');
  if (checked.has(scheme)) return;
  const problems: string[] = [];
  if (typeof scheme.id !== 'string' || scheme.id.trim() === '') problems.push('缺少 id');
  if (typeof scheme.name !== 'string' || scheme.name.trim() === '') problems.push('缺少名称 name');
  if (!Array.isArray(scheme.levels) || scheme.levels.length === 0) {
    problems.push('levels 应为非空数组');
  } else {
    const seen = new Set<string>();
    for (const level of scheme.levels) {
      if (!LEVELS.has(level))
        problems.push(`未知的级别“${String(level)}”（应为 年度、保管期限、机构 或 问题）`);
      else if (seen.has(level)) problems.push(`级别“${level}”重复`);
      seen.add(level);
    }
    if (seen.has('机构') && seen.has('问题')) problems.push('机构与问题只能选其一');
  }
  for (const key of ['fonds', 'category'] as const) {
    const v = scheme[key];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) problems.push(`${key} 应为非空字符串`);
  }
  for (const key of ['yearRules', 'retentionSources', 'orgSources'] as const) {
    const list = scheme[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) problems.push(`${key} 应为数组`);
    else
      list.forEach((s: ClassificationSource, i) => {
        if (!validSource(s))
          problems.push(`${key}[${i}] 不合格（需要 id、name 和 from: { record: [...] } 或 { fact }）`);
      });
  }
  if (scheme.orgCodes !== undefined) {
    if (typeof scheme.orgCodes !== 'object' || scheme.orgCodes === null) problems.push('orgCodes 应为对象');
    else
      for (const [name, code] of Object.entries(scheme.orgCodes))
        if (typeof code !== 'string' || code.trim() === '')
          problems.push(`orgCodes 中“${name}”的代码应为非空字符串`);
  }
  if (problems.length > 0) {
    const where = typeof scheme.id === 'string' ? `分类方案“${scheme.id}”` : '分类方案';
    const findings: Finding[] = problems.map((p) => ({
      code: 'FILING_CLASSIFICATION_SCHEME_INVALID',
      severity: CLASSIFICATION_FINDING_CODES.FILING_CLASSIFICATION_SCHEME_INVALID.severity,
      message: `${where}：${p}`,
    }));
    throw new DanganError('FILING_CLASSIFICATION_SCHEME_INVALID', `${where}不合格：${problems.join('；')}`, {
      messageEn: `Invalid classification scheme: ${problems.length} problem(s)`,
      findings,
    });
  }
  checked.add(scheme);
}

function validSource(s: ClassificationSource): boolean {
  if (typeof s !== 'object' || s === null || typeof s.id !== 'string' || typeof s.name !== 'string')
    return false;
  const from = s.from as { record?: unknown; fact?: unknown } | undefined;
  if (typeof from !== 'object' || from === null) return false;
  if ('record' in from)
    return (
      Array.isArray(from.record) && from.record.length > 0 && from.record.every((k) => typeof k === 'string')
    );
  return typeof from.fact === 'string' && from.fact !== '';
}
