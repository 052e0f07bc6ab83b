import { type MetadataElement, type MetadataScheme, schemeIndex } from '@dangan/metadata';
import { pointerKey } from './outcome.js';

/** Whether a value is a non-array object. */
export function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of an object (never an inherited one such as `constructor`). */
export function own(node: unknown, key: string): unknown {
  return isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

/**
 * The value at a key path of a record, taking the first instance of each repeatable container on the way
 * (the last step may be an array: a repeatable element's values).
 */
export function valueAt(record: unknown, keys: readonly string[]): unknown {
  let node: unknown = record;
  for (let i = 0; i < keys.length; i++) {
    if (Array.isArray(node)) node = node[0];
    node = own(node, keys[i]!);
    if (node === undefined) return undefined;
  }
  return node;
}

/** The key path of an element of a scheme (`['文件实体', '档号']` for M8), or `undefined`. */
export function elementKeys(scheme: MetadataScheme, id: string): readonly string[] | undefined {
  return schemeIndex(scheme).paths.get(id);
}

/** The element of a scheme with this id. */
export function elementOf(scheme: MetadataScheme, id: string): MetadataElement | undefined {
  return schemeIndex(scheme).byId.get(id);
}

/** The JSON pointer of a key path (`/文件实体/档号`). */
export function pointerOf(keys: readonly string[]): string {
  let out = '';
  for (const k of keys) out += `/${pointerKey(k)}`;
  return out;
}

/** How findings name an element: its number (`M22`) or, for rows the standard does not number, its id. */
export function elementLabel(element: MetadataElement): string {
  return element.number ?? element.id;
}

/** The text of a scalar value for comparisons: strings NFKC-normalised and trimmed, numbers as digits. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = value.normalize('NFKC').trim();
    return t === '' ? undefined : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
