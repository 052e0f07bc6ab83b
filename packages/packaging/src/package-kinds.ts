/** A kind of information package (信息包) in the archival flow. */
export interface PackageKind {
  readonly id: 'archiving' | 'transfer' | 'preservation';
  /** Chinese name used in the standards. */
  readonly name: string;
  /** The OAIS notion it corresponds to. */
  readonly oais: 'SIP' | 'AIP';
  /** From whom to whom. */
  readonly flow: string;
  /** Where its rules come from. */
  readonly definedBy: readonly string[];
}

/**
 * The three package kinds of the archival flow (归档信息包, 移交信息包, 保存信息包), as data.
 *
 * @example
 * PACKAGE_KINDS.find((k) => k.id === 'transfer')?.name; // '移交信息包'
 */
export const PACKAGE_KINDS: readonly PackageKind[] = [
  {
    id: 'archiving',
    name: '归档信息包',
    oais: 'SIP',
    flow: '业务系统 → 本单位档案部门（归档）',
    definedBy: ['GB/T 18894-2016', 'GB/T 42727-2023', 'DB31/T 1152-2019'],
  },
  {
    id: 'transfer',
    name: '移交信息包',
    oais: 'SIP',
    flow: '立档单位 → 综合档案馆（移交）',
    definedBy: ['《电子档案移交与接收办法》（档发〔2012〕7号）附件2', 'DA/T 93-2022'],
  },
  {
    id: 'preservation',
    name: '保存信息包',
    oais: 'AIP',
    flow: '档案馆（室）长期保存',
    definedBy: ['DA/T 70-2018', 'DA/T 48-2009'],
  },
];
