/** One standard dangan implements, with the version it follows (reports name the version explicitly). */
export interface StandardReference {
  /** Designation with year, e.g. `DA/T 46-2009`. */
  readonly id: string;
  /** Chinese title as published. */
  readonly title: string;
  /** English gloss. */
  readonly titleEn: string;
  /** What dangan takes from it. */
  readonly usedFor: string;
}

/**
 * The standards (标准) behind dangan's rules, with the versions the rules follow. Reports and packages
 * cite these ids; when a newer edition is adopted, this table and the rule data change together.
 *
 * @example
 * STANDARDS.find((s) => s.id.startsWith('DA/T 70'))?.title; // '文书类电子档案检测一般要求'
 */
export const STANDARDS: readonly StandardReference[] = [
  {
    id: 'DA/T 46-2009',
    title: '文书类电子文件元数据方案',
    titleEn: 'Metadata scheme for electronic records of documents',
    usedFor: '元数据方案（88 个元素）',
  },
  {
    id: 'DA/T 54-2014',
    title: '照片类电子档案元数据方案',
    titleEn: 'Metadata scheme for photographic electronic records',
    usedFor: '照片类元数据',
  },
  {
    id: 'DA/T 63-2017',
    title: '录音录像类电子档案元数据方案',
    titleEn: 'Metadata scheme for audio and video electronic records',
    usedFor: '录音录像类元数据',
  },
  {
    id: 'DA/T 48-2009',
    title: '基于XML的电子文件封装规范',
    titleEn: 'XML-based electronic records encapsulation',
    usedFor: '电子文件封装包（EEP）',
  },
  {
    id: 'DA/T 70-2018',
    title: '文书类电子档案检测一般要求',
    titleEn: 'General requirements for checking electronic records of documents',
    usedFor: '四性检测',
  },
  {
    id: 'DA/T 22-2015',
    title: '归档文件整理规则',
    titleEn: 'Rules for arranging archival documents',
    usedFor: '档号（按件）、排序、归档章、归档文件目录',
  },
  {
    id: 'DA/T 13-2022',
    title: '档号编制规则',
    titleEn: 'Rules for compiling archival codes',
    usedFor: '档号模板',
  },
  {
    id: 'GB/T 18894-2016',
    title: '电子文件归档与电子档案管理规范',
    titleEn: 'Electronic records filing and management',
    usedFor: '归档信息包、归档登记表、归档格式',
  },
  {
    id: 'DB31/T 1152-2019',
    title: '政务服务“一网通办”电子文件归档管理规范',
    titleEn: 'Shanghai one-stop government service e-records filing',
    usedFor: '一网通办办件归档',
  },
  {
    id: 'GB/T 32905-2016',
    title: '信息安全技术 SM3密码杂凑算法',
    titleEn: 'SM3 cryptographic hash algorithm',
    usedFor: '数字摘要',
  },
  {
    id: 'GB/T 32918-2016',
    title: '信息安全技术 SM2椭圆曲线公钥密码算法',
    titleEn: 'SM2 elliptic curve public key cryptography',
    usedFor: '电子签名',
  },
];
