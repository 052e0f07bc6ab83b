/**
 * The conformance suite every {@link PackageSink} implementation runs (modelled on unstorage's driver tests):
 * call {@link describePackageSinkConformance} from the implementation's test file with a factory.
 */
import { type ByteSource, DanganError, digest, readAll, utf8 } from '@dangan/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackageSink, PackageSource, PackageWritten } from '../../src/sinks/index.js';

/** One fresh sink plus the means to inspect what it produced. */
export interface SinkHarness {
  readonly sink: PackageSink;
  /** Opens the committed package for reading. */
  open(written: PackageWritten): Promise<PackageSource>;
  /** Whatever the sink left behind in its storage (files, folders, buffers); empty after an abort. */
  leftovers(): Promise<readonly string[]>;
  /** Removes test storage. */
  cleanup?(): Promise<void>;
}

const FIVE_MIB = 5 * 1024 * 1024;

/** Deterministic pseudo-random bytes (xorshift), so a large entry is not all zeros. */
export function patternBytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A ReadableStream of `bytes` in `chunk`-sized pieces, pulled lazily. */
export function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** A source that yields `good` bytes, then fails like a broken disk. */
export function failingSource(good: number): ByteSource {
  return (async function* () {
    yield patternBytes(good, 7);
    throw new Error('磁盘读取错误 (simulated)');
  })();
}

async function rejectCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(DanganError);
    return (e as DanganError).code as string;
  }
  throw new Error('expected a rejection');
}

/**
 * Registers the shared package-sink conformance tests for one implementation.
 *
 * @example
 * describePackageSinkConformance('memorySink', () => memoryHarness());
 */
export function describePackageSinkConformance(
  name: string,
  factory: () => SinkHarness | Promise<SinkHarness>,
): void {
  describe(`PackageSink conformance: ${name}`, () => {
    const harnesses: SinkHarness[] = [];
    const make = async (): Promise<SinkHarness> => {
      const harness = await factory();
      harnesses.push(harness);
      return harness;
    };
    afterEach(async () => {
      for (const h of harnesses.splice(0)) await h.cleanup?.();
    });

    it('round-trips entries with Chinese names, nested folders, an empty file and a 5 MiB stream', async () => {
      const { sink, open } = await make();
      const big = patternBytes(FIVE_MIB, 3);
      const files: [string, Uint8Array, ByteSource][] = [
        ['说明.txt', utf8('归档信息包说明'), utf8('归档信息包说明')],
        ['元数据/文件实体/0001-正文.xml', utf8('<件>你好</件>'), () => utf8('<件>你好</件>')],
        ['空文件.dat', new Uint8Array(0), new Uint8Array(0)],
        ['content/a/b/c/deep.bin', patternBytes(1000, 9), new Blob([patternBytes(1000, 9)])],
        ['内容/大文件.bin', big, streamOf(big)],
      ];
      for (const [path, bytes, source] of files) {
        await expect(sink.write(path, source)).resolves.toEqual({ path, size: bytes.length });
      }
      const written = await sink.commit();
      expect(written.entries).toEqual(files.map(([path, bytes]) => ({ path, size: bytes.length })));
      expect(written.totalBytes).toBe(files.reduce((n, [, b]) => n + b.length, 0));

      const source = await open(written);
      const listed = await source.list();
      expect([...listed.map((e) => e.path)].sort()).toEqual(files.map(([p]) => p).sort());
      expect(await source.list()).toEqual(listed);
      for (const entry of listed) {
        const bytes = files.find(([p]) => p === entry.path)![1];
        if (entry.size !== undefined) expect(entry.size).toBe(bytes.length);
      }
      for (const [path, bytes] of files) {
        expect(await source.has(path)).toBe(true);
        const entry = source.read(path);
        const expected = await digest(bytes, 'sm3');
        expect(await digest(entry, 'sm3')).toBe(expected);
        expect(await digest(entry, 'sm3')).toBe(expected); // re-readable
      }
      expect(await readAll(source.read('说明.txt'), { maxBytes: 100 })).toEqual(utf8('归档信息包说明'));
      expect(await source.has('没有.txt')).toBe(false);
      await source.close();
    });

    it('commits an empty package', async () => {
      const { sink, open } = await make();
      const written = await sink.commit();
      expect(written).toMatchObject({ entries: [], totalBytes: 0 });
      expect(await (await open(written)).list()).toEqual([]);
    });

    it('refuses unsafe paths without spoiling the package', async () => {
      const { sink, open } = await make();
      const unsafe = [
        '',
        '../escape.txt',
        'a/../../escape.txt',
        'a/./b.txt',
        '/etc/passwd',
        'C:/Windows/x.txt',
        'c:x.txt',
        'a\\b.txt',
        'nul\u0000.txt',
        'a//b.txt',
        'dir/',
        'CON',
        'aux.xml',
        'lpt1.txt',
        'trailing.',
        'space /x.txt',
        'a:b.txt',
        'what?.txt',
      ];
      for (const path of unsafe) {
        expect(await rejectCode(sink.write(path, utf8('x'))), JSON.stringify(path)).toBe(
          'PACKAGE_PATH_INVALID',
        );
      }
      await sink.write('ok.txt', utf8('ok'));
      const written = await sink.commit();
      expect((await (await open(written)).list()).map((e) => e.path)).toEqual(['ok.txt']);
    });

    it('refuses duplicate paths, also by case and Unicode form', async () => {
      const { sink } = await make();
      await sink.write('Docs/Readme.TXT', utf8('1'));
      await sink.write('文件/é.txt', utf8('2'));
      expect(await rejectCode(sink.write('Docs/Readme.TXT', utf8('x')))).toBe('PACKAGE_PATH_DUPLICATE');
      expect(await rejectCode(sink.write('docs/readme.txt', utf8('x')))).toBe('PACKAGE_PATH_DUPLICATE');
      expect(await rejectCode(sink.write('文件/e\u0301.txt', utf8('x')))).toBe('PACKAGE_PATH_DUPLICATE');
      await sink.write('docs/other.txt', utf8('3'));
      expect((await sink.commit()).entries.map((e) => e.path)).toEqual([
        'Docs/Readme.TXT',
        '文件/é.txt',
        'docs/other.txt',
      ]);
    });

    it('abort leaves nothing and is idempotent', async () => {
      const { sink, leftovers } = await make();
      await sink.write('a/b.txt', utf8('abc'));
      await sink.write('c.bin', patternBytes(100_000));
      await sink.abort(new Error('用户取消'));
      expect(await leftovers()).toEqual([]);
      await sink.abort();
      expect(await leftovers()).toEqual([]);
      expect(await rejectCode(sink.write('d.txt', utf8('d')))).toBe('PACKAGE_SINK_CLOSED');
      expect(await rejectCode(sink.commit())).toBe('PACKAGE_SINK_CLOSED');
    });

    it('a source failing mid-stream fails the write with BYTES_READ_FAILED and leaves nothing', async () => {
      const { sink, leftovers } = await make();
      await sink.write('first.txt', utf8('first'));
      expect(await rejectCode(sink.write('broken.bin', failingSource(300_000)))).toBe('BYTES_READ_FAILED');
      expect(await rejectCode(sink.write('later.txt', utf8('x')))).toBe('PACKAGE_SINK_FAILED');
      expect(await rejectCode(sink.commit())).toBe('PACKAGE_SINK_FAILED');
      await sink.abort();
      expect(await leftovers()).toEqual([]);
    });

    it('an aborted signal fails the write with ABORTED and leaves nothing', async () => {
      const { sink, leftovers } = await make();
      const controller = new AbortController();
      controller.abort();
      expect(await rejectCode(sink.write('x.txt', utf8('x'), { signal: controller.signal }))).toBe('ABORTED');
      await sink.abort();
      expect(await leftovers()).toEqual([]);
    });

    it('abort during a running write stops it and leaves nothing', async () => {
      const { sink, leftovers } = await make();
      let pulls = 0;
      const endless = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((r) => setTimeout(r, 1));
          pulls++;
          controller.enqueue(patternBytes(16 * 1024, pulls));
        },
      });
      const writing = sink.write('endless.bin', endless);
      while (pulls < 5) await new Promise((r) => setTimeout(r, 1));
      await sink.abort();
      expect(await rejectCode(writing)).toBe('ABORTED');
      expect(await leftovers()).toEqual([]);
    });

    it('refuses writes after commit and a second commit; abort after commit keeps the package', async () => {
      const { sink, open } = await make();
      await sink.write('a.txt', utf8('a'));
      const written = await sink.commit();
      expect(await rejectCode(sink.write('b.txt', utf8('b')))).toBe('PACKAGE_SINK_CLOSED');
      expect(await rejectCode(sink.commit())).toBe('PACKAGE_SINK_CLOSED');
      await sink.abort();
      const source = await open(written);
      expect((await source.list()).map((e) => e.path)).toEqual(['a.txt']);
      expect(await readAll(source.read('a.txt'), { maxBytes: 10 })).toEqual(utf8('a'));
    });

    it('runs writes called without waiting in call order, and commit waits for them', async () => {
      const { sink } = await make();
      const paths = Array.from({ length: 20 }, (_, i) => `批量/${String(i).padStart(2, '0')}.bin`);
      const writes = paths.map((p, i) => sink.write(p, streamOf(patternBytes(5000 + i, i + 1), 1024)));
      const written = await sink.commit();
      expect(written.entries.map((e) => e.path)).toEqual(paths);
      expect((await Promise.all(writes)).map((e) => e.size)).toEqual(paths.map((_, i) => 5000 + i));
    });

    it('the source reports missing entries and refuses use after close', async () => {
      const { sink, open } = await make();
      await sink.write('a.txt', utf8('a'));
      const source = await open(await sink.commit());
      // A missing entry may be refused by read() itself or when its source is read.
      expect(await rejectCode((async () => readAll(source.read('missing.txt'), { maxBytes: 10 }))())).toBe(
        'PACKAGE_ENTRY_NOT_FOUND',
      );
      await source.close();
      await source.close();
      expect(await rejectCode(source.list())).toBe('PACKAGE_SOURCE_CLOSED');
    });
  });
}
