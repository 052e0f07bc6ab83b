import { describe, expect, it } from 'vitest';
import { isPackageSource } from '../../src/sinks/index.js';
import { memorySource } from '../../src/sinks/memory.js';

describe('isPackageSource', () => {
  it('accepts a package source and anything with its four functions', () => {
    expect(isPackageSource(memorySource({ 'a.txt': new Uint8Array([1]) }))).toBe(true);
    const fn = async () => undefined;
    expect(isPackageSource({ list: fn, read: fn, has: fn, close: fn })).toBe(true);
  });

  it('refuses ZIP inputs and look-alikes missing a function', () => {
    const fn = async () => undefined;
    for (const value of [
      new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
      new Blob([new Uint8Array([1])]),
      { size: 4, read: fn },
      { list: fn, read: fn, has: fn },
      { list: fn, read: fn, has: fn, close: 'no' },
      null,
      undefined,
      'package.zip',
      fn,
    ]) {
      expect(isPackageSource(value)).toBe(false);
    }
  });
});
