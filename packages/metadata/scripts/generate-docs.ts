/**
 * Writes the element reference pages of every shipped scheme to `docs/metadata/` at the repository root.
 *
 * Run: `cd packages/metadata && npx tsx --conditions=@dangan/source scripts/generate-docs.ts`
 * (or `pnpm --filter @dangan/metadata docs:metadata`). Pages no longer produced are deleted.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { schemes } from '../src/schemes/index.js';
import { renderAllDocs } from './render-docs.js';

/** `docs/metadata/` of the repository. */
const DOCS_DIR = fileURLToPath(new URL('../../../docs/metadata/', import.meta.url));

async function main(): Promise<void> {
  const pages = renderAllDocs(Object.values(schemes));
  await mkdir(DOCS_DIR, { recursive: true });
  for (const name of await readdir(DOCS_DIR)) {
    if (name.endsWith('.md') && !(name in pages)) await rm(`${DOCS_DIR}${name}`);
  }
  for (const [name, text] of Object.entries(pages)) await writeFile(`${DOCS_DIR}${name}`, text, 'utf8');
  console.log(`wrote ${Object.keys(pages).length} pages to ${DOCS_DIR}`);
}

await main();
