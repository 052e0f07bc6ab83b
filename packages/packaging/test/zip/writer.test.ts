import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DanganError, utf8 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { createZipWriter, toDosDateTime } from '../../src/zip/index.js';
import { buildZip, python, TOOLS, tempDir, writeTemp } from './helpers.js';

const files: [string, Uint8Array][] = [
  ['元数据.xml', utf8('<档案>'.repeat(5000))],
  ['正文/报告.pdf', new Uint8Array(70_000).map((_, i) => (i * 7919) & 0xff)],
  ['空.txt', new Uint8Array(0)],
  ['a/b/c.txt', utf8('hello')],
];

async function sample(): Promise<Uint8Array> {
  return buildZip(async (zip) => {
    await zip.addDirectory('正文');
    for (const [name, bytes] of files) await zip.addEntry(name, bytes);
    // a stream of unknown size: written with ZIP64 fields
    await zip.addEntry(
      '流.txt',
      (async function* () {
        yield utf8('分块一');
        yield utf8('分块二');
      })(),
      { method: 'deflate' },
    );
  });
}

describe('createZipWriter', () => {
  it('is deterministic for the same inputs', async () => {
    expect(await sample()).toEqual(await sample());
  });

  it.skipIf(!TOOLS.unzip)('passes unzip -t and extracts byte-identical', async () => {
    const dir = tempDir();
    const path = writeTemp(dir, 'out.zip', await sample());
    const test = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(test).toContain('No errors detected');
    execFileSync('unzip', ['-q', path, '-d', join(dir, 'x')]);
    for (const [name, bytes] of files)
      expect(new Uint8Array(readFileSync(join(dir, 'x', name)))).toEqual(bytes);
    expect(readFileSync(join(dir, 'x', '流.txt'), 'utf8')).toBe('分块一分块二');
  });

  it.skipIf(!TOOLS.python)('passes python zipfile testzip with the right methods', async () => {
    const dir = tempDir();
    const path = writeTemp(dir, 'out.zip', await sample());
    const out = python(
      'import sys,zipfile,json\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"bad":z.testzip(),"m":{i.filename:i.compress_type for i in z.infolist()},"x":z.read("a/b/c.txt").decode()}))',
      path,
    );
    const r = JSON.parse(out) as { bad: null; m: Record<string, number>; x: string };
    expect(r.bad).toBeNull();
    expect(r.m['元数据.xml']).toBe(8);
    expect(r.m['正文/报告.pdf']).toBe(0);
    expect(r.x).toBe('hello');
  });

  it('writes ZIP64 end records when there are more than 65535 entries', async () => {
    const zip = await buildZip(async (w) => {
      for (let i = 0; i < 65_536; i++) await w.addEntry(`f${i}.txt`, new Uint8Array(0), { method: 'store' });
    });
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint16(zip.length - 22 + 10, true)).toBe(0xffff);
    expect(view.getUint32(zip.length - 22 - 20, true)).toBe(0x07064b50);
    if (TOOLS.python) {
      const path = writeTemp(tempDir(), 'many.zip', zip);
      expect(
        python('import sys,zipfile;print(len(zipfile.ZipFile(sys.argv[1]).infolist()))', path).trim(),
      ).toBe('65536');
    }
  }, 60_000);

  it('refuses unsafe, duplicate and case-colliding names without breaking the archive', async () => {
    const parts: Uint8Array[] = [];
    const zip = createZipWriter({ write: (c) => void parts.push(c) });
    for (const bad of ['../x', '/abs', 'C:/x', 'a\\b', 'a\0b', 'a//b', './a']) {
      await expect(zip.addEntry(bad, utf8('x'))).rejects.toMatchObject({ code: 'ZIP_NAME_UNSAFE' });
    }
    await zip.addEntry('A.txt', utf8('x'));
    await expect(zip.addEntry('A.txt', utf8('x'))).rejects.toMatchObject({ code: 'ZIP_NAME_DUPLICATE' });
    await expect(zip.addEntry('a.TXT', utf8('x'))).rejects.toMatchObject({ code: 'ZIP_NAME_CASE_COLLISION' });
    await expect(zip.close()).resolves.toMatchObject({ entries: 1 });
  });

  it('enters an error state when a source fails', async () => {
    const zip = createZipWriter({ write: () => undefined });
    const failing = (async function* () {
      yield utf8('part');
      throw new Error('disk gone');
    })();
    await expect(zip.addEntry('x.txt', failing)).rejects.toThrow('disk gone');
    await expect(zip.addEntry('y.txt', utf8('y'))).rejects.toMatchObject({ code: 'ZIP_WRITER_FAILED' });
    await expect(zip.close()).rejects.toBeInstanceOf(DanganError);
  });

  it('respects backpressure of a WritableStream', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const stream = new WritableStream<Uint8Array>(
      {
        async write() {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 1));
          inFlight--;
        },
      },
      { highWaterMark: 1 },
    );
    const zip = createZipWriter(stream);
    await zip.addEntry('big.bin', new Uint8Array(3 << 20), { method: 'store' });
    await zip.close();
    expect(maxInFlight).toBe(1);
  });

  it('converts dates with UTC fields', () => {
    expect(toDosDateTime(new Date(Date.UTC(2024, 0, 2, 3, 4, 6)))).toEqual({ date: 0x5822, time: 0x1883 });
    expect(toDosDateTime(new Date(Date.UTC(1970, 0, 1)))).toEqual({ date: 0x21, time: 0 });
  });
});
