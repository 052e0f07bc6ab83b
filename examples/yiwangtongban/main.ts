/**
 * dangan demo (`pnpm demo`): one 一网通办 办件 — a 企业设立登记 case — from the business system to a checked
 * 归档信息包, then a tampered copy that the checks catch.
 *
 *   收集 → 捕获 → 整理 → 封装（SM2 签名）→ 检测（DA/T 70 归档环节）→ 篡改副本再检测
 *
 * Each step is one function in `src/`, whose comment says what it does, why, and which standard it follows;
 * `src/say.ts` holds the printed lines. Options: `pnpm demo -- --out <dir>` (default: a new temporary folder,
 * printed) and `--lang en`. Exit code 0 when the package passes and the tampered copy fails naming the file.
 */
import { join } from 'node:path';
import { arrangeCase } from './src/arrange.js';
import { captureFiles } from './src/capture.js';
import { receiveCase } from './src/case.js';
import { checkPackage, findVirusScanner } from './src/check.js';
import { readOptions } from './src/cli.js';
import { packageCase } from './src/package.js';
import { narrator } from './src/say.js';
import { createDemoSigner } from './src/signer.js';
import { caught } from './src/summary.js';
import { tamperCopy } from './src/tamper.js';

const { outDir, lang } = await readOptions(process.argv.slice(2));
const say = narrator(lang);
const print = (lines: readonly string[]) => {
  for (const line of lines) console.log(line);
};
// The demo's one clock, 归档时间 2026-03-20 10:00 北京时间: dangan never reads the clock by itself.
const archivedAt = '2026-03-20T10:00:00+08:00';
const now = new Date(archivedAt);
print(say.title(outDir));

// 1. 收集: the 办件 as the business system hands it over — data, process records, a licence reference, 3 files.
const received = await receiveCase(archivedAt);
print(say.received(received));

// 2. 捕获: electronic attributes, SM3 and the photo's EXIF, read from the bytes (DA/T 46 M47–M50, DA/T 54).
const captured = await captureFiles(received.files);
print(say.captured(captured));

// 3. 整理: 保管期限 from the schedule, 1 办件 = 1 件 in component order, 档号, a validated record, the catalogue.
const arranged = await arrangeCase(received, captured, now);
print(say.arranged(arranged));

// 4. 封装: the 归档信息包 as a ZIP — content, the 件's DA/T 48 EEP signed with SM2, metadata, SM3 manifest.
const signing = createDemoSigner(now);
const pkg = await packageCase(arranged, signing, { outDir, now });
print(say.packaged(pkg, signing));

// 5. 检测: the DA/T 70 归档环节 四性检测 on the ZIP, as the archives department would run it; JSON + HTML report.
const scanner = await findVirusScanner();
const checking = {
  trustAnchors: [signing.caCertificate],
  registeredDigest: pkg.result.packageDigests.sm3, // 信息包摘要 recorded with the hand-over
  scanner,
  now,
  lang,
};
const clean = await checkPackage(pkg.zipPath, {
  ...checking,
  reportBase: join(outDir, '检测报告'),
  name: pkg.result.packageName,
});
print(say.checked(clean, scanner !== undefined));

// 6. 篡改: change one figure in the application form inside a copy, check the copy: what fails, and where.
const form = pkg.result.items[0]?.files.find((f) => f.path.endsWith('.pdf'));
if (form === undefined) throw new Error('the package has no application form');
const tampering = await tamperCopy(pkg.zipPath, join(outDir, '篡改副本.zip'), form.path);
const tampered = await checkPackage(tampering.zipPath, {
  ...checking,
  reportBase: join(outDir, '篡改副本-检测报告'),
  name: `${pkg.result.packageName}（篡改副本）`,
});
print(say.tampered(tampering, tampered));

const ok = clean.report.summary.passed && caught(tampered.report, tampering.entry);
print(say.done(ok, outDir));
process.exitCode = ok ? 0 : 1;
