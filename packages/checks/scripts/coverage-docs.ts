/**
 * Writes `docs/standards-coverage.md` at the repository root from the data.
 *
 * Run: `pnpm --filter @dangan/checks docs:coverage`.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { coverageInputs } from './coverage-inputs.js';
import { renderCoverageDoc } from './render-coverage.js';

const PAGE = fileURLToPath(new URL('../../../docs/standards-coverage.md', import.meta.url));
await writeFile(PAGE, renderCoverageDoc(coverageInputs()), 'utf8');
console.log(`wrote ${PAGE}`);
