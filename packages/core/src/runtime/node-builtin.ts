/**
 * A Node built-in module reached at run time through `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno),
 * never imported, so default entries stay free of Node built-ins; `undefined` in browsers or when it is missing.
 *
 * @example
 * const os = nodeBuiltin<{ availableParallelism(): number }>('node:os');
 */
export function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  try {
    return (proc.getBuiltinModule(id) as T | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The number of CPU cores this runtime may use (处理器核数): `navigator.hardwareConcurrency` (browsers,
 * Node ≥ 21), else `os.availableParallelism()` (Node 20, reached at run time), else 2. The default
 * concurrency of work that runs many packages at once.
 *
 * @example
 * hardwareConcurrency(); // 8 on an 8-core browser or Node host
 */
export function hardwareConcurrency(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n;
  const cores = nodeBuiltin<{ availableParallelism?: () => number }>('node:os')?.availableParallelism?.();
  return typeof cores === 'number' && Number.isSafeInteger(cores) && cores > 0 ? cores : 2;
}
