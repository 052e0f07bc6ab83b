import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concatBytes } from '@dangan/core';
import { createZipWriter, type ZipWriter } from '../../src/zip/index.js';

/** Whether a command-line tool runs; under CI a missing tool fails instead of skipping. */
export function hasTool(cmd: string, args: string[] = ['-v']): boolean {
  const ok = spawnSync(cmd, args, { stdio: 'ignore' }).error === undefined;
  if (!ok && process.env.CI)
    throw new Error(`${cmd} is required under CI (apt-get install zip unzip python3)`);
  return ok;
}

export const TOOLS = { zip: hasTool('zip'), unzip: hasTool('unzip'), python: hasTool('python3', ['-V']) };

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dangan-zip-'));
}

/** Builds an archive in memory with our writer. */
export async function buildZip(fill: (zip: ZipWriter) => Promise<void>, options = {}): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const zip = createZipWriter({ write: (c) => void parts.push(c.slice()) }, options);
  await fill(zip);
  await zip.close();
  return concatBytes(parts);
}

export function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
