import { basename } from 'node:path';
import { fromFile } from '@dangan/core/node';
import { extractEep } from '@dangan/packaging';
import { folderSink } from '@dangan/packaging/node';
import { type CommandArgs, flag, str } from '../../command.js';
import { assertOutputFree, readableSize } from '../../files.js';
import { type CliIo, EXIT, type GlobalOptions, printJson, t } from '../../io.js';
import { printFindings } from '../../print-findings.js';
import { formatBytes } from '../../progress.js';

/**
 * `dangan eep extract <file.eep> --out <dir> [--force]`: writes the current layer's files into a new folder
 * (named safely by 计算机文件名; nothing outside `--out`; the folder appears only when complete).
 *
 * @example
 * await eepExtract({ values: { out: '件0001' }, positionals: ['0001.eep'] }, global, io);
 */
export async function eepExtract(args: CommandArgs, global: GlobalOptions, io: CliIo): Promise<number> {
  const [path, ...extra] = args.positionals;
  const out = str(args, 'out');
  if (path === undefined || extra.length > 0 || out === undefined) {
    io.stderr(
      `${t(global, '用法：dangan eep extract <件.eep> --out <目录> [--force]', 'usage: dangan eep extract <file.eep> --out <dir> [--force]')}\n`,
    );
    return EXIT.usage;
  }
  const force = flag(args, 'force');
  await assertOutputFree(out, force, global, io);
  await readableSize(path, global);
  const result = await extractEep(fromFile(path), folderSink(out, { overwrite: force }), {
    name: basename(path),
  });
  const mismatched = result.files.filter((f) => f.sizeMatches === false);
  if (global.json) {
    printJson(io, { out, files: result.files, findings: result.findings });
    return EXIT.ok;
  }
  printFindings(result.findings, global, io);
  for (const f of mismatched)
    io.stdout(
      `  ! ${f.path}  ${t(global, `大小 ${f.size} 与计算机文件大小 ${f.declaredSize ?? '?'} 不符`, `size ${f.size} differs from 计算机文件大小 ${f.declaredSize ?? '?'}`)}\n`,
    );
  if (global.quiet) return EXIT.ok;
  io.stdout(
    `${t(global, `✓ 已从 ${path} 提取 ${result.files.length} 个文件到 ${out}`, `✓ ${result.files.length} file(s) extracted from ${path} to ${out}`)}\n`,
  );
  for (const f of result.files)
    io.stdout(`  ${f.path}  ${formatBytes(f.size)}  SM3 ${f.digests.sm3 ?? ''}\n`);
  return EXIT.ok;
}
