/**
 * Writes the published JSON Schema of check reports, `docs/checks/report.schema.json` at the repository
 * root, from `reportJsonSchema`. A test fails while the file differs from the constant.
 *
 * Run: `cd packages/checks && npx tsx --conditions=@dangan/source scripts/report-schema.ts`
 * (then `npx biome format --write docs/checks/report.schema.json` at the root to keep the house format;
 * the test compares the parsed JSON, so formatting never makes it fail).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../src/report/json-schema.js';

/** `docs/checks/report.schema.json` of the repository. */
export const REPORT_SCHEMA_FILE = fileURLToPath(
  new URL('../../../docs/checks/report.schema.json', import.meta.url),
);

/** The regeneration command, for failure messages. */
export const REGENERATE_REPORT_SCHEMA =
  'cd packages/checks && npx tsx --conditions=@dangan/source scripts/report-schema.ts';

async function main(): Promise<void> {
  await mkdir(new URL('../../../docs/checks/', import.meta.url), { recursive: true });
  await writeFile(REPORT_SCHEMA_FILE, `${JSON.stringify(reportJsonSchema, null, 2)}\n`, 'utf8');
  console.log(`wrote ${REPORT_SCHEMA_FILE}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
