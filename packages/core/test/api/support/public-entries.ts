import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root (five levels above this folder). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');

/** One public entry point: a subpath a workspace package exports. */
export interface PublicEntry {
  /** Package folder name under `packages/`, e.g. `core`. */
  readonly pkg: string;
  /** The module specifier users import, e.g. `@dangan/core/node`. */
  readonly specifier: string;
  /** Absolute path of the `@dangan/source` target, e.g. `/…/packages/core/src/node.ts`. */
  readonly file: string;
  /** The same path relative to the repository root, with `/` separators. */
  readonly relativeFile: string;
  /**
   * True when the entry may use Node built-ins: a `./node` subpath, a `src/node.ts` / `src/node/**` target, or a
   * package whose own tsconfig.json type-checks its sources with `types: ["node"]` (the CLI).
   */
  readonly node: boolean;
}

function packageUsesNodeTypes(folder: string): boolean {
  const tsconfig = join(folder, 'tsconfig.json');
  if (!existsSync(tsconfig)) return false;
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const types: unknown = config?.compilerOptions?.types;
  return Array.isArray(types) && types.includes('node');
}

/**
 * Every public entry of every workspace package, read from the `exports` map of each `packages/*\/package.json`:
 * the subpaths whose conditions name a `@dangan/source` target (the TypeScript source the entry is built from).
 */
export function publicEntries(root: string = repoRoot): PublicEntry[] {
  const out: PublicEntry[] = [];
  for (const pkg of readdirSync(join(root, 'packages')).sort()) {
    const folder = join(root, 'packages', pkg);
    const manifestPath = join(folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      name: string;
      exports?: Record<string, unknown>;
    };
    const nodePackage = packageUsesNodeTypes(folder);
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target !== 'object' || target === null) continue;
      const source = (target as Record<string, unknown>)['@dangan/source'];
      if (typeof source !== 'string') continue;
      const file = join(folder, source);
      const relativeFile = relative(root, file).split('\\').join('/');
      out.push({
        pkg,
        specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`,
        file,
        relativeFile,
        node: nodePackage || subpath === './node' || /\/src\/node(\.ts$|\/)/.test(relativeFile),
      });
    }
  }
  return out;
}
