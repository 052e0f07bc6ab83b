/**
 * The names of a 移交信息包 carrier's parts (《电子档案移交与接收办法》 附件2; packages-and-formats §3, high for the
 * four parts; the three handover documents' names are dangan's, since the rules name only their content).
 * Every name is data: pass a changed copy to the builder and to the 清点 to follow a local profile.
 */
export interface TransferLayout {
  /** Carrier description file at the root (`说明文件.TXT`). */
  readonly readme: string;
  /** File-level catalogue at the root (`文件目录.XML`). */
  readonly fileCatalogue: string;
  /** Volume-level catalogue at the root (`案卷目录.XML`), used instead at 案卷 level. */
  readonly volumeCatalogue: string;
  /** Folder of the records and their metadata (`电子档案`). */
  readonly records: string;
  /** Folder of supporting documents (`其他`). */
  readonly other: string;
  /** The 移交与接收登记表 inside {@link other} (`移交与接收登记表.XML`). */
  readonly registrationForm: string;
  /** The 数字摘要 sheet inside {@link other}, XML form (`数字摘要.XML`). */
  readonly digestSheetXml: string;
  /** The 数字摘要 sheet inside {@link other}, text form (`数字摘要.TXT`). */
  readonly digestSheetTxt: string;
  /**
   * The carrier file listing inside {@link other} (`载体文件清单.TXT`): the text whose digest is the carrier
   * digest (see `carrierListingText`).
   */
  readonly listing: string;
}

/**
 * The default carrier layout: `说明文件.TXT`, `文件目录.XML` (or `案卷目录.XML`), `电子档案/`, `其他/` with
 * `移交与接收登记表.XML`, `数字摘要.XML` (or `.TXT`) and `载体文件清单.TXT`.
 *
 * @example
 * TRANSFER_LAYOUT.readme; // '说明文件.TXT'
 */
export const TRANSFER_LAYOUT: TransferLayout = {
  readme: '说明文件.TXT',
  fileCatalogue: '文件目录.XML',
  volumeCatalogue: '案卷目录.XML',
  records: '电子档案',
  other: '其他',
  registrationForm: '移交与接收登记表.XML',
  digestSheetXml: '数字摘要.XML',
  digestSheetTxt: '数字摘要.TXT',
  listing: '载体文件清单.TXT',
};

/**
 * The paths on a carrier of the three handover documents (交接文书) that the carrier digest leaves out: the
 * 登记表 (filled in and signed by both sides during the handover), the 数字摘要 sheet (it holds the digests) and
 * the listing (the digest is computed from it).
 *
 * @example
 * handoverPaths(TRANSFER_LAYOUT); // ['其他/移交与接收登记表.XML', '其他/数字摘要.XML', '其他/数字摘要.TXT', '其他/载体文件清单.TXT']
 */
export function handoverPaths(layout: TransferLayout = TRANSFER_LAYOUT): readonly string[] {
  return [
    `${layout.other}/${layout.registrationForm}`,
    `${layout.other}/${layout.digestSheetXml}`,
    `${layout.other}/${layout.digestSheetTxt}`,
    `${layout.other}/${layout.listing}`,
  ];
}

/**
 * Checks a layout object: every name a non-empty string without `/` (`TypeError` naming the field).
 *
 * @example
 * checkLayout({ ...TRANSFER_LAYOUT, other: '其他材料' }).other; // '其他材料'
 */
export function checkLayout(layout: TransferLayout): TransferLayout {
  if (layout === null || typeof layout !== 'object') throw new TypeError('layout must be an object');
  for (const key of Object.keys(TRANSFER_LAYOUT) as (keyof TransferLayout)[]) {
    const v = layout[key];
    if (typeof v !== 'string' || v === '' || v.includes('/') || v.includes('\\')) {
      throw new TypeError(`layout.${key} must be a non-empty name without slashes`);
    }
  }
  return layout;
}
