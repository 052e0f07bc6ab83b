import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The DA/T 48 schema (shared/standards), or undefined when absent. */
export const XSD_PATH = ((): string | undefined => {
  const candidates = [
    process.env.DANGAN_DAT48_XSD,
    resolve(
      dirname(fileURLToPath(import.meta.url)),
      '../../../../../../../shared/standards/dat48-2009-eep.xsd',
    ),
    '/work/shared/standards/dat48-2009-eep.xsd',
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
})();

/** Whether `xmllint` runs; under CI a missing xmllint fails instead of skipping. */
export const HAS_XMLLINT = ((): boolean => {
  const ok = spawnSync('xmllint', ['--version']).status === 0;
  if (!ok && process.env.CI) throw new Error('xmllint is required under CI (apt-get install libxml2-utils)');
  return ok;
})();

/** Whether the differential tests can run. */
export const CAN_DIFF = HAS_XMLLINT && XSD_PATH !== undefined;

/**
 * `xmllint --schema` verdicts for many documents at once (one process per 200 documents): `true` when the
 * document validates.
 */
export function xmllintVerdicts(
  documents: readonly (string | Uint8Array)[],
): { valid: boolean; output: string }[] {
  if (XSD_PATH === undefined) throw new Error('the DA/T 48 schema is not available');
  const dir = mkdtempSync(join(tmpdir(), 'dangan-eep-lint-'));
  try {
    const files = documents.map((doc, i) => {
      const file = join(dir, `d${i}.xml`);
      writeFileSync(file, doc);
      return file;
    });
    const out: { valid: boolean; output: string }[] = [];
    for (let at = 0; at < files.length; at += 200) {
      const batch = files.slice(at, at + 200);
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD_PATH, ...batch], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      const text = `${r.stdout}${r.stderr}`;
      const lines = text.split('\n');
      for (const file of batch) {
        out.push({
          valid: lines.includes(`${file} validates`),
          output: lines.filter((l) => l.startsWith(file)).join('\n'),
        });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
