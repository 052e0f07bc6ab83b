import { DanganError } from '@dangan/core';
import { DEADLINE_RULES, type DeadlineProfile, type DeadlineRules } from './rules.js';

const checkedRules = /* @__PURE__ */ new WeakSet<DeadlineRules>();

function invalid(zh: string, en: string): never {
  throw new DanganError('FILING_DEADLINE_RULES_INVALID', `期限规则不合格：${zh}`, {
    messageEn: `Malformed deadline rules: ${en}`,
  });
}

function isInt(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/**
 * The deadline table to use: a built-in profile by id (default `shanghai`) or the host's own table, checked
 * once per object. Throws `DanganError('FILING_DEADLINE_RULES_INVALID')` for an unknown id or a malformed table.
 *
 * @example
 * resolveDeadlineRules('kunming').status; // 'draft'
 */
export function resolveDeadlineRules(rules: DeadlineRules | DeadlineProfile = 'shanghai'): DeadlineRules {
  if (typeof rules === 'string') {
    const found: DeadlineRules | undefined = Object.hasOwn(DEADLINE_RULES, rules)
      ? DEADLINE_RULES[rules]
      : undefined;
    if (found === undefined) invalid(`未知的规则名“${rules}”`, `unknown profile "${rules}"`);
    return found;
  }
  if (typeof rules !== 'object' || rules === null)
    invalid('应为对象或规则名', 'expected an object or a profile id');
  if (checkedRules.has(rules)) return rules;
  if (typeof rules.id !== 'string' || rules.id === '') invalid('缺少 id', 'id is missing');
  if (!isInt(rules.utcOffsetMinutes, -14 * 60, 14 * 60))
    invalid(
      'utcOffsetMinutes 应为 -840 至 840 之间的整数',
      'utcOffsetMinutes must be an integer in -840..840',
    );
  const f = rules.filing;
  if (typeof f !== 'object' || f === null || !isInt(f.yearsAfter, 0, 100) || !isInt(f.month, 1, 12))
    invalid(
      'filing 应有 yearsAfter（0–100）和 month（1–12）',
      'filing needs yearsAfter (0–100) and month (1–12)',
    );
  const t = rules.transfer;
  if (t !== undefined) {
    if (typeof t !== 'object' || t === null) invalid('transfer 应为对象', 'transfer must be an object');
    if (t.kind === 'year-after-formation') {
      if (!isInt(t.yearsAfter, 0, 100))
        invalid('transfer.yearsAfter 应为 0–100 的整数', 'transfer.yearsAfter must be 0–100');
    } else if (t.kind === 'years-from-formation') {
      if (!isInt(t.years, 1, 1000))
        invalid('transfer.years 应为正整数', 'transfer.years must be a positive integer');
    } else invalid(`未知的 transfer.kind`, 'unknown transfer.kind');
    if (t.minRetentionYears !== undefined && !isInt(t.minRetentionYears, 0, 1000))
      invalid(
        'transfer.minRetentionYears 应为非负整数',
        'transfer.minRetentionYears must be a non-negative integer',
      );
  }
  const a = rules.appraisal;
  if (typeof a !== 'object' || a === null || (a.basis !== 'year-end' && a.basis !== 'formation-date'))
    invalid(
      'appraisal.basis 应为 year-end 或 formation-date',
      'appraisal.basis must be year-end or formation-date',
    );
  checkedRules.add(rules);
  return rules;
}
