import { access, readFile, rename, writeFile } from 'node:fs/promises';
import { DanganError } from '@dangan/core';
import type { CliIo } from './io.js';

/**
 * The real terminal and file system. Files are written to a temporary name and renamed, so an interrupted
 * write never leaves a truncated key or report behind.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), nodeIo());
 */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    async readFile(path) {
      try {
        return new Uint8Array(await readFile(path));
      } catch (cause) {
        throw new DanganError('BYTES_READ_FAILED', `无法读取文件：${path}`, {
          messageEn: `Cannot read file: ${path}`,
          cause,
          path,
        });
      }
    },
    async writeFile(path, data, mode) {
      const temporary = `${path}.${process.pid}.partial`;
      await writeFile(temporary, data, mode === undefined ? {} : { mode });
      await rename(temporary, path);
    },
    async exists(path) {
      try {
        await access(path);
        return true;
      } catch {
        return false;
      }
    },
  };
}
