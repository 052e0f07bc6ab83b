import type { Command } from '../../command.js';
import { EXIT, t } from '../../io.js';
import { eepBuild } from './build.js';
import { eepExtract } from './extract.js';
import { eepVerify } from './verify.js';

const SUBCOMMANDS = { build: eepBuild, verify: eepVerify, extract: eepExtract } as const;

/**
 * `dangan eep build|verify|extract`: DA/T 48 电子文件封装包 — build one from a record and its files, verify
 * one (structure, signatures, 锁定签名, certificates, embedded files), extract its files into a folder.
 */
export const eepCommand: Command = {
  name: 'eep',
  usage: [
    [
      'eep build <元数据.json> [文件…] --out <件.eep> [--key <私钥.pem> [--cert <证书.pem>]]   生成 DA/T 48 封装包',
      '  eep verify <件.eep> [--trust <CA证书.pem>…]    验证封装包（结构、签名、锁定签名、证书、文件）',
      '  eep extract <件.eep> --out <目录>              提取封装包中的文件',
    ].join('\n'),
    [
      'eep build <record.json> [file…] --out <file.eep> [--key <key.pem> [--cert <cert.pem>]]   build a DA/T 48 EEP',
      '  eep verify <file.eep> [--trust <ca.pem>…]     verify an EEP (structure, signatures, lock, certificates, files)',
      '  eep extract <file.eep> --out <dir>            extract the files of an EEP',
    ].join('\n'),
  ],
  options: {
    out: { type: 'string', short: 'o' },
    key: { type: 'string' },
    cert: { type: 'string' },
    scheme: { type: 'string' },
    creator: { type: 'string' },
    trust: { type: 'string', multiple: true },
    force: { type: 'boolean' },
  },
  run(args, global, io) {
    const [sub, ...rest] = args.positionals;
    const run = sub === undefined ? undefined : SUBCOMMANDS[sub as keyof typeof SUBCOMMANDS];
    if (run === undefined || !Object.hasOwn(SUBCOMMANDS, sub!)) {
      io.stderr(
        `${t(global, '用法：dangan eep build|verify|extract …（见 dangan --help）', 'usage: dangan eep build|verify|extract … (see dangan --help)')}\n`,
      );
      return Promise.resolve(EXIT.usage);
    }
    return run({ values: args.values, positionals: rest }, global, io);
  },
};
