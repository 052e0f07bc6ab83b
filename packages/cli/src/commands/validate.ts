import type { Finding } from '@dangan/core';
import { type MetadataScheme, recordFromXml, safeValidateRecord, schemeById } from '@dangan/metadata';
import { type Command, str } from '../command.js';
import { loadJson } from '../files.js';
import { type CliIo, EXIT, type GlobalOptions, t } from '../io.js';
import { printFindings } from '../print-findings.js';

/**
 * `dangan validate <record.json|record.xml> [--scheme dat46|dat54|dat63|ywtb]`: validates one metadata record
 * (JSON, or the DA/T 48 / dangan metadata XML) against a scheme and prints every finding with its element
 * number. Exit 0 when valid, 1 when the record has errors, 2 when it cannot be read.
 */
export const validateCommand: Command = {
  name: 'validate',
  usage: [
    'validate <元数据.json|元数据.xml> [--scheme dat46|dat54|dat63|ywtb]   校验元数据记录',
    'validate <record.json|record.xml> [--scheme dat46|dat54|dat63|ywtb]  validate a metadata record',
  ],
  options: { scheme: { type: 'string' } },
  async run(args, global, io) {
    const [file, ...extra] = args.positionals;
    const schemeId = str(args, 'scheme') ?? 'ywtb';
    const scheme = schemeById(schemeId);
    if (file === undefined || extra.length > 0 || scheme === undefined) {
      io.stderr(
        `${t(global, '用法：dangan validate <元数据.json|元数据.xml> [--scheme dat46|dat54|dat63|ywtb]', 'usage: dangan validate <record.json|record.xml> [--scheme dat46|dat54|dat63|ywtb]')}\n`,
      );
      return EXIT.usage;
    }
    const record = await readRecord(file, scheme, global, io);
    const result = safeValidateRecord(record, scheme);
    const findings: readonly Finding[] = result.ok ? result.findings : result.error.findings;
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (global.json) {
      io.stdout(`${JSON.stringify({ file, scheme: scheme.id, valid: result.ok, findings }, null, 2)}\n`);
    } else {
      printFindings(findings, global, io);
      if (!global.quiet || !result.ok) {
        io.stdout(
          `${
            result.ok
              ? t(
                  global,
                  `✓ ${file}：符合 ${scheme.id}（${findings.length} 条提示）`,
                  `✓ ${file}: valid for ${scheme.id} (${findings.length} notes)`,
                )
              : t(global, `✗ ${file}：${errors} 个错误`, `✗ ${file}: ${errors} errors`)
          }\n`,
        );
      }
    }
    return result.ok ? EXIT.ok : EXIT.failed;
  },
};

/** A record file: DA/T 48 / dangan metadata XML by its `.xml` extension, else UTF-8 JSON. */
async function readRecord(
  file: string,
  scheme: MetadataScheme,
  global: GlobalOptions,
  io: CliIo,
): Promise<unknown> {
  if (/\.xml$/i.test(file)) return recordFromXml(await io.readFile(file), scheme);
  return loadJson(file, global, io);
}
