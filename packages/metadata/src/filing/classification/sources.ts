import type { ClassificationSource } from './model.js';

/**
 * Where 年度 comes from, in order (DA/T 22-2015 §5.2; filing-rules §6.2, §8): the first present wins.
 *
 * 1. `fact-year` — the host's decision (`facts.年度`);
 * 2. `recorded` — 年度 already recorded (M11, `文件实体.档号.年度`);
 * 3. `signing-date` — a cross-year document (plan, summary, budget, statistics, regulation …) takes its
 *    签发日期 year (`facts.签发日期`; medium);
 * 4. `closing-date` — a cross-year meeting its closing year, a cross-year case its 结案 year (`facts.结束日期`; medium);
 * 5. `ywtb-completion` — an 一网通办 办件 takes its 办结 year (`办件.办结时间`; PROPOSAL);
 * 6. `formation-date` — the year the document was formed (M33 日期; medium).
 *
 * A host reorders, removes or adds rules by passing its own list as `yearRules`.
 *
 * @example
 * const mine = defineClassificationScheme({ ...classificationSchemes.yearRetention, id: 'x',
 *   yearRules: defaultYearRules.filter((r) => r.id !== 'ywtb-completion') });
 */
export const defaultYearRules: readonly ClassificationSource[] = [
  { id: 'fact-year', name: '宿主给定的年度', from: { fact: '年度' }, confidence: 'high' },
  {
    id: 'recorded',
    name: '已著录的年度（M11）',
    from: { record: ['文件实体', '档号', '年度'] },
    confidence: 'high',
  },
  {
    id: 'signing-date',
    name: '跨年度文件（计划、总结、预算、统计、表彰、法规等）按签发日期所在年度',
    from: { fact: '签发日期' },
    confidence: 'medium',
    basis: 'DA/T 22-2015 §5.2',
  },
  {
    id: 'closing-date',
    name: '跨年度会议按闭幕日期、跨年度案件按结案日期所在年度',
    from: { fact: '结束日期' },
    confidence: 'medium',
    basis: 'DA/T 22-2015 §5.2',
  },
  {
    id: 'ywtb-completion',
    name: '办件按办结年度（暂定）',
    from: { record: ['办件', '办结时间'] },
    confidence: 'proposal',
    basis: 'filing-rules §8（比照结案年度）',
  },
  {
    id: 'formation-date',
    name: '文件形成日期（M33）所在年度',
    from: { record: ['文件实体', '内容描述', '日期'] },
    confidence: 'medium',
    basis: 'DA/T 22-2015 §5.2',
  },
];

/**
 * Where 保管期限 comes from: the host's decision (`facts.保管期限`, e.g. from its 归档范围与保管期限表), then the
 * recorded M12. Words and codes are both read (`定期30年`, `D30`).
 *
 * @example
 * defaultRetentionSources.map((s) => s.id); // ['fact-retention', 'recorded']
 */
export const defaultRetentionSources: readonly ClassificationSource[] = [
  {
    id: 'fact-retention',
    name: '宿主给定的保管期限（如查保管期限表所得）',
    from: { fact: '保管期限' },
    confidence: 'high',
  },
  {
    id: 'recorded',
    name: '已著录的保管期限（M12）',
    from: { record: ['文件实体', '档号', '保管期限'] },
    confidence: 'high',
  },
];

/**
 * Where 机构(问题) comes from: the host's decision (`facts.机构或问题`), then the recorded M13. A host that
 * classifies 办件 by the accepting department adds `{ id: 'ywtb-department', from: { record: ['办件', '受理部门'] } }`
 * with `orgCodes` mapping department names to codes.
 *
 * @example
 * defaultOrgSources.map((s) => s.id); // ['fact-org', 'recorded']
 */
export const defaultOrgSources: readonly ClassificationSource[] = [
  { id: 'fact-org', name: '宿主给定的机构（问题）', from: { fact: '机构或问题' }, confidence: 'high' },
  {
    id: 'recorded',
    name: '已著录的机构或问题（M13）',
    from: { record: ['文件实体', '档号', '机构或问题'] },
    confidence: 'high',
  },
];
