import type { CheckTexts } from './check-texts.js';
import type { ItemRow } from './item-row.js';

const INFERRED = '§5: inferred from the group purpose (BC item list not public; the BC prefix is medium)';

/**
 * The 长期保存 (BC) items, derived from the group purposes (`checks-dat70.md` §5). No BC item code has been
 * seen, and even the `BC` prefix is medium confidence, so every id is provisional (`idConfidence:
 * 'unknown'`), numbered in order within each property. Key results by group (`DA/T70-2018:BC:3-4`).
 */
export function bcRows(t: CheckTexts): readonly ItemRow[] {
  const u = { idConfidence: 'unknown', nameConfidence: 'low', source: INFERRED } as const;
  return [
    // 真实性
    {
      id: 'BC-1-1',
      group: '1-1',
      ...t.fixity,
      method: '保存期间重新计算数字摘要并与记录值比对；验证电子签名、电子印章和时间戳仍然有效',
      methodEn:
        'During preservation, recompute digests and verify signatures, seals and timestamps are still valid',
      ...u,
    },
    { id: 'BC-1-2', group: '1-1', ...t.fixityAudit, ...u },
    { id: 'BC-1-3', group: '1-2', ...t.length, ...u },
    { id: 'BC-1-4', group: '1-2', ...t.format, ...u },
    { id: 'BC-1-5', group: '1-2', ...t.domain, ...u },
    { id: 'BC-1-6', group: '1-2', ...t.plausibility, ...u },
    { id: 'BC-1-7', group: '1-2', ...t.specialCharacters, ...u },
    { id: 'BC-1-8', group: '1-2', ...t.archivalCode, ...u },
    { id: 'BC-1-9', group: '1-2', ...t.duplicates, ...u },
    { id: 'BC-1-10', group: '1-3', ...t.contentAttributes, ...u },
    { id: 'BC-1-11', group: '1-4', ...t.location, ...u },
    {
      id: 'BC-1-12',
      group: '1-5',
      ...t.packageDigest,
      name: '保存信息包一致性检测',
      nameEn: 'Preservation package unchanged since ingest',
      object: '保存信息包',
      method: '保存信息包的数字摘要与入库时记录的数字摘要一致',
      methodEn: "The package's digest equals the one taken at ingest",
      ...u,
    },
    {
      id: 'BC-1-13',
      group: '1-5',
      ...t.structure,
      name: '保存信息包结构规范性检测',
      nameEn: 'Structure of the preservation package',
      object: '保存信息包',
      method: '封装包（EEP）及其元数据符合 DA/T 48-2009 的结构（XML Schema）',
      methodEn: 'An EEP and its metadata validate against the DA/T 48-2009 structure (XML Schema)',
      ...u,
    },
    // 完整性
    {
      id: 'BC-2-1',
      group: '2-1',
      ...t.totalCount,
      method: '各批次实际的件数与元数据中记录的一致',
      methodEn: 'Per batch, the count of 件 equals the one recorded in the metadata',
      ...u,
    },
    {
      id: 'BC-2-2',
      group: '2-1',
      ...t.totalBytes,
      method: '各批次实际的字节总数与元数据中记录的一致',
      methodEn: 'Per batch, the byte total equals the one recorded in the metadata',
      ...u,
    },
    { id: 'BC-2-3', group: '2-2', ...t.elementsPresent, ...u },
    { id: 'BC-2-4', group: '2-2', ...t.mandatory, ...u },
    {
      id: 'BC-2-5',
      group: '2-2',
      ...t.continuity,
      method: '档号（件号）和件内顺序号从设定的起始号开始，无断号、无重号',
      methodEn: '档号 (件号) and 件内顺序号 start at the configured number, with no gaps and no duplicates',
      ...u,
    },
    { id: 'BC-2-6', group: '2-3', ...t.contentComplete, ...u },
    {
      id: 'BC-2-7',
      group: '2-4',
      ...t.packageMetadata,
      name: '保存信息包元数据完整性检测',
      nameEn: 'Completeness of the preservation package metadata',
      method: '元数据完整；封装包（EEP）的元素按 DA/T 46-2009 和 DA/T 48-2009 齐全',
      methodEn: 'Metadata complete; EEP elements complete per DA/T 46-2009 and DA/T 48-2009',
      ...u,
    },
    {
      id: 'BC-2-8',
      group: '2-4',
      ...t.packageContentCount,
      name: '保存信息包内容数据完整性检测',
      nameEn: 'Content of the preservation package complete',
      ...u,
    },
    // 可用性
    {
      id: 'BC-3-1',
      group: '3-1',
      ...t.metadataReadable,
      name: '元数据可访问性检测',
      nameEn: 'Accessibility of the metadata',
      object: '元数据',
      ...u,
    },
    { id: 'BC-3-2', group: '3-2', ...t.contentReadable, ...u },
    {
      id: 'BC-3-3',
      group: '3-2',
      ...t.contentFormat,
      name: '内容数据格式可持续性检测',
      nameEn: 'Sustainability of the content formats',
      method: '按文件头识别的实际格式仍适合长期保存（允许的格式清单；关注格式过时）',
      methodEn:
        'The real formats still suit long-term preservation (the allowed list; watch for obsolescence)',
      severity: 'warning',
      ...u,
    },
    {
      id: 'BC-3-4',
      group: '3-3',
      name: '软硬件环境适用性检测',
      nameEn: 'Suitability of the software and hardware environment',
      object: '软硬件环境',
      method: '由人工评估软硬件环境仍适合继续保存，并记录确认',
      methodEn: 'A person assesses that the environment is still suitable and attests it',
      automation: 'manual',
      ...u,
    },
    { id: 'BC-3-5', group: '3-4', ...t.backupRestore, ...u },
    // 安全性
    { id: 'BC-4-1', group: '4-1', ...t.antivirusInstalled, object: '保存系统环境', ...u },
    { id: 'BC-4-2', group: '4-1', ...t.virusScan, object: '保存信息包', ...u },
    {
      id: 'BC-4-3',
      group: '4-2',
      ...t.carrierRead,
      name: '载体读取检测',
      nameEn: 'Carrier readability',
      ...u,
    },
    { id: 'BC-4-4', group: '4-2', ...t.carrierAppearance, ...u },
    {
      id: 'BC-4-5',
      group: '4-3',
      name: '软件系统安全漏洞检测',
      nameEn: 'Vulnerabilities of the software system',
      object: '软件系统',
      method: '对保存系统做漏洞扫描，没有安全漏洞隐患（由宿主报告或人工确认）',
      methodEn:
        'A vulnerability scan of the preservation system finds no open issue (host report or attestation)',
      automation: 'manual',
      ...u,
    },
    {
      id: 'BC-4-6',
      group: '4-4',
      name: '载体保管环境安全性检测',
      nameEn: 'Storage environment of the carriers',
      object: '载体保管环境',
      method: '磁盘、磁带、光盘的保管环境（温度、湿度等）符合国家规定，由人工确认',
      methodEn:
        'The storage environment of disks, tapes and discs (temperature, humidity …) meets national rules; attested',
      automation: 'manual',
      ...u,
    },
  ];
}
