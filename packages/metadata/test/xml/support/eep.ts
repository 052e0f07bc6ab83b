import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { utf8, XmlWriter } from '@dangan/core';
import type { MetadataScheme, UnknownRecord } from '@dangan/metadata';
import {
  DAT48_NAMESPACE,
  EEP_ENCODING_DESCRIPTION,
  EEP_FORMAT_DESCRIPTION,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
  writeEepAgentBlock,
  writeEepBusinessBlock,
  writeEepElectronicAttributes,
  writeEepFileEntityRelations,
  writeRecordXml,
} from '../../../src/xml/index.js';

/** The DA/T 48 schema beside the repository (`shared/standards`), or undefined when absent. */
export const XSD_PATH = ((): string | undefined => {
  const candidates = [
    process.env.DANGAN_DAT48_XSD,
    resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/standards/dat48-2009-eep.xsd'),
    '/work/shared/standards/dat48-2009-eep.xsd',
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
})();

/** Whether `xmllint` is installed. */
export const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

type Obj = Record<string, unknown>;

/** The record with one 业务实体 and one 机构人员实体 added when it has none (DA/T 48 needs one of each). */
export function withEepEntities(record: UnknownRecord): UnknownRecord {
  const out: Obj = { ...record };
  out.机构人员实体 ??= [
    { 机构人员标识符: 'A1', 机构人员类型: '单位', 机构人员名称: '上海市某区政务服务中心' },
  ];
  out.业务实体 ??= [
    {
      业务标识符: 'B1',
      机构人员标识符: 'A1',
      文件标识符: String((record.文件实体 as Obj | undefined)?.电子文件号 ?? 'F1'),
      业务状态: '历史行为',
      业务行为: '归档',
      行为时间: '2024-06-01T10:00:00+08:00',
    },
  ];
  return out;
}

/** A small deterministic payload for the i-th computer file. */
export function payload(i: number): Uint8Array {
  return utf8(`%PDF-1.7 file ${i} — 档案`);
}

/**
 * A minimal complete DA/T 48 EEP (原始型) around a record: the header elements of eep-dat48.md §3, the
 * 文件实体 from `writeRecordXml(…, { layout: 'eep' })`, 文件数据 with one 文档 holding one 编码 per 电子属性
 * (small Base64 payloads), 文件实体关系, 业务实体块 and 机构人员实体块. The record must have 业务实体 and
 * 机构人员实体 (see {@link withEepEntities}).
 */
export async function buildEep(
  record: UnknownRecord,
  scheme: MetadataScheme,
  options: { pretty?: boolean; data?: (i: number) => Uint8Array } = {},
): Promise<string> {
  let out = '';
  const w = new XmlWriter(
    {
      writeText: (t) => {
        out += t;
      },
    },
    { pretty: options.pretty ?? true },
  );
  const file = record.文件实体 as Obj;
  const unit = String((file.来源 as Obj | undefined)?.立档单位名称 ?? '某单位');
  w.declaration();
  w.startElement('电子文件封装包', { xmlns: DAT48_NAMESPACE });
  w.element('封装包格式描述', EEP_FORMAT_DESCRIPTION).element('版本', '2009');
  w.startElement('被签名对象', { eep版本: '2009' });
  w.element('封装包类型', '原始型').element('封装包类型描述', EEP_PACKAGE_TYPE_DESCRIPTIONS.原始型);
  w.element('封装包创建时间', '2024-06-01T10:00:00+08:00').element('封装包创建单位', unit);
  w.startElement('封装内容').startElement('文件实体块');
  const attributes = (file.电子属性 as Obj[] | undefined) ?? [];
  const sequence = (file.档号 as Obj | undefined)?.文档序号;
  await writeRecordXml(w, record, scheme, {
    layout: 'eep',
    writeFileData: async (writer) => {
      writer.startElement('文档').element('文档标识符', 'D1');
      if (typeof sequence === 'string') writer.element('文档序号', sequence);
      writer.element('文档主从声明', '主文档').startElement('文档数据', { 文档数据ID: 'DD1' });
      for (let i = 0; i < attributes.length; i++) {
        writer.startElement('编码', { 编码ID: `E${i + 1}` });
        writeEepElectronicAttributes(writer, record, scheme, i);
        const name = String(attributes[i]?.计算机文件名 ?? '');
        const dot = name.lastIndexOf('.');
        writer
          .element('编码描述', EEP_ENCODING_DESCRIPTION)
          .element('反编码关键字', dot < 0 ? 'bin' : name.slice(dot + 1));
        writer.startElement('编码数据', { 编码数据ID: `ED${i + 1}` });
        writer.base64Chunk((options.data ?? payload)(i));
        await writer.flush();
        writer.endElement('编码数据').endElement('编码');
      }
      writer.endElement('文档数据').endElement('文档');
    },
  });
  writeEepFileEntityRelations(w, record, scheme);
  w.endElement('文件实体块');
  writeEepBusinessBlock(w, record, scheme);
  writeEepAgentBlock(w, record, scheme);
  await w.end();
  return out;
}

/** Validates documents against the DA/T 48 schema with xmllint: one verdict (and message) per document. */
export function xmllintValidate(documents: readonly string[]): { ok: boolean; output: string }[] {
  if (XSD_PATH === undefined) throw new Error('the DA/T 48 schema is not available');
  const dir = mkdtempSync(join(tmpdir(), 'dangan-eep-'));
  try {
    return documents.map((doc, i) => {
      const file = join(dir, `p${i}.eep`);
      writeFileSync(file, doc);
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD_PATH, file], {
        encoding: 'utf8',
      });
      return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
