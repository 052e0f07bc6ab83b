/** A DA/T 70-2018 check stage (检测环节). Codes are namespaced: `YJ` is also a 门类 code elsewhere. */
export interface CheckStage {
  readonly code: 'GD' | 'YJ' | 'BC';
  readonly id: 'archiving' | 'transfer' | 'preservation';
  readonly name: string;
  /** Number of check groups (检测项目) the standard has in this stage. */
  readonly groups: number;
}

/**
 * The three DA/T 70-2018 stages with their group counts (GD 16, YJ 16, BC 17: 49 groups in all).
 *
 * @example
 * CHECK_STAGES.map((s) => s.name); // ['归档', '移交与接收', '长期保存']
 */
export const CHECK_STAGES: readonly CheckStage[] = [
  { code: 'GD', id: 'archiving', name: '归档', groups: 16 },
  { code: 'YJ', id: 'transfer', name: '移交与接收', groups: 16 },
  { code: 'BC', id: 'preservation', name: '长期保存', groups: 17 },
];

/** One of the four properties (四性) DA/T 70 checks, numbered as in item ids (`GD-1-…` is 真实性). */
export interface FourProperty {
  readonly number: 1 | 2 | 3 | 4;
  readonly id: 'authenticity' | 'integrity' | 'usability' | 'security';
  readonly name: '真实性' | '完整性' | '可用性' | '安全性';
}

/**
 * The four properties in the standard's order.
 *
 * @example
 * FOUR_PROPERTIES[0].name; // '真实性'
 */
export const FOUR_PROPERTIES: readonly [FourProperty, FourProperty, FourProperty, FourProperty] = [
  { number: 1, id: 'authenticity', name: '真实性' },
  { number: 2, id: 'integrity', name: '完整性' },
  { number: 3, id: 'usability', name: '可用性' },
  { number: 4, id: 'security', name: '安全性' },
];
