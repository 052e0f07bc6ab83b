import type { CheckTexts } from './check-texts.js';
import type { ItemRow } from './item-row.js';

const INFERRED = '§5: inferred from the group purpose (YJ item list not public)';

/**
 * The 移交与接收 (YJ) items, derived from the group purposes (`checks-dat70.md` §5, low confidence). Only
 * YJ-1-6 and YJ-1-8 are attested (source E), at the same positions as in GD; so 1-1…1-2 mirror GD-1-1…GD-1-8
 * and the rest are numbered in order within each property. Every other id is provisional: key results by
 * group (`DA/T70-2018:YJ:1-3`) until the items are confirmed.
 */
export function yjRows(t: CheckTexts): readonly ItemRow[] {
  const low = { idConfidence: 'low', nameConfidence: 'low', source: INFERRED } as const;
  return [
    // 真实性
    { id: 'YJ-1-1', group: '1-1', ...t.fixity, ...low },
    { id: 'YJ-1-2', group: '1-2', ...t.length, ...low },
    { id: 'YJ-1-3', group: '1-2', ...t.format, ...low },
    { id: 'YJ-1-4', group: '1-2', ...t.domain, ...low },
    { id: 'YJ-1-5', group: '1-2', ...t.plausibility, ...low },
    {
      id: 'YJ-1-6',
      group: '1-2',
      ...t.specialCharacters,
      idConfidence: 'high',
      nameConfidence: 'high',
      source: 'E (xintaiwuyanzu/juye_yitihua_hangao web/src/plugins/utils.js)',
    },
    { id: 'YJ-1-7', group: '1-2', ...t.archivalCode, ...low },
    {
      id: 'YJ-1-8',
      group: '1-2',
      ...t.duplicates,
      idConfidence: 'high',
      nameConfidence: 'high',
      source: 'E (xintaiwuyanzu/juye_yitihua_hangao web/src/plugins/utils.js)',
    },
    { id: 'YJ-1-9', group: '1-3', ...t.contentAttributes, ...low },
    { id: 'YJ-1-10', group: '1-4', ...t.location, ...low },
    {
      id: 'YJ-1-11',
      group: '1-5',
      ...t.readmeCatalogue,
      object: '移交信息包',
      method: '说明文件（说明文件.TXT）和目录文件（文件目录.XML）存在、格式正确、必填字段齐全',
      methodEn: '说明文件.TXT and 文件目录.XML exist, are well-formed and have their required fields',
      ...low,
    },
    {
      id: 'YJ-1-12',
      group: '1-5',
      ...t.structure,
      name: '移交信息包目录结构规范性检测',
      nameEn: 'Folder structure of the transfer package',
      object: '移交信息包',
      method: '载体和信息包的目录结构符合《电子档案移交与接收办法》附件2',
      methodEn: 'The carrier and package layout follow 《电子档案移交与接收办法》 附件2',
      ...low,
    },
    {
      id: 'YJ-1-13',
      group: '1-5',
      ...t.packageDigest,
      name: '移交信息包一致性检测',
      nameEn: 'Consistency of the transfer package',
      object: '移交信息包',
      method: '移交信息包的数字摘要与移交与接收登记表中记录的数字摘要一致',
      methodEn: "The package's digest equals the one on the 登记表 数字摘要 sheet",
      ...low,
    },
    // 完整性
    {
      id: 'YJ-2-1',
      group: '2-1',
      ...t.totalCount,
      method: '实际接收的件数与移交与接收登记表（《办法》附件3）或交接单据登记的一致',
      methodEn: 'Count of received 件 vs the 移交与接收登记表 (《办法》 附件3) or the 交接单据',
      ...low,
    },
    {
      id: 'YJ-2-2',
      group: '2-1',
      ...t.totalBytes,
      method: '实际字节总数与移交与接收登记表登记的字节总数一致',
      methodEn: 'Sum of bytes vs the total on the 移交与接收登记表',
      ...low,
    },
    { id: 'YJ-2-3', group: '2-2', ...t.elementsPresent, ...low },
    { id: 'YJ-2-4', group: '2-2', ...t.mandatory, ...low },
    { id: 'YJ-2-5', group: '2-2', ...t.process, ...low },
    {
      id: 'YJ-2-6',
      group: '2-2',
      ...t.continuity,
      method: '档号（件号）和件内顺序号从设定的起始号开始，无断号、无重号',
      methodEn: '档号 (件号) and 件内顺序号 start at the configured number, with no gaps and no duplicates',
      ...low,
    },
    { id: 'YJ-2-7', group: '2-3', ...t.contentComplete, ...low },
    {
      id: 'YJ-2-8',
      group: '2-4',
      ...t.packageContentCount,
      name: '移交信息包内容数据完整性检测',
      nameEn: 'Content of the transfer package complete',
      ...low,
    },
    // 可用性
    { id: 'YJ-3-1', group: '3-1', ...t.metadataReadable, ...low },
    {
      id: 'YJ-3-2',
      group: '3-2',
      ...t.contentFormat,
      method: '按文件头识别的实际格式符合移交要求（允许的格式清单）',
      methodEn: 'The real format (magic bytes) meets the transfer requirements (the allowed list)',
      ...low,
    },
    { id: 'YJ-3-3', group: '3-2', ...t.contentReadable, ...low },
    {
      id: 'YJ-3-4',
      group: '3-3',
      ...t.environment,
      method: '电子属性中记录的软硬件环境符合移交要求（允许的环境清单）',
      methodEn: 'The environment recorded in 电子属性 meets the transfer requirements (the allowed list)',
      ...low,
    },
    {
      id: 'YJ-3-5',
      group: '3-4',
      ...t.noCompression,
      method: '信息包及其中的容器文件只使用公开的压缩算法（《办法》要求移交前解压缩）',
      methodEn: 'Public compression only (《办法》 requires decompressing before transfer)',
      ...low,
    },
    {
      id: 'YJ-3-6',
      group: '3-4',
      ...t.noEncryption,
      method: '信息包及其中的内容文件没有加密（《办法》要求移交前解密）',
      methodEn: 'Nothing is encrypted (《办法》 requires decrypting before transfer)',
      ...low,
    },
    { id: 'YJ-3-7', group: '3-4', ...t.formatsCompliant, ...low },
    // 安全性
    { id: 'YJ-4-1', group: '4-1', ...t.antivirusInstalled, ...low },
    { id: 'YJ-4-2', group: '4-1', ...t.virusScan, object: '移交信息包', ...low },
    {
      id: 'YJ-4-3',
      group: '4-2',
      ...t.extraFiles,
      method: '载体中只有移交信息包的文件（没有非移交文件或隐藏文件）',
      methodEn: 'The carrier holds only the transfer package (no non-transfer or hidden files)',
      ...low,
    },
    {
      id: 'YJ-4-4',
      group: '4-2',
      ...t.carrierRead,
      name: '载体读取检测',
      nameEn: 'Carrier readability',
      ...low,
    },
    { id: 'YJ-4-5', group: '4-2', ...t.carrierAppearance, ...low },
    {
      id: 'YJ-4-6',
      group: '4-3',
      ...t.processSecurity,
      name: '移交过程安全性检测',
      nameEn: 'Security of the transfer process',
      object: '移交过程',
      method: '技术和管理措施保证信息包在移交和接收过程中安全、可控（可附审计日志为证）',
      methodEn: 'Technical and management measures keep the package secure during transfer and reception',
      ...low,
    },
  ];
}
