import type { MetadataScheme } from '../scheme/model.js';
import { LU, ML, MM, MU, OPTIONAL, REQUIRED } from './confidence.js';

const FILE = '文件实体';
const AGENT = '机构人员实体';
const BUSINESS = '业务实体';
const MANDATE = '授权实体';
const RELATION = '实体关系';
const RETENTION = ['永久', '定期30年', '定期10年'] as const;

/**
 * DA/T 54-2014 《照片类电子档案元数据方案》 — PROVISIONAL numbering. The standard's element numbers, count,
 * obligations and repeatability are not known (`../shared/standards/metadata-elements.md` §2).
 *
 * Ids are `DAT54:<n>`, where n is the position of the field in an implementer's list in standard-like order
 * (`1998Zhao/check` `ImageMetadata.java`, 135 fields, matching the TOC of the Jiangxi photo EEP
 * specification). **n is not the standard's number**, and no row has a `number`. Obligations are unknown
 * (validated as 可选) except 题名, which is probably 必选. An institution corrects all of this with
 * `extendScheme`.
 *
 * Container and key names of the technical parts (时间, 拍摄位置, 捕获设备, 软件, 图像参数) are exactly those
 * `captureAttributes` writes, so captured photo data drops into `文件实体` unchanged.
 *
 * @example
 * schemeIndex(schemes.dat54).paths.get('DAT54:22'); // ['文件实体', '拍摄位置', '纬度']
 */
// biome-ignore format: one row per element, to read side by side with the source list
export const dat54 = {
  id: 'dat54',
  standard: 'DA/T 54-2014',
  title: '照片类电子档案元数据方案',
  version: '2026.11',
  confidence: 'low',
  description:
    '暂定方案：标准的元素编号、数量、约束性与可重复性均未核实。id 为 DAT54:n，n 是实现者字段顺序（1998Zhao/check ImageMetadata.java，共 135 项），不是标准编号；除 题名 外约束性一律未知（按可选校验）。请以 extendScheme 按实际采用的方案修正。',
  elements: [
    // ── entity roots ──
    { id: 'E:文件实体', key: '文件实体', name: '文件实体', nameEn: 'record entity', entity: FILE, obligation: REQUIRED, repeatable: false, type: 'container', confidence: MM, definition: '照片本身及其元数据（序 1–104）' },
    { id: 'E:业务实体', key: '业务实体', name: '业务实体', nameEn: 'business entity', entity: BUSINESS, obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU, definition: '文件业务（处置）与职能业务（序 105–122）' },
    { id: 'E:机构人员实体', key: '机构人员实体', name: '机构人员实体', nameEn: 'agent entity', entity: AGENT, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU, definition: '序 123–127' },
    { id: 'E:授权实体', key: '授权实体', name: '授权实体', nameEn: 'mandate entity', entity: MANDATE, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU, definition: '授权（法规依据），序 128–132', note: '数据模型无“授权”实体类别，归入业务实体（DA/T 46 的 行为依据 也在业务实体中）' },
    { id: 'E:实体关系', key: '实体关系', name: '实体关系', nameEn: 'relation', entity: RELATION, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU, definition: '序 133–135' },

    // ── 文件实体: identification and description (序 1–33) ──
    { id: 'DAT54:1', key: '文件标识符', name: '文件标识符', nameEn: 'record identifier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:2', key: '档案门类代码', name: '档案门类代码', nameEn: 'archival category code', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['ZP'], open: true }, default: 'ZP', confidence: MU, definition: '照片为 ZP' },
    { id: 'DAT54:3', key: '档案馆代码', name: '档案馆代码', nameEn: 'archives identifier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:4', key: '组织机构代码', name: '组织机构代码', nameEn: 'organization code', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:5', key: '聚合层次', name: '聚合层次', nameEn: 'aggregation level', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['件', '组'] }, confidence: MU, note: '取值可能为 件/组（未证实；DA/T 46 为 文件/案卷，见已知分歧 #3）' },
    { id: 'DAT54:6', key: '档号', name: '档号', nameEn: 'archival code', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '照片档号以 组号-件号 结尾，如 K021-ZP·2019·D30-025-005' },
    { id: 'DAT54:7', key: '题名', name: '题名', nameEn: 'title', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: ML, note: '很可能必选；DA/T 63 中 题名 为 M7，本标准中或亦为 M7（未证实）' },
    { id: 'DAT54:8', key: '摄影者', name: '摄影者', nameEn: 'photographer', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '“姓名, 单位”，多人以 ; 分隔（实现惯例）' },
    { id: 'DAT54:9', key: '著录者', name: '著录者', nameEn: 'describer', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:10', key: '审核者', name: '审核者', nameEn: 'reviewer', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:11', key: '时间', name: '时间', nameEn: 'date and time', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU },
    { id: 'DAT54:12', key: '摄影时间', name: '摄影时间', nameEn: 'date of creation', entity: FILE, parent: 'DAT54:11', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU, definition: 'GB/T 7408 扩展格式，如 2021-02-24T10:23:14（Exif DateTimeOriginal）' },
    { id: 'DAT54:13', key: '数字化时间', name: '数字化时间', nameEn: 'date of digitization', entity: FILE, parent: 'DAT54:11', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU },
    { id: 'DAT54:14', key: '处理时间', name: '处理时间', nameEn: 'date modified', entity: FILE, parent: 'DAT54:11', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU },
    { id: 'DAT54:15', key: '主题', name: '主题', nameEn: 'subject', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:16', key: '地点', name: '地点', nameEn: 'place', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:17', key: '人物', name: '人物', nameEn: 'persons', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '画面中人物的姓名、职务，以 ; 分隔' },
    { id: 'DAT54:18', key: '背景', name: '背景', nameEn: 'background', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:19', key: '拍摄位置', name: '拍摄位置', nameEn: 'shooting position', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU, definition: '对应 Exif GPS IFD' },
    { id: 'DAT54:20', key: 'GPS版本', name: 'GPS版本', nameEn: 'GPS version', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: 'Exif GPSVersionID，如 2.3.0.0', note: '实现者写作“全球定位系统版本”' },
    { id: 'DAT54:21', key: '纬度基准', name: '纬度基准', nameEn: 'latitude reference', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['N', 'S'], open: true }, confidence: MU, definition: 'N 北纬、S 南纬（Exif GPSLatitudeRef）' },
    { id: 'DAT54:22', key: '纬度', name: '纬度', nameEn: 'latitude', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0, max: 90 }, confidence: MU, definition: '十进制度，正值（南北见 纬度基准）' },
    { id: 'DAT54:23', key: '经度基准', name: '经度基准', nameEn: 'longitude reference', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['E', 'W'], open: true }, confidence: MU, definition: 'E 东经、W 西经（Exif GPSLongitudeRef）' },
    { id: 'DAT54:24', key: '经度', name: '经度', nameEn: 'longitude', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0, max: 180 }, confidence: MU, definition: '十进制度，正值（东西见 经度基准）' },
    { id: 'DAT54:25', key: '海拔基准', name: '海拔基准', nameEn: 'altitude reference', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['海平面以上', '海平面以下'], open: true }, confidence: MU, definition: 'Exif GPSAltitudeRef 0/1' },
    { id: 'DAT54:26', key: '海拔', name: '海拔', nameEn: 'altitude', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0 }, confidence: MU, definition: '米，正值（海平面上下见 海拔基准）' },
    { id: 'DAT54:27', key: '方向基准', name: '方向基准', nameEn: 'image direction reference', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['真北', '磁北'], open: true }, confidence: MU, definition: 'Exif GPSImgDirectionRef T/M' },
    { id: 'DAT54:28', key: '镜头方向', name: '镜头方向', nameEn: 'image direction', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0, max: 360 }, confidence: MU, definition: '度，0–359.99' },
    { id: 'DAT54:29', key: '国际协调时间', name: '国际协调时间', nameEn: 'GPS UTC time', entity: FILE, parent: 'DAT54:19', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: 'GPSDateStamp + GPSTimeStamp，如 2021-02-24T02:23:14Z（缺日期时只有 hh:mm:ss）' },
    { id: 'DAT54:30', key: '体裁', name: '体裁', nameEn: 'genre', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:31', key: '文字说明', name: '文字说明', nameEn: 'caption', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:32', key: '保管期限', name: '保管期限', nameEn: 'retention period', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: RETENTION, legacy: ['长期', '短期'] }, confidence: MU, note: '长期、短期为 2006 年以前的旧值' },
    { id: 'DAT54:33', key: '附注', name: '附注', nameEn: 'annotation', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },

    // ── 文件实体: storage, external ids (序 34–39; the Jiangxi TOC has a 使用元数据 group here instead) ──
    { id: 'DAT54:34', key: '存储', name: '存储', nameEn: 'storage', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU, note: '江西照片封装规范目录此处为“使用元数据”组（已知分歧 #10）' },
    { id: 'DAT54:35', key: '在线存址', name: '在线存址', nameEn: 'online location', entity: FILE, parent: 'DAT54:34', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT54:36', key: '离线存址', name: '离线存址', nameEn: 'offline location', entity: FILE, parent: 'DAT54:34', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT54:37', key: '外部文件标识符', name: '外部文件标识符', nameEn: 'external record identifier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT54:38', key: '外部文件标识符值', name: '外部文件标识符值', nameEn: 'external record identifier value', entity: FILE, parent: 'DAT54:37', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT54:39', key: '外部文件标识符类型', name: '外部文件标识符类型', nameEn: 'external record identifier type', entity: FILE, parent: 'DAT54:37', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 文件实体: capture (序 40–50) ──
    { id: 'DAT54:40', key: '捕获设备', name: '捕获设备', nameEn: 'capture device', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU },
    { id: 'DAT54:41', key: '设备类型', name: '设备类型', nameEn: 'device type', entity: FILE, parent: 'DAT54:40', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 数码相机、胶片扫描仪、反射式扫描仪（Exif FileSource）' },
    { id: 'DAT54:42', key: '设备制造商', name: '设备制造商', nameEn: 'device manufacturer', entity: FILE, parent: 'DAT54:40', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: 'Exif Make' },
    { id: 'DAT54:43', key: '设备型号', name: '设备型号', nameEn: 'device model', entity: FILE, parent: 'DAT54:40', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: 'Exif Model' },
    { id: 'DAT54:44', key: '设备序列号', name: '设备序列号', nameEn: 'device serial number', entity: FILE, parent: 'DAT54:40', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: 'Exif BodySerialNumber' },
    { id: 'DAT54:45', key: '设备感光器', name: '设备感光器', nameEn: 'device sensor', entity: FILE, parent: 'DAT54:40', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '按 Exif SensingMethod，如 单片彩色区域传感器' },
    { id: 'DAT54:软件', key: '软件', name: '软件', nameEn: 'software', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU, note: '实现者列表中没有此容器（序 46–49 为平铺字段），此处按元数据说明成组；id 不带序号' },
    { id: 'DAT54:46', key: '软件类型', name: '软件类型', nameEn: 'software type', entity: FILE, parent: 'DAT54:软件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:47', key: '软件名称', name: '软件名称', nameEn: 'software name', entity: FILE, parent: 'DAT54:软件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: 'Exif Software' },
    { id: 'DAT54:48', key: '软件版本', name: '软件版本', nameEn: 'software version', entity: FILE, parent: 'DAT54:软件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:49', key: '软件生产商', name: '软件生产商', nameEn: 'software manufacturer', entity: FILE, parent: 'DAT54:软件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, note: '实现者注释写作“软件信息”（字段 softwareManufacturer）' },
    { id: 'DAT54:50', key: '信息系统描述', name: '信息系统描述', nameEn: 'information system description', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, note: '或称 管理系统描述' },

    // ── 文件实体: rights, provenance (序 51–61) ──
    { id: 'DAT54:51', key: '权限', name: '权限', nameEn: 'rights', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU, note: '是否为容器、下属哪些元素未证实（DA/T 63 的 权限 含 密级、控制标识、版权信息）' },
    { id: 'DAT54:52', key: '控制标识', name: '控制标识', nameEn: 'control identifier', entity: FILE, parent: 'DAT54:51', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['开放', '控制'], open: true }, confidence: MU },
    { id: 'DAT54:53', key: '版权信息', name: '版权信息', nameEn: 'copyright information', entity: FILE, parent: 'DAT54:51', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:54', key: '版权所有者', name: '版权所有者', nameEn: 'copyright owner', entity: FILE, parent: 'DAT54:51', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:55', key: '版权ID', name: '版权ID', nameEn: 'copyright identifier', entity: FILE, parent: 'DAT54:51', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:56', key: '版权期限', name: '版权期限', nameEn: 'copyright period', entity: FILE, parent: 'DAT54:51', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:57', key: '来源', name: '来源', nameEn: 'provenance', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT54:58', key: '获取方式', name: '获取方式', nameEn: 'acquisition approach', entity: FILE, parent: 'DAT54:57', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT54:59', key: '来源名称', name: '来源名称', nameEn: 'provenance name', entity: FILE, parent: 'DAT54:57', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT54:60', key: '电子档案名', name: '电子档案名', nameEn: 'electronic record name', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT54:61', key: '电子档案生成方式', name: '电子档案生成方式', nameEn: 'electronic record creation way', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['原生', '数字化'], open: true }, confidence: LU, note: '取值可能为 原生/数字化（未证实）' },

    // ── 文件实体: encoding, format (序 62–68) ──
    { id: 'DAT54:62', key: '文件编码标识符', name: '文件编码标识符', nameEn: 'record encoding identifier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:63', key: '文件大小', name: '文件大小', nameEn: 'file size', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'integer', confidence: MU, definition: '字节数' },
    { id: 'DAT54:64', key: '格式', name: '格式', nameEn: 'format', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU },
    { id: 'DAT54:65', key: '格式名称', name: '格式名称', nameEn: 'format name', entity: FILE, parent: 'DAT54:64', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['JPEG', 'TIFF'], open: true }, confidence: MU },
    { id: 'DAT54:66', key: '格式版本', name: '格式版本', nameEn: 'format version', entity: FILE, parent: 'DAT54:64', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:67', key: '格式描述', name: '格式描述', nameEn: 'format description', entity: FILE, parent: 'DAT54:64', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:68', key: '格式转换于', name: '格式转换于', nameEn: 'converted from', entity: FILE, parent: 'DAT54:64', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '转换前的格式' },

    // ── 文件实体: 图像参数 (序 69–90; Exif/TIFF tags) ──
    { id: 'DAT54:69', key: '图像参数', name: '图像参数', nameEn: 'image parameters', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU },
    { id: 'DAT54:70', key: '水平分辨率', name: '水平分辨率', nameEn: 'X resolution', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0 }, confidence: MU, definition: '像素/英寸（ppi）' },
    { id: 'DAT54:71', key: '垂直分辨率', name: '垂直分辨率', nameEn: 'Y resolution', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0 }, confidence: MU, definition: '像素/英寸（ppi）' },
    { id: 'DAT54:72', key: '图像高度', name: '图像高度', nameEn: 'image height', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: MU, definition: '像素' },
    { id: 'DAT54:73', key: '图像宽度', name: '图像宽度', nameEn: 'image width', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: MU, definition: '像素' },
    { id: 'DAT54:74', key: '色彩空间', name: '色彩空间', nameEn: 'color space', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['sRGB', 'AdobeRGB', 'ProPhoto RGB'], open: true }, confidence: MU },
    { id: 'DAT54:76', key: 'YCbCr二次采样', name: 'YCbCr二次采样', nameEn: 'YCbCr subsampling', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 4:2:0、4:2:2、4:4:4', note: '实现者有 分量（YCbCr）容器行（序 75），此处 序 76–78 直接置于 图像参数 下' },
    { id: 'DAT54:77', key: 'YCbCr配置', name: 'YCbCr配置', nameEn: 'YCbCr positioning', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, note: '实现者写作“分量配置”' },
    { id: 'DAT54:78', key: 'YCbCr系数', name: 'YCbCr系数', nameEn: 'YCbCr coefficients', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, note: '实现者写作“分量系数”' },
    { id: 'DAT54:79', key: '长宽比', name: '长宽比', nameEn: 'aspect ratio', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:80', key: '位深度', name: '位深度', nameEn: 'bit depth', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: MU, definition: '每像素位数（各样本之和）' },
    { id: 'DAT54:81', key: '每样本位数', name: '每样本位数', nameEn: 'bits per sample', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '逗号分隔，如 8,8,8', note: '实现者另有 每样本位数值、每样本位数单元（序 82–83），此处合为一个值' },
    { id: 'DAT54:84', key: '每像素样本数', name: '每像素样本数', nameEn: 'samples per pixel', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: MU },
    { id: 'DAT54:85', key: '字节序', name: '字节序', nameEn: 'byte order', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: 'TIFF/Exif 结构的字节序，如 II（小端）、MM（大端）' },
    { id: 'DAT54:86', key: '方向', name: '方向', nameEn: 'orientation', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'integer', domain: { min: 1, max: 8 }, confidence: MU, definition: 'Exif/TIFF Orientation 1–8' },
    { id: 'DAT54:87', key: '头文件信息', name: '头文件信息', nameEn: 'header information', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:89', key: '压缩方案', name: '压缩方案', nameEn: 'compression scheme', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 JPEG（基线 DCT）、LZW、无压缩', note: '实现者有 压缩 容器行（序 88），此处 序 89–90 直接置于 图像参数 下' },
    { id: 'DAT54:90', key: '压缩率', name: '压缩率', nameEn: 'compression ratio', entity: FILE, parent: 'DAT54:69', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },

    // ── 文件实体: relation, encoding data and signature (序 91–104) ──
    { id: 'DAT54:91', key: '文件关联', name: '文件关联', nameEn: 'record relation', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU },
    { id: 'DAT54:92', key: '关联文件标识符', name: '关联文件标识符', nameEn: 'related record identifier', entity: FILE, parent: 'DAT54:91', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:93', key: '文件关系类型', name: '文件关系类型', nameEn: 'record relation type', entity: FILE, parent: 'DAT54:91', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:94', key: '文件关系', name: '文件关系', nameEn: 'record relation', entity: FILE, parent: 'DAT54:91', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: '实现者注释写作“文件关联”（与容器同名，字段 recordRelation），此处按 文件关系类型/文件关系描述 改称' },
    { id: 'DAT54:95', key: '文件关系描述', name: '文件关系描述', nameEn: 'record relation description', entity: FILE, parent: 'DAT54:91', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:96', key: '文件编码数据', name: '文件编码数据', nameEn: 'record encoding data', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'base64', confidence: MU, note: '文件内容本身；通常由封装包承载，不写入记录' },
    { id: 'DAT54:97', key: '编码数字签名', name: '编码数字签名', nameEn: 'encoding digital signature', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU },
    { id: 'DAT54:98', key: '签名格式描述', name: '签名格式描述', nameEn: 'signature format description', entity: FILE, parent: 'DAT54:97', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, note: '实现者各项带“编码”前缀（编码签名格式描述 …）' },
    { id: 'DAT54:99', key: '签名时间', name: '签名时间', nameEn: 'signature date', entity: FILE, parent: 'DAT54:97', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU },
    { id: 'DAT54:100', key: '签名者', name: '签名者', nameEn: 'signer', entity: FILE, parent: 'DAT54:97', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:101', key: '签名', name: '签名', nameEn: 'signature', entity: FILE, parent: 'DAT54:97', obligation: OPTIONAL, repeatable: false, type: 'base64', confidence: MU },
    { id: 'DAT54:102', key: '证书', name: '证书', nameEn: 'certificate', entity: FILE, parent: 'DAT54:97', obligation: OPTIONAL, repeatable: false, type: 'base64', confidence: MU },
    { id: 'DAT54:103', key: '证书引证', name: '证书引证', nameEn: 'certificate reference', entity: FILE, parent: 'DAT54:97', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:104', key: '签名算法', name: '签名算法', nameEn: 'signature algorithm', entity: FILE, parent: 'DAT54:97', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 OID 1.2.156.10197.1.501（SM2-with-SM3）' },

    // ── 业务实体 (序 105–122): records-management business (处置) and the business function ──
    { id: 'DAT54:105', key: '文件业务', name: '文件业务', nameEn: 'records management business', entity: BUSINESS, parent: 'E:业务实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU, definition: '对照片档案的管理业务：处置计划与处置历史' },
    { id: 'DAT54:106', key: '处置计划', name: '处置计划', nameEn: 'disposal plan', entity: BUSINESS, parent: 'DAT54:105', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU },
    { id: 'DAT54:107', key: '计划标识符', name: '计划标识符', nameEn: 'disposal plan identifier', entity: BUSINESS, parent: 'DAT54:106', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:108', key: '计划类型', name: '计划类型', nameEn: 'disposal plan type', entity: BUSINESS, parent: 'DAT54:106', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:109', key: '计划时间', name: '计划时间', nameEn: 'disposal date due', entity: BUSINESS, parent: 'DAT54:106', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:110', key: '计划描述', name: '计划描述', nameEn: 'disposal plan description', entity: BUSINESS, parent: 'DAT54:106', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:111', key: '计划状态', name: '计划状态', nameEn: 'disposal plan status', entity: BUSINESS, parent: 'DAT54:106', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:112', key: '处置历史', name: '处置历史', nameEn: 'disposal history', entity: BUSINESS, parent: 'DAT54:105', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU },
    { id: 'DAT54:113', key: '处置标识符', name: '处置标识符', nameEn: 'disposal identifier', entity: BUSINESS, parent: 'DAT54:112', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:114', key: '处置行为', name: '处置行为', nameEn: 'disposal act', entity: BUSINESS, parent: 'DAT54:112', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:115', key: '处置时间', name: '处置时间', nameEn: 'disposal date', entity: BUSINESS, parent: 'DAT54:112', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU },
    { id: 'DAT54:116', key: '处置描述', name: '处置描述', nameEn: 'disposal description', entity: BUSINESS, parent: 'DAT54:112', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: '实现者注释误作“计划描述”（字段 disposalDescription）' },
    { id: 'DAT54:117', key: '职能业务', name: '职能业务', nameEn: 'business function', entity: BUSINESS, parent: 'E:业务实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: MU, definition: '形成照片的职能业务活动' },
    { id: 'DAT54:118', key: '业务类型', name: '业务类型', nameEn: 'business category', entity: BUSINESS, parent: 'DAT54:117', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:119', key: '业务名称', name: '业务名称', nameEn: 'business name', entity: BUSINESS, parent: 'DAT54:117', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:120', key: '业务开始时间', name: '业务开始时间', nameEn: 'business beginning date', entity: BUSINESS, parent: 'DAT54:117', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:121', key: '业务结束时间', name: '业务结束时间', nameEn: 'business end date', entity: BUSINESS, parent: 'DAT54:117', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:122', key: '业务描述', name: '业务描述', nameEn: 'business description', entity: BUSINESS, parent: 'DAT54:117', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },

    // ── 机构人员实体 (序 123–127) ──
    { id: 'DAT54:123', key: '机构人员标识符', name: '机构人员标识符', nameEn: 'agent identifier', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:124', key: '机构人员代码', name: '机构人员代码', nameEn: 'agent code', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 统一社会信用代码' },
    { id: 'DAT54:125', key: '机构人员类型', name: '机构人员类型', nameEn: 'agent type', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['单位', '内设机构', '个人'], open: true }, confidence: MU, note: '取值借自 DA/T 48（未证实）；有系统用“部门”' },
    { id: 'DAT54:126', key: '机构人员名称', name: '机构人员名称', nameEn: 'agent name', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:127', key: '机构人员隶属', name: '机构人员隶属', nameEn: 'agent affiliation', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },

    // ── 授权实体 (序 128–132) ──
    { id: 'DAT54:128', key: '授权标识符', name: '授权标识符', nameEn: 'mandate identifier', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: '实现者写作“法规标识符”；按 DA/T 63 的 授权标识符（M93）命名' },
    { id: 'DAT54:129', key: '授权类型', name: '授权类型', nameEn: 'mandate type', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: '实现者写作“法规类型”' },
    { id: 'DAT54:130', key: '授权名称', name: '授权名称', nameEn: 'mandate name', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: '实现者写作“法规名称”' },
    { id: 'DAT54:131', key: '发布时间', name: '发布时间', nameEn: 'issue date', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:132', key: '生效时间', name: '生效时间', nameEn: 'effective date', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },

    // ── 实体关系 (序 133–135) ──
    { id: 'DAT54:133', key: '关联实体标识符', name: '关联实体标识符', nameEn: 'related entity identifier', entity: RELATION, parent: 'E:实体关系', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:134', key: '实体关系类型', name: '实体关系类型', nameEn: 'entity relation type', entity: RELATION, parent: 'E:实体关系', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
    { id: 'DAT54:135', key: '实体关系', name: '实体关系', nameEn: 'entity relation', entity: RELATION, parent: 'E:实体关系', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  ],
} as const satisfies MetadataScheme;
