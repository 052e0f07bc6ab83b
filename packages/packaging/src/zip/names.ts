import type { ZipFindingCode } from './codes.js';

/** Why a name is unsafe, or `undefined` when it is fine. */
export interface NameProblem {
  readonly code: ZipFindingCode;
  readonly message: string;
  readonly messageEn: string;
}

/**
 * Checks one entry name (条目名) against the safety rules shared by the writer and the reader: no NUL,
 * no backslash, not absolute, no drive letter, no empty, `.` or `..` segment. Directory names end in `/`.
 *
 * @example
 * checkEntryName('../etc/passwd'); // { code: 'ZIP_NAME_UNSAFE', … }
 * checkEntryName('文件/正文.pdf');  // undefined
 */
export function checkEntryName(name: string): NameProblem | undefined {
  const unsafe = (why: string, whyEn: string): NameProblem => ({
    code: 'ZIP_NAME_UNSAFE',
    message: `不安全的条目名“${name}”：${why}`,
    messageEn: `Unsafe entry name "${name}": ${whyEn}`,
  });
  if (name.length === 0) return unsafe('名称为空', 'empty name');
  if (name.includes('\0')) return unsafe('含 NUL 字符', 'contains NUL');
  if (name.includes('\\')) return unsafe('含反斜杠', 'contains a backslash');
  if (name.startsWith('/')) return unsafe('是绝对路径', 'absolute path');
  if (/^[A-Za-z]:/.test(name)) return unsafe('含盘符', 'drive letter');
  const body = name.endsWith('/') ? name.slice(0, -1) : name;
  for (const segment of body.split('/')) {
    if (segment === '..') return unsafe('含“..”路径段（路径穿越）', 'path traversal ("..")');
    if (segment === '.' || segment === '') return unsafe('含空或“.”路径段', 'empty or "." segment');
  }
  return undefined;
}

/** The folder depth of a name: `a/b/c.txt` is 3, `a/` is 1. */
export function nameDepth(name: string): number {
  const body = name.endsWith('/') ? name.slice(0, -1) : name;
  return body.split('/').length;
}

/** The key under which two names collide when only case (or Unicode normalisation) differs. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
