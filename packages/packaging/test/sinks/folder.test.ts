import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAll, utf8 } from '@dangan/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderSink, folderSource } from '../../src/node/index.js';
import { describePackageSinkConformance, failingSource } from './conformance.js';

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describePackageSinkConformance('folderSink', async () => {
  const base = await mkdtemp(join(tmpdir(), 'dangan-folder-sink-'));
  const target = join(base, '包');
  return {
    sink: folderSink(target),
    open: async (written) => {
      expect(written.location).toBe(target);
      // Committed: the target exists and no temporary sibling is left.
      expect(await readdir(base)).toEqual(['包']);
      return folderSource(target);
    },
    leftovers: () => listTree(base),
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
});

describe('folderSink', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'dangan-folder-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('writes under <dir>.partial-<id> and renames on commit', async () => {
    const target = join(base, 'EEP');
    const sink = folderSink(target, { randomId: () => 'fixed' });
    await sink.write('a/说明.txt', utf8('说明'));
    expect(await readdir(base)).toEqual(['EEP.partial-fixed']);
    expect(await readFile(join(base, 'EEP.partial-fixed', 'a', '说明.txt'), 'utf8')).toBe('说明');
    await sink.commit();
    expect(await readdir(base)).toEqual(['EEP']);
    expect(await readFile(join(target, 'a', '说明.txt'), 'utf8')).toBe('说明');
  });

  it('refuses an existing target without overwrite, at the first write, and leaves it untouched', async () => {
    const target = join(base, 'EEP');
    await mkdir(target);
    await writeFile(join(target, 'old.txt'), 'old');
    const sink = folderSink(target);
    await expect(sink.write('new.txt', utf8('new'))).rejects.toMatchObject({ code: 'PACKAGE_TARGET_EXISTS' });
    await sink.abort();
    expect(await listTree(base)).toEqual(['EEP', join('EEP', 'old.txt')]);
  });

  it('refuses a target that appears before commit, and removes the partial folder', async () => {
    const target = join(base, 'EEP');
    const sink = folderSink(target);
    await sink.write('new.txt', utf8('new'));
    await mkdir(target);
    await writeFile(join(target, 'other.txt'), 'other');
    await expect(sink.commit()).rejects.toMatchObject({ code: 'PACKAGE_TARGET_EXISTS' });
    expect(await listTree(base)).toEqual(['EEP', join('EEP', 'other.txt')]);
  });

  it('replaces an existing target with overwrite and leaves no old or partial folder', async () => {
    const target = join(base, 'EEP');
    await mkdir(target);
    await writeFile(join(target, 'old.txt'), 'old');
    const sink = folderSink(target, { overwrite: true });
    await sink.write('new.txt', utf8('new'));
    expect(await readFile(join(target, 'old.txt'), 'utf8')).toBe('old');
    await sink.commit();
    expect(await listTree(base)).toEqual(['EEP', join('EEP', 'new.txt')]);
  });

  it('deletes the partial folder as soon as a write fails, before any abort()', async () => {
    const target = join(base, 'EEP');
    const sink = folderSink(target);
    await sink.write('ok.txt', utf8('ok'));
    await expect(sink.write('broken.bin', failingSource(100_000))).rejects.toMatchObject({
      code: 'BYTES_READ_FAILED',
    });
    expect(await readdir(base)).toEqual([]);
  });

  it('creates nothing when aborted before any write', async () => {
    const sink = folderSink(join(base, 'EEP'));
    await sink.abort();
    expect(await readdir(base)).toEqual([]);
  });

  it('creates missing parent folders of the target', async () => {
    const target = join(base, 'x', 'y', 'EEP');
    const sink = folderSink(target);
    await sink.write('a.txt', utf8('a'));
    const { location } = await sink.commit();
    expect(location).toBe(target);
    expect((await stat(join(target, 'a.txt'))).size).toBe(1);
  });

  it('rejects bad arguments with TypeError/RangeError', () => {
    expect(() => folderSink('')).toThrow(TypeError);
    expect(() => folderSink('/')).toThrow(RangeError);
  });
});

describe('folderSource', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'dangan-folder-src-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('lists files recursively, sorted, with sizes', async () => {
    await mkdir(join(base, 'b', 'c'), { recursive: true });
    await writeFile(join(base, 'b', 'c', '深.txt'), '深');
    await writeFile(join(base, 'a.txt'), 'aa');
    await mkdir(join(base, 'empty'));
    const source = folderSource(base);
    expect(await source.list()).toEqual([
      { path: 'a.txt', size: 2 },
      { path: 'b/c/深.txt', size: 3 },
    ]);
    expect(await source.has('b/c')).toBe(false);
    expect(await source.has('b/c/深.txt')).toBe(true);
  });

  it('refuses symbolic links in list() with one finding each, and in read() of a path through one', async () => {
    await mkdir(join(base, 'real'));
    await writeFile(join(base, 'real', 'f.txt'), 'f');
    await writeFile(join(base, 'secret.txt'), 'secret');
    await symlink(join(base, 'secret.txt'), join(base, 'link.txt'));
    await symlink(join(base, 'real'), join(base, 'dirlink'));
    const source = folderSource(base);
    const error = await source.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PACKAGE_LINK_REFUSED' });
    expect((error as { findings: { path: string }[] }).findings.map((f) => f.path).sort()).toEqual([
      'dirlink',
      'link.txt',
    ]);
    await expect(readAll(source.read('link.txt'), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'PACKAGE_LINK_REFUSED',
    });
    await expect(readAll(source.read('dirlink/f.txt'), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'PACKAGE_LINK_REFUSED',
    });
    await expect(source.has('dirlink/f.txt')).rejects.toMatchObject({ code: 'PACKAGE_LINK_REFUSED' });
    expect(await readAll(source.read('real/f.txt'), { maxBytes: 100 })).toEqual(utf8('f'));
  });

  it('refuses unsafe paths in read()', () => {
    expect(() => folderSource(base).read('../x')).toThrow(
      expect.objectContaining({ code: 'PACKAGE_PATH_INVALID' }),
    );
  });

  it('reports a missing folder as BYTES_READ_FAILED', async () => {
    await expect(folderSource(join(base, 'none')).list()).rejects.toMatchObject({
      code: 'BYTES_READ_FAILED',
    });
  });
});

describe('folderSink never writes through a link', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'dangan-folder-link-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('refuses a parent planted as a symlink inside the partial folder', async () => {
    const outside = join(base, 'outside');
    await mkdir(outside);
    const target = join(base, 'EEP');
    const sink = folderSink(target, { randomId: () => 'r' });
    await sink.write('first.txt', utf8('1'));
    await symlink(outside, join(base, 'EEP.partial-r', 'sub'));
    await expect(sink.write('sub/evil.txt', utf8('x'))).rejects.toMatchObject({
      code: 'PACKAGE_LINK_REFUSED',
    });
    expect(await readdir(outside)).toEqual([]);
    expect(await readdir(base)).toEqual(['outside']);
  });
});
