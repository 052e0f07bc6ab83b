import type { CheckStageId, FourPropertyId } from '../../catalogue/types.js';

/** A result written in a registration form's check column (登记表检测结论). */
export type RegistrationResult = '合格' | '不合格' | '未检测' | '不适用';

/**
 * Which report items feed a column: an item matches when it meets ANY of the listed criteria. Group keys
 * (`4-1`) are the DA/T 70 groups, stable across stages; item ids are matched exactly; `nameIncludes`
 * matches part of the item's Chinese name (useful where item ids are provisional).
 */
export interface ItemSelector {
  readonly properties?: readonly FourPropertyId[];
  readonly groups?: readonly string[];
  readonly items?: readonly string[];
  readonly nameIncludes?: readonly string[];
}

/** One check column of a registration form and the items it is filled from (登记表检测栏映射). */
export interface RegistrationColumnRule {
  /** The column's name on the form, e.g. `病毒检测`. */
  readonly column: string;
  readonly columnEn: string;
  readonly include: ItemSelector;
  /** Items to leave out even when `include` matches them. */
  readonly exclude?: ItemSelector;
  /**
   * Only a person can judge these items (carrier appearance): an item counts as passed only with an
   * attestation; a `pass` without one leaves the column `未检测`.
   */
  readonly attestedOnly?: boolean;
  /** The mapping is this SDK's reading, not written in a standard: confirm it locally. */
  readonly provisional: boolean;
  /** Why the column is filled from these items (Chinese). */
  readonly basis: string;
}

/** A registration form's check columns as data (登记表检测栏): override it to follow local practice. */
export interface RegistrationFormMapping {
  /** The form's name, e.g. `电子文件归档登记表`. */
  readonly form: string;
  readonly formEn: string;
  /** Where the form is defined. */
  readonly source: string;
  /** The check stage whose reports fill it. */
  readonly stage: CheckStageId;
  /** The columns in the form's order. */
  readonly columns: readonly RegistrationColumnRule[];
}

/** The carrier appearance item (载体外观检测), by name: its item id is only inferred (GD-4-5). */
const APPEARANCE: ItemSelector = { nameIncludes: ['外观'] };

/**
 * The check columns of GB/T 18894-2016 表A.1 《电子文件归档登记表》 (载体外观检测, 病毒检测, 真实性检测, 可靠性检测,
 * 完整性检测, 可用性检测; field list of medium confidence), filled from a DA/T 70 归档 (GD) report.
 *
 * `可靠性检测` is **provisional**: GB/T 18894 names a 可靠性 check where DA/T 70 has no such property. It is
 * filled here from the carrier and process security groups (4-2 without the appearance item, 4-3: extra
 * files on the carrier, read test, disc quality, archiving-process security), reading 可靠性 as the
 * reliability of the carrier and of the process. Pass your own mapping to read it otherwise.
 *
 * @example
 * ARCHIVING_REGISTRATION_MAPPING.columns.map((c) => c.column);
 * // ['载体外观检测', '病毒检测', '真实性检测', '可靠性检测', '完整性检测', '可用性检测']
 */
export const ARCHIVING_REGISTRATION_MAPPING: RegistrationFormMapping = {
  form: '电子文件归档登记表',
  formEn: 'Electronic records archiving registration form',
  source: 'GB/T 18894-2016 表A.1',
  stage: 'archiving',
  columns: [
    {
      column: '载体外观检测',
      columnEn: 'Carrier appearance',
      include: APPEARANCE,
      attestedOnly: true,
      provisional: false,
      basis: 'DA/T 70 4-2 载体外观检测（GD-4-5），须人工检查并确认',
    },
    {
      column: '病毒检测',
      columnEn: 'Virus check',
      include: { groups: ['4-1'] },
      provisional: false,
      basis: 'DA/T 70 4-1 归档信息包病毒（杀毒软件安装、病毒感染检测）',
    },
    {
      column: '真实性检测',
      columnEn: 'Authenticity',
      include: { properties: ['authenticity'] },
      provisional: false,
      basis: 'DA/T 70 真实性全部检测项（1-1 至 1-5）',
    },
    {
      column: '可靠性检测',
      columnEn: 'Reliability',
      include: { groups: ['4-2', '4-3'] },
      exclude: APPEARANCE,
      provisional: true,
      basis:
        'DA/T 70 无“可靠性”；暂以载体与过程安全检测项（4-2 除载体外观、4-3 归档过程安全性）填写，须按本单位做法确认',
    },
    {
      column: '完整性检测',
      columnEn: 'Integrity',
      include: { properties: ['integrity'] },
      provisional: false,
      basis: 'DA/T 70 完整性全部检测项（2-1 至 2-4）',
    },
    {
      column: '可用性检测',
      columnEn: 'Usability',
      include: { properties: ['usability'] },
      provisional: false,
      basis: 'DA/T 70 可用性全部检测项（3-1 至 3-4）',
    },
  ],
};

/**
 * The 检验内容 of the 移交与接收登记表 (《电子档案移交与接收办法》 附件3: 准确性检验, 完整性检验, 可用性检验,
 * 安全性检验, 载体外观检验), filled from a DA/T 70 移交与接收 (YJ) report.
 *
 * `准确性检验` is **provisional**: the form has no 真实性 column, and it is filled here from every DA/T 70
 * 真实性 item (fixity 1-1, metadata accuracy 1-2, content 1-3, metadata–content links 1-4, package 1-5).
 * `安全性检验` takes the 安全性 items except carrier appearance, which has its own column.
 *
 * @example
 * TRANSFER_REGISTRATION_MAPPING.columns.map((c) => c.column);
 * // ['准确性检验', '完整性检验', '可用性检验', '安全性检验', '载体外观检验']
 */
export const TRANSFER_REGISTRATION_MAPPING: RegistrationFormMapping = {
  form: '电子档案移交与接收登记表',
  formEn: 'Electronic records transfer and reception registration form',
  source: '《电子档案移交与接收办法》（档发〔2012〕7号）附件3',
  stage: 'transfer',
  columns: [
    {
      column: '准确性检验',
      columnEn: 'Accuracy',
      include: { properties: ['authenticity'] },
      provisional: true,
      basis:
        'DA/T 70 真实性检测项（1-1 固化信息、1-2 元数据准确性、1-3 内容真实性、1-4 关联一致性、1-5 移交信息包真实性）',
    },
    {
      column: '完整性检验',
      columnEn: 'Integrity',
      include: { properties: ['integrity'] },
      provisional: false,
      basis: 'DA/T 70 完整性全部检测项（2-1 至 2-4）',
    },
    {
      column: '可用性检验',
      columnEn: 'Usability',
      include: { properties: ['usability'] },
      provisional: false,
      basis: 'DA/T 70 可用性全部检测项（3-1 至 3-4）',
    },
    {
      column: '安全性检验',
      columnEn: 'Security',
      include: { properties: ['security'] },
      exclude: { nameIncludes: ['外观'] },
      provisional: false,
      basis: 'DA/T 70 安全性检测项（4-1 病毒、4-2 载体安全性、4-3 移交过程安全性），载体外观另栏填写',
    },
    {
      column: '载体外观检验',
      columnEn: 'Carrier appearance',
      include: { nameIncludes: ['外观'] },
      attestedOnly: true,
      provisional: false,
      basis: 'DA/T 70 4-2 载体外观检测，须人工检查并确认',
    },
  ],
};
