/**
 * The demo's printed lines, in Chinese or English: one `✓ n 步骤  …` line per step, with indented details.
 * Each function returns the lines of one step (so tests can read them without running the demo).
 */
import type { FormatInfo } from '@dangan/core';
import type { ArrangedCase } from './arrange.js';
import type { CapturedFile } from './capture.js';
import type { ReceivedCase } from './case.js';
import type { CheckedPackage } from './check.js';
import type { Lang } from './cli.js';
import type { WrittenPackage } from './package.js';
import type { DemoSigner } from './signer.js';
import { failingItems, passCounts } from './summary.js';
import type { Tampering } from './tamper.js';

/** `PDF 1.7`, `JPEG`, `OFD 1.0`: a format's name and version. */
export function formatName(format: FormatInfo): string {
  return format.version === undefined ? format.name : `${format.name} ${format.version}`;
}

/** `12.3 KB` / `456 B`. */
export function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The lines of each step in `lang`. */
export function narrator(lang: Lang) {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const labels = [
    '',
    '收集 receive',
    '捕获 capture',
    '整理 arrange',
    '封装 package',
    '检测 check',
    '篡改 tamper',
    '再检测 recheck',
  ];
  /** `✓ n 步骤  text` (`✗` when the step did not turn out as it should). */
  const step = (n: number, zh: string, en: string, ok = true) => {
    const [labelZh, labelEn] = (labels[n] ?? '').split(' ');
    return `${ok ? '✓' : '✗'} ${n} ${t(labelZh ?? '', labelEn ?? '')}  ${t(zh, en)}`;
  };
  const detail = (text: string) => `      ${text}`;
  /** An indented detail line in `lang`. */
  const note = (zh: string, en: string) => detail(t(zh, en));
  const report = (path: string) => note(`检测报告 ${path}`, `report ${path}`);

  return {
    title: (outDir: string) => [
      t(
        `dangan 演示：一网通办办件归档全过程（输出目录 ${outDir}）`,
        `dangan demo: filing one 一网通办 case (output in ${outDir})`,
      ),
      '',
    ],

    received: ({ 办件, files }: ReceivedCase) => {
      const licences = 办件.电子证照?.length ?? 0;
      const steps = 办件.过程信息?.length ?? 0;
      return [
        step(
          1,
          `办件 ${办件.办件编号}「${办件.办件名称}」（${办件.事项名称}）：${files.length} 个电子文件，${licences} 个电子证照引用，${steps} 条过程信息`,
          `case ${办件.办件编号} (${办件.事项名称}): ${files.length} files, ${licences} licence reference, ${steps} process steps`,
        ),
      ];
    },

    captured: (files: readonly CapturedFile[]) => {
      const formats = files.map((f) => formatName(f.captured.格式)).join(t('、', ', '));
      const lines = [
        step(
          2,
          `${files.length} 个文件的电子属性与 SM3 摘要（${formats}）`,
          `attributes and SM3 of ${files.length} files (${formats})`,
        ),
      ];
      const photo = files.find((f) => f.captured.照片 !== undefined)?.captured.照片;
      if (photo !== undefined) {
        const taken = photo.时间?.摄影时间;
        const device = `${photo.捕获设备?.设备制造商} ${photo.捕获设备?.设备型号}`;
        const { 图像宽度: w, 图像高度: h } = photo.图像参数;
        lines.push(
          note(
            `照片 EXIF：摄影时间 ${taken}，设备 ${device}，${w}×${h}（写入元数据 附注）`,
            `photo EXIF: taken ${taken}, ${device}, ${w}×${h} (kept in the record's 附注)`,
          ),
        );
      }
      return lines;
    },

    arranged: ({ retention, item, archivalCode, catalogue }: ArrangedCase) => [
      step(
        3,
        `保管期限 ${retention.retention?.period}（示例保管期限表，规则 ${retention.decidedBy?.ruleId}）；1 办件 = 1 件，组件 ${item.components.map((c) => c.name).join(' → ')}`,
        `retention ${retention.retention?.code} (example schedule, rule ${retention.decidedBy?.ruleId}); 1 case = 1 item of ${item.components.length} components`,
      ),
      note(
        `档号 ${archivalCode}；元数据按 schemes.ywtb 校验通过；归档文件目录 ${catalogue.length} 条`,
        `archival code ${archivalCode}; record valid against schemes.ywtb; catalogue: ${catalogue.length} row`,
      ),
    ],

    packaged: ({ zipPath, result }: WrittenPackage, signing: DemoSigner) => {
      const digest = `${result.packageDigests.sm3?.slice(0, 16)}…`;
      return [
        step(
          4,
          `归档信息包 ${zipPath}（${result.totals.files} 个文件，${size(result.written.zipSize)}）`,
          `archival package ${zipPath} (${result.totals.files} files, ${size(result.written.zipSize)})`,
        ),
        note(
          `封装包（EEP）${result.items.length} 个，SM2 签名人「${signing.subject}」；信息包摘要 SM3 ${digest}`,
          `${result.items.length} EEP signed with SM2 by "${signing.subject}"; package digest SM3 ${digest}`,
        ),
      ];
    },

    checked: ({ report: r, htmlPath }: CheckedPackage, scanned: boolean) => [
      step(
        5,
        `归档环节四性检测${r.summary.passed ? '通过' : '未通过'}（${passCounts(r, lang)}）`,
        `archiving-stage checks ${r.summary.passed ? 'passed' : 'FAILED'} (${passCounts(r, lang)})`,
        r.summary.passed,
      ),
      ...(scanned
        ? []
        : [
            note(
              '注意：未连接 ClamAV（clamd），病毒检测 GD-4-2 未执行；生产环境须配置病毒扫描引擎',
              'note: no ClamAV (clamd) answered, so the virus check GD-4-2 was not run; configure a scanner in production',
            ),
          ]),
      ...failingItems(r, lang).map((line) => detail(`✗ ${line}`)),
      report(htmlPath),
    ],

    tampered: (tampering: Tampering, { report: r, htmlPath }: CheckedPackage) => {
      const failed = failingItems(r, lang);
      const caughtIt = !r.summary.passed && failed.length > 0;
      return [
        step(
          6,
          `副本 ${tampering.zipPath}：把 ${tampering.entry} 中的“${tampering.before}”改为“${tampering.after}”`,
          `copy ${tampering.zipPath}: "${tampering.before}" changed to "${tampering.after}" in ${tampering.entry}`,
        ),
        caughtIt
          ? step(
              7,
              `篡改被发现：副本检测未通过，${failed.length} 项不合格`,
              `tampering caught: the copy fails ${failed.length} item(s)`,
            )
          : step(7, '副本竟然通过了检测（不应如此！）', 'the copy passed (it should not!)', false),
        ...failed.map((line) => detail(`✗ ${line}`)),
        report(htmlPath),
      ];
    },

    done: (ok: boolean, outDir: string) => [
      '',
      ok
        ? t(`完成。全部输出在 ${outDir}`, `Done. Everything is in ${outDir}`)
        : t('演示结果与预期不符（见上）', 'The demo did not turn out as expected (see above)'),
    ],
  };
}
