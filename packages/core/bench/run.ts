/**
 * Runs every benchmark of @dangan/core, one child process each (so peak-RSS readings are not mixed),
 * passing flags through (`pnpm bench -- --quick`). Each script prints its own table with ratios to peers.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const flags = process.argv.slice(2).filter((a) => a !== '--');
const only = flags.filter((f) => !f.startsWith('--'));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n## ${script}\n`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@dangan/source',
      join(here, script),
      ...flags.filter((f) => f.startsWith('--')),
    ],
    {
      stdio: 'inherit',
      cwd: join(here, '..'),
    },
  );
  if (r.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
