import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDanganError, utf8 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { openZip, type ZipArchive } from '../../src/zip/index.js';
import { buildZip, python, TOOLS, tempDir } from './helpers.js';
import { extractAll } from './read-helpers.js';

/** Positions of the central directory headers (found by signature from the EOCD's offset). */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  let p = view.getUint32(eocd + 16, true);
  const out: number[] = [];
  while (view.getUint32(p, true) === 0x02014b50) {
    out.push(p);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

function view(zip: Uint8Array): DataView {
  return new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
}

function codes(zip: ZipArchive): string[] {
  return zip.findings.map((f) => f.code);
}

async function pythonZip(body: string): Promise<Uint8Array> {
  const path = join(tempDir(), 'h.zip');
  python(`import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],'w')\n${body}\nz.close()`, path);
  return new Uint8Array(readFileSync(path));
}

async function openFails(bytes: Uint8Array, code: string): Promise<void> {
  await expect(openZip(bytes)).rejects.toSatisfy((e) => isDanganError(e, code));
}

describe.skipIf(!TOOLS.python)('hostile names and attributes (python-built)', () => {
  it('flags traversal, absolute, drive-letter and backslash names and refuses to open them', async () => {
    const zip = await openZip(
      await pythonZip(
        `for n in ['../evil.txt','a/../../b.txt','/etc/x','C:/win.txt','a\\\\b.txt','ok.txt']: z.writestr(zipfile.ZipInfo(n),'x')`,
      ),
    );
    const unsafe = zip.entries
      .filter((e) => e.findings.some((f) => f.code === 'ZIP_NAME_UNSAFE'))
      .map((e) => e.name);
    expect(unsafe).toEqual(['../evil.txt', 'a/../../b.txt', '/etc/x', 'C:/win.txt', 'a\\b.txt']);
    await expect(extractAll(zip)).rejects.toMatchObject({ code: 'ZIP_NAME_UNSAFE' });
    const ok = zip.get('ok.txt');
    expect(ok?.findings).toEqual([]);
  });

  it('flags symlinks, duplicates and case collisions', async () => {
    const zip = await openZip(
      await pythonZip(`i=zipfile.ZipInfo('link'); i.create_system=3; i.external_attr=0o120777<<16; z.writestr(i,'/etc/passwd')
z.writestr('A.txt','1')
import warnings; warnings.simplefilter('ignore')
z.writestr('A.txt','2')
z.writestr('a.TXT','3')`),
    );
    expect(codes(zip)).toEqual(['ZIP_SYMLINK', 'ZIP_NAME_DUPLICATE', 'ZIP_NAME_CASE_COLLISION']);
    expect(zip.findings[0]?.path).toBe('link');
    expect(zip.findings[0]?.message).toContain('符号链接');
  });

  it('reports unsupported methods (BZIP2 = 12)', async () => {
    const zip = await openZip(
      await pythonZip(`z.writestr('b.txt','x'*1000, compress_type=zipfile.ZIP_BZIP2)`),
    );
    expect(codes(zip)).toEqual(['ZIP_METHOD_UNSUPPORTED']);
    expect(zip.entries[0]?.method).toBe(12);
  });
});

describe('hostile archives (patched writer output)', () => {
  const two = (): Promise<Uint8Array> =>
    buildZip(async (w) => {
      await w.addEntry('one.txt', utf8('第一个文件'.repeat(100)), { method: 'deflate' });
      await w.addEntry('two.txt', utf8('second'), { method: 'store' });
    });

  it('reports the encrypted flag', async () => {
    const zip = await two();
    const [first] = centralHeaders(zip);
    view(zip).setUint16(first! + 8, view(zip).getUint16(first! + 8, true) | 1, true);
    view(zip).setUint16(6, view(zip).getUint16(6, true) | 1, true);
    const read = await openZip(zip);
    expect(codes(read)).toEqual(['ZIP_ENTRY_ENCRYPTED']);
    expect(read.entries[0]?.encrypted).toBe(true);
  });

  it('decodes GB 18030 names without the UTF-8 flag, with a warning', async () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x2e, 0x74, 0x78, 0x74]); // 中文.txt
    const zip = await buildZip(async (w) => void (await w.addEntry('abcd.txt', utf8('x'))));
    const [c] = centralHeaders(zip);
    for (const [flagAt, nameAt] of [
      [6, 30],
      [c! + 8, c! + 46],
    ] as const) {
      view(zip).setUint16(flagAt, view(zip).getUint16(flagAt, true) & ~(1 << 11), true);
      zip.set(gbk, nameAt);
    }
    const read = await openZip(zip);
    expect(read.entries[0]?.name).toBe('中文.txt');
    expect(read.findings).toMatchObject([
      { code: 'ZIP_NAME_NOT_UTF8', severity: 'warning', path: '中文.txt' },
    ]);
    expect((await extractAll(read)).get('中文.txt')).toEqual(utf8('x'));
  });

  it('detects a bad CRC at the end of the stream', async () => {
    const zip = await two();
    const [, second] = centralHeaders(zip);
    view(zip).setUint32(second! + 16, 0xdeadbeef, true);
    await expect(extractAll(await openZip(zip))).rejects.toMatchObject({
      code: 'ZIP_CRC_MISMATCH',
      findings: [{ path: 'two.txt' }],
    });
  });

  it('detects a size that lies', async () => {
    const zip = await two();
    const [first] = centralHeaders(zip);
    view(zip).setUint32(first! + 24, 10, true);
    await expect(extractAll(await openZip(zip))).rejects.toMatchObject({ code: 'ZIP_SIZE_MISMATCH' });
  });

  it('flags overlapping entries', async () => {
    const zip = await two();
    const [, second] = centralHeaders(zip);
    view(zip).setUint32(second! + 42, 0, true);
    const read = await openZip(zip);
    expect(codes(read)).toContain('ZIP_ENTRY_OVERLAP');
  });

  it('refuses truncated archives and central directories whose size lies', async () => {
    const zip = await two();
    await openFails(zip.subarray(0, zip.length - 10), 'ZIP_MALFORMED');
    await openFails(zip.subarray(0, 40), 'ZIP_MALFORMED');
    await openFails(new Uint8Array(0), 'ZIP_MALFORMED');
    const lying = zip.slice();
    view(lying).setUint32(
      lying.length - 22 + 12,
      view(lying).getUint32(lying.length - 22 + 12, true) - 10,
      true,
    );
    await openFails(lying, 'ZIP_MALFORMED');
    const tooBig = zip.slice();
    view(tooBig).setUint32(tooBig.length - 22 + 12, 0x7fffffff, true);
    await openFails(tooBig, 'ZIP_MALFORMED');
  });

  it('detects a local header that disagrees with the central directory', async () => {
    const zip = await two();
    view(zip).setUint16(8, 0, true); // local method of one.txt: STORE instead of DEFLATE
    await expect(extractAll(await openZip(zip))).rejects.toMatchObject({ code: 'ZIP_LOCAL_HEADER_MISMATCH' });
  });

  it('applies entry-count, name-length and depth limits', async () => {
    const zip = await buildZip(async (w) => {
      await w.addEntry(`${'深/'.repeat(5)}x.txt`, utf8('x'));
      await w.addEntry('b.txt', utf8('x'));
    });
    await expect(openZip(zip, { limits: { maxEntries: 1 } })).rejects.toMatchObject({
      code: 'ZIP_LIMIT_EXCEEDED',
    });
    const read = await openZip(zip, { limits: { maxDepth: 3, maxNameLength: 10 } });
    expect(codes(read)).toEqual(['ZIP_LIMIT_EXCEEDED', 'ZIP_LIMIT_EXCEEDED']);
  });
});

describe('zip bombs', () => {
  const zeros = new Uint8Array(1 << 20);
  async function* gib(n: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < n; i++) yield zeros;
  }

  it('refuses a 1 GiB DEFLATE entry of zeros by its declared ratio, before inflating', async () => {
    const zip = await buildZip(
      async (w) => void (await w.addEntry('bomb.txt', gib(1024), { method: 'deflate' })),
    );
    expect(zip.length).toBeLessThan(2 << 20);
    const read = await openZip(zip);
    expect(read.entries[0]?.size).toBe(2 ** 30);
    expect(codes(read)).toEqual(['ZIP_LIMIT_EXCEEDED']);
    const started = performance.now();
    await expect(extractAll(read)).rejects.toMatchObject({ code: 'ZIP_LIMIT_EXCEEDED' });
    expect(performance.now() - started).toBeLessThan(100);
  }, 60_000);

  it('stops a bomb whose declared size lies as soon as it inflates past it', async () => {
    const zip = await buildZip(
      async (w) => void (await w.addEntry('bomb.txt', gib(64), { method: 'deflate' })),
    );
    const [c] = centralHeaders(zip);
    const compressed = view(zip).getUint32(c! + 20, true);
    view(zip).setUint32(c! + 24, compressed * 150, true); // declared ratio 150: passes the static check
    const read = await openZip(zip);
    expect(read.findings).toEqual([]);
    let produced = 0;
    await expect(
      (async () => {
        for await (const chunk of read.entries[0]!.open()) produced += chunk.length;
      })(),
    ).rejects.toSatisfy(
      (e) => isDanganError(e, 'ZIP_SIZE_MISMATCH') || isDanganError(e, 'ZIP_LIMIT_EXCEEDED'),
    );
    expect(produced).toBeLessThanOrEqual(compressed * 150);
  }, 60_000);
});
