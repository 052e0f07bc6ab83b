import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utf8 } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openZip } from '../../src/zip/index.js';
import { buildZip, python, TOOLS, tempDir } from './helpers.js';
import { extractAll } from './read-helpers.js';

const content: Record<string, Uint8Array> = {
  'readme.txt': utf8('说明文件 '.repeat(2000)),
  'data/blob.bin': new Uint8Array(100_000).map((_, i) => (i * 2654435761) >>> 24),
  'data/空.txt': new Uint8Array(0),
};

function sourceDir(): string {
  const dir = tempDir();
  for (const [name, bytes] of Object.entries(content)) {
    mkdirSync(join(dir, 'src', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'src', name), bytes);
  }
  return dir;
}

async function expectContent(path: string): Promise<void> {
  const zip = await openZip(new Uint8Array(readFileSync(path)));
  expect(zip.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const files = await extractAll(zip);
  for (const [name, bytes] of Object.entries(content)) expect(files.get(name)).toEqual(bytes);
}

describe('openZip on archives from other tools', () => {
  for (const flags of [[], ['-0'], ['-X'], ['-fz'], ['-0', '-fz']]) {
    it.skipIf(!TOOLS.zip)(`reads zip ${flags.join(' ') || '(default)'}`, async () => {
      const dir = sourceDir();
      execFileSync('zip', ['-q', '-r', ...flags, join(dir, 'out.zip'), '.'], { cwd: join(dir, 'src') });
      await expectContent(join(dir, 'out.zip'));
    });
  }

  it.skipIf(!TOOLS.zip)('reads a zip streamed from stdin with -fz', async () => {
    const dir = sourceDir();
    execFileSync('sh', ['-c', 'cat readme.txt | zip -q -fz - - > ../stdin.zip'], { cwd: join(dir, 'src') });
    const zip = await openZip(new Uint8Array(readFileSync(join(dir, 'stdin.zip'))));
    const files = await extractAll(zip);
    expect(files.get('-')).toEqual(content['readme.txt']);
  });

  it.skipIf(!TOOLS.python)('reads python zipfile output with force_zip64', async () => {
    const dir = sourceDir();
    python(
      `import sys,os,zipfile
d=sys.argv[1]
with zipfile.ZipFile(os.path.join(d,'out.zip'),'w') as z:
  for root,_,fs in os.walk(os.path.join(d,'src')):
    for f in fs:
      p=os.path.join(root,f); n=os.path.relpath(p,os.path.join(d,'src'))
      for m in (zipfile.ZIP_DEFLATED,):
        with z.open(zipfile.ZipInfo(n), 'w', force_zip64=True) as w: w.write(open(p,'rb').read())
`,
      dir,
    );
    await expectContent(join(dir, 'out.zip'));
  });
});

describe('writer → reader round trip', () => {
  it('returns every entry byte-identical (property)', async () => {
    const name = fc
      .array(fc.constantFrom('a', 'b', '档', '案', '件', '1', '.', '-', '_', 'Z'), {
        minLength: 1,
        maxLength: 8,
      })
      .map((cs) => cs.join(''))
      .filter((s) => s !== '.' && s !== '..');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.tuple(
            name,
            fc.uint8Array({ maxLength: 5000 }),
            fc.constantFrom('store', 'deflate' as const),
            fc.boolean(),
          ),
          {
            maxLength: 8,
            selector: ([n]) => n.toLowerCase(),
          },
        ),
        async (entries) => {
          const zip = await buildZip(async (w) => {
            for (const [n, bytes, method, streamed] of entries) {
              await w.addEntry(n, streamed ? [bytes.subarray(0, 7), bytes.subarray(7)] : bytes, {
                method: method as 'store' | 'deflate',
              });
            }
          });
          const read = await openZip(zip);
          expect(read.findings).toEqual([]);
          const files = await extractAll(read);
          expect(files.size).toBe(entries.length);
          for (const [n, bytes] of entries) expect(files.get(n)).toEqual(bytes);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads the comment and ZIP64 flag', async () => {
    const zip = await buildZip(async (w) => void (await w.addEntry('a.txt', utf8('x'))), { comment: '注释' });
    const read = await openZip(new Blob([zip as Uint8Array<ArrayBuffer>]));
    expect(read.comment).toBe('注释');
    expect(read.zip64).toBe(false);
    expect(read.get('a.txt')?.size).toBe(1);
  });
});
