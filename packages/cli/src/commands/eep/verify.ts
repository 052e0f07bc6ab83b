import { basename } from 'node:path';
import { fromFile } from '@dangan/core/node';
import { type EepSignatureCheck, verifyEep } from '@dangan/packaging';
import type { CommandArgs } from '../../command.js';
import { readableSize } from '../../files.js';
import { type CliIo, EXIT, type GlobalOptions, printJson, t } from '../../io.js';
import { printFindings } from '../../print-findings.js';
import { formatBytes, progressBar } from '../../progress.js';

const MARK = { valid: '✓', invalid: '✗', 'cannot-verify': '?' } as const;

/**
 * `dangan eep verify <file.eep> [--trust <ca.pem>…]`: structure, every 电子签名 and the 锁定签名, certificate
 * validity (and chains, with `--trust`), each embedded file's size and SM3. Exit 0 when valid, 1 when not,
 * 2 when the file cannot be read.
 *
 * @example
 * await eepVerify({ values: { trust: ['ca.pem'] }, positionals: ['0001.eep'] }, global, io); // 0
 */
export async function eepVerify(args: CommandArgs, global: GlobalOptions, io: CliIo): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (path === undefined || extra.length > 0) {
    io.stderr(
      `${t(global, '用法：dangan eep verify <件.eep> [--trust <CA证书.pem>…]', 'usage: dangan eep verify <file.eep> [--trust <ca.pem>…]')}\n`,
    );
    return EXIT.usage;
  }
  const trust = args.values.trust;
  const anchors: (string | Uint8Array)[] = [];
  for (const p of Array.isArray(trust) ? trust : []) {
    if (typeof p !== 'string') continue;
    const bytes = await io.readFile(p);
    anchors.push(bytes[0] === 0x30 ? bytes : new TextDecoder().decode(bytes));
  }
  const total = await readableSize(path, global);
  const bar = progressBar(global, io, t(global, '验证', 'Verifying'));
  let done = 0;
  const source = () =>
    (async function* () {
      for await (const chunk of fromFile(path)()) {
        done += chunk.length;
        bar.update(done, total);
        yield chunk;
      }
    })();
  let result: Awaited<ReturnType<typeof verifyEep>>;
  try {
    result = await verifyEep(source, {
      name: basename(path),
      ...(anchors.length === 0 ? {} : { trustAnchors: anchors }),
    });
  } finally {
    bar.end();
  }
  if (global.json) {
    printJson(io, { file: path, ...result });
    return result.valid ? EXIT.ok : EXIT.failed;
  }
  const lang = global.lang === 'en' ? 2 : 1;
  if (!global.quiet) {
    io.stdout(
      `${t(global, `封装包 ${path}：${result.packageType ?? '类型未知'}，${result.modifications} 次修改`, `EEP ${path}: ${result.packageType ?? 'unknown type'}, ${result.modifications} modification(s)`)}\n`,
    );
    io.stdout(
      `  ${result.structure.valid ? '✓' : '✗'} ${t(global, `结构${result.structure.valid ? '符合' : '不符合'} DA/T 48`, `structure ${result.structure.valid ? 'conforms to' : 'does NOT conform to'} DA/T 48`)}\n`,
    );
    if (!result.signed) io.stdout(`  - ${t(global, '未签名', 'not signed')}\n`);
    for (const s of result.signatures) io.stdout(`  ${signatureLine(s, lang, global)}\n`);
    for (const f of result.files) {
      const mark = f.status === 'valid' ? '✓' : '✗';
      const size = f.decodedSize === undefined ? '?' : formatBytes(f.decodedSize);
      io.stdout(`  ${mark} ${f.fileName ?? f.encodingId ?? f.path}  ${size}  SM3 ${f.digests.sm3 ?? '—'}\n`);
    }
    if (anchors.length === 0 && result.signed)
      io.stdout(
        `  ${t(global, '注：未给出 --trust，证书链未验证（签名完整性已验证）', 'note: no --trust given, so certificate chains were not judged (signature integrity was)')}\n`,
      );
  }
  printFindings(
    result.findings.filter((f) => f.severity === 'error'),
    global,
    io,
  );
  io.stdout(
    `${
      result.valid
        ? t(
            global,
            `✓ 封装包有效${result.trusted ? '且签名可信' : ''}`,
            `✓ the EEP is valid${result.trusted ? ' and its signatures are trusted' : ''}`,
          )
        : t(global, '✗ 封装包无效', '✗ the EEP is NOT valid')
    }\n`,
  );
  return result.valid ? EXIT.ok : EXIT.failed;
}

function signatureLine(s: EepSignatureCheck, lang: 1 | 2, global: GlobalOptions): string {
  const mark = MARK[s.status];
  const what =
    s.kind === 'lock'
      ? t(global, `锁定签名 → ${s.id ?? '?'}`, `锁定签名 → ${s.id ?? '?'}`)
      : `${s.id ?? '?'}`;
  const who = [s.signer, s.time, s.certificate?.subject]
    .filter((x) => x !== undefined && x !== '')
    .join(t(global, '，', ', '));
  const part = (label: readonly [string, string], check: EepSignatureCheck['signature']) =>
    `${lang === 2 ? label[1] : label[0]} ${MARK[check.status]}`;
  const parts = [
    part(['签名', 'signature'], s.signature),
    part(['有效期', 'validity'], s.validity),
    part(['证书链', 'chain'], s.chain),
  ].join('  ');
  const problems = [s.signature, s.validity, s.chain]
    .filter((c) => c.status !== 'valid' && c.problem !== 'no-trust-anchors')
    .map((c) => (lang === 2 ? (c.messageEn ?? c.message) : c.message) ?? c.problem ?? '')
    .filter((m) => m !== '');
  const detail = who === '' ? '' : t(global, `（${who}）`, ` (${who})`);
  return `${mark} ${what}${detail}  ${parts}${problems.length === 0 ? '' : `\n      ${problems.join(t(global, '；', '; '))}`}`;
}
