import { DanganError } from '../errors/dangan-error.js';

/** A JSON value as audit events carry it. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * Canonical JSON text of a value: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings as `JSON.stringify` writes them (the RFC 8785 rules for the values audit events hold). The
 * same value always gives the same text, so its digest can be recomputed by any verifier.
 * `undefined` members are dropped; non-finite numbers and non-JSON values are refused.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', 0);
}

function write(value: unknown, path: string, depth: number): string {
  if (depth > 64) throw invalid(path, '嵌套过深（超过 64 层）', 'nested deeper than 64 levels');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, '数值不是有限数', 'number is not finite');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v, i) => write(v, `${path}[${i}]`, depth + 1)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw invalid(
          path,
          '只允许普通对象、数组和基本值',
          'only plain objects, arrays and primitives are allowed',
        );
      }
      const entries = Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map(
          (k) =>
            `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${path}.${k}`, depth + 1)}`,
        );
      return `{${entries.join(',')}}`;
    }
    default:
      throw invalid(path, `不支持的值类型 ${typeof value}`, `unsupported value type ${typeof value}`);
  }
}

function invalid(path: string, zh: string, en: string): DanganError {
  return new DanganError('AUDIT_EVENT_INVALID', `审计事件内容无法规范化（${path}）：${zh}`, {
    messageEn: `Audit event content cannot be canonicalised (${path}): ${en}`,
    path,
  });
}
