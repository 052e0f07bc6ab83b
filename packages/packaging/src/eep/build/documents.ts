import type { EepDocumentSpec } from './options.js';

/** One `文档` to write: its declaration, title, sequence and versions (lists of file indices). */
export interface ResolvedDocument {
  readonly role: '主文档' | '附属文档';
  readonly title: string | undefined;
  readonly sequence: string | undefined;
  readonly versions: readonly (readonly number[])[];
}

/**
 * The `文档`/`文档数据` layout of `fileCount` files: the given specs checked (every file exactly once, in
 * order 0, 1, 2 … across documents and versions, no empty document or version), or by default one 文档 per
 * file, the first 主文档 and the others 附属文档. `recordSequence` (the record's 档号/文档序号) goes to the
 * first 文档 when no spec gives a sequence. Bad specs throw `RangeError`/`TypeError` (they are arguments).
 *
 * @example
 * resolveDocuments(undefined, 2, undefined); // [{ role: '主文档', versions: [[0]] … }, { role: '附属文档', versions: [[1]] … }]
 */
export function resolveDocuments(
  specs: readonly EepDocumentSpec[] | undefined,
  fileCount: number,
  recordSequence: string | undefined,
): ResolvedDocument[] {
  if (specs === undefined) {
    return Array.from({ length: fileCount }, (_, i) => ({
      role: i === 0 ? '主文档' : '附属文档',
      title: undefined,
      sequence: i === 0 ? recordSequence : undefined,
      versions: [[i]],
    }));
  }
  if (!Array.isArray(specs)) throw new TypeError('documents must be an array');
  if (fileCount > 0 && specs.length === 0) throw new RangeError('documents must list every file');
  let expected = 0;
  const anySequence = specs.some((s) => s?.sequence !== undefined);
  const out = specs.map((spec, d): ResolvedDocument => {
    if (
      spec === null ||
      typeof spec !== 'object' ||
      !Array.isArray(spec.versions) ||
      spec.versions.length === 0
    )
      throw new RangeError(`documents[${d}].versions must be a non-empty array of file index lists`);
    if (spec.role !== undefined && spec.role !== '主文档' && spec.role !== '附属文档')
      throw new RangeError(`documents[${d}].role must be 主文档 or 附属文档`);
    for (const key of ['title', 'sequence'] as const) {
      if (spec[key] !== undefined && typeof spec[key] !== 'string')
        throw new TypeError(`documents[${d}].${key} must be a string`);
    }
    const versions: readonly (readonly number[])[] = spec.versions;
    versions.forEach((version, v) => {
      if (!Array.isArray(version) || version.length === 0)
        throw new RangeError(`documents[${d}].versions[${v}] must be a non-empty array of file indices`);
      for (const index of version) {
        if (index !== expected) {
          throw new RangeError(
            `documents[${d}].versions[${v}] lists file ${String(index)} where file ${expected} comes next: ` +
              'list every file once, in order, so that 编码 match the record’s 电子属性',
          );
        }
        expected++;
      }
    });
    return {
      role: spec.role ?? (d === 0 ? '主文档' : '附属文档'),
      title: spec.title,
      sequence: spec.sequence ?? (d === 0 && !anySequence ? recordSequence : undefined),
      versions: versions.map((v) => [...v]),
    };
  });
  if (expected !== fileCount)
    throw new RangeError(`documents list ${expected} files but ${fileCount} were given`);
  return out;
}
