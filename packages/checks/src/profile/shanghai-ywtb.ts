import type { CheckProfile } from './types.js';

/**
 * The profile `shanghai-ywtb` (上海“一网通办”办件归档检测方案) — **PROVISIONAL**: no published 一网通办 check
 * scheme was available; this is dangan's reading of 办件-level filing (filing-rules §8: 1 办件 = 1 件). It extends
 * `dat70` with:
 *
 * - `metadata.continuity`: 件内顺序号 (文档序号) counted per 办件 (records grouped by 办件编号), not per 档号;
 * - `metadata.process`: each 办件 records its 受理 step (业务实体 业务行为 or 办件.过程信息 环节名称);
 * - `metadata.duplicates`: 档号 and 电子文件号 unique, and a repeated 办件编号 is a warning (a 办件 split into
 *   来文 and 复文 legitimately repeats it);
 * - `package.scope` (GD-2-9): 归档范围 from the institution's 归档范围与保管期限表, given as `params.schedule` (a
 *   `RetentionSchedule` of `@dangan/metadata`); the item ends in `error` until one is configured, and each 办件
 *   must include a 结果性材料 (an 电子证照 counts as one).
 *
 * No schedule ships: `EXAMPLE_YWTB_RETENTION_SCHEDULE` is for tests and demos only.
 *
 * @example
 * const mine = { id: 'pudong', name: '浦东新区', extends: 'shanghai-ywtb',
 *   items: { 'package.scope': { params: { schedule: approvedSchedule } } } };
 * resolveProfile(mine).items['GD-2-9']?.params.requireSchedule; // true
 */
export const shanghaiYwtbProfile = {
  id: 'shanghai-ywtb',
  name: '上海“一网通办”办件归档检测方案（暂定）',
  extends: 'dat70',
  description:
    '暂定（PROVISIONAL）：以办件为单位的检测。件内顺序号按办件检查连续性；办件须有受理环节的过程信息；归档范围按本单位经批准的归档范围与保管期限表（items["package.scope"].params.schedule）检测，未配置时该项为 error。',
  items: {
    'metadata.continuity': { params: { groupBy: '办件' } },
    'metadata.process': { params: { requiredActions: ['受理'] } },
    'metadata.duplicates': {
      params: { keys: ['M8', 'M7', { element: 'YW-办件编号', severity: 'warning' }] },
    },
    'package.scope': { params: { requireSchedule: true, requiredMaterialKinds: ['结果性材料'] } },
  },
} as const satisfies CheckProfile;
