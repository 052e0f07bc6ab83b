import { availableParallelism } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { hardwareConcurrency } from '../../src/index.js';
import { nodeBuiltin } from '../../src/runtime/node-builtin.js';

describe('runtime access to Node built-ins', () => {
  it('reaches node:os without importing it, and gives undefined for what does not exist', () => {
    expect(nodeBuiltin<{ availableParallelism(): number }>('node:os')?.availableParallelism()).toBe(
      availableParallelism(),
    );
    expect(nodeBuiltin('node:no-such-module')).toBeUndefined();
  });

  it('hardwareConcurrency is the core count on Node 20, navigator where present, else 2', () => {
    expect(hardwareConcurrency()).toBe(availableParallelism());
    vi.stubGlobal('navigator', { hardwareConcurrency: 12 });
    try {
      expect(hardwareConcurrency()).toBe(12);
    } finally {
      vi.unstubAllGlobals();
    }
    const proc = globalThis.process;
    vi.stubGlobal('process', { ...proc, getBuiltinModule: undefined });
    try {
      expect(hardwareConcurrency()).toBe(globalThis.navigator?.hardwareConcurrency ?? 2);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
