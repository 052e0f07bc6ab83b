import { parseArgs } from 'node:util';
import { DanganError } from '@dangan/core';
import type { Command, CommandArgs, CommandOptions } from './command.js';
import { COMMANDS } from './commands/registry.js';
import { type CliIo, EXIT, type GlobalOptions, t } from './io.js';
import { VERSION } from './version.js';

const GLOBAL_OPTIONS: CommandOptions = {
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

function help(lang: 'zh' | 'en'): string {
  const lines = COMMANDS.map((c) => `  ${c.usage[lang === 'en' ? 1 : 0]}`).join('\n');
  return lang === 'en'
    ? `dangan ${VERSION} — electronic records archiving tool

usage: dangan <command> [options]

commands:
${lines}

global options:
  --lang zh|en   output language (default zh)
  --json         machine-readable JSON output
  --quiet        print only what is needed
  --help, --version

exit codes: 0 success / all checks passed; 1 checks or verification failed; 2 usage error or unreadable input.
`
    : `dangan ${VERSION} — 电子文件归档工具

用法：dangan <命令> [选项]

命令：
${lines}

通用选项：
  --lang zh|en   输出语言（默认 zh）
  --json         机器可读的 JSON 输出
  --quiet        只输出必要内容
  --help, --version

退出码：0 成功（检测全部通过）；1 检测或校验未通过；2 用法错误或输入不可读。
`;
}

/**
 * Runs the `dangan` command line with `argv` (without the node and script paths) and returns the exit code.
 *
 * @example
 * const code = await runCli(['digest', 'a.pdf', '--alg', 'sm3'], nodeIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const name = argv.find((a) => !a.startsWith('-'));
  const command = COMMANDS.find((c) => c.name === name);
  let parsed: { values: CommandArgs['values']; positionals: string[] };
  try {
    parsed = parseFor(command, argv);
  } catch (e) {
    io.stderr(`dangan: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  const { values } = parsed;
  const lang = values.lang === 'en' ? 'en' : 'zh';
  const global: GlobalOptions = {
    lang,
    json: command?.jsonIsFile !== true && values.json === true,
    quiet: values.quiet === true,
  };
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') {
    io.stderr(`${t(global, '--lang 只能是 zh 或 en', '--lang must be zh or en')}\n`);
    return EXIT.usage;
  }
  if (values.version === true) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (values.help === true || name === undefined || name === 'help') {
    const asked = values.help === true || name === 'help';
    (asked ? io.stdout : io.stderr)(help(lang));
    return asked ? EXIT.ok : EXIT.usage;
  }
  if (command === undefined) {
    io.stderr(
      `${t(global, `未知命令：${name}（见 dangan --help）`, `unknown command: ${name} (see dangan --help)`)}\n`,
    );
    return EXIT.usage;
  }
  try {
    return await command.run({ values, positionals: parsed.positionals.slice(1) }, global, io);
  } catch (e) {
    if (e instanceof DanganError) {
      io.stderr(`dangan: ${e.localized(lang)}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

function parseFor(
  command: Command | undefined,
  argv: readonly string[],
): { values: CommandArgs['values']; positionals: string[] } {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      ...GLOBAL_OPTIONS,
      json: { type: command?.jsonIsFile === true ? 'string' : 'boolean' },
      ...command?.options,
    },
  });
}
