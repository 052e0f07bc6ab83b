import { parseArgs } from 'node:util';
import { DanganError } from '@dangan/core';
import { digestCommand } from './commands/digest.js';
import { keygenCommand } from './commands/keygen.js';
import { type CliIo, EXIT, type GlobalOptions, t } from './io.js';
import { VERSION } from './version.js';

const HELP_ZH = `dangan ${VERSION} — 电子文件归档工具

用法：dangan <命令> [选项]

命令：
  digest <文件…> [--alg sm3|sha256|sha512]   计算数字摘要（输出“<摘要>  <文件>”）
  digest --check <清单> [--alg …]            按清单校验摘要
  keygen --out <私钥.pem> [--pub <公钥.pem>]  生成 SM2 密钥对（PKCS#8 / SPKI PEM）

通用选项：
  --lang zh|en   输出语言（默认 zh）
  --json         机器可读的 JSON 输出
  --quiet        只输出必要内容
  --help, --version

退出码：0 成功；1 校验失败；2 用法错误或输入不可读。
`;

const HELP_EN = `dangan ${VERSION} — electronic records archiving tool

usage: dangan <command> [options]

commands:
  digest <file…> [--alg sm3|sha256|sha512]   print digests ("<hex>  <file>")
  digest --check <list> [--alg …]            verify a digest list
  keygen --out <key.pem> [--pub <pub.pem>]   generate an SM2 key pair (PKCS#8 / SPKI PEM)

global options:
  --lang zh|en   output language (default zh)
  --json         machine-readable JSON output
  --quiet        print only what is needed
  --help, --version

exit codes: 0 success; 1 verification failed; 2 usage error or unreadable input.
`;

/**
 * Runs the `dangan` command line with `argv` (without the node and script paths) and returns the exit code.
 *
 * @example
 * const code = await runCli(['digest', 'a.pdf', '--alg', 'sm3'], nodeIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.stderr(`dangan: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const lang = values.lang === 'en' ? 'en' : 'zh';
  const global: GlobalOptions = { lang, json: values.json === true, quiet: values.quiet === true };
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') {
    io.stderr(`${t(global, '--lang 只能是 zh 或 en', '--lang must be zh or en')}\n`);
    return EXIT.usage;
  }
  if (values.version === true) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (values.help === true || command === undefined || command === 'help') {
    (command === undefined && values.help !== true ? io.stderr : io.stdout)(
      lang === 'en' ? HELP_EN : HELP_ZH,
    );
    return command === undefined && values.help !== true ? EXIT.usage : EXIT.ok;
  }
  try {
    switch (command) {
      case 'digest':
        return await digestCommand(
          {
            files: rest,
            algorithm: values.alg ?? 'sm3',
            ...(values.check === undefined ? {} : { check: values.check }),
          },
          global,
          io,
        );
      case 'keygen':
        if (values.out === undefined) {
          io.stderr(
            `${t(global, '用法：dangan keygen --out <私钥.pem> [--pub <公钥.pem>]', 'usage: dangan keygen --out <key.pem> [--pub <pub.pem>]')}\n`,
          );
          return EXIT.usage;
        }
        return await keygenCommand(
          {
            out: values.out,
            force: values.force === true,
            ...(values.pub === undefined ? {} : { pub: values.pub }),
          },
          global,
          io,
        );
      default:
        io.stderr(
          `${t(global, `未知命令：${command}（见 dangan --help）`, `unknown command: ${command} (see dangan --help)`)}\n`,
        );
        return EXIT.usage;
    }
  } catch (e) {
    if (e instanceof DanganError) {
      io.stderr(`dangan: ${e.localized(lang)}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      alg: { type: 'string' },
      check: { type: 'string' },
      out: { type: 'string' },
      pub: { type: 'string' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
