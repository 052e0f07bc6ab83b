import type { Finding } from '@dangan/core';
import {
  COMPONENT_ROLE_DIMENSIONS,
  type ComponentRoleDimension,
  HANDLING_FORM_DIMENSION,
  type RoleTable,
  roleTable,
} from './component-roles.js';

/** A component as {@link orderComponents} reads it by default: its roles (`['正本', '正文']`) or one role. */
export interface OrderableComponent {
  /** Roles of the component, any order (`['定稿', '附件']`). */
  readonly roles?: readonly string[] | undefined;
  /** One role, when the component has just one. Used when `roles` is absent. */
  readonly role?: string | undefined;
}

/** Options of {@link orderComponents} and {@link componentRoleFindings}. */
export interface OrderComponentsOptions<T> {
  /** Reads a component's roles (default: `roles`, else `role`). */
  readonly roles?: (component: T) => readonly string[] | string | undefined;
  /** The rules (default {@link COMPONENT_ROLE_DIMENSIONS}), most significant dimension first. */
  readonly dimensions?: readonly ComponentRoleDimension[];
  /**
   * Where 文件处理单 / 发文稿纸 go (default `'first'`; low confidence — DA/T 22-2015's exact wording on their
   * place was not found). Applies to the dimension with id `handling-form`.
   */
  readonly handlingForm?: 'first' | 'last';
}

function defaultRoles(component: unknown): readonly string[] | string | undefined {
  if (component === null || typeof component !== 'object') return undefined;
  const c = component as OrderableComponent;
  return c.roles ?? c.role;
}

function rolesOf<T>(component: T, read: OrderComponentsOptions<T>['roles']): readonly string[] {
  const value = read === undefined ? defaultRoles(component) : read(component);
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) throw new TypeError('component roles must be a string or an array of strings');
  return value;
}

/**
 * Fills `v` with the ranks of one component, one per dimension: the smallest of its roles there, else the
 * dimension's absent rank.
 */
function fillRanks(
  v: Int32Array,
  seen: Uint8Array,
  roles: readonly string[],
  table: RoleTable,
  absent: Int32Array,
): void {
  v.set(absent);
  seen.fill(0);
  for (const role of roles) {
    if (typeof role !== 'string') continue;
    const place = table.place(role);
    if (place === undefined) continue;
    const d = place.dimension;
    if (seen[d] === 0 || place.rank < v[d]!) v[d] = place.rank;
    seen[d] = 1;
  }
}

function absentRanks(
  dimensions: readonly ComponentRoleDimension[],
  handlingForm: 'first' | 'last',
): number[] {
  return dimensions.map((d) => {
    if (d.id === HANDLING_FORM_DIMENSION) return handlingForm === 'first' ? d.ranks.length : -1;
    return d.absent ?? 0;
  });
}

interface Scale {
  /** Smallest rank any dimension can give (≤ -1). */
  readonly min: number;
  /** Radix of the packed rank, or 0 when the vector does not fit in one safe integer. */
  readonly radix: number;
}

const SCALES = new WeakMap<readonly ComponentRoleDimension[], Map<string, Scale>>();

/** How rank vectors of a table pack into one number (lexicographic order = numeric order). */
function scaleOf(dimensions: readonly ComponentRoleDimension[], absent: readonly number[]): Scale {
  const id = absent.join();
  let byAbsent = SCALES.get(dimensions);
  const hit = byAbsent?.get(id);
  if (hit !== undefined) return hit;
  let min = -1;
  let max = 0;
  dimensions.forEach((d, i) => {
    min = Math.min(min, absent[i]!);
    max = Math.max(max, d.ranks.length, absent[i]!);
  });
  const radix = max - min + 1;
  const scale = { min, radix: radix ** dimensions.length <= Number.MAX_SAFE_INTEGER ? radix : 0 };
  if (byAbsent === undefined) {
    byAbsent = new Map();
    SCALES.set(dimensions, byAbsent);
  }
  byAbsent.set(id, scale);
  return scale;
}

/**
 * The components of one 件 in 件内排序 order (DA/T 22-2015 §5.3.2, filing-rules §6.1): 文件处理单 first, 复文
 * before 来文, 转发文 before 被转发文, 正本 before 定稿, 原件 before 复制件, 汉文本 before 少数民族文字本,
 * 中文本 before 外文本, 正文 before 附件 — as the data in {@link COMPONENT_ROLE_DIMENSIONS}, which the host can
 * replace. Components compare dimension by dimension (the first dimension that differs decides); a component
 * with no role of a dimension takes that dimension's `absent` rank. The sort is stable: equal components keep
 * their input order. Roles not in the table are ignored (see {@link componentRoleFindings}). Returns a new
 * array; the input is not changed.
 *
 * This orders by document role; ordering 办件 materials by class (依据性 → 程序性 → 结果性) is the 办件
 * functions' job.
 *
 * @example
 * orderComponents([
 *   { name: '定稿', roles: ['定稿'] },
 *   { name: '附件', roles: ['正本', '附件'] },
 *   { name: '处理单', role: '文件处理单' },
 *   { name: '正本', roles: ['正本', '正文'] },
 * ]).map((c) => c.name);
 * // ['处理单', '正本', '附件', '定稿']
 */
export function orderComponents<T>(components: readonly T[], options: OrderComponentsOptions<T> = {}): T[] {
  if (!Array.isArray(components)) throw new TypeError('components must be an array');
  const dimensions = options.dimensions ?? COMPONENT_ROLE_DIMENSIONS;
  const handlingForm = options.handlingForm ?? 'first';
  if (handlingForm !== 'first' && handlingForm !== 'last') {
    throw new RangeError(`handlingForm must be 'first' or 'last', got ${String(handlingForm)}`);
  }
  const n = components.length;
  if (n < 2) return components.slice();
  const table = roleTable(dimensions);
  const absentList = absentRanks(dimensions, handlingForm);
  const absent = Int32Array.from(absentList);
  const { min, radix } = scaleOf(dimensions, absentList);
  const width = absent.length;
  const seen = new Uint8Array(width);
  let index: number[];
  if (radix > 0) {
    // Pack each rank vector into one number, the first dimension most significant; then a stable sort.
    const v = new Int32Array(width);
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      fillRanks(v, seen, rolesOf(components[i]!, options.roles), table, absent);
      let p = 0;
      for (let d = 0; d < width; d++) p = p * radix + (v[d]! - min);
      packed[i] = p;
    }
    index = stableOrder(packed);
  } else {
    const vectors = new Array<Int32Array>(n);
    for (let i = 0; i < n; i++) {
      vectors[i] = new Int32Array(width);
      fillRanks(vectors[i]!, seen, rolesOf(components[i]!, options.roles), table, absent);
    }
    index = Array.from({ length: n }, (_, i) => i);
    index.sort((a, b) => {
      const va = vectors[a]!;
      const vb = vectors[b]!;
      for (let d = 0; d < width; d++) {
        const diff = va[d]! - vb[d]!;
        if (diff !== 0) return diff;
      }
      return a - b;
    });
  }
  return index.map((i) => components[i]!);
}

/** Indexes in ascending order of `keys`, equal keys in index order: insertion sort for the usual few, else sort. */
function stableOrder(keys: Float64Array): number[] {
  const n = keys.length;
  const index = new Array<number>(n);
  if (n > 24) {
    for (let i = 0; i < n; i++) index[i] = i;
    return index.sort((a, b) => keys[a]! - keys[b]! || a - b);
  }
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let j = i;
    while (j > 0 && keys[index[j - 1]!]! > k) {
      index[j] = index[j - 1]!;
      j--;
    }
    index[j] = i;
  }
  return index;
}

/**
 * Notes on components' roles against the ordering table: `FILING_COMPONENT_ROLE_UNKNOWN` (warning) for a role
 * the table does not know, `FILING_COMPONENT_ROLE_CONFLICT` (warning) for two roles of one dimension. `path`
 * is the component's index (`/2`).
 *
 * @example
 * componentRoleFindings([{ roles: ['正文', '附件'] }, { role: '封面' }]).map((f) => f.code);
 * // ['FILING_COMPONENT_ROLE_CONFLICT', 'FILING_COMPONENT_ROLE_UNKNOWN']
 */
export function componentRoleFindings<T>(
  components: readonly T[],
  options: Pick<OrderComponentsOptions<T>, 'roles' | 'dimensions'> = {},
): Finding[] {
  if (!Array.isArray(components)) throw new TypeError('components must be an array');
  const dimensions = options.dimensions ?? COMPONENT_ROLE_DIMENSIONS;
  const table = roleTable(dimensions);
  const out: Finding[] = [];
  components.forEach((component, i) => {
    const seen = new Map<number, string>();
    for (const role of rolesOf(component, options.roles)) {
      if (typeof role !== 'string') continue;
      const place = table.place(role);
      if (place === undefined) {
        out.push({
          code: 'FILING_COMPONENT_ROLE_UNKNOWN',
          severity: 'warning',
          message: `第 ${i + 1} 个组件的角色“${role}”不在件内排序规则表中，排序时不起作用`,
          messageEn: `Component ${i + 1}: role "${role}" is not in the ordering table and is ignored`,
          path: `/${i}`,
        });
        continue;
      }
      const other = seen.get(place.dimension);
      if (other !== undefined) {
        const name = dimensions[place.dimension]?.name ?? '';
        out.push({
          code: 'FILING_COMPONENT_ROLE_CONFLICT',
          severity: 'warning',
          message: `第 ${i + 1} 个组件在“${name}”上同时是“${other}”和“${role}”，按靠前的一个排序`,
          messageEn: `Component ${i + 1} is both "${other}" and "${role}" (${name}); the earlier one is used`,
          path: `/${i}`,
        });
      } else {
        seen.set(place.dimension, role);
      }
    }
  });
  return out;
}
