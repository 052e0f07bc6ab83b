import { join } from 'node:path';
import ts from 'typescript';
import {
  type ApiExample,
  type EntryExports,
  entryExamples,
  entryExports,
  TYPESCRIPT_FENCES,
} from './api-examples.js';
import { type PublicEntry, publicEntries, repoRoot } from './public-entries.js';

/** One compiler diagnostic in one example, mapped back to the TSDoc comment it came from. */
export interface ExampleProblem {
  readonly example: ApiExample;
  /** 1-based line within the example (0 when the problem is in the generated imports). */
  readonly exampleLine: number;
  /** 1-based line in `example.file` (the TSDoc comment line). */
  readonly sourceLine: number;
  /** TypeScript diagnostic code, or 0 for a problem found by this harness (a namespace member or API typo). */
  readonly code: number;
  readonly message: string;
  /** The offending line of the example. */
  readonly text: string;
}

/** The outcome of type-checking every public example. */
export interface ExamplesReport {
  /** Every example block found, checked or not. */
  readonly examples: readonly ApiExample[];
  /** Blocks fenced with a non-TypeScript language (```sh, ```json …): not type-checked. */
  readonly skipped: readonly ApiExample[];
  readonly problems: readonly ExampleProblem[];
  /** Free names declared `any` (name → number of examples), e.g. `pdfBytes`, `sink`, `record`. */
  readonly freeNames: ReadonlyMap<string, number>;
  /** Third-party modules imported by examples but not installed in the workspace (typed as `any`). */
  readonly ambientModules: ReadonlySet<string>;
  /** The generated source of an example, for debugging. */
  readonly sourceOf: (example: ApiExample) => string;
}

/**
 * "Cannot find name" diagnostics: 2304 plain, 2552 with a spelling suggestion, 2580/2591 Node globals without
 * `@types/node`, 2582 test-runner globals, 18004 a shorthand property with no value in scope.
 */
const FREE_NAME_CODES: ReadonlySet<number> = new Set([2304, 2552, 2580, 2582, 2591, 18004]);
/** "Cannot find module" (2307) and "could not find a declaration file" (7016). */
const MISSING_MODULE_CODES: ReadonlySet<number> = new Set([2307, 7016]);

/** Compiler options of the repository (tsconfig.base.json), adapted to checking example snippets. */
export function exampleCompilerOptions(types: readonly string[]): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(join(repoRoot, 'tsconfig.base.json'), ts.sys.readFile);
  if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, repoRoot);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]!.messageText, '\n'));
  return {
    ...options,
    types: [...types],
    noEmit: true,
    declaration: false,
    // Snippets import types and values alike in one `import { … }`: per-file transpilation rules do not apply.
    verbatimModuleSyntax: false,
    isolatedModules: false,
    skipLibCheck: true,
  };
}

interface Plan {
  readonly example: ApiExample;
  readonly fileName: string;
  /** The example with its own `import` statements blanked out (line numbers kept). */
  readonly body: string;
  /** The example's own `import` statements, hoisted to the top of the generated module. */
  readonly hoisted: readonly string[];
  /** specifier → names imported from it. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  readonly declares: Map<string, 'value' | 'type'>;
  /** Problems the harness itself found (a namespace member used bare, a misspelt API name). */
  readonly own: ExampleProblem[];
  /** Number of lines before the example's first line. */
  headerLines: number;
  text: string;
}

function render(plan: Plan): void {
  const { example } = plan;
  const header = [`// ${example.entry.specifier} › ${example.symbol} — ${example.file}:${example.line}`];
  for (const [specifier, names] of plan.imports)
    header.push(`import { ${names.join(', ')} } from '${specifier}';`);
  header.push(...plan.hoisted.map((s) => s.replace(/\s*\n\s*/g, ' ')));
  for (const [name, kind] of [...plan.declares].sort()) {
    header.push(kind === 'type' ? `type ${name} = any;` : `declare const ${name}: any;`);
  }
  header.push('export async function __example() {');
  plan.headerLines = header.length;
  plan.text = `${header.join('\n')}\n${plan.body}\n}\n`;
}

function identifiersOf(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function plan(example: ApiExample, index: number, exportsByEntry: readonly EntryExports[]): Plan {
  const parsed = ts.createSourceFile('example.ts', example.code, ts.ScriptTarget.ES2022, true);
  let body = example.code;
  const hoisted: string[] = [];
  const bound = new Set<string>();
  for (const statement of parsed.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const text = statement.getText(parsed);
    hoisted.push(text);
    const start = statement.getStart(parsed);
    body = body.slice(0, start) + text.replace(/[^\n]/g, ' ') + body.slice(statement.end);
    const clause = statement.importClause;
    if (clause?.name !== undefined) bound.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings !== undefined && ts.isNamespaceImport(bindings)) bound.add(bindings.name.text);
    if (bindings !== undefined && ts.isNamedImports(bindings))
      for (const element of bindings.elements) bound.add(element.name.text);
  }
  // The example's own entry first, then the other entries of its package, then every other package.
  const order = [...exportsByEntry].sort(
    (a, b) =>
      Number(b.entry.specifier === example.entry.specifier) -
        Number(a.entry.specifier === example.entry.specifier) ||
      Number(b.entry.pkg === example.entry.pkg) - Number(a.entry.pkg === example.entry.pkg),
  );
  const imports = new Map<string, string[]>();
  const taken = new Set(bound);
  const own = order[0]!;
  imports.set(
    own.entry.specifier,
    [...own.names].filter((n) => !taken.has(n)),
  );
  for (const n of own.names) taken.add(n);
  for (const name of identifiersOf(parsed)) {
    if (taken.has(name)) continue;
    const from = order.find((e) => e.names.has(name));
    if (from === undefined) continue;
    taken.add(name);
    const list = imports.get(from.entry.specifier) ?? [];
    list.push(name);
    imports.set(from.entry.specifier, list);
  }
  for (const [specifier, names] of imports) if (names.length === 0) imports.delete(specifier);
  const fileName = join(repoRoot, 'packages', example.entry.pkg, '__examples__', `example-${index}.ts`);
  const result: Plan = {
    example,
    fileName,
    body,
    hoisted,
    imports,
    declares: new Map(),
    own: [],
    headerLines: 0,
    text: '',
  };
  render(result);
  return result;
}

function identifierAt(source: ts.SourceFile, position: number): ts.Identifier | undefined {
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.pos || position >= node.end) return;
    if (ts.isIdentifier(node) && node.getStart(source) === position) found = node;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypePosition(node: ts.Identifier): boolean {
  return ts.isTypeReferenceNode(node.parent) && node.parent.typeName === node;
}

function problemAt(
  plan: Plan,
  source: ts.SourceFile | undefined,
  start: number | undefined,
  code: number,
  message: string,
): ExampleProblem {
  const line =
    source !== undefined && start !== undefined ? source.getLineAndCharacterOfPosition(start).line : 0;
  const exampleLine = Math.max(0, line - plan.headerLines + 1);
  const lines = plan.example.code.split('\n');
  const text = exampleLine > 0 ? (lines[exampleLine - 1] ?? '') : (plan.text.split('\n')[line] ?? '');
  return {
    example: plan.example,
    exampleLine,
    sourceLine: plan.example.line + Math.max(0, exampleLine - 1),
    code,
    message,
    text: text.trim(),
  };
}

/** TypeScript's spelling distance: insert or delete 1, substitute 2, or 0.1 when only the case differs. */
function spellingDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const substitute = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.1 : 2;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + substitute);
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The candidate a name is probably a misspelling of, by TypeScript's own rule (its checker stops suggesting
 * after ten suggestions per program, so its "Did you mean" cannot be relied on here).
 */
export function spellingSuggestion(name: string, candidates: Iterable<string>): string | undefined {
  const maxLengthDifference = Math.max(2, Math.floor(name.length * 0.34));
  let best: string | undefined;
  let bestDistance = Math.floor(name.length * 0.4) + 1;
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) > maxLengthDifference) continue;
    if (candidate.length < 3 && candidate.toLowerCase() !== name.toLowerCase()) continue;
    const distance = spellingDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `x` in `x(…)`, `new x(…)` or a tagged template: a free name used as a function. */
function isCallee(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) ||
    (ts.isTaggedTemplateExpression(parent) && parent.tag === node)
  );
}

/** "Parameter implicitly has an 'any' type" (7006), for a binding pattern (7031), for a rest parameter (7019). */
const IMPLICIT_ANY_PARAMETER_CODES: ReadonlySet<number> = new Set([7006, 7019, 7031]);

/**
 * True for an implicit-`any` parameter of a callback passed to something typed `any` — a free name the example
 * leaves to the reader (`db.current(…).then((n) => n + 1)`): with the reader's real type it would be inferred.
 */
function isCallbackOfAny(program: ts.Program, source: ts.SourceFile, d: ts.Diagnostic): boolean {
  if (!IMPLICIT_ANY_PARAMETER_CODES.has(d.code) || d.start === undefined) return false;
  let node: ts.Node | undefined = identifierAt(source, d.start);
  while (node !== undefined && !ts.isFunctionLike(node)) node = node.parent;
  const call = node?.parent;
  if (call === undefined || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return false;
  const callee = program.getTypeChecker().getTypeAtLocation(call.expression);
  return (callee.flags & ts.TypeFlags.Any) !== 0;
}

interface VirtualHost {
  readonly files: Map<string, string>;
  host(options: ts.CompilerOptions): ts.CompilerHost;
}

/** A compiler host serving generated files from memory, and caching every file it parses from disk. */
function virtualHost(): VirtualHost {
  const files = new Map<string, string>();
  const diskCache = new Map<string, ts.SourceFile>();
  const memoryCache = new Map<string, ts.SourceFile>();
  const packagesFolder = join(repoRoot, 'packages');
  return {
    files,
    host(options) {
      const host = ts.createCompilerHost(options, true);
      const realGetSourceFile = host.getSourceFile.bind(host);
      const realFileExists = host.fileExists.bind(host);
      const realReadFile = host.readFile.bind(host);
      host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
        const text = files.get(fileName);
        if (text !== undefined) {
          const cached = memoryCache.get(fileName);
          if (cached !== undefined && cached.text === text) return cached;
          const created = ts.createSourceFile(fileName, text, languageVersion, true);
          memoryCache.set(fileName, created);
          return created;
        }
        const cached = diskCache.get(fileName);
        if (cached !== undefined) return cached;
        const created = realGetSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (created !== undefined) diskCache.set(fileName, created);
        return created;
      };
      host.fileExists = (fileName) => files.has(fileName) || realFileExists(fileName);
      host.readFile = (fileName) => files.get(fileName) ?? realReadFile(fileName);
      const cache = ts.createModuleResolutionCache(
        host.getCurrentDirectory(),
        host.getCanonicalFileName,
        options,
      );
      // A snippet in @dangan/core may show a @dangan/metadata function: resolve `@dangan/*` from any package
      // folder that has it (as a user with every package installed would), everything else from the entry's own.
      const fallbacks = ts.sys
        .readDirectory(packagesFolder, ['.json'], undefined, ['*/package.json'], 2)
        .map((manifest) => join(manifest, '..', '__examples__', 'resolve.ts'));
      host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) =>
        literals.map((literal) => {
          const name = literal.text;
          const first = ts.resolveModuleName(name, containingFile, compilerOptions, host, cache, redirected);
          if (
            first.resolvedModule !== undefined ||
            !files.has(containingFile) ||
            !name.startsWith('@dangan/')
          )
            return first;
          for (const from of fallbacks) {
            const next = ts.resolveModuleName(name, from, compilerOptions, host, cache, redirected);
            if (next.resolvedModule !== undefined) return next;
          }
          return first;
        });
      return host;
    },
  };
}

interface CheckContext {
  readonly exportsByEntry: readonly EntryExports[];
  readonly allNames: ReadonlyMap<string, string>;
  readonly namespaceMembers: ReadonlyMap<string, string>;
  /** Exported values (and namespace members), and exported types, for spelling suggestions. */
  readonly apiValueNames: ReadonlySet<string>;
  readonly apiTypeNames: ReadonlySet<string>;
  readonly ambientFile: string;
  readonly ambientModules: Set<string>;
  readonly vhost: VirtualHost;
}

function renderAmbient(context: CheckContext): void {
  context.vhost.files.set(
    context.ambientFile,
    [...context.ambientModules]
      .sort()
      .map((m) => `declare module '${m}';`)
      .join('\n') || 'export {};',
  );
}

/** Type-checks one group of examples (sharing `types`) in one program, re-checking only the changed files. */
function checkGroup(plans: Plan[], types: readonly string[], context: CheckContext): ExampleProblem[] {
  if (plans.length === 0) return [];
  const options = exampleCompilerOptions(types);
  const host = context.vhost.host(options);
  for (const p of plans) context.vhost.files.set(p.fileName, p.text);
  const final = new Map<Plan, { program: ts.Program; diagnostics: readonly ts.Diagnostic[] }>();
  let pending = plans;
  let previous: ts.Program | undefined;
  for (let pass = 0; pending.length > 0 && pass < 4; pass++) {
    const program = ts.createProgram({
      rootNames: [context.ambientFile, ...pending.map((p) => p.fileName)],
      options,
      host,
      ...(previous === undefined ? {} : { oldProgram: previous }),
    });
    previous = program;
    const again: Plan[] = [];
    let ambientChanged = false;
    for (const p of pending) {
      const source = program.getSourceFile(p.fileName)!;
      const diagnostics = [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ];
      let changed = false;
      for (const d of diagnostics) {
        if (MISSING_MODULE_CODES.has(d.code) && d.start !== undefined) {
          const specifier = /['"]([^'"]+)['"]/.exec(
            ts.flattenDiagnosticMessageText(d.messageText, '\n'),
          )?.[1];
          if (specifier !== undefined && !specifier.startsWith('@dangan/') && !specifier.startsWith('.')) {
            if (!context.ambientModules.has(specifier)) ambientChanged = true;
            context.ambientModules.add(specifier);
            changed = true;
          }
          continue;
        }
        if (!FREE_NAME_CODES.has(d.code) || d.start === undefined) continue;
        const node = identifierAt(source, d.start);
        if (node === undefined || p.declares.has(node.text)) continue;
        const name = node.text;
        // Only a name called like a function, or used as a type, is held against the API's names: a free value
        // (`publicKey`, `scheme`) may well resemble one (`getPublicKey`, `schemes`).
        const typePosition = isTypePosition(node);
        const suggestion = typePosition
          ? spellingSuggestion(name, context.apiTypeNames)
          : isCallee(node)
            ? spellingSuggestion(name, context.apiValueNames)
            : undefined;
        const member = context.namespaceMembers.get(name);
        if (context.allNames.has(name)) continue; // a real error (e.g. a type used as a value): reported below
        if (member !== undefined) {
          p.own.push(
            problemAt(
              p,
              source,
              d.start,
              0,
              `'${name}' is not a top-level export: write ${member} (${context.allNames.get(member.split('.')[0]!) ?? 'public entry'})`,
            ),
          );
          p.declares.set(name, 'value');
        } else if (suggestion !== undefined) {
          p.own.push(
            problemAt(
              p,
              source,
              d.start,
              d.code,
              `Cannot find name '${name}'. Did you mean the API name '${suggestion}'?`,
            ),
          );
          p.declares.set(name, 'value');
        } else {
          p.declares.set(name, typePosition ? 'type' : 'value');
        }
        changed = true;
      }
      if (changed) {
        render(p);
        context.vhost.files.set(p.fileName, p.text);
        again.push(p);
      } else final.set(p, { program, diagnostics });
    }
    if (ambientChanged) renderAmbient(context);
    pending = again;
  }
  const problems: ExampleProblem[] = [];
  for (const p of plans) {
    problems.push(...p.own);
    const checked = final.get(p);
    if (checked === undefined) continue;
    const source = checked.program.getSourceFile(p.fileName)!;
    for (const d of checked.diagnostics) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      if (isCallbackOfAny(checked.program, source, d)) continue;
      problems.push(
        problemAt(p, source, d.start, d.code, ts.flattenDiagnosticMessageText(d.messageText, ' ')),
      );
    }
  }
  return problems;
}

/** Options of {@link typecheckExamples}. */
export interface TypecheckExamplesOptions {
  /** The entries whose examples are checked (default: every public entry). */
  readonly entries?: readonly PublicEntry[];
  /** More snippets to check in the same programs, e.g. the harness's own self-test cases. */
  readonly extra?: readonly ApiExample[];
}

/**
 * Type-checks the `@example` code of every symbol of every public entry against the real package API.
 *
 * Each example becomes the body of `async function __example() {}` in a generated module placed in its package,
 * which imports every export of the example's entry and, from the other public entries, the names it uses.
 * Names the example uses but nobody exports (`pdfBytes`, `sink`, `record`) are declared `any` after a first
 * pass; a name that is a member of an exported namespace (`sign` instead of `sm2.sign`) or that TypeScript
 * suggests is a misspelt API name is reported instead. Runtime-neutral entries are checked without
 * `@types/node`, Node entries with it.
 */
export function typecheckExamples(options: TypecheckExamplesOptions = {}): ExamplesReport {
  const entries = options.entries ?? publicEntries();
  const vhost = virtualHost();
  const apiOptions = exampleCompilerOptions(['node']);
  const apiProgram = ts.createProgram({
    rootNames: entries.map((e) => e.file),
    options: apiOptions,
    host: vhost.host(apiOptions),
  });
  const exportsByEntry = entries.map((entry) => entryExports(apiProgram, entry));
  const allNames = new Map<string, string>();
  const namespaceMembers = new Map<string, string>();
  for (const e of exportsByEntry) {
    for (const n of e.names) if (!allNames.has(n)) allNames.set(n, e.entry.specifier);
    for (const [n, q] of e.namespaceMembers) if (!namespaceMembers.has(n)) namespaceMembers.set(n, q);
  }
  const examples = [
    ...entries.flatMap((entry) => entryExamples(apiProgram, entry)),
    ...(options.extra ?? []),
  ];
  const skipped = examples.filter((e) => !TYPESCRIPT_FENCES.has(e.lang));
  const plans = examples
    .filter((e) => TYPESCRIPT_FENCES.has(e.lang))
    .map((example, i) => plan(example, i, exportsByEntry));
  const context: CheckContext = {
    exportsByEntry,
    allNames,
    namespaceMembers,
    apiValueNames: new Set([...exportsByEntry.flatMap((e) => [...e.valueNames]), ...namespaceMembers.keys()]),
    apiTypeNames: new Set(exportsByEntry.flatMap((e) => [...e.typeNames])),
    ambientFile: join(repoRoot, 'packages', '__examples__', 'third-party-modules.d.ts'),
    ambientModules: new Set(),
    vhost,
  };
  renderAmbient(context);
  const problems = [
    ...checkGroup(
      plans.filter((p) => !p.example.entry.node),
      [],
      context,
    ),
    ...checkGroup(
      plans.filter((p) => p.example.entry.node),
      ['node'],
      context,
    ),
  ];
  const freeNames = new Map<string, number>();
  for (const p of plans) for (const n of p.declares.keys()) freeNames.set(n, (freeNames.get(n) ?? 0) + 1);
  const byExample = new Map(plans.map((p) => [p.example, p]));
  return {
    examples,
    skipped,
    problems,
    freeNames,
    ambientModules: context.ambientModules,
    sourceOf: (example) => byExample.get(example)?.text ?? '',
  };
}
