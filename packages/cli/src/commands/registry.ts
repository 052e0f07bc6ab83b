import { type Command, flag, str } from '../command.js';
import { EXIT, t } from '../io.js';
import { checkCommand } from './check.js';
import { digestCommand } from './digest.js';
import { eepCommand } from './eep/index.js';
import { inspectCommand } from './inspect.js';
import { keygenCommand } from './keygen.js';
import { packCommand } from './pack.js';
import { transferCommand } from './transfer.js';
import { validateCommand } from './validate.js';

const digest: Command = {
  name: 'digest',
  usage: [
    'digest <文件…> [--alg sm3|sha256|sha512]      计算数字摘要（输出“<摘要>  <文件>”）\n  digest --check <清单> [--alg …]               按清单校验摘要',
    'digest <file…> [--alg sm3|sha256|sha512]      print digests ("<hex>  <file>")\n  digest --check <list> [--alg …]               verify a digest list',
  ],
  options: { alg: { type: 'string' }, check: { type: 'string' } },
  run: (args, global, io) => {
    const check = str(args, 'check');
    return digestCommand(
      {
        files: args.positionals,
        algorithm: str(args, 'alg') ?? 'sm3',
        ...(check === undefined ? {} : { check }),
      },
      global,
      io,
    );
  },
};

const keygen: Command = {
  name: 'keygen',
  usage: [
    'keygen --out <私钥.pem> [--pub <公钥.pem>]     生成 SM2 密钥对（PKCS#8 / SPKI PEM）',
    'keygen --out <key.pem> [--pub <pub.pem>]      generate an SM2 key pair (PKCS#8 / SPKI PEM)',
  ],
  options: { out: { type: 'string' }, pub: { type: 'string' }, force: { type: 'boolean' } },
  async run(args, global, io) {
    const out = str(args, 'out');
    const pub = str(args, 'pub');
    if (out === undefined || args.positionals.length > 0) {
      io.stderr(
        `${t(global, '用法：dangan keygen --out <私钥.pem> [--pub <公钥.pem>]', 'usage: dangan keygen --out <key.pem> [--pub <pub.pem>]')}\n`,
      );
      return EXIT.usage;
    }
    return keygenCommand(
      { out, force: flag(args, 'force'), ...(pub === undefined ? {} : { pub }) },
      global,
      io,
    );
  },
};

/** Every `dangan` command, in help order. */
export const COMMANDS: readonly Command[] = [
  keygen,
  digest,
  validateCommand,
  eepCommand,
  packCommand,
  transferCommand,
  checkCommand,
  inspectCommand,
];
