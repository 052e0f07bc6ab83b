import { RuleParamError } from './outcome.js';

type Params = Readonly<Record<string, unknown>>;

function bad(name: string, zhExpected: string, enExpected: string, value: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  throw new RuleParamError(
    `检测参数 ${name} 应为${zhExpected}，实为 ${shown}`,
    `parameter ${name} must be ${enExpected}, got ${shown}`,
  );
}

/** A string parameter, one of `allowed` when given; `fallback` when absent. */
export function stringParam<T extends string>(
  params: Params,
  name: string,
  fallback: T,
  allowed?: readonly T[],
): T {
  const v = params[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || (allowed !== undefined && !allowed.includes(v as T)))
    bad(
      name,
      allowed === undefined ? '字符串' : `${allowed.join('、')} 之一`,
      allowed === undefined ? 'a string' : `one of ${allowed.join(', ')}`,
      v,
    );
  return v as T;
}

/** A boolean parameter; `fallback` when absent. */
export function booleanParam(params: Params, name: string, fallback: boolean): boolean {
  const v = params[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') bad(name, 'true 或 false', 'a boolean', v);
  return v;
}

/** A non-negative safe integer parameter; `fallback` when absent. */
export function integerParam(params: Params, name: string, fallback: number): number {
  const v = params[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    bad(name, '非负整数', 'a non-negative integer', v);
  return v;
}

/** A list of non-empty strings; `fallback` when absent. */
export function stringListParam(
  params: Params,
  name: string,
  fallback: readonly string[],
): readonly string[] {
  const v = params[name];
  if (v === undefined) return fallback;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === ''))
    bad(name, '非空字符串数组', 'an array of non-empty strings', v);
  return v as readonly string[];
}

/** A plain-object parameter; `undefined` when absent. */
export function objectParam(params: Params, name: string): Readonly<Record<string, unknown>> | undefined {
  const v = params[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(name, '对象', 'an object', v);
  return v as Readonly<Record<string, unknown>>;
}
