import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type ByteSource, chunks, DanganError } from '@dangan/core';
import { type CliIo, type GlobalOptions, t } from './io.js';

/**
 * Whether an output path names a ZIP archive (by its `.zip` extension, any case).
 *
 * @example
 * isZipPath('办件.ZIP'); // true
 */
export function isZipPath(path: string): boolean {
  return /\.zip$/i.test(path);
}

/**
 * Reads and parses a UTF-8 JSON file (a byte order mark is allowed); malformed input is `CLI_INPUT_INVALID`
 * naming the file, an unreadable file the io's `BYTES_READ_FAILED`.
 *
 * @example
 * const caseJson = await loadJson('办件.json', global, io);
 */
export async function loadJson(path: string, global: GlobalOptions, io: CliIo): Promise<unknown> {
  const bytes = await io.readFile(path);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DanganError(
      'CLI_INPUT_INVALID',
      t(global, `${path} 不是有效的 UTF-8 JSON：${reason}`, `${path} is not valid UTF-8 JSON: ${reason}`),
      { messageEn: `${path} is not valid UTF-8 JSON: ${reason}`, cause, path },
    );
  }
}

/**
 * Refuses an output path that exists unless `force` (`CLI_OUTPUT_EXISTS`): dangan never replaces a package,
 * an EEP or a key by accident.
 *
 * @example
 * await assertOutputFree('办件.zip', flag(args, 'force'), global, io);
 */
export async function assertOutputFree(
  path: string,
  force: boolean,
  global: GlobalOptions,
  io: CliIo,
): Promise<void> {
  if (force || !(await io.exists(path))) return;
  throw new DanganError(
    'CLI_OUTPUT_EXISTS',
    t(
      global,
      `输出已存在：${path}（使用 --force 覆盖）`,
      `Output exists: ${path} (use --force to overwrite)`,
    ),
    { messageEn: `Output exists: ${path} (use --force to overwrite)`, path },
  );
}

/**
 * Resolves `path` (relative to `base`, a folder) and refuses anything that leaves `base` — an absolute path,
 * `..` segments, or a symbolic link pointing out of it (`CLI_PATH_OUTSIDE`). The file must exist and be a
 * regular file.
 *
 * @example
 * await resolveInside('/data/办件', '材料/申请书.pdf', global); // '/data/办件/材料/申请书.pdf'
 * await resolveInside('/data/办件', '../secret.pdf', global); // throws CLI_PATH_OUTSIDE
 */
export async function resolveInside(base: string, path: string, global: GlobalOptions): Promise<string> {
  const outside = () =>
    new DanganError(
      'CLI_PATH_OUTSIDE',
      t(
        global,
        `路径“${path}”不在 ${base} 之内（只接受该文件夹内的相对路径）`,
        `Path "${path}" is outside ${base} (only relative paths inside that folder are accepted)`,
      ),
      { messageEn: `Path "${path}" is outside ${base}`, path },
    );
  if (typeof path !== 'string' || path === '' || isAbsolute(path) || /^[a-z]:/i.test(path)) throw outside();
  const root = resolve(base);
  const full = resolve(root, path);
  if (!inside(root, full)) throw outside();
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(full), realpath(root)]);
  } catch (cause) {
    throw new DanganError(
      'BYTES_READ_FAILED',
      t(global, `无法读取文件：${full}`, `Cannot read file: ${full}`),
      { messageEn: `Cannot read file: ${full}`, cause, path: full },
    );
  }
  if (!inside(realRoot, real)) throw outside();
  if (!(await stat(real)).isFile()) {
    throw new DanganError('CLI_INPUT_INVALID', t(global, `不是文件：${full}`, `Not a file: ${full}`), {
      messageEn: `Not a file: ${full}`,
      path: full,
    });
  }
  return full;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Size of a file in bytes.
 *
 * @example
 * await fileSize('申请书.pdf'); // 1002
 */
export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

/**
 * Size of the regular file `path`; a missing, unreadable or non-regular file is `BYTES_READ_FAILED` naming it
 * (exit 2).
 *
 * @example
 * const total = await readableSize('件.eep', global);
 */
export async function readableSize(path: string, global: GlobalOptions): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a regular file');
    return s.size;
  } catch (cause) {
    throw new DanganError(
      'BYTES_READ_FAILED',
      t(global, `无法读取文件：${path}`, `Cannot read file: ${path}`),
      {
        messageEn: `Cannot read file: ${path}`,
        cause,
        path,
      },
    );
  }
}

const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Streams `source` into the file `path`: written to a temporary sibling and renamed only once complete, so a
 * failed or interrupted write leaves nothing that looks finished. Without `overwrite`, an existing `path`
 * fails the write (`CLI_OUTPUT_EXISTS`). Returns the bytes written.
 *
 * @example
 * await writeSourceToFile('0001.eep', buildEep(options), { overwrite: false });
 */
export async function writeSourceToFile(
  path: string,
  source: ByteSource,
  options: { readonly overwrite: boolean },
): Promise<number> {
  const target = resolve(path);
  const partial = join(dirname(target), `.${basename(target)}.partial-${randomUUID()}`);
  await mkdir(dirname(target), { recursive: true });
  const handle = await open(partial, WRITE_FLAGS, 0o644);
  let size = 0;
  try {
    for await (const chunk of chunks(source)) {
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
      size += chunk.length;
    }
    await handle.sync().catch(() => undefined);
    await handle.close();
    if (!options.overwrite && (await exists(target))) {
      throw new DanganError('CLI_OUTPUT_EXISTS', `输出已存在：${target}`, {
        messageEn: `Output exists: ${target}`,
        path: target,
      });
    }
    await rename(partial, target);
    return size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
