import { relative } from 'node:path';
import ts from 'typescript';
import { type PublicEntry, repoRoot } from './public-entries.js';

/** One `@example` code block of a public symbol. */
export interface ApiExample {
  readonly entry: PublicEntry;
  /** The name users reach it by, e.g. `digest`, `sm2.sign`, `XmlWriter.end`. */
  readonly symbol: string;
  /** Source file of the TSDoc comment, relative to the repository root. */
  readonly file: string;
  /** 1-based line in `file` of the first line of `code`. */
  readonly line: number;
  /** The code, `*` prefixes and any fence removed; line `i` of it is line `line + i` of `file`. */
  readonly code: string;
  /** The fence language (`ts`, `json`, `sh` …), or `''` when the example is not fenced (then it is TypeScript). */
  readonly lang: string;
}

/** Fence languages (and the unfenced default) that are type-checked; any other fence marks a non-TypeScript example. */
export const TYPESCRIPT_FENCES: ReadonlySet<string> = new Set([
  '',
  'ts',
  'typescript',
  'mts',
  'js',
  'javascript',
  'mjs',
]);

/** Names a public entry exports, and the members of the namespaces it exports (`sm2.sign` → `sign`). */
export interface EntryExports {
  readonly entry: PublicEntry;
  /** Top-level export names (values and types). */
  readonly names: ReadonlySet<string>;
  /** The names among them that are values (functions, classes, constants, namespaces). */
  readonly valueNames: ReadonlySet<string>;
  /** The names among them that are types (interfaces, type aliases, classes). */
  readonly typeNames: ReadonlySet<string>;
  /** Member name → qualified name, for the members of exported namespaces (`sign` → `sm2.sign`). */
  readonly namespaceMembers: ReadonlyMap<string, string>;
}

function isNamespaceLike(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol | undefined {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return target.declarations?.some(
    (d) => ts.isSourceFile(d) || ts.isModuleDeclaration(d) || ts.isNamespaceExport(d),
  )
    ? target
    : undefined;
}

/** The export names of an entry, read with the program's checker. */
export function entryExports(program: ts.Program, entry: PublicEntry): EntryExports {
  const checker = program.getTypeChecker();
  const moduleSymbol = moduleSymbolOf(program, entry);
  const names = new Set<string>();
  const valueNames = new Set<string>();
  const typeNames = new Set<string>();
  const namespaceMembers = new Map<string, string>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    names.add(symbol.name);
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (target.flags & ts.SymbolFlags.Value) valueNames.add(symbol.name);
    if (target.flags & ts.SymbolFlags.Type) typeNames.add(symbol.name);
    const namespace = isNamespaceLike(checker, symbol);
    if (namespace === undefined) continue;
    for (const member of checker.getExportsOfModule(namespace))
      namespaceMembers.set(member.name, `${symbol.name}.${member.name}`);
  }
  return { entry, names, valueNames, typeNames, namespaceMembers };
}

function moduleSymbolOf(program: ts.Program, entry: PublicEntry): ts.Symbol {
  const source = program.getSourceFile(entry.file);
  const symbol = source && program.getTypeChecker().getSymbolAtLocation(source);
  if (symbol === undefined) throw new Error(`cannot read the public entry ${entry.relativeFile}`);
  return symbol;
}

const isPrivate = (declaration: ts.Declaration): boolean =>
  (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !==
    0 ||
  (ts.isClassElement(declaration) &&
    declaration.name !== undefined &&
    ts.isPrivateIdentifier(declaration.name));

const isInternal = (declaration: ts.Declaration): boolean =>
  ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'internal');

/**
 * Splits one `@example` tag into its code blocks. TSDoc `@example` content is either fenced (```ts … ```, with
 * prose around the fences) or, unfenced, entirely code (TypeDoc renders it as a TypeScript block).
 */
export function exampleBlocks(tag: ts.JSDocTag): { line: number; code: string; lang: string }[] {
  const source = tag.getSourceFile();
  const start = tag.tagName.end;
  let raw = source.text.slice(start, tag.end);
  const close = raw.lastIndexOf('*/');
  if (close >= 0 && raw.slice(close + 2).trim() === '') raw = raw.slice(0, close);
  const firstLine = source.getLineAndCharacterOfPosition(start).line + 1;
  const lines = raw
    .split('\n')
    .map((text, i) => (i === 0 ? text : text.replace(/^\s*\*(?: |(?=\s*$))/, '')).replace(/\r$/, ''));
  const blocks: { line: number; code: string; lang: string }[] = [];
  const fenced = lines.some((l) => /^\s*```/.test(l));
  if (fenced) {
    let open: { lang: string; from: number } | undefined;
    lines.forEach((text, i) => {
      const fence = /^\s*```\s*([\w-]*)/.exec(text);
      if (fence === null) return;
      if (open === undefined) open = { lang: (fence[1] ?? '').toLowerCase(), from: i + 1 };
      else {
        blocks.push({
          line: firstLine + open.from,
          code: lines.slice(open.from, i).join('\n'),
          lang: open.lang,
        });
        open = undefined;
      }
    });
    return blocks;
  }
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from]!.trim() === '') from++;
  while (to > from && lines[to - 1]!.trim() === '') to--;
  if (from < to) blocks.push({ line: firstLine + from, code: lines.slice(from, to).join('\n'), lang: '' });
  return blocks;
}

function examplesOf(declaration: ts.Declaration): ts.JSDocTag[] {
  return ts.getJSDocTags(declaration).filter((tag) => tag.tagName.text === 'example');
}

/**
 * Every `@example` block of every symbol an entry exports: top-level exports, the members of exported
 * namespaces (`sm2.sign`), and the public members of exported classes and interfaces (`XmlWriter.end`).
 */
export function entryExamples(program: ts.Program, entry: PublicEntry): ApiExample[] {
  const checker = program.getTypeChecker();
  const out: ApiExample[] = [];
  const seen = new Set<ts.JSDocTag>();
  const collect = (name: string, declarations: readonly ts.Declaration[] | undefined) => {
    for (const declaration of declarations ?? []) {
      if (isPrivate(declaration) || isInternal(declaration)) continue;
      for (const tag of examplesOf(declaration)) {
        if (seen.has(tag)) continue;
        seen.add(tag);
        const file = relative(repoRoot, declaration.getSourceFile().fileName).split('\\').join('/');
        for (const block of exampleBlocks(tag)) out.push({ entry, symbol: name, file, ...block });
      }
    }
  };
  const visit = (symbol: ts.Symbol, prefix: string) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const name = prefix + symbol.name;
    const namespace = isNamespaceLike(checker, symbol);
    if (namespace !== undefined) {
      for (const member of checker.getExportsOfModule(namespace)) visit(member, `${name}.`);
      return;
    }
    collect(name, target.declarations);
    if (target.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) {
      const members = [...(target.members?.values() ?? []), ...(target.exports?.values() ?? [])];
      for (const member of members) {
        if (member.name === 'prototype') continue;
        collect(
          member.name === '__constructor' ? `new ${name}` : `${name}.${member.name}`,
          member.declarations,
        );
      }
    }
  };
  for (const symbol of checker.getExportsOfModule(moduleSymbolOf(program, entry))) visit(symbol, '');
  return out;
}
