/**
 * EEP benchmark: one 256 MiB file (pseudo-random bytes) packaged into a signed DA/T 48 EEP by `buildEep`,
 * then the EEP verified by `verifyEep` (structure, SM2 signature over the exact 被签名对象 bytes, 锁定签名,
 * Base64 decode, SM3 of the file) and its file extracted by `extractEep` into a folder — each step in its own
 * child process (same Node flags) reporting its time (measured inside, so start-up is not counted) and its
 * peak RSS (`process.resourceUsage().maxRSS`). Target: peak RSS ≤ 200 MiB for each step.
 *
 * Peer (named, same files, same run): the openssl CLI doing the byte work of each step with no XML —
 * build: `openssl base64` (encode) + `openssl dgst -sm3` of the file; verify: `openssl base64 -d | openssl
 * dgst -sm3`; extract: `openssl base64 -d -out`. Ratios are ours / peer (lower is better).
 *
 * Run: `cd packages/packaging && npx tsx --conditions=@dangan/source bench/eep-256mib.ts [--quick]`
 * (`--quick`: 32 MiB).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2 } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import {
  type ChildReport as BaseChildReport,
  MiB,
  nodeSm3Files,
  printChildReport,
  runChild as runBenchChild,
  timed,
  writeRandomFile,
} from '../../../scripts/bench-support.js';
import { createCertificate } from '../../core/src/sm2/certificate-create.js';
import { buildEep } from '../src/eep/build/build-eep.js';
import { extractEep } from '../src/eep/extract/extract-eep.js';
import { verifyEep } from '../src/eep/verify/verify-eep.js';
import { folderSink } from '../src/node/folder-sink.js';

interface ChildReport extends BaseChildReport {
  readonly [key: string]: unknown;
}

function signer(dir: string): { privateKey: Uint8Array; certificate: Uint8Array } {
  const pair = sm2.generateKeyPair();
  const certificate = createCertificate({
    publicKey: pair.publicKey,
    signingKey: pair.privateKey,
    subject: { C: 'CN', O: '档案馆', CN: '基准测试签名人' },
    serialNumber: 1n,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
  });
  writeFileSync(join(dir, 'signer.key'), pair.privateKey);
  writeFileSync(join(dir, 'signer.cer'), certificate);
  return { privateKey: pair.privateKey, certificate };
}

/** The children: one step each, printing a JSON report on the last line. */
async function child(step: string, dir: string): Promise<void> {
  const raw = join(dir, 'file.pdf');
  const eep = join(dir, 'file.eep');
  const started = performance.now();
  let extra: Record<string, unknown> = {};
  if (step === 'build') {
    const { readFileSync } = await import('node:fs');
    const size = statSync(raw).size;
    const id = 'BENCH-0001';
    const record = {
      文件实体: {
        聚合层次: '文件',
        来源: { 立档单位名称: '某区政务服务中心' },
        电子文件号: id,
        档号: { 全宗号: 'Z109', 年度: '2024', 保管期限: '永久', 室编件号: 1 },
        内容描述: { 题名: '基准测试文件', 责任者: '某区政务服务中心', 日期: '2024-06-01', 密级: '公开' },
        形式特征: { 文件组合类型: '单件' },
        电子属性: [{ 计算机文件名: 'file.pdf', 计算机文件大小: size }],
        存储位置: { 脱机载体编号: ['在线'] },
        权限管理: {},
      },
      机构人员实体: [{ 机构人员标识符: 'A1', 机构人员名称: '某区政务服务中心' }],
      业务实体: [
        {
          业务标识符: 'B1',
          机构人员标识符: 'A1',
          文件标识符: id,
          业务状态: '历史行为',
          业务行为: '归档',
          行为时间: '2024-06-01T10:00:00+08:00',
        },
      ],
    };
    const build = buildEep({
      record,
      files: [fromFile(raw)],
      creator: '某区政务服务中心',
      createdAt: '2024-06-01T10:00:00+08:00',
      signers: [
        {
          privateKey: new Uint8Array(readFileSync(join(dir, 'signer.key'))),
          certificate: new Uint8Array(readFileSync(join(dir, 'signer.cer'))),
        },
      ],
    });
    const fd = openSync(eep, 'w');
    for await (const chunk of build) writeSync(fd, chunk);
    closeSync(fd);
    extra = { eepMiB: statSync(eep).size / MiB };
  } else if (step === 'verify') {
    const r = await verifyEep(fromFile(eep));
    extra = {
      valid: r.valid,
      reads: r.reads,
      signatures: r.signatures.map((s) => `${s.kind}:${s.signature.status}`).join(' '),
      sm3: r.files[0]?.digests.sm3,
    };
  } else if (step === 'extract') {
    const r = await extractEep(fromFile(eep), folderSink(join(dir, 'out')));
    extra = { sm3: r.files[0]?.digests.sm3, size: r.files[0]?.size };
  }
  printChildReport(performance.now() - started, extra);
}

const runChild = (step: string, dir: string): ChildReport =>
  runBenchChild<ChildReport>(['--child', step, dir]);

function sh(command: string): void {
  execFileSync('sh', ['-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const size = (quick ? 32 : 256) * MiB;
  const dir = mkdtempSync(join(tmpdir(), 'dangan-eep-bench-'));
  try {
    const raw = join(dir, 'file.pdf');
    writeRandomFile(raw, size);
    signer(dir);
    const [expected] = nodeSm3Files([raw]);

    const build = runChild('build', dir);
    const verify = runChild('verify', dir);
    const extract = runChild('extract', dir);
    if (verify.sm3 !== expected || extract.sm3 !== expected) throw new Error('digest mismatch');
    if (verify.valid !== true) throw new Error(`verify says invalid: ${JSON.stringify(verify)}`);

    const b64 = join(dir, 'file.b64');
    const peerBuild = timed(() => {
      sh(`openssl base64 -in '${raw}' -out '${b64}'`);
      sh(`openssl dgst -sm3 '${raw}'`);
    });
    const peerVerify = timed(() => sh(`openssl base64 -d -in '${b64}' | openssl dgst -sm3`));
    const peerExtract = timed(() => sh(`openssl base64 -d -in '${b64}' -out '${join(dir, 'peer.out')}'`));

    const rows: [string, ChildReport, number][] = [
      ['build (buildEep, signed)', build, peerBuild],
      ['verify (verifyEep)', verify, peerVerify],
      ['extract (extractEep → folder)', extract, peerExtract],
    ];
    console.log(
      `\nEEP with one ${size / MiB} MiB file (EEP ${(build.eepMiB as number).toFixed(1)} MiB); ` +
        `node ${process.version}; verify: ${verify.signatures as string}, ${verify.reads as number} read(s)\n`,
    );
    console.log('| step | ours (s) | peak RSS (MiB) | peer: openssl (s) | ours / peer | RSS ≤ 200 MiB |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const [name, ours, peer] of rows) {
      console.log(
        `| ${name} | ${(ours.ms / 1000).toFixed(2)} | ${ours.maxRssMiB.toFixed(0)} | ${(peer / 1000).toFixed(2)} | ` +
          `${(ours.ms / peer).toFixed(2)} | ${ours.maxRssMiB <= 200 ? 'met' : 'NOT met'} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1]!, process.argv[at + 2]!);
else await main();
