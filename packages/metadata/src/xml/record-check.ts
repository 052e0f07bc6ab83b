import { type Finding, findInvalidXmlChar } from '@dangan/core';
import type { ChildBinding, ContainerBinding, SchemeBinding } from './binding.js';
import { xmlFinding } from './findings.js';

/** Most findings one check collects before it stops looking. */
const MAX_FINDINGS = 100;

/**
 * Checks, before anything is written, that a record (or part of one) can be written as XML: every key is an
 * element of the scheme at that place, containers are plain objects, repeatable elements are arrays,
 * simple values are strings or finite numbers, and text holds only characters XML 1.0 allows. It does not
 * check obligations or value domains (that is `validateRecord`). Appends `METADATA_XML_UNWRITABLE` findings.
 */
export function checkWritable(
  binding: SchemeBinding,
  container: ContainerBinding,
  value: unknown,
  path: string,
  out: Finding[],
): void {
  if (!isPlainObject(value)) {
    push(out, path, undefined, '应为对象', 'must be an object');
    return;
  }
  for (const key of Object.keys(value)) {
    if (out.length >= MAX_FINDINGS) return;
    const v = value[key];
    if (v === undefined) continue;
    const childPath = path === '' ? key : `${path}.${key}`;
    const child = container.byKey.get(key);
    if (child === undefined) {
      push(
        out,
        childPath,
        undefined,
        '不是方案中此处的元素',
        'is not an element of the scheme at this place',
      );
      continue;
    }
    if (child.repeatable) {
      if (!Array.isArray(v)) {
        push(out, childPath, child, '可重复，应为数组', 'is repeatable and must be an array');
        continue;
      }
      for (let i = 0; i < v.length; i++) checkItem(binding, child, v[i], `${childPath}[${i}]`, out);
    } else if (Array.isArray(v)) {
      push(out, childPath, child, '不可重复，不能是数组', 'is not repeatable and must not be an array');
    } else {
      checkItem(binding, child, v, childPath, out);
    }
  }
}

function checkItem(
  binding: SchemeBinding,
  child: ChildBinding,
  v: unknown,
  path: string,
  out: Finding[],
): void {
  if (child.container) {
    checkWritable(binding, binding.container(child.element.id), v, path, out);
    return;
  }
  if (typeof v === 'string') {
    const bad = findInvalidXmlChar(v);
    if (bad >= 0) {
      const cp = `U+${(v.codePointAt(bad) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      push(
        out,
        path,
        child,
        `含有 XML 1.0 不允许的字符 ${cp}`,
        `contains ${cp}, which XML 1.0 does not allow`,
      );
    }
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) push(out, path, child, '不是有限数值', 'is not a finite number');
  } else {
    const what = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
    push(out, path, child, `应为文本或数值，实为 ${what}`, `must be a string or a number, got ${what}`);
  }
}

function push(out: Finding[], path: string, child: ChildBinding | undefined, zh: string, en: string): void {
  const where = path === '' ? '记录' : path;
  out.push(
    xmlFinding(
      'METADATA_XML_UNWRITABLE',
      'error',
      `${where} ${zh}`,
      `${path || 'The record'} ${en}`,
      path,
      child?.element.id,
    ),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
