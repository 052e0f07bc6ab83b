/**
 * `@dangan/metadata/zod`: zod schemas derived from the metadata scheme tables. Kept out of the main entry
 * so that hosts that do not use zod do not load it.
 *
 * @module
 */
export { schemeToZod, type ZodRecordSchema, type ZodSchemeOptions } from './scheme-to-zod.js';
