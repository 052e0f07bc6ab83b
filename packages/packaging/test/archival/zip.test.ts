import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchivalPackage, readArchivalPackage } from '../../src/archival/index.js';
import { zipFileSink } from '../../src/node/index.js';
import { openPackage, zipSink } from '../../src/sinks/index.js';
import { failingAfter, threeItemCase } from './fixtures.js';

const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).error === undefined;

describe('an archival package as a ZIP', () => {
  it('is written by the zip sink and read back through the safe ZIP reader', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, zipSink());
    const bytes = result.written.bytes!;
    const { source, findings } = await openPackage(bytes);
    expect(findings).toEqual([]);
    const reading = await readArchivalPackage(source);
    expect(reading.findings).toEqual([]);
    expect(reading.manifest).toEqual(result.manifest);
    expect(reading.records).toEqual(input.items.map((i) => i.record));
    if (hasUnzip) {
      const dir = await mkdtemp(join(tmpdir(), 'dangan-archival-zip-'));
      try {
        await writeFile(join(dir, 'p.zip'), bytes);
        const r = spawnSync('unzip', ['-t', join(dir, 'p.zip')]);
        expect(r.status, r.stdout.toString()).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });

  it('leaves no file behind when a source fails', async () => {
    const { input, files } = threeItemCase();
    const items = input.items.map((item, i) =>
      i === 0 ? { ...item, files: [{ source: failingAfter(files[0]![0]!.bytes), attributeIndex: 0 }] } : item,
    );
    const dir = await mkdtemp(join(tmpdir(), 'dangan-archival-zip-'));
    try {
      await expect(
        buildArchivalPackage({ ...input, items }, zipFileSink(join(dir, 'p.zip'))),
      ).rejects.toMatchObject({ code: 'ARCHIVAL_BUILD_FAILED' });
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
