import type { MetadataScheme } from '../scheme/model.js';
import { HH, HL, LL, LU, ML, MM, MU, OPTIONAL, REQUIRED } from './confidence.js';
import { HU } from './confidence-extra.js';

const FILE = '文件实体';
const AGENT = '机构人员实体';
const BUSINESS = '业务实体';
const MANDATE = '授权实体';
const RETENTION = ['永久', '定期30年', '定期10年'] as const;
const CLASSIFICATIONS = ['公开', '限制', '秘密', '机密', '绝密'] as const;

/**
 * DA/T 63-2017 《录音录像类电子档案元数据方案》 — mostly PROVISIONAL. Only M7 题名, M83 管理活动标识符, M87
 * 关联实体标识符, M88 机构人员标识符 and M93 授权标识符 are anchored in the standard's text
 * (`../shared/standards/metadata-elements.md` §3); they carry their numbers.
 *
 * Every other row has a provisional id `DAT63:<group>-<n>` and no `number`: the group is one of the notes'
 * groups (identification, description, time, content, provenance, management, storage, capture, technical,
 * video, audio, relation, signature; business, activity, agent, mandate for the other entities) and n the
 * position in an implementer's list (`1998Zhao/check` `AudioVisualMetadata.java`). Those names, obligations
 * and repeatability are low confidence; an institution corrects them with `extendScheme`.
 *
 * Audio/video technical keys are exactly those `captureAttributes` writes (时间长度, 时长秒, 总帧数, 视频参数,
 * 音频参数 under `文件实体`). 时长秒 is a dangan extension, not in the standard.
 *
 * @example
 * schemes.dat63.elements.find((e) => e.id === 'M83')?.name; // '管理活动标识符'
 */
// biome-ignore format: one row per element, to read side by side with the source list
export const dat63 = {
  id: 'dat63',
  standard: 'DA/T 63-2017',
  title: '录音录像类电子档案元数据方案',
  version: '2026.11',
  confidence: 'low',
  description:
    '暂定方案：只有 M7 题名、M83 管理活动标识符、M87 关联实体标识符、M88 机构人员标识符、M93 授权标识符 的编号见于标准原文；其余 id 为 DAT63:<组>-<序>（实现者字段顺序），不是标准编号，名称、约束性与可重复性为低置信度。适用门类：录音（LY）、录像（LX）；视频参数、总帧数只适用于录像。应用层次：件、卷。时长秒 为 dangan 扩展元素。',
  elements: [
    // ── entity roots ──
    { id: 'E:文件实体', key: '文件实体', name: '文件实体', nameEn: 'record entity', entity: FILE, obligation: REQUIRED, repeatable: false, type: 'container', confidence: MM },
    { id: 'E:业务实体', key: '业务实体', name: '业务实体', nameEn: 'business entity', entity: BUSINESS, obligation: OPTIONAL, repeatable: false, type: 'container', confidence: HL, definition: '标准第 6 章：6.1 职能业务，6.2 管理活动' },
    { id: 'E:机构人员实体', key: '机构人员实体', name: '机构人员实体', nameEn: 'agent entity', entity: AGENT, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: ML, note: '推断：自 M88 起' },
    { id: 'E:授权实体', key: '授权实体', name: '授权实体', nameEn: 'mandate entity', entity: MANDATE, obligation: OPTIONAL, repeatable: true, type: 'container', confidence: ML, note: '推断：自 M93 起。数据模型无“授权”实体类别，归入业务实体' },

    // ── 文件实体: identification ──
    { id: 'DAT63:identification-1', key: '档案馆代码', name: '档案馆代码', nameEn: 'archives identifier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:identification-2', key: '档案门类代码', name: '档案门类代码', nameEn: 'archival category code', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['LY', 'LX'], open: true }, confidence: LU, definition: 'LY 录音、LX 录像（适用门类）' },
    { id: 'DAT63:identification-3', key: '聚合层次', name: '聚合层次', nameEn: 'aggregation level', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['件', '卷'] }, confidence: LU, note: '取值按标准的应用层次（件/卷）；DA/T 46 为 文件/案卷（已知分歧 #3）' },
    { id: 'DAT63:identification-4', key: '唯一标识符', name: '唯一标识符', nameEn: 'unique identifier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:identification-5', key: '档号', name: '档号', nameEn: 'archival code', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '如 J019-LY·2019·Y-001' },
    { id: 'DAT63:identification-6', key: '组织机构代码', name: '组织机构代码', nameEn: 'organization code', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: '实现者列表无此项，但其 题名 居第 6 而标准为 M7，故前面缺一项；仿 DA/T 54（题名 居第 7，前有 组织机构代码）补入，未证实' },

    // ── 文件实体: description ──
    { id: 'M7', number: 'M7', key: '题名', name: '题名', nameEn: 'title', entity: FILE, parent: 'E:文件实体', obligation: REQUIRED, repeatable: false, type: 'string', confidence: HL, note: '编号见于标准原文；约束性未见，按必选处理' },
    { id: 'DAT63:description-2', key: '责任者', name: '责任者', nameEn: 'author', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:description-3', key: '摄录者', name: '摄录者', nameEn: 'recordist', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:description-4', key: '编辑者', name: '编辑者', nameEn: 'editor', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:description-5', key: '著录者', name: '著录者', nameEn: 'describer', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:description-6', key: '数字化责任信息', name: '数字化责任信息', nameEn: 'digitization responsibility', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 文件实体: time ──
    { id: 'DAT63:time-1', key: '时间', name: '时间', nameEn: 'date and time', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT63:time-2', key: '摄录时间', name: '摄录时间', nameEn: 'recording date', entity: FILE, parent: 'DAT63:time-1', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: LU },
    { id: 'DAT63:time-3', key: '编辑时间', name: '编辑时间', nameEn: 'editing date', entity: FILE, parent: 'DAT63:time-1', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: LU },
    { id: 'DAT63:time-4', key: '数字化时间', name: '数字化时间', nameEn: 'digitization date', entity: FILE, parent: 'DAT63:time-1', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: LU },
    { id: 'DAT63:time-5', key: '时间长度', name: '时间长度', nameEn: 'duration', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', domain: { pattern: '^[0-9]{2,}:[0-5][0-9]:[0-5][0-9]$' }, confidence: LU, definition: 'hh:mm:ss（实现者格式；小时可超过 99）' },
    { id: 'DANGAN:时长秒', key: '时长秒', name: '时长秒', nameEn: 'duration in seconds', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0 }, confidence: HH, definition: '精确时长，秒', note: 'dangan 扩展元素，不属于 DA/T 63；导出标准格式时可省略' },
    { id: 'DAT63:time-6', key: '总帧数', name: '总帧数', nameEn: 'total frames', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'integer', confidence: LU, note: '只适用于录像' },

    // ── 文件实体: content ──
    { id: 'DAT63:content-1', key: '主题', name: '主题', nameEn: 'subject', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:content-2', key: '内容描述', name: '内容描述', nameEn: 'content description', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:content-3', key: '内容起始时间', name: '内容起始时间', nameEn: 'content beginning time', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:content-4', key: '内容结束时间', name: '内容结束时间', nameEn: 'content ending time', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 文件实体: provenance ──
    { id: 'DAT63:provenance-1', key: '来源', name: '来源', nameEn: 'provenance', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT63:provenance-2', key: '获取方式', name: '获取方式', nameEn: 'acquisition approach', entity: FILE, parent: 'DAT63:provenance-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:provenance-3', key: '来源名称', name: '来源名称', nameEn: 'provenance name', entity: FILE, parent: 'DAT63:provenance-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:provenance-4', key: '源文件标识符', name: '源文件标识符', nameEn: 'source identifier', entity: FILE, parent: 'DAT63:provenance-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 文件实体: management ──
    { id: 'DAT63:management-1', key: '保管期限', name: '保管期限', nameEn: 'retention period', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: RETENTION, legacy: ['长期', '短期'] }, confidence: LU, note: '长期、短期为 2006 年以前的旧值' },
    { id: 'DAT63:management-2', key: '权限', name: '权限', nameEn: 'rights', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT63:management-3', key: '密级', name: '密级', nameEn: 'security classification', entity: FILE, parent: 'DAT63:management-2', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: CLASSIFICATIONS, legacy: ['内部', '国内'] }, confidence: LU },
    { id: 'DAT63:management-4', key: '控制标识', name: '控制标识', nameEn: 'control identifier', entity: FILE, parent: 'DAT63:management-2', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['开放', '控制'], open: true }, confidence: LU },
    { id: 'DAT63:management-5', key: '版权信息', name: '版权信息', nameEn: 'copyright information', entity: FILE, parent: 'DAT63:management-2', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:management-6', key: '附注', name: '附注', nameEn: 'annotation', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 文件实体: storage ──
    { id: 'DAT63:storage-1', key: '存储', name: '存储', nameEn: 'storage', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT63:storage-2', key: '在线存址', name: '在线存址', nameEn: 'online location', entity: FILE, parent: 'DAT63:storage-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:storage-3', key: '离线存址', name: '离线存址', nameEn: 'offline location', entity: FILE, parent: 'DAT63:storage-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:storage-4', key: '原始载体', name: '原始载体', nameEn: 'original carrier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU, definition: '数字化前的载体（磁带、胶片等）' },
    { id: 'DAT63:storage-5', key: '原始载体类型', name: '原始载体类型', nameEn: 'original carrier type', entity: FILE, parent: 'DAT63:storage-4', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:storage-6', key: '原始载体型号', name: '原始载体型号', nameEn: 'original carrier model', entity: FILE, parent: 'DAT63:storage-4', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:storage-7', key: '生成方式', name: '生成方式', nameEn: 'creation way', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '如 原生、数字化（未证实）' },

    // ── 文件实体: capture ──
    { id: 'DAT63:capture-1', key: '捕获设备', name: '捕获设备', nameEn: 'capture device', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT63:capture-2', key: '设备类型', name: '设备类型', nameEn: 'device type', entity: FILE, parent: 'DAT63:capture-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:capture-3', key: '设备制造商', name: '设备制造商', nameEn: 'device manufacturer', entity: FILE, parent: 'DAT63:capture-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:capture-4', key: '设备型号', name: '设备型号', nameEn: 'device model', entity: FILE, parent: 'DAT63:capture-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:capture-5', key: '软件信息', name: '软件信息', nameEn: 'software information', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:capture-6', key: '管理系统描述', name: '管理系统描述', nameEn: 'management system description', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 文件实体: technical ──
    { id: 'DAT63:technical-1', key: '计算机文件名', name: '计算机文件名', nameEn: 'computer file name', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:technical-2', key: '计算机文件大小', name: '计算机文件大小', nameEn: 'computer file size', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'integer', confidence: LU, definition: '字节数' },
    { id: 'DAT63:technical-3', key: '格式信息', name: '格式信息', nameEn: 'format information', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU, note: 'DA/T 46 M47 格式信息 是一个字符串，此处为容器' },
    { id: 'DAT63:technical-4', key: '格式名称', name: '格式名称', nameEn: 'format name', entity: FILE, parent: 'DAT63:technical-3', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '如 WAV、MP3、MP4、MXF' },
    { id: 'DAT63:technical-5', key: '格式版本', name: '格式版本', nameEn: 'format version', entity: FILE, parent: 'DAT63:technical-3', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:technical-6', key: '格式描述', name: '格式描述', nameEn: 'format description', entity: FILE, parent: 'DAT63:technical-3', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 文件实体: video (录像 only) ──
    { id: 'DAT63:video-1', key: '视频参数', name: '视频参数', nameEn: 'video parameters', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU, note: '只适用于录像' },
    { id: 'DAT63:video-2', key: '视频编码标准', name: '视频编码标准', nameEn: 'video encoding standard', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '如 H.264/AVC、MPEG-2、H.265/HEVC' },
    { id: 'DAT63:video-3', key: '色彩空间', name: '色彩空间', nameEn: 'color space', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:video-4', key: '分辨率', name: '分辨率', nameEn: 'resolution', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'string', domain: { pattern: '^[1-9][0-9]*[×xX][1-9][0-9]*$' }, confidence: LU, definition: '宽×高（像素），如 1920×1080' },
    { id: 'DAT63:video-5', key: '帧率', name: '帧率', nameEn: 'frame rate', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'decimal', domain: { min: 0 }, confidence: LU, definition: '帧/秒，如 25、29.97' },
    { id: 'DAT63:video-6', key: '视频比特率', name: '视频比特率', nameEn: 'video bit rate', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'integer', confidence: LU, definition: '比特/秒' },
    { id: 'DAT63:video-7', key: '色度采样率', name: '色度采样率', nameEn: 'chroma subsampling', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '如 4:2:0、4:2:2' },
    { id: 'DAT63:video-8', key: '视频量化位数', name: '视频量化位数', nameEn: 'video sampling precision', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: LU, definition: '每个亮度样本的位数，如 8、10' },
    { id: 'DAT63:video-9', key: '画面高宽比', name: '画面高宽比', nameEn: 'aspect ratio', entity: FILE, parent: 'DAT63:video-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '显示宽高比，如 16:9' },

    // ── 文件实体: audio ──
    { id: 'DAT63:audio-1', key: '音频参数', name: '音频参数', nameEn: 'audio parameters', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: LU },
    { id: 'DAT63:audio-2', key: '音频编码标准', name: '音频编码标准', nameEn: 'audio encoding standard', entity: FILE, parent: 'DAT63:audio-1', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['PCM', 'MPEG-1 Layer', 'MPEG-4 ALS', 'AAC', 'HE-AAC', 'OGG', 'APE', 'FLAC'], open: true }, confidence: LU, note: '取值为厂商列表；captureAttributes 写作 MPEG-1 Layer III、AC-3、Opus 等（开放列表）' },
    { id: 'DAT63:audio-3', key: '音频比特率', name: '音频比特率', nameEn: 'audio bit rate', entity: FILE, parent: 'DAT63:audio-1', obligation: OPTIONAL, repeatable: false, type: 'integer', confidence: LU, definition: '比特/秒' },
    { id: 'DAT63:audio-4', key: '音频采样率', name: '音频采样率', nameEn: 'audio sampling rate', entity: FILE, parent: 'DAT63:audio-1', obligation: OPTIONAL, repeatable: false, type: 'integer', confidence: LU, definition: '赫兹（Hz），如 44100、48000', note: '厂商列表以 kHz 书写（22.05、32、44.1、48、96、192 kHz）；此处统一为 Hz 整数' },
    { id: 'DAT63:audio-5', key: '音频量化位数', name: '音频量化位数', nameEn: 'audio sampling precision', entity: FILE, parent: 'DAT63:audio-1', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: LU, definition: '位，如 8、16、24' },
    { id: 'DAT63:audio-6', key: '声道', name: '声道', nameEn: 'audio channels', entity: FILE, parent: 'DAT63:audio-1', obligation: OPTIONAL, repeatable: false, type: 'positiveInteger', confidence: LU, definition: '声道数，如 1、2、4、6、8' },

    // ── 文件实体: relation, signature ──
    { id: 'DAT63:relation-1', key: '参见号', name: '参见号', nameEn: 'related records identifier', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:signature-1', key: '数字签名', name: '数字签名', nameEn: 'digital signature', entity: FILE, parent: 'E:文件实体', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: LU },
    { id: 'DAT63:signature-2', key: '签名格式描述', name: '签名格式描述', nameEn: 'signature format description', entity: FILE, parent: 'DAT63:signature-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:signature-3', key: '签名时间', name: '签名时间', nameEn: 'signature date', entity: FILE, parent: 'DAT63:signature-1', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: LU },
    { id: 'DAT63:signature-4', key: '签名者', name: '签名者', nameEn: 'signer', entity: FILE, parent: 'DAT63:signature-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:signature-5', key: '签名', name: '签名', nameEn: 'signature', entity: FILE, parent: 'DAT63:signature-1', obligation: OPTIONAL, repeatable: false, type: 'base64', confidence: LU },
    { id: 'DAT63:signature-6', key: '证书', name: '证书', nameEn: 'certificate', entity: FILE, parent: 'DAT63:signature-1', obligation: OPTIONAL, repeatable: false, type: 'base64', confidence: LU },
    { id: 'DAT63:signature-7', key: '证书引证', name: '证书引证', nameEn: 'certificate reference', entity: FILE, parent: 'DAT63:signature-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:signature-8', key: '签名算法', name: '签名算法', nameEn: 'signature algorithm', entity: FILE, parent: 'DAT63:signature-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '如 OID 1.2.156.10197.1.501（SM2-with-SM3）' },

    // ── 业务实体 §6.1 职能业务 ──
    { id: 'DAT63:business-1', key: '职能业务', name: '职能业务', nameEn: 'business function', entity: BUSINESS, parent: 'E:业务实体', obligation: OPTIONAL, repeatable: false, type: 'container', confidence: ML, definition: '标准 6.1', note: '一次职能业务中形成的录音录像组成一卷时，卷内各件职能业务元数据相同' },
    { id: 'DAT63:business-2', key: '业务类型', name: '业务类型', nameEn: 'business category', entity: BUSINESS, parent: 'DAT63:business-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: '6.1.1–6.1.3 的名称仿 DA/T 54，未证实' },
    { id: 'DAT63:business-3', key: '业务名称', name: '业务名称', nameEn: 'business name', entity: BUSINESS, parent: 'DAT63:business-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:business-4', key: '业务开始时间', name: '业务开始时间', nameEn: 'business beginning date', entity: BUSINESS, parent: 'DAT63:business-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:business-5', key: '业务结束时间', name: '业务结束时间', nameEn: 'business end date', entity: BUSINESS, parent: 'DAT63:business-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '标准 6.1.4' },
    { id: 'DAT63:business-6', key: '业务描述', name: '业务描述', nameEn: 'business description', entity: BUSINESS, parent: 'DAT63:business-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '标准 6.1.5' },

    // ── 业务实体 §6.2 管理活动 (M83–M87) ──
    { id: 'DAT63:activity-1', key: '管理活动', name: '管理活动', nameEn: 'management activity', entity: BUSINESS, parent: 'E:业务实体', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: ML, definition: '标准 6.2；每次管理活动一组' },
    { id: 'M83', number: 'M83', key: '管理活动标识符', name: '管理活动标识符', nameEn: 'action identifier', entity: BUSINESS, parent: 'DAT63:activity-1', obligation: { kind: '条件选', condition: '业务实体被选用时必选', when: { present: 'E:业务实体' } }, repeatable: false, type: 'string', confidence: HH, definition: '系统赋予管理活动的流水编号，档案室、档案馆分别编制，如 室编管理活动1、馆编管理活动1', note: '标准 6.2.1；触发或完成管理活动时由系统自动捕获' },
    { id: 'DAT63:activity-2', key: '管理行为', name: '管理行为', nameEn: 'management action', entity: BUSINESS, parent: 'DAT63:activity-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '标准 6.2.2（原文只见“管理行…”）；如 归档、移交、鉴定、销毁' },
    { id: 'DAT63:activity-3', key: '行为时间', name: '行为时间', nameEn: 'action time', entity: BUSINESS, parent: 'DAT63:activity-1', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: LL, note: '名称为推测（仿 DA/T 46 M82）；M84–M86 的确切名称未见' },
    { id: 'DAT63:activity-4', key: '行为描述', name: '行为描述', nameEn: 'action description', entity: BUSINESS, parent: 'DAT63:activity-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LL, note: '名称为推测（仿 DA/T 46 M84）' },
    { id: 'M87', number: 'M87', key: '关联实体标识符', name: '关联实体标识符', nameEn: 'related entity identifier', entity: BUSINESS, parent: 'DAT63:activity-1', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: HU, note: '编号与名称见于 M83 的相关元数据；位置为推断：紧接 M88（机构人员实体之始）之前，故置于管理活动末尾，指向活动所作用的实体' },

    // ── 机构人员实体 (M88–) ──
    { id: 'M88', number: 'M88', key: '机构人员标识符', name: '机构人员标识符', nameEn: 'agent identifier', entity: AGENT, parent: 'E:机构人员实体', obligation: { kind: '条件选', condition: '机构人员实体被选用时必选（仿 M83，未证实）', when: { present: 'E:机构人员实体' } }, repeatable: false, type: 'string', confidence: HL },
    { id: 'DAT63:agent-2', key: '机构人员代码', name: '机构人员代码', nameEn: 'agent code', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: 'M89–M92 的名称仿 DA/T 54，未证实' },
    { id: 'DAT63:agent-3', key: '机构人员类型', name: '机构人员类型', nameEn: 'agent type', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['单位', '内设机构', '个人'], open: true }, confidence: LU },
    { id: 'DAT63:agent-4', key: '机构人员名称', name: '机构人员名称', nameEn: 'agent name', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:agent-5', key: '机构人员隶属', name: '机构人员隶属', nameEn: 'agent affiliation', entity: AGENT, parent: 'E:机构人员实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },

    // ── 授权实体 (M93–) ──
    { id: 'M93', number: 'M93', key: '授权标识符', name: '授权标识符', nameEn: 'mandate identifier', entity: MANDATE, parent: 'E:授权实体', obligation: { kind: '条件选', condition: '授权实体被选用时必选（仿 M83，未证实）', when: { present: 'E:授权实体' } }, repeatable: false, type: 'string', confidence: HL },
    { id: 'DAT63:mandate-2', key: '授权类型', name: '授权类型', nameEn: 'mandate type', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, note: 'M94 起的名称仿 DA/T 54，未证实' },
    { id: 'DAT63:mandate-3', key: '授权名称', name: '授权名称', nameEn: 'mandate name', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:mandate-4', key: '发布时间', name: '发布时间', nameEn: 'issue date', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
    { id: 'DAT63:mandate-5', key: '生效时间', name: '生效时间', nameEn: 'effective date', entity: MANDATE, parent: 'E:授权实体', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
  ],
} as const satisfies MetadataScheme;
