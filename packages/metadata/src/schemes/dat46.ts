import type { MetadataScheme } from '../scheme/model.js';
import { HH, HL, HM, ML, MM, OPTIONAL, REQUIRED } from './confidence.js';

const FILE = '文件实体';
const AGENT = '机构人员实体';
const BUSINESS = '业务实体';
const RELATION = '实体关系';
const RETENTION = ['永久', '定期30年', '定期10年'] as const;
const CLASSIFICATIONS = ['公开', '限制', '秘密', '机密', '绝密'] as const;
const OID = '^[0-2](\\.(0|[1-9][0-9]*))+$';

/**
 * DA/T 46-2009 《文书类电子文件元数据方案》: all 88 elements (M1–M88) in their four entities, plus the
 * entity roots and the identifiers DA/T 48 adds to link them (ids `E:…`, `DAT48:…`, no element number).
 *
 * Facts and confidences are those of `../shared/standards/metadata-elements.md`. Where it is uncertain
 * (M65–M79 numbering, obligations marked `?`, lengths, which the notes never give), the row says so in
 * `confidence` and `note`, and an institution overrides it with `extendScheme`.
 *
 * @example
 * schemes.dat46.elements.find((e) => e.number === 'M22')?.name; // '题名'
 */
// biome-ignore format: one row per element, to read side by side with the standard's table
export const dat46 = {
  id: 'dat46',
  standard: 'DA/T 46-2009',
  title: '文书类电子文件元数据方案',
  version: '2026.11',
  confidence: 'medium',
  description:
    '88 个元素（M1–M88）。M65–M79 的编号为推断（低置信度）；多数约束性与可重复性取自实现与 DA/T 48 附录模式，带“?”者为低置信度。',
  rules: [{ kind: 'yearMatchesDate', year: 'M11', date: 'M33' }],
  elements: [
    // ── entity roots (DA/T 46 §5; the record's top level) ──
    { id: 'E:文件实体', key: '文件实体', name: '文件实体', nameEn: 'record entity', entity: FILE, obligation: REQUIRED, repeatable: false, type: 'container', confidence: HH, definition: '文件本身及其元数据（M1–M75）' },
    { id: 'E:机构人员实体', key: '机构人员实体', name: '机构人员实体', nameEn: 'agent entity', entity: AGENT, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: HM, note: 'DA/T 48 封装包要求至少一个（机构人员实体块 1..n）' },
    { id: 'E:业务实体', key: '业务实体', name: '业务实体', nameEn: 'business entity', entity: BUSINESS, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: HM, note: '每个业务行为一条；DA/T 48 封装包要求至少一个' },
    { id: 'E:实体关系', key: '实体关系', name: '实体关系', nameEn: 'relation', entity: RELATION, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: HM, note: 'DA/T 48 写作 文件实体关系（文件标识符、被关联文件标识符）' },

    // ── 文件实体 M1–M75 ──
    { id: 'M1', number: 'M1', key: '聚合层次', name: '聚合层次', nameEn: 'aggregation level', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'enum', domain: { enum: ['文件', '案卷']}, confidence: HM, note: 'DA/T 48 固定为“文件”；照片、录音录像类另有“组”“卷”' },
    { id: 'M2', number: 'M2', key: '来源', name: '来源', nameEn: 'provenance', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'container', confidence: HM },
    { id: 'M3', number: 'M3', key: '档案馆名称', name: '档案馆名称', nameEn: 'archives name', entity: FILE, parent: 'M2', obligation: { kind: '条件选', condition: '移交进馆后必选'}, repeatable: false, type: 'string', confidence: HL },
    { id: 'M4', number: 'M4', key: '档案馆代码', name: '档案馆代码', nameEn: 'archives identifier', entity: FILE, parent: 'M2', obligation: { kind: '条件选', condition: '移交进馆后必选'}, repeatable: false, type: 'string', confidence: HL, definition: '全国档案馆代码' },
    { id: 'M5', number: 'M5', key: '全宗名称', name: '全宗名称', nameEn: 'fonds name', entity: FILE, parent: 'M2', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HL, note: '约束性可能为条件选（未证实）' },
    { id: 'M6', number: 'M6', key: '立档单位名称', name: '立档单位名称', nameEn: 'fonds-constituting unit name', entity: FILE, parent: 'M2', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HM },
    { id: 'M7', number: 'M7', key: '电子文件号', name: '电子文件号', nameEn: 'electronic record code', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HM, definition: '电子文件（或文件夹）的唯一标识，关联其纸质对应物' },
    { id: 'M8', number: 'M8', key: '档号', name: '档号', nameEn: 'archival code', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'container', confidence: HM, definition: '按 DA/T 13 / DA/T 22 编制；归档后必选', note: 'DA/T 48 中为混合内容；档号字符串由整理规则从 M9–M20 生成' },
    { id: 'M9', number: 'M9', key: '全宗号', name: '全宗号', nameEn: 'fonds identifier', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '档号含全宗号时'}, repeatable: false, type: 'string', confidence: HM },
    { id: 'M10', number: 'M10', key: '目录号', name: '目录号', nameEn: 'catalogue number', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '档号含目录号时（按件整理很少使用）'}, repeatable: false, type: 'string', confidence: HM },
    { id: 'M11', number: 'M11', key: '年度', name: '年度', nameEn: 'year', entity: FILE, parent: 'M8', obligation: REQUIRED, repeatable: false, type: 'gYear', confidence: HM },
    { id: 'M12', number: 'M12', key: '保管期限', name: '保管期限', nameEn: 'retention period', entity: FILE, parent: 'M8', obligation: REQUIRED, repeatable: false, type: 'enum', domain: { enum: RETENTION, legacy: ['长期', '短期']}, confidence: HM, note: '档号中的代码：永久 Y、定期30年 D30、定期10年 D10；长期、短期为 2006 年以前的旧值' },
    { id: 'M13', number: 'M13', key: '机构或问题', name: '机构或问题', nameEn: 'organizational structure or function', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '分类方案含机构（问题）时'}, repeatable: false, type: 'string', confidence: HM },
    { id: 'M14', number: 'M14', key: '类别号', name: '类别号', nameEn: 'category code', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '档号含类别号时'}, repeatable: false, type: 'string', confidence: HM },
    { id: 'M15', number: 'M15', key: '室编案卷号', name: '室编案卷号', nameEn: 'agency file number', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '按卷整理时', when: { element: 'M1', in: ['案卷']}}, repeatable: false, type: 'string', confidence: HM },
    { id: 'M16', number: 'M16', key: '馆编案卷号', name: '馆编案卷号', nameEn: 'archives file number', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '进馆后按卷整理时'}, repeatable: false, type: 'string', confidence: HM },
    { id: 'M17', number: 'M17', key: '室编件号', name: '室编件号', nameEn: 'agency item number', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '按件整理且无馆编件号时（DA/T 48：室编件号或馆编件号二选一）', when: { all: [{ element: 'M1', in: ['文件']}, { absent: 'M18'}]},}, repeatable: false, type: 'positiveInteger', confidence: HM },
    { id: 'M18', number: 'M18', key: '馆编件号', name: '馆编件号', nameEn: 'archives item number', entity: FILE, parent: 'M8', obligation: { kind: '条件选', condition: '进馆后按件整理时'}, repeatable: false, type: 'positiveInteger', confidence: HM },
    { id: 'M19', number: 'M19', key: '文档序号', name: '文档序号', nameEn: 'document sequence number', entity: FILE, parent: 'M8', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HL, note: 'DA/T 48 将其移至 文件数据/文档 下' },
    { id: 'M20', number: 'M20', key: '页号', name: '页号', nameEn: 'page number', entity: FILE, parent: 'M8', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HL },
    { id: 'M21', number: 'M21', key: '内容描述', name: '内容描述', nameEn: 'content description', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'container', confidence: HM },
    { id: 'M22', number: 'M22', key: '题名', name: '题名', nameEn: 'title', entity: FILE, parent: 'M21', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HH },
    { id: 'M23', number: 'M23', key: '并列题名', name: '并列题名', nameEn: 'parallel title', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM, definition: '其他语种的题名' },
    { id: 'M24', number: 'M24', key: '副题名', name: '副题名', nameEn: 'alternative title', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M25', number: 'M25', key: '说明题名文字', name: '说明题名文字', nameEn: 'other title information', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HH },
    { id: 'M26', number: 'M26', key: '主题词', name: '主题词', nameEn: 'descriptor', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: true, type: 'string', confidence: HM, definition: '受控词表中的词' },
    { id: 'M27', number: 'M27', key: '关键词', name: '关键词', nameEn: 'keyword', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HL, note: '标准中可能可重复；DA/T 48 只允许一个' },
    { id: 'M28', number: 'M28', key: '人名', name: '人名', nameEn: 'personal name', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HL },
    { id: 'M29', number: 'M29', key: '摘要', name: '摘要', nameEn: 'abstract', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M30', number: 'M30', key: '分类号', name: '分类号', nameEn: 'class code', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM, definition: '《中国档案分类法》分类号' },
    { id: 'M31', number: 'M31', key: '文件编号', name: '文件编号', nameEn: 'document number', entity: FILE, parent: 'M21', obligation: { kind: '条件选', condition: '文件有发文字号时'}, repeatable: false, type: 'string', confidence: HL, definition: '发文字号，如 沪〔2001〕01号' },
    { id: 'M32', number: 'M32', key: '责任者', name: '责任者', nameEn: 'author', entity: FILE, parent: 'M21', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HM, note: '联合发文时标准中可能可重复；DA/T 48 只允许一个' },
    { id: 'M33', number: 'M33', key: '日期', name: '日期', nameEn: 'date', entity: FILE, parent: 'M21', obligation: REQUIRED, repeatable: false, type: 'date', confidence: HM, definition: '文件形成日期', note: '存储为 ISO 8601（YYYY-MM-DD）；归档文件目录中按 DA/T 22 写作 YYYYMMDD' },
    { id: 'M34', number: 'M34', key: '文种', name: '文种', nameEn: 'document type', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: [ '命令(令)', '决定', '公告', '通告', '通知', '通报', '议案', '报告', '请示', '批复', '意见', '函', '会议纪要', '指示', '决议', '公报', '条例', '规定', ], open: true,}, confidence: HM },
    { id: 'M35', number: 'M35', key: '紧急程度', name: '紧急程度', nameEn: 'precedence', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['特提', '特急', '加急', '平急', '急件'], open: true}, confidence: HM },
    { id: 'M36', number: 'M36', key: '主送', name: '主送', nameEn: 'principal receiver', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HL },
    { id: 'M37', number: 'M37', key: '抄送', name: '抄送', nameEn: 'other receivers', entity: FILE, parent: 'M21', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HL },
    { id: 'M38', number: 'M38', key: '密级', name: '密级', nameEn: 'security classification', entity: FILE, parent: 'M21', obligation: REQUIRED, repeatable: false, type: 'enum', domain: { enum: CLASSIFICATIONS, legacy: ['内部', '国内']}, confidence: HM, note: 'GB/T 7156；取值依实现。内部、国内为部分系统的旧值' },
    { id: 'M39', number: 'M39', key: '保密期限', name: '保密期限', nameEn: 'secrecy period', entity: FILE, parent: 'M21', obligation: { kind: '条件选', condition: '密级为秘密、机密或绝密时', when: { element: 'M38', in: ['秘密', '机密', '绝密']},}, repeatable: false, type: 'string', confidence: HM, definition: '如 10年、20年、30年' },
    { id: 'M40', number: 'M40', key: '形式特征', name: '形式特征', nameEn: 'formal characteristics', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'container', confidence: HM },
    { id: 'M41', number: 'M41', key: '文件组合类型', name: '文件组合类型', nameEn: 'document aggregation type', entity: FILE, parent: 'M40', obligation: { kind: '条件选', condition: '聚合层次为文件时', when: { element: 'M1', in: ['文件']}}, repeatable: false, type: 'enum', domain: { enum: ['单件', '组合文件']}, default: '单件', confidence: HM },
    { id: 'M42', number: 'M42', key: '件数', name: '件数', nameEn: 'total number of items', entity: FILE, parent: 'M40', obligation: { kind: '条件选', condition: '聚合层次为案卷时', when: { element: 'M1', in: ['案卷']}}, repeatable: false, type: 'positiveInteger', confidence: HM, note: 'DA/T 48 中没有此元素' },
    { id: 'M43', number: 'M43', key: '页数', name: '页数', nameEn: 'total number of pages', entity: FILE, parent: 'M40', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: HL, note: '标准中可能为必选（未证实）；DA/T 48 为可选' },
    { id: 'M44', number: 'M44', key: '语种', name: '语种', nameEn: 'language', entity: FILE, parent: 'M40', obligation: OPTIONAL, repeatable: false, type: 'string', default: '汉语', confidence: HM },
    { id: 'M45', number: 'M45', key: '稿本', name: '稿本', nameEn: 'manuscript type', entity: FILE, parent: 'M40', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['草稿', '定稿', '正本', '副本', '试行本', '修订本'], open: true}, confidence: HM },
    { id: 'M46', number: 'M46', key: '电子属性', name: '电子属性', nameEn: 'electronic attributes', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: true, type: 'container', confidence: HM, definition: '每个计算机文件一组' },
    { id: 'M47', number: 'M47', key: '格式信息', name: '格式信息', nameEn: 'format information', entity: FILE, parent: 'M46', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM, definition: '“格式名称, 格式版本, MIME媒体类型”，或“格式注册系统名称, 注册ID”（如 PRONOM 编号）' },
    { id: 'M48', number: 'M48', key: '计算机文件名', name: '计算机文件名', nameEn: 'computer file name', entity: FILE, parent: 'M46', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HM },
    { id: 'M49', number: 'M49', key: '计算机文件大小', name: '计算机文件大小', nameEn: 'computer file size', entity: FILE, parent: 'M46', obligation: REQUIRED, repeatable: false, type: 'integer', confidence: HM, definition: '字节数', note: 'DA/T 48 中为字符串' },
    { id: 'M50', number: 'M50', key: '文档创建程序', name: '文档创建程序', nameEn: 'document creating application', entity: FILE, parent: 'M46', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M51', number: 'M51', key: '信息系统描述', name: '信息系统描述', nameEn: 'information system description', entity: FILE, parent: 'M46', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM, note: 'DA/T 48 将其放在 文件实体 下（0..n）' },
    { id: 'M52', number: 'M52', key: '数字化属性', name: '数字化属性', nameEn: 'digitization attributes', entity: FILE, parent: 'E:文件实体', obligation: { kind: '条件选', condition: '纸质文件数字化副本'}, repeatable: false, type: 'container', confidence: HM, note: 'DA/T 48 中每个编码一组' },
    { id: 'M53', number: 'M53', key: '数字化对象形态', name: '数字化对象形态', nameEn: 'physical record characteristics', entity: FILE, parent: 'M52', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M54', number: 'M54', key: '扫描分辨率', name: '扫描分辨率', nameEn: 'scanning resolution', entity: FILE, parent: 'M52', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HM, definition: '如 300dpi' },
    { id: 'M55', number: 'M55', key: '扫描色彩模式', name: '扫描色彩模式', nameEn: 'scanning color model', entity: FILE, parent: 'M52', obligation: REQUIRED, repeatable: false, type: 'enum', domain: { enum: ['黑白二值', '灰度', '彩色']}, confidence: HM },
    { id: 'M56', number: 'M56', key: '图像压缩方案', name: '图像压缩方案', nameEn: 'image compression scheme', entity: FILE, parent: 'M52', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M57', number: 'M57', key: '电子签名', name: '电子签名', nameEn: 'electronic signature', entity: FILE, parent: 'E:文件实体', obligation: { kind: '条件选', condition: '文件有电子签名时'}, repeatable: true, type: 'container', confidence: HM, note: 'DA/T 48 另加 签名标识符（xs:ID）' },
    { id: 'M58', number: 'M58', key: '签名规则', name: '签名规则', nameEn: 'signature rules', entity: FILE, parent: 'M57', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HM },
    { id: 'M59', number: 'M59', key: '签名时间', name: '签名时间', nameEn: 'signature time', entity: FILE, parent: 'M57', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: HM },
    { id: 'M60', number: 'M60', key: '签名人', name: '签名人', nameEn: 'signer', entity: FILE, parent: 'M57', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M61', number: 'M61', key: '签名结果', name: '签名结果', nameEn: 'signature', entity: FILE, parent: 'M57', obligation: REQUIRED, repeatable: false, type: 'base64', confidence: HM },
    { id: 'M62', number: 'M62', key: '证书', name: '证书', nameEn: 'certificate', entity: FILE, parent: 'M57', obligation: REQUIRED, repeatable: true, type: 'base64', confidence: HM, note: 'DA/T 48 以 证书块 包装' },
    { id: 'M63', number: 'M63', key: '证书引证', name: '证书引证', nameEn: 'certificate reference', entity: FILE, parent: 'M57', obligation: OPTIONAL, repeatable: false, type: 'uri', confidence: HM },
    { id: 'M64', number: 'M64', key: '签名算法标识', name: '签名算法标识', nameEn: 'signature algorithm identifier', entity: FILE, parent: 'M57', obligation: REQUIRED, repeatable: false, type: 'string', domain: { pattern: OID}, confidence: HM, definition: 'OID；SM2-with-SM3 为 1.2.156.10197.1.501（GM/T 0006）' },
    { id: 'M65', number: 'M65', key: '存储位置', name: '存储位置', nameEn: 'storage location', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'container', confidence: ML, note: 'M65–M79 编号为推断；约束性未证实（DA/T 48 中必选）' },
    { id: 'M66', number: 'M66', key: '当前位置', name: '当前位置', nameEn: 'current location', entity: FILE, parent: 'M65', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MM, definition: '在线存储路径' },
    { id: 'M67', number: 'M67', key: '脱机载体编号', name: '脱机载体编号', nameEn: 'offline medium identifier', entity: FILE, parent: 'M65', obligation: REQUIRED, repeatable: true, type: 'string', confidence: ML, note: 'DA/T 48 要求至少一个；只在线保存的系统需约定占位值' },
    { id: 'M68', number: 'M68', key: '脱机载体存址', name: '脱机载体存址', nameEn: 'offline medium storage location', entity: FILE, parent: 'M65', obligation: OPTIONAL, repeatable: true, type: 'string', confidence: MM },
    { id: 'M69', number: 'M69', key: '缩微号', name: '缩微号', nameEn: 'microform identifier', entity: FILE, parent: 'M65', obligation: { kind: '条件选', condition: '有缩微副本时'}, repeatable: false, type: 'string', confidence: MM },
    { id: 'M70', number: 'M70', key: '权限管理', name: '权限管理', nameEn: 'rights management', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'container', confidence: ML, note: 'DA/T 48 中必选（可为空）' },
    { id: 'M71', number: 'M71', key: '知识产权说明', name: '知识产权说明', nameEn: 'intellectual property statement', entity: FILE, parent: 'M70', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MM },
    { id: 'DAT48:授权', key: '授权', name: '授权', nameEn: 'permission', entity: FILE, parent: 'M70', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: HM, note: 'DA/T 48 将 授权对象（M72）与 授权行为（M73）成对放在 授权 下' },
    { id: 'M72', number: 'M72', key: '授权对象', name: '授权对象', nameEn: 'authorized agent', entity: FILE, parent: 'DAT48:授权', obligation: REQUIRED, repeatable: false, type: 'string', confidence: MM },
    { id: 'M73', number: 'M73', key: '授权行为', name: '授权行为', nameEn: 'permission assignment', entity: FILE, parent: 'DAT48:授权', obligation: REQUIRED, repeatable: false, type: 'enum', domain: { enum: ['公布', '复制', '浏览', '解密'], open: true}, confidence: MM },
    { id: 'M74', number: 'M74', key: '控制标识', name: '控制标识', nameEn: 'control identifier', entity: FILE, parent: 'M70', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['开放', '控制'], open: true}, confidence: MM },
    { id: 'M75', number: 'M75', key: '附注', name: '附注', nameEn: 'annotation', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: true, type: 'string', confidence: MM },

    // ── 机构人员实体 M76–M79 ──
    { id: 'DAT48:机构人员标识符', key: '机构人员标识符', name: '机构人员标识符', nameEn: 'agent identifier', entity: AGENT, parent: 'E:机构人员实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HH, note: 'DA/T 48 增设；业务实体据此引用机构人员' },
    { id: 'M76', number: 'M76', key: '机构人员类型', name: '机构人员类型', nameEn: 'agent type', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['单位', '内设机构', '个人'], legacy: ['部门']}, confidence: ML, note: '标准中可能为必选；另一系统用“部门”代替“内设机构”' },
    { id: 'M77', number: 'M77', key: '机构人员名称', name: '机构人员名称', nameEn: 'agent name', entity: AGENT, parent: 'E:机构人员实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: MM },
    { id: 'M78', number: 'M78', key: '组织机构代码', name: '组织机构代码', nameEn: 'organization code', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MM, definition: 'GB 11714；现多为 18 位统一社会信用代码' },
    { id: 'M79', number: 'M79', key: '个人职位', name: '个人职位', nameEn: 'position name', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MM },

    // ── 业务实体 M80–M84 ──
    { id: 'DAT48:业务标识符', key: '业务标识符', name: '业务标识符', nameEn: 'business identifier', entity: BUSINESS, parent: 'E:业务实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HH, note: 'DA/T 48 增设' },
    { id: 'DAT48:业务实体/机构人员标识符', key: '机构人员标识符', name: '机构人员标识符', nameEn: 'agent identifier', entity: BUSINESS, parent: 'E:业务实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HH, note: 'DA/T 48 增设；引用 机构人员实体 的 机构人员标识符' },
    { id: 'DAT48:文件标识符', key: '文件标识符', name: '文件标识符', nameEn: 'record identifier', entity: BUSINESS, parent: 'E:业务实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HH, note: 'DA/T 48 增设；通常为 电子文件号' },
    { id: 'M80', number: 'M80', key: '业务状态', name: '业务状态', nameEn: 'business status', entity: BUSINESS, parent: 'E:业务实体', obligation: REQUIRED, repeatable: false, type: 'enum', domain: { enum: ['历史行为', '计划任务']}, confidence: HM },
    { id: 'M81', number: 'M81', key: '业务行为', name: '业务行为', nameEn: 'business activity', entity: BUSINESS, parent: 'E:业务实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HM, definition: '如 拟稿、审核、签发、登记、归档、移交、鉴定、销毁（无固定列表）' },
    { id: 'M82', number: 'M82', key: '行为时间', name: '行为时间', nameEn: 'action time', entity: BUSINESS, parent: 'E:业务实体', obligation: REQUIRED, repeatable: false, type: 'dateTime', confidence: HM, note: 'DA/T 48 中为字符串' },
    { id: 'M83', number: 'M83', key: '行为依据', name: '行为依据', nameEn: 'action mandate', entity: BUSINESS, parent: 'E:业务实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M84', number: 'M84', key: '行为描述', name: '行为描述', nameEn: 'action description', entity: BUSINESS, parent: 'E:业务实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },

    // ── 实体关系 M85–M88 ──
    { id: 'M85', number: 'M85', key: '实体标识符', name: '实体标识符', nameEn: 'entity identifier', entity: RELATION, parent: 'E:实体关系', obligation: REQUIRED, repeatable: false, type: 'string', confidence: ML, note: 'DA/T 48 写作 文件标识符' },
    { id: 'DAT48:被关联实体标识符', key: '被关联实体标识符', name: '被关联实体标识符', nameEn: 'related entity identifier', entity: RELATION, parent: 'E:实体关系', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HH, note: 'DA/T 48 写作 被关联文件标识符' },
    { id: 'M86', number: 'M86', key: '关系类型', name: '关系类型', nameEn: 'relation type', entity: RELATION, parent: 'E:实体关系', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M87', number: 'M87', key: '关系', name: '关系', nameEn: 'relation', entity: RELATION, parent: 'E:实体关系', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
    { id: 'M88', number: 'M88', key: '关系描述', name: '关系描述', nameEn: 'relation description', entity: RELATION, parent: 'E:实体关系', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HM },
  ],
} as const satisfies MetadataScheme;
