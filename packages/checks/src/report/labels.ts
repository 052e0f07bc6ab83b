import type { Severity } from '@dangan/core';
import type { CheckStageId, FourPropertyId } from '../catalogue/types.js';
import type { CheckStatus, CheckSubject } from './types.js';

/** Language of a rendered report: Chinese (default) or English. */
export type ReportLang = 'zh' | 'en';

/** A label in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Words for each {@link CheckStatus} (检测结论用语), as printed in reports and badges. */
export const STATUS_LABELS: Readonly<Record<CheckStatus, Bilingual>> = {
  pass: { zh: '通过', en: 'Pass' },
  fail: { zh: '不通过', en: 'Fail' },
  warning: { zh: '警告', en: 'Warning' },
  manual: { zh: '待人工检测', en: 'Manual check pending' },
  'not-applicable': { zh: '不适用', en: 'Not applicable' },
  error: { zh: '检测出错', en: 'Check error' },
};

/** Names of the four properties (四性). */
export const PROPERTY_LABELS: Readonly<Record<FourPropertyId, Bilingual>> = {
  authenticity: { zh: '真实性', en: 'Authenticity' },
  integrity: { zh: '完整性', en: 'Integrity' },
  usability: { zh: '可用性', en: 'Usability' },
  security: { zh: '安全性', en: 'Security' },
};

/** Names of the DA/T 70 stages (检测环节). */
export const STAGE_LABELS: Readonly<Record<CheckStageId, Bilingual>> = {
  archiving: { zh: '归档', en: 'Archiving' },
  transfer: { zh: '移交与接收', en: 'Transfer and reception' },
  preservation: { zh: '长期保存', en: 'Long-term preservation' },
};

/** Names of the kinds of subject (检测对象类型). */
export const SUBJECT_KIND_LABELS: Readonly<Record<CheckSubject['kind'], Bilingual>> = {
  archival: { zh: '归档信息包', en: 'Archival information package' },
  transfer: { zh: '移交信息包', en: 'Transfer information package' },
  eep: { zh: '电子文件封装包（EEP）', en: 'Electronic records encapsulation package (EEP)' },
  unknown: { zh: '未知', en: 'Unknown' },
};

/** Words for finding severities (发现项级别). */
export const SEVERITY_LABELS: Readonly<Record<Severity, Bilingual>> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

/** The label of `key` in `table`, or `key` itself when the table has none (a value from a foreign report). */
export function labelOf(table: Readonly<Record<string, Bilingual>>, key: string, lang: ReportLang): string {
  const label = Object.hasOwn(table, key) ? table[key] : undefined;
  return label === undefined ? key : label[lang];
}
