// Tests of the built artefact: bundles a few browser entry points against `dist` (no source condition)
// with esbuild, minified and tree-shaken, and fails when one exceeds its budget or pulls in a Node
// built-in. Budgets are minified bytes, set a little above what was measured (see docs/benchmarks.md).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Resolved from inside @dangan/core, so the import goes through its published `exports` to `dist`.
const coreDir = fileURLToPath(new URL('../packages/core', import.meta.url));

const cases = [
  { name: 'sm3 only', code: "export { sm3 } from '@dangan/core';", budget: 24_000 },
  {
    name: 'digest (all algorithms)',
    code: "export { digest, digests } from '@dangan/core';",
    budget: 48_000,
  },
  { name: 'sm2', code: "export { sm2 } from '@dangan/core';", budget: 100_000 },
  { name: 'identifyFormat', code: "export { identifyFormat } from '@dangan/core';", budget: 60_000 },
  { name: 'readXml (with saxes)', code: "export { readXml } from '@dangan/core';", budget: 90_000 },
  { name: 'whole @dangan/core', code: "export * from '@dangan/core';", budget: 240_000 },
];

let failed = 0;
for (const c of cases) {
  const result = await build({
    stdin: { contents: c.code, resolveDir: coreDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents.length;
  const nodeImports = Object.values(result.metafile.inputs)
    .flatMap((i) => i.imports)
    .filter((i) => i.path.startsWith('node:') || i.external);
  const ok = bytes <= c.budget && nodeImports.length === 0;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(26)} ${String(bytes).padStart(7)} B (budget ${c.budget})${nodeImports.length ? ` imports ${nodeImports.map((i) => i.path).join(', ')}` : ''}`,
  );
}
process.exitCode = failed === 0 ? 0 : 1;

// The built modules run as published: SM3 of "abc" (GB/T 32905) through dist, and the built `dangan` bin.
const core = await import(new URL('../packages/core/dist/index.js', import.meta.url));
const abc = core.toHex(core.sm3(new TextEncoder().encode('abc')));
const expected = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
const { fromFile } = await import(new URL('../packages/core/dist/node.js', import.meta.url));
const readme = await core.digest(fromFile(fileURLToPath(new URL('../README.md', import.meta.url))), 'sm3');
const { execFileSync } = await import('node:child_process');
const cli = execFileSync(
  process.execPath,
  [
    fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url)),
    'digest',
    fileURLToPath(new URL('../README.md', import.meta.url)),
  ],
  { encoding: 'utf8' },
);
const smokeOk = abc === expected && cli.startsWith(readme);
if (!smokeOk) process.exitCode = 1;
console.log(
  `${smokeOk ? 'ok  ' : 'FAIL'} dist smoke: sm3("abc") ${abc === expected ? 'matches' : 'differs'}, built dangan digest ${cli.startsWith(readme) ? 'matches' : 'differs'}`,
);
