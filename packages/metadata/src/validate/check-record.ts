import { DanganError } from '@dangan/core';
import type { MetadataScheme } from '../scheme/model.js';
import type { MetadataRecord } from '../scheme/record-type.js';
import { compileScheme } from './compile.js';
import type { MetadataFinding, RecordValidation, ValidateRecordOptions } from './types.js';
import { createContext, isPlainObject, reportNotAnObject, walkRecord } from './walk.js';

/**
 * Every finding about a metadata record against a scheme (元数据检测): errors, warnings and notes, each
 * with a stable code (see `METADATA_FINDING_CODES`), a Chinese message naming the element, its English
 * rendering, the path in the record, the element number and the DA/T 70 item. This is what the checks
 * package runs for GD-1-2…GD-1-6, GD-2-3 and GD-2-4.
 *
 * The scheme is compiled once (cached per scheme object) and checked for integrity on first use.
 *
 * @example
 * const findings = checkRecord(record, schemes.dat46, { now: new Date('2026-01-01') });
 * // [{ code: 'METADATA_REQUIRED_MISSING', severity: 'error', message: 'M22 题名：必选元素缺失',
 * //    path: '/文件实体/内容描述/题名', element: 'M22', item: 'GD-2-4', … }]
 */
export function checkRecord(
  record: unknown,
  scheme: MetadataScheme,
  options?: ValidateRecordOptions,
): MetadataFinding[] {
  const compiled = compileScheme(scheme);
  const ctx = createContext(scheme, options);
  if (isPlainObject(record)) walkRecord(ctx, compiled.root, record);
  else reportNotAnObject(ctx, record);
  return ctx.findings;
}

/**
 * Validates a metadata record against a scheme without throwing: `{ ok: true, value, findings }` when no
 * finding is an error (findings then hold the warnings), otherwise `{ ok: false, findings, error }` with
 * the `DanganError('METADATA_INVALID')` that {@link validateRecord} would throw.
 *
 * @example
 * const r = safeValidateRecord(input, schemes.dat46);
 * if (r.ok) save(r.value); // typed MetadataRecord<typeof schemes.dat46>
 * else show(r.findings.filter((f) => f.severity === 'error'));
 */
export function safeValidateRecord<S extends MetadataScheme>(
  record: unknown,
  scheme: S,
  options?: ValidateRecordOptions,
): RecordValidation<MetadataRecord<S>> {
  const findings = checkRecord(record, scheme, options);
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  if (errors === 0) return { ok: true, value: record as MetadataRecord<S>, findings };
  return { ok: false, findings, error: invalid(scheme, findings, errors, options?.lang === 'en') };
}

/**
 * Validates a metadata record against a scheme (元数据校验) and returns it typed as the scheme's record
 * type; the same object, not a copy. Throws `DanganError('METADATA_INVALID')` carrying all findings when
 * any finding is an error; warnings (legacy values, private-use characters…) do not fail validation.
 *
 * @example
 * const record = validateRecord(JSON.parse(text), schemes.dat46);
 * record.文件实体.内容描述.题名; // string
 */
export function validateRecord<S extends MetadataScheme>(
  record: unknown,
  scheme: S,
  options?: ValidateRecordOptions,
): MetadataRecord<S> {
  const result = safeValidateRecord(record, scheme, options);
  if (result.ok) return result.value;
  throw result.error;
}

function invalid(
  scheme: MetadataScheme,
  findings: readonly MetadataFinding[],
  errors: number,
  english: boolean,
): DanganError {
  const first = findings.filter((f) => f.severity === 'error').slice(0, 3);
  const more = errors > first.length ? '等' : '';
  const moreEn = errors > first.length ? '; …' : '';
  const en = `The metadata record does not conform to ${scheme.standard} (${scheme.id}): ${errors} error(s). ${first.map((f) => f.messageEn).join('; ')}${moreEn}`;
  // With lang 'en' the findings' messages are English too, so the whole message is.
  const zh = english
    ? en
    : `元数据记录不符合 ${scheme.standard}（${scheme.id}）：${errors} 项错误。${first.map((f) => f.message).join('；')}${more}`;
  return new DanganError('METADATA_INVALID', zh, { messageEn: en, findings });
}
