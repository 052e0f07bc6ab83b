import { concatBytes } from '@dangan/core';
import { memorySource, type PackageSource } from '@dangan/packaging';
import { buildEep } from '../../../packaging/src/eep/build/build-eep.js';
import { createTestPki } from '../../../packaging/test/eep/build/test-pki.js';
import { minimalPdf } from './fixtures.js';

/** A fresh test CA (each call its own, so a test can name an untrusted one) and one signer it issued. */
export function testPki() {
  const pki = createTestPki();
  const { privateKey, certificate } = pki.signer('归档签名');
  return { caCertificate: pki.caCertificate, signer: { privateKey, certificate } };
}

/** A small valid DA/T 46 record describing one PDF. */
export function eepRecord(size: number): Record<string, unknown> {
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: '某区政务服务中心' },
      电子文件号: 'F1',
      档号: { 全宗号: 'Z109', 年度: '2024', 保管期限: '定期30年', 室编件号: 12 },
      内容描述: {
        题名: '关于做好归档工作的通知',
        责任者: '某区政务服务中心',
        日期: '2024-06-01',
        密级: '公开',
      },
      形式特征: { 文件组合类型: '单件', 页数: 1 },
      电子属性: [{ 格式信息: 'PDF, 1.7, application/pdf', 计算机文件名: '通知.pdf', 计算机文件大小: size }],
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

/** A signed EEP (with its 锁定签名) holding one PDF, and the CA that issued the signer. */
export async function signedEep(): Promise<{ bytes: Uint8Array; caCertificate: Uint8Array }> {
  const pki = testPki();
  const pdf = minimalPdf('eep');
  const build = buildEep({
    record: eepRecord(pdf.length),
    files: [pdf],
    creator: '某区政务服务中心',
    createdAt: new Date('2024-06-01T02:00:00Z'),
    signers: [{ ...pki.signer, signedAt: new Date('2024-06-01T02:00:00Z') }],
  });
  const parts: Uint8Array[] = [];
  for await (const c of build) parts.push(c.slice());
  await build.result;
  return { bytes: concatBytes(parts), caCertificate: pki.caCertificate };
}

/** A package holding one EEP. */
export function eepPackage(bytes: Uint8Array, name = 'Z109-2024-D30-0012.eep'): PackageSource {
  return memorySource({ [name]: bytes });
}

/** The byte range of every `<签名结果>` value in an EEP. */
export function signatureValueRanges(bytes: Uint8Array): { start: number; end: number }[] {
  const buf = Buffer.from(bytes);
  const out: { start: number; end: number }[] = [];
  const open = Buffer.from('<签名结果>');
  const close = Buffer.from('</签名结果>');
  for (let at = buf.indexOf(open); at >= 0; at = buf.indexOf(open, at + 1)) {
    const start = at + open.length;
    out.push({ start, end: buf.indexOf(close, start) });
  }
  return out;
}
