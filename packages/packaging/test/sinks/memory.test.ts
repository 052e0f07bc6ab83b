import { DanganError, readAll, utf8 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { type MemoryPackageWritten, memorySink, memorySource } from '../../src/sinks/index.js';
import { describePackageSinkConformance } from './conformance.js';

describePackageSinkConformance('memorySink', () => {
  const sink = memorySink();
  let committed: MemoryPackageWritten | undefined;
  let aborted = false;
  return {
    sink: {
      write: (path, source, options) => sink.write(path, source, options),
      commit: async () => {
        committed = await sink.commit();
        return committed;
      },
      abort: async (reason) => {
        await sink.abort(reason);
        aborted = true;
      },
    },
    open: async (written) => (written as MemoryPackageWritten).source,
    // After an abort nothing may remain reachable: the sink holds no committed result.
    leftovers: async () => (aborted && committed === undefined ? [] : ['(sink still open)']),
  };
});

describe('memorySink', () => {
  it('copies written bytes, so the caller may reuse its buffer', async () => {
    const sink = memorySink();
    const buffer = utf8('原文');
    await sink.write('a.txt', buffer);
    buffer.fill(0);
    const { files, source } = await sink.commit();
    expect(files.get('a.txt')).toEqual(utf8('原文'));
    expect(await readAll(source.read('a.txt'), { maxBytes: 100 })).toEqual(utf8('原文'));
  });

  it('rejects a non-ByteSource with TypeError and stays usable', async () => {
    const sink = memorySink();
    await expect(sink.write('a.txt', 'text' as unknown as Uint8Array)).rejects.toThrow(TypeError);
    await sink.write('a.txt', utf8('a'));
    expect((await sink.commit()).totalBytes).toBe(1);
  });

  it('lists entries in write order with sizes', async () => {
    const sink = memorySink();
    await sink.write('z.txt', utf8('zz'));
    await sink.write('a.txt', utf8('a'));
    const { source } = await sink.commit();
    expect(await source.list()).toEqual([
      { path: 'z.txt', size: 2 },
      { path: 'a.txt', size: 1 },
    ]);
  });
});

describe('memorySource', () => {
  it('builds a source from a record or from pairs', async () => {
    const fromRecord = memorySource({ 'b/件.xml': utf8('<件/>'), 'a.txt': utf8('a') });
    expect((await fromRecord.list()).map((e) => e.path)).toEqual(['b/件.xml', 'a.txt']);
    const fromPairs = memorySource([['x.bin', new Uint8Array([1, 2, 3])]]);
    expect(await fromPairs.list()).toEqual([{ path: 'x.bin', size: 3 }]);
    expect(await readAll(fromPairs.read('x.bin'), { maxBytes: 3 })).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses unsafe and colliding paths', () => {
    expect(() => memorySource({ '../x': utf8('x') })).toThrowError(DanganError);
    expect(() =>
      memorySource([
        ['A.txt', utf8('1')],
        ['a.txt', utf8('2')],
      ]),
    ).toThrow(expect.objectContaining({ code: 'PACKAGE_PATH_DUPLICATE' }));
  });

  it('throws PACKAGE_ENTRY_NOT_FOUND for a missing entry', () => {
    expect(() => memorySource({}).read('none.txt')).toThrow(
      expect.objectContaining({ code: 'PACKAGE_ENTRY_NOT_FOUND' }),
    );
  });
});
