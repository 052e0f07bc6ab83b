import { DanganError } from '@dangan/core';
import type { Condition, MetadataScheme } from './model.js';
import { schemeIndex } from './scheme-index.js';

/**
 * Problems in a scheme's table itself (not in a record): duplicate ids, unknown parents, parents that are
 * not containers, duplicate keys under one container, cycles, conditions or rules naming unknown elements,
 * invalid patterns. An empty list means the table can be interpreted.
 *
 * @example
 * checkSchemeIntegrity(myScheme); // [] when the table is sound
 */
export function checkSchemeIntegrity(scheme: MetadataScheme): string[] {
  const problems: string[] = [];
  const { byId, children, paths } = schemeIndex(scheme);
  const seenIds = new Set<string>();
  for (const e of scheme.elements) {
    if (seenIds.has(e.id)) problems.push(`元素编号重复：${e.id}`);
    seenIds.add(e.id);
    if (e.parent !== undefined) {
      const parent = byId.get(e.parent);
      if (parent === undefined) problems.push(`${e.id} 的上级元素不存在：${e.parent}`);
      else if (parent.type !== 'container') problems.push(`${e.id} 的上级元素 ${e.parent} 不是容器型`);
    }
    if ((paths.get(e.id)?.length ?? 0) > 32) problems.push(`${e.id} 嵌套过深或存在循环`);
    if (e.type === 'enum' && (e.domain?.enum === undefined || e.domain.enum.length === 0)) {
      problems.push(`${e.id} 为枚举型但没有值域`);
    }
    if (e.domain?.pattern !== undefined) {
      try {
        new RegExp(e.domain.pattern, 'u');
      } catch {
        problems.push(`${e.id} 的格式模式不是有效的正则表达式：${e.domain.pattern}`);
      }
    }
    if (e.obligation.kind === '条件选' && e.obligation.when !== undefined) {
      for (const ref of conditionRefs(e.obligation.when)) {
        if (!byId.has(ref)) problems.push(`${e.id} 的条件引用了不存在的元素：${ref}`);
      }
    }
  }
  for (const [parent, list] of children) {
    const keys = new Set<string>();
    for (const e of list) {
      if (keys.has(e.key)) problems.push(`${parent || '根'} 下元素名重复：${e.key}`);
      keys.add(e.key);
    }
  }
  for (const rule of scheme.rules ?? []) {
    const refs = rule.kind === 'yearMatchesDate' ? [rule.year, rule.date] : [rule.earlier, rule.later];
    for (const ref of refs) if (!byId.has(ref)) problems.push(`一致性规则引用了不存在的元素：${ref}`);
  }
  return problems;
}

/**
 * Throws `DanganError('METADATA_SCHEME_INVALID')` listing the problems when a scheme's table is unsound.
 *
 * @example
 * assertSchemeIntegrity(extendScheme(schemes.dat46, changes));
 */
export function assertSchemeIntegrity(scheme: MetadataScheme): void {
  const problems = checkSchemeIntegrity(scheme);
  if (problems.length > 0) {
    throw new DanganError('METADATA_SCHEME_INVALID', `元数据方案 ${scheme.id} 有误：${problems.join('；')}`, {
      messageEn: `Metadata scheme ${scheme.id} is invalid: ${problems.length} problem(s)`,
      findings: problems.map((message) => ({
        code: 'METADATA_SCHEME_INVALID',
        severity: 'error' as const,
        message,
      })),
    });
  }
}

/**
 * Element ids a condition refers to.
 *
 * @example
 * conditionRefs({ all: [{ element: 'M1', in: ['文件'] }, { absent: 'M18' }] }); // ['M1', 'M18']
 */
export function conditionRefs(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionRefs);
  if ('any' in condition) return condition.any.flatMap(conditionRefs);
  if ('present' in condition) return [condition.present];
  if ('absent' in condition) return [condition.absent];
  return [condition.element];
}
