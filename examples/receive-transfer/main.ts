/**
 * dangan example, the archives' side (档案馆接收): five 一网通办 办件 are filed as 归档信息包, the ones kept 30 years or
 * more are transferred as a 移交信息包 — online as one ZIP, offline split across small carriers — and the archives
 * receive it: open it safely, take inventory (清点) of every carrier and of the set, and run the DA/T 70 移交与接收
 * checks. The 归档信息包 use dangan's stock layout (`dangan-ywtb`); each 件 travels as one transfer item. Run with
 * `pnpm --filter @dangan/example-receive-transfer start -- --out <dir>`.
 *
 * Options: `--out <dir>` (an empty or new folder; default a temporary one), `--capacity <容量>` of one offline
 * carrier (default `5MB`), `--clamd <socket | host:port>` to scan for viruses with ClamAV.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STATUS_LABELS } from '@dangan/checks';
import { isDanganError, sm2, toBase64 } from '@dangan/core';
import { createMemorySequence } from '@dangan/metadata';
import { fileRandomAccess, folderSource } from '@dangan/packaging/node';
import { type FiledCase, fileCase } from './src/archive.js';
import { CASES, prepareCase } from './src/cases.js';
import { type CheckedPackage, checkPackage, scannerFrom, statusLine } from './src/check.js';
import { bytes, mark, short, table } from './src/print.js';
import { type ReceivedCarrier, receiveCarriers, receiveZip } from './src/receive.js';
import { ARCHIVES, caseNumbers, transferOffline, transferOnline } from './src/transfer.js';

// `pnpm … start -- --out x` may pass the `--` through; relative paths are the caller's (pnpm sets INIT_CWD).
const args = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({
  args,
  options: { out: { type: 'string' }, capacity: { type: 'string' }, clamd: { type: 'string' } },
  allowPositionals: true,
});
const callerDir = process.env.INIT_CWD ?? process.cwd();
const outDir =
  values.out === undefined ? join(tmpdir(), `dangan-receive-${Date.now()}`) : resolve(callerDir, values.out);
await mkdir(outDir, { recursive: true });
if ((await readdir(outDir)).length > 0) {
  console.error(`输出目录 ${outDir} 不是空的：请指定一个空目录或新目录（--out）`);
  process.exit(2);
}
const capacity = values.capacity ?? '5MB';
const filedAt = new Date('2026-03-25T02:00:00Z'); // 归档时间 (the demo's scenario; dangan never reads the clock)

console.log(`dangan 示例：档案馆接收移交信息包（输出目录 ${outDir}）\n`);

// 1. 归档. The agency signs every EEP with its archiving key; its certificate is what the archives trust.
const agencyKey = sm2.generateKeyPair();
const certificate = sm2.createCertificate({
  publicKey: agencyKey.publicKey,
  signingKey: agencyKey.privateKey,
  subject: { C: 'CN', O: '上海市浦东新区市场监督管理局', CN: '电子文件归档签名' },
  serialNumber: 2026n,
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2031-01-01T00:00:00Z'),
});
await mkdir(join(outDir, '证书'));
await writeFile(join(outDir, '证书', '归档签名证书.pem'), pem(certificate));
const filed: FiledCase[] = [];
const sequence = createMemorySequence(); // 室编件号 per 末级类目; a real host persists its numbers
for (const spec of CASES) {
  const prepared = await prepareCase(spec, sequence);
  filed.push(
    await fileCase(
      prepared,
      join(outDir, '归档信息包'),
      { privateKey: agencyKey.privateKey, certificate },
      filedAt,
    ),
  );
}
console.log(
  `1. 归档：${filed.length} 个办件 → ${filed.length} 个归档信息包（按办件，每件一个 SM2 签名的 EEP）`,
);
console.log(
  table([
    ['办件编号', '办件名称', '保管期限', '件', '内容文件', '内容字节', '读回', '信息包摘要（SM3）'],
    ...filed.map((f) => [
      f.prepared.spec.办件编号,
      f.prepared.spec.办件名称,
      f.prepared.spec.保管期限,
      String(f.result.totals.items),
      String(f.result.totals.contentFiles),
      bytes(f.result.totals.contentBytes),
      f.reading.findings.length === 0 ? '完好' : `${f.reading.findings.length} 个问题`,
      short(f.result.packageDigests.sm3 ?? ''),
    ]),
  ]),
);

// 2. 移交. Selection is by retention: 30 years or more, 永久 included. Each 件 is one transfer item.
const caseOf = caseNumbers(filed); // 档号 → 办件编号, to show the 件 by 办件
const casesIn = (names: readonly string[]) => [...new Set(names.map((n) => caseOf.get(n) ?? n))];
const transferDir = join(outDir, '移交');
await mkdir(transferDir);
const zipPath = join(transferDir, '在线移交包.zip');
const online = await transferOnline(filed, zipPath);
const offline = await transferOffline(filed, join(transferDir, '离线'), capacity).catch((e: unknown) => {
  // A capacity that cannot be read, or a 件 larger than one carrier, is refused before anything is written.
  if (!isDanganError(e)) throw e;
  console.error(`离线移交失败（载体容量 ${capacity}）：${e.message}`);
  process.exit(1);
});
const selected = casesIn(online.carriers.flatMap((c) => c.items));
console.log(
  `\n2. 移交范围：保管期限 30 年以上（含永久）——列入 ${selected.length} 个办件（${online.registrationForm.移交电子档案数量.件数} 件）`,
);
for (const n of casesIn(online.excluded.map((e) => e.name))) {
  const spec = filed.find((f) => f.prepared.spec.办件编号 === n)?.prepared.spec;
  const left = online.excluded.filter((e) => caseOf.get(e.name) === n);
  console.log(`  未列入 ${n} ${spec?.办件名称 ?? ''}（${left.length} 件）：${left[0]?.message ?? ''}`);
}
const form = online.registrationForm;
console.log('\n3. 移交信息包');
console.log(
  `  在线：${zipPath}（${form.移交电子档案数量.文件数} 个文件，移交数据量 ${form.移交数据量} GB，` +
    `载体摘要 ${form.数字摘要算法} ${short(online.carriers[0]!.digest)}）`,
);
console.log(`  离线：载体容量 ${capacity}，按整件分到 ${offline.carriers.length} 个载体`);
console.log(
  table(
    [
      ['载体', '办件', '件数', '文件数', '实际容量（字节）', '载体摘要（SM3）'],
      ...offline.carriers.map((c) => [
        c.number,
        casesIn(c.items).join('、'),
        String(c.counts.件数),
        String(c.counts.文件数),
        bytes(c.contentBytes),
        short(c.digest),
      ]),
    ],
    '    ',
  ),
);

// 3. 接收与清点: open what arrived safely, inventory every carrier, then the offline set as a whole.
const zip = await receiveZip(zipPath);
await zip.source.close();
const carriers = await receiveCarriers(
  offline.carriers.map((c) => ({ number: c.number, dir: join(transferDir, '离线', `载体${c.number}`) })),
);
console.log(`\n4. 接收与清点（接收单位：${ARCHIVES}）`);
printReceipt(zip);
for (const c of carriers.carriers) printReceipt(c);
const all = carriers.combined;
const allRegistered = all.form?.移交电子档案数量;
console.log(
  `  离线合计：件数 ${all.totals.件数}、文件数 ${all.totals.文件数}、字节数 ${bytes(all.totals.字节数)}；` +
    `与登记表 ${mark(all.findings.length === 0 && allRegistered?.件数 === all.totals.件数)}`,
);
await writeFile(
  join(outDir, '接收清点.json'),
  `${JSON.stringify(
    {
      在线: inventoryJson(zip),
      离线: { 载体: carriers.carriers.map(inventoryJson), 合计: all.totals, 发现项: all.findings },
      登记表: { 在线: form, 离线: offline.registrationForm },
      未列入: online.excluded.map((e) => ({ ...e, 办件编号: caseOf.get(e.name) })),
    },
    null,
    2,
  )}\n`,
);

// 4. 移交与接收检测 (DA/T 70), one run per package.
const reportDir = join(outDir, '检测报告');
await mkdir(reportDir);
const scanner = scannerFrom(values.clamd);
const checked: CheckedPackage[] = [];
const zipFile = await fileRandomAccess(zipPath);
try {
  checked.push(
    await checkPackage('在线移交包', zipFile, {
      dir: reportDir,
      file: '在线移交包',
      trustAnchors: [certificate],
      scanner,
    }),
  );
} finally {
  await zipFile.close();
}
for (const c of offline.carriers) {
  checked.push(
    await checkPackage(`载体 ${c.number}`, folderSource(join(transferDir, '离线', `载体${c.number}`)), {
      dir: reportDir,
      file: `载体${c.number}`,
      trustAnchors: [certificate],
      scanner,
    }),
  );
}
console.log(`\n5. 移交与接收检测（DA/T 70-2018，每个包 ${checked[0]?.report.summary.total ?? 0} 项）`);
for (const c of checked) {
  console.log(`  ${c.label}：${statusLine(c.report)} → ${c.report.summary.passed ? '通过 ✔' : '未通过 ✘'}`);
  for (const item of c.report.items.filter((i) => i.status === 'fail' || i.status === 'error')) {
    const why = item.reason ?? item.findings[0]?.message ?? '';
    console.log(`    ${item.id} ${item.name}（${STATUS_LABELS[item.status].zh}）：${why}`);
  }
}
if (scanner === undefined) {
  console.log(
    '  病毒检测需要扫描引擎：用 --clamd <套接字或 主机:端口> 接入 ClamAV；没有引擎时该项是“检测出错”，绝不算“通过”。',
  );
}
console.log(
  '  “待人工检测”的项（杀毒软件、载体读取、载体外观、移交过程安全）由检测人员确认后以 attestations 传给 runChecks。',
);
console.log(`  报告：${checked.map((c) => c.html).join('\n        ')}`);
console.log(`\n全部文件在 ${outDir}`);

/** Prints the 清点 of one received package and the 办件 whose 件 are on it. */
function printReceipt(r: ReceivedCarrier): void {
  const inv = r.inventory;
  const reg = inv.registered?.carrier;
  const problems = inv.findings.filter((f) => f.severity === 'error');
  console.log(
    `  ${r.label}${r.openFindings.length === 0 ? '' : `（ZIP 安全读取：${r.openFindings.length} 个发现项）`}：` +
      `件数 ${inv.totals.件数}、文件数 ${inv.totals.文件数}、元数据数 ${inv.totals.元数据数}、字节数 ${bytes(inv.totals.字节数)}；` +
      `登记表 ${reg === undefined ? '无本载体登记' : mark(problems.length === 0)}；` +
      `数字摘要 ${inv.digest === undefined ? '未核对' : mark(inv.digest.matches)}`,
  );
  for (const f of problems) console.log(`    ✘ ${f.path ?? ''} ${f.message}`);
  const names = inv.items.map((i) => i.name);
  console.log(
    `    办件：${casesIn(names)
      .map((n) => `${n}（${names.filter((x) => caseOf.get(x) === n).length} 件）`)
      .join('、')}`,
  );
}

/** The parts of a receipt worth keeping as JSON. */
function inventoryJson(r: ReceivedCarrier) {
  return {
    载体: r.label,
    载体编号: r.inventory.carrierNumber,
    合计: r.inventory.totals,
    分类统计: r.inventory.groups,
    数字摘要: r.inventory.digest,
    发现项: [...r.openFindings, ...r.inventory.findings],
    件: r.inventory.items.map((i) => ({
      档号: i.name,
      办件编号: caseOf.get(i.name),
      路径: i.path,
      文件数: i.files,
      元数据数: i.metadata,
      字节数: i.bytes,
    })),
  };
}

/** A DER certificate as PEM text. */
function pem(der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/gu) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
