import { parseArgs } from 'node:util';
import { DanganError } from '@dangan/core';
import type { Command, CommandArgs, CommandOptions } from './command.js';
import { COMMANDS } from './commands/registry.js';
import { reportError } from './errors.js';
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
    ? `dangan ${VERSION} — electronic records archiving tool (DA/T 46/48/70, 一网通办)

usage: dangan <command> [options]

commands:
${lines}

global options:
  --lang zh|en   output language (default zh)
  --json         machine-readable JSON on stdout (check: --json <file> writes the JSON report)
  --quiet, -q    print only what is needed (errors, failed items)
  --force        replace an existing output (--out) instead of refusing
  --help, --version

Signing: --key <key.pem> signs EEPs with an SM2 key (dangan keygen); without --cert a self-signed
certificate is made for the key — it proves integrity, not identity. Use a CA-issued certificate (--cert)
in production. Outputs are written to a temporary name and renamed when complete.

exit codes: 0 success / all checks passed; 1 checks or verification failed (or the input does not
conform); 2 usage error or unreadable input.
Reference: docs/cli.md
`
    : `dangan ${VERSION} — 电子文件归档工具（DA/T 46/48/70，一网通办）

用法：dangan <命令> [选项]

命令：
${lines}

通用选项：
  --lang zh|en   输出语言（默认 zh）
  --json         在标准输出输出机器可读的 JSON（check 的 --json <文件> 为写出 JSON 报告）
  --quiet, -q    只输出必要内容（错误、未通过项）
  --force        覆盖已存在的输出（--out），否则拒绝
  --help, --version

签名：--key <私钥.pem> 用 SM2 私钥（dangan keygen 生成）为封装包签名；未给 --cert 时为该私钥生成自签名证书——
只能证明完整性，不能证明身份，正式使用请给出 CA 签发的证书（--cert）。输出先写入临时文件，完成后再改名。

退出码：0 成功（检测全部通过）；1 检测或校验未通过（或输入不符合要求）；2 用法错误或输入不可读。
参考：docs/cli.md
`;
}

/**
 * Runs the `dangan` command line with `argv` (without the node and script paths) and returns the exit code.
 *
 * @example
 * const code = await runCli(['digest', 'a.pdf', '--alg', 'sm3'], nodeIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const name = commandName(argv);
  const command = COMMANDS.find((c) => c.name === name);
  const english = argv.some((a, i) => a === '--lang=en' || (a === '--lang' && argv[i + 1] === 'en'));
  const early: GlobalOptions = { lang: english ? 'en' : 'zh', json: false, quiet: false };
  let parsed: { values: CommandArgs['values']; positionals: string[] };
  try {
    parsed = parseFor(command, argv);
  } catch (e) {
    io.stderr(`dangan: ${e instanceof Error ? e.message : String(e)}\n`);
    if (command !== undefined)
      io.stderr(
        `${t(early, '用法：', 'usage: ')}dangan ${command.usage[early.lang === 'en' ? 1 : 0].trimStart()}\n`,
      );
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
    if (e instanceof DanganError) return reportError(e, global, io);
    if (isSystemError(e)) {
      io.stderr(`dangan: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

/** The first positional argument, skipping the values of the global options (`--lang en check …`). */
function commandName(argv: readonly string[]): string | undefined {
  const { tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: GLOBAL_OPTIONS,
  });
  const first = tokens.find((token) => token.kind === 'positional');
  return first?.kind === 'positional' ? first.value : undefined;
}

/** A Node file system or network error (ENOENT, EACCES, ENOSPC …): a clean message and exit 2, not a crash. */
function isSystemError(e: unknown): e is Error & { code: string } {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
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
