import { encodeText } from '@dangan/metadata';
import type { ArchivalTextEncoding } from './profile.js';

/**
 * The fields of the 说明文件 (readme) a package carries, one `键：值` line each, in order. Modelled on the
 * 移交 carrier's 说明文件.TXT (《电子档案移交与接收办法》 附件2: what the carrier holds, who made it, the
 * software and hardware needed to read it); the 归档信息包's own 说明文件 is not specified anywhere available,
 * so the set is dangan's (PROVISIONAL). DA/T 70 GD-1-12 checks that it exists and has its fields.
 */
export const README_FIELDS = [
  '信息包名称',
  '信息包布局',
  '组织单元',
  '单位名称',
  '归档时间',
  '归档电子文件门类',
  '归档方式',
  '件数',
  '内容文件数',
  '内容字节数',
  '元数据方案',
  '摘要算法',
  '清单文件',
  '目录文件',
  '登记表文件',
  '元数据文件',
  '内容目录',
  '封装包目录',
  '软件环境',
  '硬件环境',
  '生成软件',
] as const;

/** A field of the readme. */
export type ReadmeField = (typeof README_FIELDS)[number];

/** The readme's text: a title line, then one `键：值` line per field given, CRLF line ends. */
export function readmeText(fields: Readonly<Partial<Record<ReadmeField, string>>>): string {
  const lines = ['归档信息包说明文件', ''];
  for (const f of README_FIELDS) {
    const value = fields[f];
    if (value !== undefined) lines.push(`${f}：${value.replace(/[\r\n]+/gu, ' ')}`);
  }
  lines.push('');
  return lines.join('\r\n');
}

/** The readme as bytes in `encoding`. */
export function readmeBytes(
  fields: Readonly<Partial<Record<ReadmeField, string>>>,
  encoding: ArchivalTextEncoding,
): Uint8Array {
  return encodeText(readmeText(fields), encoding);
}

/** The `键：值` lines of a readme's text (also accepts an ASCII colon); other lines are ignored. */
export function parseReadmeText(text: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  for (const line of text.replace(/^\uFEFF/u, '').split(/\r?\n/u)) {
    const m = /^([^：:]{1,32})[：:](.*)$/u.exec(line.trim());
    if (m !== null) fields[m[1]!.trim()] = m[2]!.trim();
  }
  return fields;
}
