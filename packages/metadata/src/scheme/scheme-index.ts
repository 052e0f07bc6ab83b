import type { MetadataElement, MetadataScheme } from './model.js';

/** Lookups over a scheme's table, built once per scheme on first use (never at import time). */
export interface SchemeIndex {
  readonly byId: ReadonlyMap<string, MetadataElement>;
  /** Children of each container id; `''` holds the entity roots. */
  readonly children: ReadonlyMap<string, readonly MetadataElement[]>;
  /** Key path of each element id from the record root, e.g. `['文件实体', '内容描述', '题名']`. */
  readonly paths: ReadonlyMap<string, readonly string[]>;
}

const cache = new WeakMap<MetadataScheme, SchemeIndex>();

/**
 * The lookups of a scheme (elements by id, children of each container, key paths).
 *
 * @example
 * schemeIndex(schemes.dat46).paths.get('M22'); // ['文件实体', '内容描述', '题名']
 */
export function schemeIndex(scheme: MetadataScheme): SchemeIndex {
  let index = cache.get(scheme);
  if (index === undefined) {
    index = build(scheme);
    cache.set(scheme, index);
  }
  return index;
}

function build(scheme: MetadataScheme): SchemeIndex {
  const byId = new Map<string, MetadataElement>();
  const children = new Map<string, MetadataElement[]>();
  for (const element of scheme.elements) {
    byId.set(element.id, element);
    const parent = element.parent ?? '';
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [element]);
    else list.push(element);
  }
  const paths = new Map<string, readonly string[]>();
  const pathOf = (element: MetadataElement, seen: Set<string>): readonly string[] => {
    const known = paths.get(element.id);
    if (known !== undefined) return known;
    if (seen.has(element.id)) return [element.key]; // a cycle: reported by checkSchemeIntegrity
    seen.add(element.id);
    const parent = element.parent === undefined ? undefined : byId.get(element.parent);
    const path = parent === undefined ? [element.key] : [...pathOf(parent, seen), element.key];
    paths.set(element.id, path);
    return path;
  };
  for (const element of scheme.elements) pathOf(element, new Set());
  return { byId, children, paths };
}
