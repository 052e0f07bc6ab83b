import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DanganError, digest, readAll, utf8 } from '@dangan/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPackagePath, zipFileSink } from '../../src/node/index.js';
import {
  memorySource,
  openPackage,
  type PackageSource,
  safeOpenPackage,
  type ZipPackageWritten,
  zipSink,
} from '../../src/sinks/index.js';
import { createZipWriter } from '../../src/zip/index.js';
import { describePackageSinkConformance, patternBytes } from './conformance.js';

const HAS_UNZIP = spawnSync('unzip', ['-v']).status === 0;

describePackageSinkConformance('zipSink (in memory)', () => {
  const sink = zipSink();
  let committed: ZipPackageWritten | undefined;
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
    open: async (written) => (await openPackage((written as ZipPackageWritten).bytes!)).source,
    leftovers: async () => (aborted && committed === undefined ? [] : ['(sink still open)']),
  };
});

describePackageSinkConformance('zipFileSink', async () => {
  const base = await mkdtemp(join(tmpdir(), 'dangan-zip-sink-'));
  const target = join(base, '包.zip');
  const opened: PackageSource[] = [];
  return {
    sink: zipFileSink(target),
    open: async (written) => {
      expect(written.location).toBe(target);
      expect(await readdir(base)).toEqual(['包.zip']);
      // unzip -t exits 1 for an empty archive ("zipfile is empty"), which is still well formed.
      if (HAS_UNZIP && written.entries.length > 0)
        expect(spawnSync('unzip', ['-tqq', target]).status).toBe(0);
      const { source } = await openPackagePath(target);
      opened.push(source); // each read-back holds a file handle: closed in cleanup
      return source;
    },
    leftovers: async () => (await readdir(base)).sort(),
    cleanup: async () => {
      for (const source of opened) await source.close();
      await rm(base, { recursive: true, force: true });
    },
  };
});

describe('zipSink', () => {
  it('streams into a WritableStream and aborts it when the package is discarded', async () => {
    const received: Uint8Array[] = [];
    let abortedWith: unknown;
    const stream = new WritableStream<Uint8Array>({
      write: (c) => void received.push(c.slice()),
      abort: (reason) => {
        abortedWith = reason;
      },
    });
    const sink = zipSink(stream);
    await sink.write('a.txt', utf8('甲'));
    await sink.abort(new Error('取消'));
    expect(abortedWith).toBeInstanceOf(Error);
  });

  it('calls the output abort on a failed write, and its bytes are a valid archive on commit', async () => {
    const parts: Uint8Array[] = [];
    let aborted = 0;
    const output = { write: (c: Uint8Array) => void parts.push(c.slice()), abort: () => void aborted++ };
    const good = zipSink(output);
    await good.write('说明.txt', utf8('说明'));
    const written = await good.commit();
    expect(written.bytes).toBeUndefined();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    expect(written.zipSize).toBe(bytes.length);
    const { source } = await openPackage(bytes);
    expect(await readAll(source.read('说明.txt'), { maxBytes: 100 })).toEqual(utf8('说明'));

    const bad = zipSink({ write: () => undefined, abort: () => void aborted++ });
    const failing = (async function* () {
      yield utf8('x');
      throw new Error('磁盘错误');
    })();
    await expect(bad.write('x.txt', failing)).rejects.toMatchObject({ code: 'BYTES_READ_FAILED' });
    expect(aborted).toBe(1);
  });

  it('rejects an output that cannot be written with TypeError', () => {
    expect(() => zipSink(42 as never)).toThrow(TypeError);
  });
});

describe('zipFileSink', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'dangan-zip-file-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('writes <path>.partial-<id> and renames it on commit; refuses an existing target', async () => {
    const target = join(base, '办件.zip');
    const sink = zipFileSink(target, { randomId: () => 'fixed' });
    await sink.write('a.txt', utf8('a'));
    expect(await readdir(base)).toEqual(['办件.zip.partial-fixed']);
    await sink.commit();
    expect(await readdir(base)).toEqual(['办件.zip']);

    const again = zipFileSink(target);
    await expect(again.write('b.txt', utf8('b'))).rejects.toMatchObject({ code: 'PACKAGE_TARGET_EXISTS' });
    await again.abort();
    expect(await readdir(base)).toEqual(['办件.zip']);

    const replace = zipFileSink(target, { overwrite: true });
    await replace.write('c.txt', utf8('c'));
    await replace.commit();
    const { source } = await openPackagePath(target);
    expect((await source.list()).map((e) => e.path)).toEqual(['c.txt']);
    await source.close();
  });

  it.skipIf(!HAS_UNZIP)('writes archives unzip extracts to the same bytes', async () => {
    const target = join(base, 'p.zip');
    const sink = zipFileSink(target);
    const big = patternBytes(3 * 1024 * 1024, 5);
    await sink.write('内容/大文件.bin', big);
    await sink.write('元数据.xml', utf8('<元数据/>'));
    await sink.commit();
    const out = join(base, 'out');
    expect(spawnSync('unzip', ['-qq', target, '-d', out]).status).toBe(0);
    expect(new Uint8Array(await readFile(join(out, '内容', '大文件.bin')))).toEqual(big);
  });
});

describe('openPackage', () => {
  it('passes a PackageSource through and opens ZIP bytes through the safe reader', async () => {
    const memory = memorySource({ 'a.txt': utf8('a') });
    expect(await openPackage(memory)).toMatchObject({ container: 'source', findings: [] });
    const sink = zipSink();
    await sink.write('a.txt', utf8('a'));
    const { bytes } = await sink.commit();
    const opened = await openPackage(new Blob([bytes!.slice()]));
    expect(opened.container).toBe('zip');
    expect(await digest(opened.source.read('a.txt'), 'sm3')).toBe(await digest(utf8('a'), 'sm3'));
    await expect(openPackage('a.zip' as never)).rejects.toBeInstanceOf(TypeError);
  });

  it('lists hostile entries with findings but refuses to read them', async () => {
    const parts: Uint8Array[] = [];
    const zip = createZipWriter({ write: (c) => void parts.push(c.slice()) });
    await zip.addEntry('ok.txt', utf8('ok'));
    await zip.close();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    // Rename the entry in both headers to a traversal path of the same length.
    const evil = utf8('../a.tx');
    const name = utf8('ok.txt');
    expect(evil.length).toBe(name.length + 1);
    const hostile = renameEntry(bytes, name, utf8('../.tx'));
    const opened = await openPackage(hostile);
    expect(opened.findings.map((f) => f.path)).toContain('../.tx');
    const [entry] = await opened.source.list();
    expect(entry!.path).toBe('../.tx');
    await expect(readAll(opened.source.read('../.tx'), { maxBytes: 10 })).rejects.toBeInstanceOf(DanganError);
  });

  it('safeOpenPackage gives a finding for a damaged archive instead of throwing', async () => {
    const result = await safeOpenPackage(utf8('PK\u0003\u0004 not really a zip'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('ZIP_MALFORMED');
  });

  it('openPackagePath opens folders, refuses links and reports missing paths', async () => {
    const base = await mkdtemp(join(tmpdir(), 'dangan-open-'));
    try {
      await writeFile(join(base, 'x.txt'), 'x');
      const { source, container } = await openPackagePath(base);
      expect(container).toBe('source');
      expect((await source.list()).map((e) => e.path)).toEqual(['x.txt']);
      await expect(openPackagePath(join(base, 'missing.zip'))).rejects.toMatchObject({
        code: 'BYTES_READ_FAILED',
      });
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

/** Replaces every occurrence of `from` (a name) in the archive with `to` of the same length. */
function renameEntry(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  expect(to.length).toBe(from.length);
  const out = bytes.slice();
  for (let i = 0; i + from.length <= out.length; i++) {
    if (from.every((b, k) => out[i + k] === b)) out.set(to, i);
  }
  return out;
}
