/**
 * Issue 7: every public function has an example that is type-checked.
 *
 * The `@example` code of every symbol of every public entry (the `@dangan/source` targets in each
 * packages/*\/package.json `exports`) is compiled against the real package API with the repository's compiler
 * options (tsconfig.base.json: strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes …), in one in-memory
 * program per runtime (runtime-neutral entries without `@types/node`, Node entries with it).
 *
 * - Each example is the body of an async function in a generated module that imports every export of the
 *   example's entry and whatever names it uses from the other public entries; the example's own `import`
 *   lines are hoisted. So `fromFile` in a @dangan/core example comes from `@dangan/core/node`.
 * - Names that no public entry exports (`pdfBytes`, `sink`, `record`: the reader's own values) are declared
 *   `any`. Everything else stays checked: arguments given as literals (option names, algorithm names),
 *   properties read from API results, the API names themselves. A namespace member used bare (`sign` for
 *   `sm2.sign`) or a name TypeScript takes for a misspelt API name is reported, never declared.
 * - Examples that are deliberately not TypeScript (a shell command, JSON) are fenced with another language
 *   (```sh, ```json) and skipped; an unfenced example, or one fenced ```ts / ```js, is TypeScript.
 * - Third-party modules an example imports that the workspace does not install are typed `any`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiExample } from './support/api-examples.js';
import { KNOWN_FAILING_EXAMPLES } from './support/known-failing-examples.js';
import { publicEntries, repoRoot } from './support/public-entries.js';
import { type ExampleProblem, type ExamplesReport, typecheckExamples } from './support/typecheck-examples.js';

const entries = publicEntries();
const SELF_TEST = '<self-test>';

function snippet(symbol: string, specifier: string, code: string, lang = ''): ApiExample {
  const entry = entries.find((e) => e.specifier === specifier);
  if (entry === undefined) throw new Error(`no public entry ${specifier}`);
  return { entry, symbol, file: SELF_TEST, line: 1, code, lang };
}

// The harness's own cases, checked in the same programs as the real examples.
const selfTest: ApiExample[] = [
  snippet('good', '@dangan/core', "const hex = await digest(utf8('档案'), 'sm3');\nhex.length;"),
  snippet(
    'free-names',
    '@dangan/packaging',
    "const sink = memorySink();\nawait sink.write('内容/1.pdf', pdfBytes);\nawait (await sink.commit()).source.has('内容/1.pdf');",
  ),
  snippet('other-entry', '@dangan/core', "await digest(fromFile('/data/1.pdf'), 'sm3');"),
  snippet(
    'own-import',
    '@dangan/metadata',
    "import { schemeToZod } from '@dangan/metadata/zod';\nschemeToZod(schemes.dat46).safeParse(input).success;",
  ),
  snippet('wrong-argument', '@dangan/core', "await digest(blob, 'sm4');"),
  snippet('excess-option', '@dangan/core', 'await readAll(blob, { maxByte: 1024 });'),
  snippet('wrong-result-property', '@dangan/core', "(await digests(blob, ['sm3'])).sha256;"),
  snippet('namespace-member', '@dangan/core', "sign(utf8('档案'), privateKey);"),
  snippet('misspelt-api', '@dangan/core', "await digestt(blob, 'sm3');"),
  snippet('syntax', '@dangan/core', "await digest(blob, 'sm3'); …"),
  snippet('callback-of-free-name', '@dangan/core', 'db.rows().map((row) => row.hash);'),
  snippet('callback-of-api', '@dangan/core', 'FORMATS.filter((f) => f.nope);'),
  snippet('not-typescript', '@dangan/cli', 'dangan digest 批复.pdf --alg sm3', 'sh'),
];

// The TypeScript samples of the README and the guides whose samples are not run by a test of their own.
const DOCS_WITH_SAMPLES = ['README.md', 'docs/getting-started.md', 'docs/core.md', 'docs/metadata.md'];
const docSamples: ApiExample[] = DOCS_WITH_SAMPLES.filter((doc) => existsSync(join(repoRoot, doc))).flatMap(
  (doc) => {
    const text = readFileSync(join(repoRoot, doc), 'utf8');
    return [...text.matchAll(/```(ts|typescript)\n([\s\S]*?)```/g)].map((m, i) => ({
      ...snippet(`${doc}#${i + 1}`, '@dangan/packaging/node', m[2]!),
      file: doc,
      line: text.slice(0, m.index).split('\n').length + 1,
    }));
  },
);

let report: ExamplesReport;
beforeAll(() => {
  report = typecheckExamples({ entries, extra: [...selfTest, ...docSamples] });
});

const key = (p: { example: ApiExample }) => `${p.example.entry.specifier} ${p.example.symbol}`;
const show = (p: ExampleProblem) =>
  `${p.example.file}:${p.sourceLine} ${key(p)} (example line ${p.exampleLine}): ` +
  `TS${p.code} ${p.message}\n    | ${p.text}`;
const selfProblems = (symbol: string) =>
  report.problems.filter((p) => p.example.file === SELF_TEST && p.example.symbol === symbol);

describe('the example type-checker catches what it should', () => {
  it('accepts a correct example, free names, names from another entry and hoisted imports', () => {
    for (const symbol of ['good', 'free-names', 'other-entry', 'own-import', 'callback-of-free-name'])
      expect(selfProblems(symbol).map(show), symbol).toEqual([]);
    expect(report.freeNames.get('pdfBytes')).toBeGreaterThan(0);
    expect(report.sourceOf(selfTest[2]!)).toContain("import { fromFile } from '@dangan/core/node';");
  });

  it('reports wrong arguments, excess option names and missing result properties', () => {
    expect(selfProblems('wrong-argument').map((p) => p.code)).toEqual([2345]);
    expect(
      selfProblems('excess-option')
        .map((p) => p.message)
        .join(),
    ).toContain("'maxByte'");
    expect(selfProblems('wrong-result-property').map((p) => p.code)).toEqual([2339]);
    expect(selfProblems('callback-of-api').map((p) => p.code)).toEqual([2339]);
    expect(selfProblems('syntax').map((p) => p.code)).toContain(1127);
  });

  it('does not declare API names away', () => {
    expect(selfProblems('namespace-member').map((p) => p.message)).toEqual([
      expect.stringContaining('sm2.sign'),
    ]);
    expect(selfProblems('misspelt-api').map((p) => p.message)).toEqual([expect.stringContaining("'digest'")]);
  });

  it('skips examples fenced as another language', () => {
    expect(report.skipped.map((e) => e.symbol)).toContain('not-typescript');
    expect(report.problems.filter((p) => p.example.symbol === 'not-typescript')).toEqual([]);
  });
});

describe('the TypeScript samples of the README and the guides type-check', () => {
  it('finds them', () => {
    expect(docSamples.filter((e) => e.file === 'README.md').length).toBeGreaterThanOrEqual(2);
  });

  it.each(DOCS_WITH_SAMPLES.map((d) => [d]))('%s', (doc) => {
    expect(report.problems.filter((p) => p.example.file === doc).map(show)).toEqual([]);
  });
});

describe('every public example type-checks against the real API', () => {
  it('finds the examples of every public entry', () => {
    const real = report.examples.filter((e) => e.file !== SELF_TEST && !DOCS_WITH_SAMPLES.includes(e.file));
    expect(real.length).toBeGreaterThan(300);
    for (const entry of entries)
      expect(
        real.some((e) => e.entry.specifier === entry.specifier),
        entry.specifier,
      ).toBe(true);
  });

  it.each(entries.map((e) => [e.specifier]))('%s', (specifier) => {
    const problems = report.problems.filter(
      (p) =>
        p.example.file !== SELF_TEST &&
        !DOCS_WITH_SAMPLES.includes(p.example.file) &&
        p.example.entry.specifier === specifier,
    );
    expect(problems.filter((p) => !KNOWN_FAILING_EXAMPLES.has(key(p))).map(show)).toEqual([]);
  });

  it('the known-failing list holds only examples that still fail', () => {
    const failing = new Set(report.problems.map(key));
    expect([...KNOWN_FAILING_EXAMPLES.keys()].filter((k) => !failing.has(k))).toEqual([]);
  });
});
