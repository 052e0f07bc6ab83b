import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

export type { ValidateFunction } from 'ajv';

// ajv is CommonJS; createRequire sidesteps its default-export interop under ESM.
const Ajv2020 = createRequire(import.meta.url)(
  'ajv/dist/2020.js',
) as typeof import('ajv/dist/2020.js').default;

/** RFC 3339 date-time (what `format: 'date-time'` means; ajv-formats is not installed). */
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/** A strict ajv (draft 2020-12) validator of `schema`, with `date-time` checked; fails on any schema warning. */
export function compileStrict(schema: object): ValidateFunction {
  const warnings: unknown[] = [];
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: true,
    strictTuples: true,
    allErrors: true,
    unicodeRegExp: true,
    logger: {
      log: () => {},
      warn: (...a: unknown[]) => warnings.push(a),
      error: (...a: unknown[]) => warnings.push(a),
    },
  });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
  });
  const validate = ajv.compile(schema);
  if (warnings.length > 0) throw new Error(`ajv warnings: ${JSON.stringify(warnings)}`);
  return validate;
}
