import { sm2 } from '@dangan/core';
import { type CliIo, EXIT, type GlobalOptions, t } from '../io.js';

/** Options of `dangan keygen`. */
export interface KeygenCommandOptions {
  readonly out: string;
  readonly pub?: string;
  readonly force: boolean;
}

/**
 * `dangan keygen --out <key.pem> [--pub <pub.pem>]`: a new SM2 key pair as PKCS#8 and SPKI PEM, readable by
 * OpenSSL. Refuses to overwrite an existing key unless `--force`: losing a signing key is not undoable.
 */
export async function keygenCommand(
  opts: KeygenCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<number> {
  for (const path of [opts.out, opts.pub]) {
    if (path !== undefined && !opts.force && (await io.exists(path))) {
      io.stderr(
        `${t(global, `文件已存在：${path}（使用 --force 覆盖）`, `File exists: ${path} (use --force to overwrite)`)}\n`,
      );
      return EXIT.usage;
    }
  }
  const { privateKey, publicKey } = sm2.generateKeyPair();
  await io.writeFile(opts.out, sm2.privateKeyToPem(privateKey), 0o600);
  if (opts.pub !== undefined) await io.writeFile(opts.pub, sm2.publicKeyToPem(publicKey));
  if (global.json) {
    io.stdout(
      `${JSON.stringify({ privateKey: opts.out, publicKey: opts.pub ?? null, algorithm: 'SM2', curve: 'sm2p256v1' }, null, 2)}\n`,
    );
  } else if (!global.quiet) {
    io.stdout(`${t(global, `已生成 SM2 私钥：${opts.out}`, `SM2 private key written: ${opts.out}`)}\n`);
    if (opts.pub !== undefined) io.stdout(`${t(global, `公钥：${opts.pub}`, `Public key: ${opts.pub}`)}\n`);
  }
  return EXIT.ok;
}
