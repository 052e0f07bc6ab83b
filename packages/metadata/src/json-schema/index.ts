export {
  type JsonSchema,
  type JsonSchemaOptions,
  type JsonValue,
  schemeToJsonSchema,
} from './scheme-to-json-schema.js';
