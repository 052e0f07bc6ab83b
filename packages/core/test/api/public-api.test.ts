import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@dangan/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

describe('the public contract of @dangan/core (issue 2)', () => {
  it('exports the names other packages and users rely on', () => {
    for (const name of [
      'sm3',
      'digest',
      'digests',
      'identifyFormat',
      'DanganError',
      'appendAuditEvent',
      'verifyAuditChain',
    ]) {
      expect(typeof (core as Record<string, unknown>)[name], name).toBe('function');
    }
    for (const name of [
      'generateKeyPair',
      'getPublicKey',
      'sign',
      'verify',
      'privateKeyToPem',
      'privateKeyFromPem',
      'publicKeyToPem',
      'publicKeyFromPem',
      'publicKeyFromCertificate',
    ]) {
      expect(typeof (core.sm2 as Record<string, unknown>)[name], `sm2.${name}`).toBe('function');
    }
    const { privateKey, publicKey } = core.sm2.generateKeyPair();
    expect([privateKey.length, publicKey.length, publicKey[0]]).toEqual([32, 65, 4]);
  });
});

/** Every value a package entry exports, with the declaration that documents it. */
function publicValues(entry: string): { name: string; declaration: ts.Declaration }[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    customConditions: ['@dangan/source'],
    types: ['node'],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`cannot read ${entry}`);
  const out: { name: string; declaration: ts.Declaration }[] = [];
  const visit = (symbol: ts.Symbol, prefix: string) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    if (declaration === undefined) return;
    if (
      ts.isSourceFile(declaration) ||
      ts.isModuleDeclaration(declaration) ||
      ts.isNamespaceExport(declaration)
    ) {
      for (const member of checker.getExportsOfModule(target)) visit(member, `${prefix}${symbol.name}.`);
      return;
    }
    if (target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))
      out.push({ name: prefix + symbol.name, declaration });
  };
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) visit(symbol, '');
  return out;
}

// Every public entry: the `@dangan/source` target of each subpath a package exports.
const entries = readdirSync(join(root, 'packages')).flatMap((pkg) => {
  const manifest = join(root, 'packages', pkg, 'package.json');
  if (!ts.sys.fileExists(manifest)) return [];
  const text = ts.sys.readFile(manifest) ?? '';
  return [...new Set([...text.matchAll(/"@dangan\/source": "\.\/([^"]+)"/g)].map((m) => m[1]!))]
    .map((file) => join(root, 'packages', pkg, file))
    .filter((f) => ts.sys.fileExists(f));
});

describe('house style: every public function and class has TSDoc with an @example', () => {
  it.each(entries.map((e) => [e.slice(root.length + 1), e]))('%s', (_label, entry) => {
    const values = publicValues(entry);
    // Data-only entries (metadata, packaging, checks so far) export no functions; core exports many.
    if (entry.endsWith(join('core', 'src', 'index.ts'))) expect(values.length).toBeGreaterThan(50);
    const undocumented = values
      .filter(
        ({ declaration }) => !ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example'),
      )
      .map(
        ({ name, declaration }) => `${name} (${declaration.getSourceFile().fileName.slice(root.length + 1)})`,
      );
    expect(undocumented).toEqual([]);
  });
});
