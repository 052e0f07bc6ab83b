/**
 * Runs every benchmark of the package in the current directory (`<package>/bench/*.ts`), one child process
 * each (so peak-RSS readings are not mixed), passing flags through (`pnpm bench -- --quick`; a bare word
 * selects scripts by name). Each script prints its own table with ratios to peers.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = join(process.cwd(), 'bench');
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
