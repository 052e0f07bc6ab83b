import { summarise } from '../../../src/report/summarise.js';
import type { CheckItemResult, CheckReport } from '../../../src/report/types.js';

/** An archiving (GD) report with every status, findings with paths and element numbers, and an attested item. */
export const archivingItems: readonly CheckItemResult[] = [
  {
    id: 'GD-1-1',
    group: '1-1',
    property: 'authenticity',
    name: '固化信息有效性检测',
    status: 'pass',
    findings: [],
  },
  {
    id: 'GD-1-2',
    group: '1-2',
    property: 'authenticity',
    name: '元数据项数据长度检测',
    status: 'fail',
    findings: [
      {
        code: 'METADATA_TOO_LONG',
        severity: 'error',
        message: '题名超过 200 字',
        messageEn: 'Title is longer than 200 characters',
        path: '电子文件/2024/0001/基本信息元数据.xml',
        element: 'M22',
        item: 'GD-1-2',
      },
      {
        code: 'METADATA_NEAR_LIMIT',
        severity: 'info',
        message: '责任者接近长度上限',
        path: '电子文件/2024/0002/基本信息元数据.xml',
        element: 'M33',
        item: 'GD-1-2',
      },
      {
        code: 'METADATA_TOO_LONG',
        severity: 'error',
        message: '文号超过 50 字',
        path: '电子文件/2024/0003/基本信息元数据.xml',
        element: 'M24',
        item: 'GD-1-2',
      },
    ],
  },
  {
    id: 'GD-1-9',
    group: '1-3',
    property: 'authenticity',
    name: '内容真实性检测',
    status: 'not-applicable',
    findings: [],
    reason: '标准未公开此项内容',
    reasonEn: 'The standard does not publish this item',
    provisional: true,
  },
  {
    id: 'GD-2-1',
    group: '2-1',
    property: 'integrity',
    name: '总件数相符性检测',
    status: 'warning',
    findings: [
      {
        code: 'TOTALS_NOT_REGISTERED',
        severity: 'warning',
        message: '未提供登记表件数',
        item: 'GD-2-1',
      },
    ],
  },
  {
    id: 'GD-2-7',
    group: '2-3',
    property: 'integrity',
    name: '内容数据完整性检测',
    status: 'pass',
    findings: [],
  },
  {
    id: 'GD-3-3',
    group: '3-2',
    property: 'usability',
    name: '内容数据格式检测',
    status: 'pass',
    findings: [],
  },
  {
    id: 'GD-3-4',
    group: '3-2',
    property: 'usability',
    name: '内容数据的可读性检测',
    status: 'error',
    findings: [],
    reason: '未配置版式文件解析插件',
    reasonEn: 'No layout-document parser plug-in configured',
  },
  {
    id: 'GD-4-1',
    group: '4-1',
    property: 'security',
    name: '系统环境中是否安装杀毒软件检测',
    status: 'manual',
    findings: [],
    reason: '须由接收方确认已安装杀毒软件',
  },
  {
    id: 'GD-4-2',
    group: '4-1',
    property: 'security',
    name: '病毒感染检测',
    status: 'pass',
    findings: [],
  },
  {
    id: 'GD-4-3',
    group: '4-2',
    property: 'security',
    name: '载体中多余文件检测',
    status: 'not-applicable',
    findings: [],
    reason: '在线归档，无载体',
    reasonEn: 'Online archiving: no carrier',
  },
  {
    id: 'GD-4-5',
    group: '4-2',
    property: 'security',
    name: '载体外观检测',
    status: 'pass',
    findings: [],
    provisional: true,
    attestation: {
      item: 'GD-4-5',
      result: 'pass',
      by: '张三（档案员）',
      at: '2024-05-06T09:30:00+08:00',
      note: '光盘无划痕，标签清晰',
      evidence: 'sm3:7f3a…照片.jpg',
    },
  },
  {
    id: 'GD-4-7',
    group: '4-3',
    property: 'security',
    name: '归档过程安全性检测',
    status: 'manual',
    findings: [],
    reason: '须人工确认归档过程安全可控',
    reasonEn: 'A person must confirm the archiving process was secure',
  },
];

export function reportOf(
  items: readonly CheckItemResult[],
  overrides: Partial<Omit<CheckReport, 'items' | 'summary'>> = {},
): CheckReport {
  return {
    stage: 'archiving',
    profile: 'dat70',
    subject: {
      name: '2024-文书-归档信息包.zip',
      kind: 'archival',
      entries: 1234,
      bytes: 5_368_709_120,
      digest: { algorithm: 'SM3', value: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' },
    },
    startedAt: '2024-05-06T09:00:00.000Z',
    finishedAt: '2024-05-06T09:01:12.500Z',
    generator: 'dangan 0.1.0',
    ...overrides,
    summary: summarise(items),
    items,
  };
}

export const archivingReport: CheckReport = reportOf(archivingItems);

/** Group names as the catalogue would give them. */
export const GROUP_NAMES: Readonly<Record<string, string>> = {
  '1-1': '电子文件来源真实性',
  '1-2': '电子文件元数据准确性',
  '1-3': '电子文件内容真实性',
  '2-1': '电子文件数据总量',
  '2-3': '电子文件内容完整性',
  '3-2': '电子文件内容可用性',
  '4-1': '归档信息包病毒',
  '4-2': '归档载体安全性',
  '4-3': '归档过程安全性',
};
