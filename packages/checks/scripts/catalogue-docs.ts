/**
 * Writes the catalogue reference page to `docs/checks/catalogue.md` at the repository root.
 *
 * Run: `cd packages/checks && npx tsx --conditions=@dangan/source scripts/catalogue-docs.ts`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../src/catalogue/catalogue.js';
import { renderCatalogueDoc } from './render-catalogue.js';

/** `docs/checks/` of the repository. */
const DOCS_DIR = fileURLToPath(new URL('../../../docs/checks/', import.meta.url));

async function main(): Promise<void> {
  await mkdir(DOCS_DIR, { recursive: true });
  await writeFile(`${DOCS_DIR}catalogue.md`, renderCatalogueDoc(catalogue), 'utf8');
  console.log(`wrote ${DOCS_DIR}catalogue.md`);
}

await main();
