import { DanganError, type DigestAlgorithm, digest, parseDigestAlgorithm } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import { type CliIo, EXIT, type GlobalOptions, t } from '../io.js';

/** Options of `dangan digest`. */
export interface DigestCommandOptions {
  readonly files: readonly string[];
  readonly algorithm: string;
  /** Path of a `<hex>  <file>` list to verify instead of printing digests. */
  readonly check?: string;
}

/**
 * `dangan digest <file…> [--alg sm3|sha256|sha512]` prints `<hex>  <file>` lines (as sha256sum does);
 * `dangan digest --check <list>` verifies such a list, one `<file>: OK|FAILED` line each.
 */
export async function digestCommand(
  opts: DigestCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const algorithm = parseDigestAlgorithm(opts.algorithm);
  if (opts.check !== undefined) return checkList(opts.check, algorithm, global, io);
  if (opts.files.length === 0) {
    io.stderr(
      `${t(global, '用法：dangan digest <文件…> [--alg sm3|sha256|sha512]', 'usage: dangan digest <file…> [--alg sm3|sha256|sha512]')}\n`,
    );
    return EXIT.usage;
  }
  const results: { file: string; digest: string }[] = [];
  for (const file of opts.files) {
    const hex = await digest(fromFile(file), algorithm);
    results.push({ file, digest: hex });
    if (!global.json) io.stdout(`${hex}  ${file}\n`);
  }
  if (global.json) io.stdout(`${JSON.stringify({ algorithm, files: results }, null, 2)}\n`);
  return EXIT.ok;
}

async function checkList(
  listPath: string,
  algorithm: DigestAlgorithm,
  global: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await io.readFile(listPath));
  const rows: { file: string; expected: string; actual?: string; ok: boolean; error?: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = /^([0-9a-fA-F]+) [ *](.+)$/.exec(line);
    if (match === null) {
      io.stderr(
        `${t(global, `${listPath} 第 ${index + 1} 行格式不正确：应为“<摘要>  <文件>”`, `${listPath} line ${index + 1} is malformed: expected "<digest>  <file>"`)}\n`,
      );
      return EXIT.usage;
    }
    const expected = match[1]!.toLowerCase();
    const file = match[2]!;
    try {
      const actual = await digest(fromFile(file), algorithm);
      rows.push({ file, expected, actual, ok: actual === expected });
    } catch (e) {
      if (!(e instanceof DanganError)) throw e;
      rows.push({ file, expected, ok: false, error: e.localized(global.lang) });
    }
  }
  const failed = rows.filter((r) => !r.ok).length;
  if (global.json) {
    io.stdout(`${JSON.stringify({ algorithm, checked: rows.length, failed, files: rows }, null, 2)}\n`);
  } else {
    for (const r of rows) {
      if (r.ok && global.quiet) continue;
      const verdict = r.ok ? t(global, '正确', 'OK') : t(global, '失败', 'FAILED');
      io.stdout(`${r.file}: ${verdict}${r.error === undefined ? '' : ` (${r.error})`}\n`);
    }
    if (failed > 0)
      io.stderr(
        `${t(global, `警告：${rows.length} 个文件中 ${failed} 个摘要不符`, `WARNING: ${failed} of ${rows.length} computed digests did NOT match`)}\n`,
      );
  }
  return failed === 0 ? EXIT.ok : EXIT.failed;
}
