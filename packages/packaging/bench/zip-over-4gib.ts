/**
 * A package larger than 4 GiB, written by dangan's ZIP writer and checked by independent readers: `unzip -t`
 * (Info-ZIP), python's `zipfile` (testzip) and dangan's own reader. Two entries: a 4.25 GiB stored entry (so
 * its size needs ZIP64) and a small DEFLATE entry after it (so its local-header offset needs ZIP64 too).
 * JSZip and fflate write such archives silently corrupt (packages-and-formats.md §8.1). Not a test: it writes
 * ~4.3 GB to /tmp and takes about a minute. Run: `npx tsx --conditions=@dangan/source bench/zip-over-4gib.ts`
 */
import { spawnSync } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { fileRandomAccess } from '../src/node/index.js';
import { createZipWriter, openZip } from '../src/zip/index.js';

const path = '/tmp/dangan-over-4gib.zip';
const big = 4.25 * 1024 ** 3;
const chunk = new Uint8Array(8 << 20).map((_, i) => (i * 31) & 0xff);

async function* bigEntry(): AsyncGenerator<Uint8Array> {
  for (let written = 0; written < big; written += chunk.length)
    yield chunk.subarray(0, Math.min(chunk.length, big - written));
}

const started = performance.now();
const handle = await open(path, 'w');
const writer = createZipWriter({ write: async (bytes) => void (await handle.write(bytes)) });
await writer.addEntry('电子档案/录像.mp4', bigEntry, { method: 'store' });
await writer.addEntry('说明文件.TXT', new TextEncoder().encode('载体编号：DG-0001\n'.repeat(100)), {
  method: 'deflate',
});
const { size } = await writer.close();
await handle.close();
const wrote = (performance.now() - started) / 1000;

const unzip = spawnSync('unzip', ['-tq', path], { encoding: 'utf8' });
const python = spawnSync(
  'python3',
  [
    '-c',
    `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip(), [(i.filename, i.file_size, i.header_offset) for i in z.infolist()])`,
    path,
  ],
  { encoding: 'utf8' },
);
// Read through a file handle: Node 20's openAsBlob misreports the size of files of 4 GiB and more.
const file = await fileRandomAccess(path);
const archive = await openZip(file);
let read = 0;
for await (const part of archive.entries[1]!.open()) read += part.length;
await file.close();

console.log(`### ZIP over 4 GiB: ${(size / 1024 ** 3).toFixed(2)} GiB written in ${wrote.toFixed(1)} s\n`);
console.log('| reader | verdict |\n|---|---|');
console.log(
  `| unzip -t | ${unzip.status === 0 ? 'ok' : 'FAILED'}: ${(unzip.stdout + unzip.stderr).trim().split('\n').at(-1)} |`,
);
console.log(
  `| python zipfile testzip | ${python.status === 0 && python.stdout.startsWith('None') ? 'ok' : 'FAILED'}: ${python.stdout.trim() || python.stderr.trim().split('\n').at(-1)} |`,
);
console.log(
  `| dangan openZip | ${archive.entries.length} entries, zip64 ${archive.zip64}, findings ${archive.findings.length}; second entry offset ${archive.entries[1]!.localHeaderOffset} read ${read} B |`,
);
await rm(path);
if (unzip.status !== 0 || python.status !== 0) process.exitCode = 1;
