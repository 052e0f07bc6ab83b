/**
 * dangan demo: fix a file the way an archive must (数字摘要, SM2 电子签名, 审计日志), prove it, and show that
 * tampering is caught. Run with `pnpm demo` (add `-- --out <dir>` to choose where files go).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type AuditEvent,
  appendAuditEvent,
  digests,
  identifyFormat,
  sm2,
  toHex,
  verifyAuditChain,
} from '@dangan/core';
import { samplePdf } from './sample-pdf.js';

// `pnpm demo -- --out x` may pass the `--` through; relative paths are the caller's (pnpm sets INIT_CWD).
const args = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true });
const callerDir = process.env.INIT_CWD ?? process.cwd();
const outDir =
  values.out === undefined ? join(tmpdir(), `dangan-demo-${Date.now()}`) : resolve(callerDir, values.out);
await mkdir(outDir, { recursive: true });
// Pad by display width: CJK characters take two columns in a terminal.
const width = (text: string) => [...text].reduce((n, c) => n + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);
const line = (label: string, value: string) =>
  console.log(`  ${label}${' '.repeat(Math.max(1, 12 - width(label)))}${value}`);

console.log(`dangan 演示：数字摘要、SM2 签名与审计链（输出目录 ${outDir}）\n`);

// 1. A real file as a business system would hand it over.
const file = samplePdf('Enterprise registration approval 2026-0001');
const filePath = join(outDir, '准予设立登记通知书.pdf');
await writeFile(filePath, file);
const format = await identifyFormat(file, { fileName: filePath });
console.log('1. 电子文件');
line('文件', filePath);
line(
  '格式',
  `${format.name}${format.version ? ` ${format.version}` : ''}（${format.mimeType}${format.pronom ? `，PRONOM ${format.pronom}` : ''}）`,
);

// 2. Fixity: SM3 (the archival digest) and SHA-256 in one pass over the bytes.
const fixity = await digests(file, ['sm3', 'sha256']);
console.log('2. 数字摘要（一次读取，同时计算）');
line('SM3', fixity.sm3);
line('SHA-256', fixity.sha256);

// 3. SM2 signature with the standard user id, keys in PEM that OpenSSL reads.
const { privateKey, publicKey } = sm2.generateKeyPair();
await writeFile(join(outDir, 'signer.key.pem'), sm2.privateKeyToPem(privateKey), { mode: 0o600 });
await writeFile(join(outDir, 'signer.pub.pem'), sm2.publicKeyToPem(publicKey));
const signature = sm2.sign(file, privateKey);
await writeFile(join(outDir, '准予设立登记通知书.pdf.sig'), signature);
console.log('3. SM2 电子签名（SM2-SM3，用户标识 1234567812345678，DER 编码）');
line('公钥', `${toHex(publicKey).slice(0, 32)}…`);
line('签名', `${toHex(signature).slice(0, 32)}…（${signature.length} 字节）`);
line('验证', sm2.verify(signature, file, publicKey) ? '通过 ✔' : '失败 ✘');
const tampered = file.slice();
const at = tampered.length - 10;
tampered[at] = (tampered[at] ?? 0) ^ 0x01; // one bit of the page content
line('篡改后', sm2.verify(signature, tampered, publicKey) ? '通过（不应如此！）' : '验证失败 ✘——篡改被发现');

// 4. The tamper-evident record of what happened, kept by the host.
const now = () => new Date();
const events: AuditEvent[] = [];
events.push(
  appendAuditEvent(undefined, { type: '收集', subject: filePath, data: { sm3: fixity.sm3 } }, { now }),
);
events.push(
  appendAuditEvent(
    events.at(-1),
    { type: '签名', subject: filePath, data: { algorithm: 'SM2-SM3' } },
    { now },
  ),
);
events.push(
  appendAuditEvent(
    events.at(-1),
    { type: '归档', actor: 'demo', subject: filePath },
    { now, checkpoint: { privateKey } },
  ),
);
await writeFile(join(outDir, 'audit.json'), `${JSON.stringify(events, null, 2)}\n`);
const verdict = verifyAuditChain(events, { trustedPublicKeys: [publicKey] });
console.log('4. 审计链（SM3 哈希链，末条为 SM2 签名检查点）');
line('事件数', `${verdict.length}，已验证检查点 ${verdict.verifiedCheckpoints} 个`);
line('校验', verdict.ok ? '完整 ✔' : '被篡改 ✘');
const edited = events.map((e, i) => (i === 1 ? { ...e, actor: '某人' } : e));
const problem = verifyAuditChain(edited).problems[0];
line('改动一条后', problem ? `${problem.message} ✘` : '未发现（不应如此！）');

// 5. An independent implementation agrees: OpenSSL 3 verifies dangan's signature with the same user id.
const opensslArgs = [
  'pkeyutl',
  '-verify',
  '-pubin',
  '-inkey',
  join(outDir, 'signer.pub.pem'),
  '-rawin',
  '-digest',
  'sm3',
];
opensslArgs.push('-pkeyopt', 'distid:1234567812345678', '-in', filePath, '-sigfile', `${filePath}.sig`);
console.log('5. 用 OpenSSL 独立验证签名');
line('命令', `openssl ${opensslArgs.map((a) => (/[\s]/.test(a) ? `"${a}"` : a)).join(' ')}`);
const openssl = spawnSync('openssl', opensslArgs, { encoding: 'utf8' });
line(
  '结果',
  openssl.error
    ? `未找到 openssl 命令，跳过（${openssl.error.message}）`
    : (openssl.stdout || openssl.stderr).trim(),
);
console.log(`\n全部文件在 ${outDir}`);
