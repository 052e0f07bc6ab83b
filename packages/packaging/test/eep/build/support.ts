import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sm2 } from '@dangan/core';
import type { UnknownRecord } from '@dangan/metadata';

/** The DA/T 48 schema (shared/standards), or undefined when absent. */
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
/** Whether schema validation can run. */
export const CAN_VALIDATE = HAS_XMLLINT && XSD_PATH !== undefined;
/** Whether openssl (with SM2) can run. */
export const HAS_OPENSSL = ((): boolean => {
  const r = spawnSync('openssl', ['ecparam', '-list_curves'], { encoding: 'utf8' });
  return r.status === 0 && /\bSM2\b/.test(r.stdout);
})();

/** Validates EEP bytes against the DA/T 48 schema with xmllint. */
export function xmllintValidate(doc: Uint8Array | string): { ok: boolean; output: string } {
  if (XSD_PATH === undefined) throw new Error('the DA/T 48 schema is not available');
  const dir = mkdtempSync(join(tmpdir(), 'dangan-eep-build-'));
  try {
    const file = join(dir, 'p.eep');
    writeFileSync(file, doc);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD_PATH, file], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh temporary directory and its remover. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dangan-eep-build-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads an async iterable of bytes fully. */
export async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source) parts.push(chunk.slice());
  return new Uint8Array(Buffer.concat(parts));
}

/** Chunks of a byte array (an async iterable source, read once). */
export async function* pieces(bytes: Uint8Array, size = 7000): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

type Obj = Record<string, unknown>;

/** A small valid dat46 record with `n` files of the given sizes (and names). */
export function record(sizes: readonly number[], names?: readonly string[]): UnknownRecord {
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: '某区政务服务中心' },
      电子文件号: 'F1',
      档号: { 年度: '2024', 保管期限: '定期30年', 室编件号: 12 },
      内容描述: {
        题名: '关于做好归档工作的通知',
        责任者: '某区政务服务中心',
        日期: '2024-06-01',
        密级: '公开',
      },
      形式特征: { 文件组合类型: sizes.length > 1 ? '组合文件' : '单件', 页数: 3 },
      电子属性: sizes.map((size, i) => ({
        计算机文件名: names?.[i] ?? (i === 0 ? '通知.pdf' : `附件${i}.ofd`),
        计算机文件大小: size,
        信息系统描述: '一网通办平台',
      })),
      存储位置: { 脱机载体编号: ['NONE'] },
      权限管理: { 控制标识: '开放' },
    },
    机构人员实体: [{ 机构人员标识符: 'A1', 机构人员类型: '单位', 机构人员名称: '某区政务服务中心' }],
    业务实体: [
      {
        业务标识符: 'B1',
        机构人员标识符: 'A1',
        文件标识符: 'F1',
        业务状态: '历史行为',
        业务行为: '归档',
        行为时间: '2024-06-01T10:00:00+08:00',
      },
    ],
  };
}

/** Deterministic pseudo-random bytes. */
export function bytesOf(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export { createTestPki, type TestPki, testPki } from './test-pki.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/**
 * The exact bytes of the top-level `<被签名对象 …>…</被签名对象>` found with plain string search (independent
 * of the scanner): the first start tag and the last end tag (only 电子签名块 and 锁定签名 follow it).
 */
export function signedObjectBytes(eep: Uint8Array): Uint8Array {
  const buf = Buffer.from(eep);
  const start = buf.indexOf('<被签名对象');
  const close = Buffer.from('</被签名对象>');
  const end = buf.lastIndexOf(close);
  return new Uint8Array(buf.subarray(start, end + close.length));
}

/** Every `<电子签名>…</电子签名>` of the top-level 电子签名块 (after the top 被签名对象), exact bytes. */
export function topSignatureElements(eep: Uint8Array): { id: string; bytes: Uint8Array; xml: string }[] {
  const buf = Buffer.from(eep);
  const after = buf.lastIndexOf('</被签名对象>');
  const xml = text(buf.subarray(after));
  return [...xml.matchAll(/<电子签名>[\s\S]*?<\/电子签名>/g)].map((m) => ({
    id: /<签名标识符>([^<]*)</.exec(m[0])![1]!,
    bytes: new TextEncoder().encode(m[0]),
    xml: m[0],
  }));
}

/** Field text of a signature element. */
export function field(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/** `编码数据` elements of the outermost layer's content (after the last 原封装包), decoded with Buffer. */
export function embedded(eep: Uint8Array): { id: string; ref: string | undefined; bytes: Uint8Array }[] {
  const s = text(eep);
  const current = s.slice(s.lastIndexOf('</原封装包>') + 1);
  return [
    ...current.matchAll(
      /<编码数据 编码数据ID="([^"]*)"(?: 引用编码数据ID="([^"]*)")?(?:\/>|>([^<]*)<\/编码数据>)/g,
    ),
  ].map((m) => ({ id: m[1]!, ref: m[2], bytes: new Uint8Array(Buffer.from(m[3] ?? '', 'base64')) }));
}

/** All `编码数据` in the document (any layer), decoded. */
export function allEmbedded(eep: Uint8Array): Map<string, Uint8Array> {
  const s = text(eep);
  return new Map(
    [...s.matchAll(/<编码数据 编码数据ID="([^"]*)">([^<]*)<\/编码数据>/g)].map((m) => [
      m[1]!,
      new Uint8Array(Buffer.from(m[2]!, 'base64')),
    ]),
  );
}

export type { Obj };

/** Verifies every top-level 电子签名 over the exact 被签名对象 bytes, and the 锁定签名 over its 电子签名. */
export function verifyAll(eep: Uint8Array): { ids: string[]; locked: string | undefined } {
  const signed = signedObjectBytes(eep);
  const sigs = topSignatureElements(eep);
  for (const s of sigs) {
    const cert = Buffer.from(field(s.xml, '证书')!, 'base64');
    const { publicKey } = sm2.publicKeyFromCertificate(new Uint8Array(cert));
    const userId = /用户标识=([^<]*)/.exec(field(s.xml, '签名规则')!)![1]!;
    const value = new Uint8Array(Buffer.from(field(s.xml, '签名结果')!, 'base64'));
    if (!sm2.verify(value, signed, publicKey, { userId }))
      throw new Error(`signature ${s.id} does not verify`);
    if (field(s.xml, '签名算法标识') !== '1.2.156.10197.1.501') throw new Error('wrong 签名算法标识');
  }
  const text = Buffer.from(eep).toString('utf8');
  const lock = /<锁定签名>[\s\S]*<\/锁定签名>/.exec(text)?.[0];
  if (lock === undefined) return { ids: sigs.map((s) => s.id), locked: undefined };
  const locked = field(lock, '被锁定签名标识符')!;
  const target = sigs.find((s) => s.id === locked);
  if (target === undefined) throw new Error(`locked signature ${locked} not found`);
  const cert = Buffer.from(field(lock, '证书')!, 'base64');
  const { publicKey } = sm2.publicKeyFromCertificate(new Uint8Array(cert));
  const userId = /用户标识=([^<]*)/.exec(field(lock, '签名规则')!)![1]!;
  const value = new Uint8Array(Buffer.from(field(lock, '签名结果')!, 'base64'));
  if (!sm2.verify(value, target.bytes, publicKey, { userId })) throw new Error('锁定签名 does not verify');
  return { ids: sigs.map((s) => s.id), locked };
}
