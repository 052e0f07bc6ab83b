import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DanganError } from '@dangan/core';
import { afterEach, describe, expect, it } from 'vitest';
import { extractEep, safeExtractEep } from '../../../src/eep/extract/extract-eep.js';
import { folderSink } from '../../../src/node/folder-sink.js';
import { memorySink } from '../../../src/sinks/memory.js';
import { createPackageSink } from '../../../src/sinks/sink-core.js';
import { bytesOf, modifiedEep, originalEep, type TestFile } from './support/eep.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const nodeSm3 = (b: Uint8Array) => createHash('sm3').update(b).digest('hex');
const DATA = [bytesOf(1000), bytesOf(77, 2), bytesOf(5, 3)] as const;
const v0 = originalEep({
  ids: 'a',
  files: [
    { name: '通知.pdf', data: DATA[0] },
    { name: '附件.ofd', data: DATA[1] },
  ],
  lineLength: 76,
});
const v1 = modifiedEep(v0, {
  ids: 'b',
  modificationId: 'M1',
  files: [
    { name: '通知.pdf', ref: 'EDa1', refSize: 1000 },
    { name: '附件.ofd', data: DATA[2] },
  ],
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dangan-extract-'));
  dirs.push(dir);
  return dir;
}
function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
async function failure(p: Promise<unknown>): Promise<DanganError> {
  try {
    await p;
  } catch (e) {
    return e as DanganError;
  }
  throw new Error('expected a failure');
}

describe('extractEep', () => {
  it('writes each file of an original package, decoded, with digests', async () => {
    const sink = memorySink();
    const r = await extractEep(utf8(v0), sink, { digests: ['sha256'] });
    expect(r.files.map((f) => [f.path, f.fileName, f.encodingId, f.size, f.sizeMatches])).toEqual([
      ['通知.pdf', '通知.pdf', 'Ea1', 1000, true],
      ['附件.ofd', '附件.ofd', 'Ea2', 77, true],
    ]);
    expect(r.files[0]!.digests.sm3).toBe(nodeSm3(DATA[0]!));
    expect(r.files[1]!.digests.sha256).toBe(createHash('sha256').update(DATA[1]!).digest('hex'));
    const files = (r.written as Awaited<ReturnType<typeof sink.commit>>).files;
    expect(files.get('通知.pdf')).toEqual(DATA[0]);
    expect(files.get('附件.ofd')).toEqual(DATA[1]);
    expect([r.reads, r.findings]).toEqual([1, []]);
  });

  it('into a folder, under a sub-folder; a 修改型 package gets the referenced bytes', async () => {
    const dir = join(tempDir(), '件');
    const r = await extractEep(utf8(v1), folderSink(dir), { folder: '内容' });
    expect(r.files.map((f) => [f.path, f.referencedDataId, f.size])).toEqual([
      ['内容/通知.pdf', 'EDa1', 1000],
      ['内容/附件.ofd', undefined, 5],
    ]);
    expect(r.reads).toBe(2);
    expect(new Uint8Array(readFileSync(join(dir, '内容/通知.pdf')))).toEqual(DATA[0]);
    expect(new Uint8Array(readFileSync(join(dir, '内容/附件.ofd')))).toEqual(DATA[2]);
  });

  it('follows a chain of references, and feeds two files from one earlier data in turn', async () => {
    const v2 = modifiedEep(v1, {
      ids: 'c',
      modificationId: 'M2',
      files: [
        { name: '通知.pdf', ref: 'EDb1', refSize: 1000 },
        { name: '副本.pdf', ref: 'EDa1', refSize: 1000 },
      ],
    });
    const sink = memorySink();
    const r = await extractEep(utf8(v2), sink);
    expect(r.files.map((f) => [f.path, f.size, f.digests.sm3])).toEqual([
      ['通知.pdf', 1000, nodeSm3(DATA[0]!)],
      ['副本.pdf', 1000, nodeSm3(DATA[0]!)],
    ]);
    expect(r.reads).toBe(3);
  });

  it('restores extensions and makes hostile names safe, inside the sink', async () => {
    const names: TestFile[] = [
      { name: '../../etc/passwd', data: DATA[2], key: 'pdf' },
      { name: 'C:\\Windows\\a.pdf', data: DATA[2] },
      { name: 'CON.pdf', data: DATA[2] },
      { name: 'a<b>|c?.pdf', data: DATA[2] },
      { name: '通知', data: DATA[2], key: 'pdf' },
      { name: '通知.PDF', data: DATA[2] },
      { name: '', data: DATA[2], key: 'ofd' },
      { name: `${'长'.repeat(300)}.pdf`, data: DATA[2] },
    ];
    const root = tempDir();
    const dir = join(root, 'out');
    const r = await extractEep(utf8(originalEep({ ids: 'h', files: names })), folderSink(dir));
    expect(r.files.map((f) => f.path)).toEqual([
      'passwd.pdf',
      'a.pdf',
      '_CON.pdf',
      'a_b__c_.pdf',
      '通知.pdf',
      '通知 (2).PDF',
      'Eh7.ofd',
      `${'长'.repeat(78)}.pdf`,
    ]);
    expect(
      r.findings.filter((f) => f.code === 'EEP_FILE_NAME_CHANGED').map((f) => f.path!.split('/').pop()),
    ).toHaveLength(7);
    expect(listAll(root)).toEqual(r.files.map((f) => join('out', f.path)).sort());
  });

  it('a declared size that is wrong (even huge) is reported, the file still extracted', async () => {
    const xml = originalEep({
      ids: 'a',
      files: [{ name: 'a.pdf', data: DATA[2], size: '99999999999999999999' }],
    });
    const r = await extractEep(utf8(xml), memorySink());
    expect(r.files[0]).toMatchObject({ size: 5, sizeMatches: false });
    expect(r.findings.map((f) => f.code)).toEqual(['EEP_RULE_FILE_SIZE']);
  });

  it('commit: false leaves the sink open for more entries', async () => {
    const sink = memorySink();
    const r = await extractEep(utf8(v0), sink, { commit: false, folder: '原文' });
    expect(r.written).toBeUndefined();
    await sink.write('说明.txt', utf8('x'));
    const done = await sink.commit();
    expect(done.entries.map((e) => e.path)).toEqual(['原文/通知.pdf', '原文/附件.ofd', '说明.txt']);
  });
});

describe('extractEep on hostile or broken input: nothing half-written', () => {
  it('bad Base64 aborts the sink and throws EEP_EXTRACT_FAILED', async () => {
    const dir = join(tempDir(), 'out');
    const xml = v0.replace(/(<编码数据 编码数据ID="EDa2">)(..)/, '$1$2!');
    const e = await failure(extractEep(utf8(xml), folderSink(dir)));
    expect(e.code).toBe('EEP_EXTRACT_FAILED');
    expect(e.findings.map((f) => f.code)).toContain('EEP_FILE_BASE64');
    expect(readdirSync(join(dir, '..'))).toEqual([]);
    const safe = await safeExtractEep(utf8(xml), memorySink());
    expect(safe.ok).toBe(false);
  });

  it('a file over maxFileSize stops the extraction', async () => {
    const sink = memorySink();
    const e = await failure(extractEep(utf8(v0), sink, { maxFileSize: 500 }));
    expect(e.findings.map((f) => f.code)).toContain('EEP_FILE_TOO_LARGE');
    const after = await failure(sink.commit());
    expect(['PACKAGE_SINK_FAILED', 'PACKAGE_SINK_CLOSED']).toContain(after.code);
  });

  it('malformed XML aborts with the XML finding', async () => {
    const e = await failure(extractEep(utf8(v0.replace('</题名>', '</题 名>')), memorySink()));
    expect(e.code).toBe('EEP_EXTRACT_FAILED');
    expect(e.findings.map((f) => f.code)).toContain('XML_MALFORMED');
  });

  it('a reference to nothing, or from a one-shot stream, aborts', async () => {
    const dangling = v1.replace('引用编码数据ID="EDa1"', '引用编码数据ID="EDa9"');
    const e = await failure(extractEep(utf8(dangling), memorySink()));
    expect(e.findings.map((f) => f.code)).toContain('EEP_FILE_REFERENCE_UNRESOLVED');
    const bytes = utf8(v1);
    const stream = (async function* () {
      yield bytes;
    })();
    const once = await failure(extractEep(stream, memorySink()));
    expect(once.code).toBe('EEP_SOURCE_NOT_REREADABLE');
  });

  it('a source that changes between reads aborts', async () => {
    let calls = 0;
    const changed = utf8(v1.replace(/(<编码数据 编码数据ID="EDa1">)(....)/, '$1AAAA'));
    const e = await failure(extractEep(() => (calls++ === 0 ? utf8(v1) : changed), memorySink()));
    expect(e.findings.map((f) => f.code)).toContain('EEP_SOURCE_CHANGED');
  });

  it('a failing sink aborts the extraction with the sink’s error', async () => {
    let discarded = false;
    const sink = createPackageSink({
      async writeEntry(_path, data) {
        let n = 0;
        for await (const chunk of data) {
          n += chunk.length;
          if (n > 10) throw new Error('disk full');
        }
        return n;
      },
      async commit(entries, totalBytes) {
        return { entries, totalBytes };
      },
      async discard() {
        discarded = true;
      },
    });
    const e = await failure(extractEep(utf8(v0), sink));
    expect(e.code).toBe('EEP_EXTRACT_FAILED');
    expect(discarded).toBe(true);
  });

  it('argument errors are TypeErrors/RangeErrors, and a bad folder is refused', async () => {
    await expect(extractEep(utf8(v0), {} as never)).rejects.toThrow(TypeError);
    await expect(extractEep(utf8(v0), memorySink(), { maxFileSize: -1 })).rejects.toThrow(RangeError);
    await expect(extractEep(utf8(v0), memorySink(), { folder: '../x' })).rejects.toMatchObject({
      code: 'PACKAGE_PATH_INVALID',
    });
  });
});
