/**
 * One dimension of 件内排序 (ordering the components of one 件, DA/T 22-2015 §5.3.2): the roles a component can
 * have on it, best first. Roles in one rank group are equal (`汉文本` and `中文本`).
 */
export interface ComponentRoleDimension {
  /** Stable id (`version`). */
  readonly id: string;
  /** Chinese name (`稿本`). */
  readonly name: string;
  /** Rank groups, first to last; each group lists the role names (and their aliases) of that rank. */
  readonly ranks: readonly (readonly string[])[];
  /**
   * Rank of a component that has no role of this dimension (default `0`: an unmarked component counts as the
   * principal one — the 正文, the 原件, the 中文本). `ranks.length` or more puts it after every role; `-1`
   * before every role.
   */
  readonly absent?: number;
  /** Where the rule comes from. */
  readonly source?: string;
  /** How sure the rule is (filing-rules.md): `medium` from DA/T 22-2015 as reproduced, `low` unconfirmed. */
  readonly confidence?: 'high' | 'medium' | 'low';
  /** Notes on what is a proposal. */
  readonly note?: string;
}

/**
 * The id of the dimension that places 文件处理单 / 发文稿纸 in a 件; the `handlingForm` option of
 * `orderComponents` moves it first or last.
 */
export const HANDLING_FORM_DIMENSION = 'handling-form';

/**
 * The default 件内排序 rules as data, most significant dimension first (filing-rules §6.1):
 *
 * 1. 文件处理单 / 发文稿纸 first (low confidence: where they go is not confirmed; the `handlingForm` option of
 *    `orderComponents` puts them last);
 * 2. 复文 before 来文 (when they form one 件);
 * 3. 转发文 before 被转发文;
 * 4. 正本 before 定稿 (副本 with 正本; successive drafts after the 定稿 — a proposal);
 * 5. 原件 before 复制件;
 * 6. 汉文本 / 中文本 before 少数民族文字本 before 外文本 (翻译本 with 外文本 — a proposal);
 * 7. 正文 before 附件.
 *
 * Whole documents (a 复文 and its 来文, a 正本 and its 定稿) stay together because their dimensions rank above
 * 正文/附件: `正本·正文, 正本·附件, 定稿·正文`. The order of dimensions is a proposal; the pairwise rules are
 * DA/T 22-2015's (medium). Pass your own table to `orderComponents` to change any of it, e.g.
 * `[...COMPONENT_ROLE_DIMENSIONS, { id: 'mine', name: '…', ranks: [['甲'], ['乙']] }]`.
 *
 * @example
 * COMPONENT_ROLE_DIMENSIONS.map((d) => d.name);
 * // ['文件处理单', '复文与来文', '转发文与被转发文', '稿本', '原件与复制件', '文字', '正文与附件']
 */
export const COMPONENT_ROLE_DIMENSIONS: readonly ComponentRoleDimension[] = [
  {
    id: HANDLING_FORM_DIMENSION,
    name: '文件处理单',
    ranks: [['文件处理单', '发文稿纸', '公文处理单', '发文处理单', '收文处理单', '办文单', '发文单']],
    absent: 1,
    source: 'DA/T 22-2015 §5.1（归入所属文件的件）',
    confidence: 'low',
    note: '位置未经证实；默认排在最前，可用 handlingForm: "last" 改为最后',
  },
  {
    id: 'reply',
    name: '复文与来文',
    ranks: [
      ['复文', '批复', '复函', '批示'],
      ['来文', '请示', '来函', '报告'],
    ],
    source: 'DA/T 22-2015 §5.3.2：复文在前，来文在后',
    confidence: 'medium',
    note: '请示/批复、报告/批示、函/复函 作为别名是提议',
  },
  {
    id: 'forwarding',
    name: '转发文与被转发文',
    ranks: [['转发文'], ['被转发文']],
    source: 'DA/T 22-2015 §5.3.2：转发文在前，被转发文在后',
    confidence: 'medium',
  },
  {
    id: 'version',
    name: '稿本',
    ranks: [['正本', '副本'], ['定稿'], ['修改稿', '修订稿', '送审稿', '征求意见稿'], ['草稿', '初稿']],
    source: 'DA/T 22-2015 §5.3.2：正本在前，定稿在后',
    confidence: 'medium',
    note: '正本、定稿之后的历次修改稿与草稿的位置是提议',
  },
  {
    id: 'copy',
    name: '原件与复制件',
    ranks: [['原件'], ['复制件', '复印件']],
    source: 'DA/T 22-2015 §5.3.2：原件在前，复制件在后',
    confidence: 'medium',
  },
  {
    id: 'language',
    name: '文字',
    ranks: [
      ['汉文本', '中文本', '汉文文本', '中文文本'],
      ['少数民族文字本', '少数民族文字文本'],
      ['外文本', '外文文本', '翻译本', '译文'],
    ],
    source: 'DA/T 22-2015 §5.3.2：汉文文本在前，少数民族文字文本在后；中文本在前，外文本在后',
    confidence: 'medium',
    note: '少数民族文字本排在外文本之前、翻译本与外文本同位是提议',
  },
  {
    id: 'attachment',
    name: '正文与附件',
    ranks: [['正文'], ['附件']],
    source: 'DA/T 22-2015 §5.3.2：正文在前，附件在后',
    confidence: 'medium',
  },
];

/** Normalises a role name for lookup: NFKC, without white space. */
export function normalizeRole(role: string): string {
  return role.normalize('NFKC').replace(/\s+/gu, '');
}

/** Where a role sits: its dimension (index in the table) and its rank there. */
export interface RolePlace {
  readonly dimension: number;
  readonly rank: number;
}

/** The roles of a table, ready for lookups. */
export interface RoleTable {
  /** Number of dimensions. */
  readonly size: number;
  /** Where a role (as written: normalised here, results cached) sits, or `undefined` when the table lacks it. */
  place(role: string): RolePlace | undefined;
}

const TABLES = new WeakMap<readonly ComponentRoleDimension[], RoleTable>();
const RAW_CACHE_LIMIT = 4096;

/**
 * The role lookup of a table (cached per table). A role listed in two dimensions keeps the first. Throws
 * `TypeError` for a malformed table.
 */
export function roleTable(dimensions: readonly ComponentRoleDimension[]): RoleTable {
  const cached = TABLES.get(dimensions);
  if (cached !== undefined) return cached;
  if (!Array.isArray(dimensions))
    throw new TypeError('dimensions must be an array of ComponentRoleDimension');
  const map = new Map<string, RolePlace>();
  dimensions.forEach((d, dimension) => {
    if (d === null || typeof d !== 'object' || !Array.isArray(d.ranks)) {
      throw new TypeError(`dimensions[${dimension}] must have a ranks array`);
    }
    if (d.absent !== undefined && !Number.isInteger(d.absent)) {
      throw new TypeError(`dimensions[${dimension}].absent must be an integer`);
    }
    const ranks: readonly (readonly string[])[] = d.ranks;
    for (let rank = 0; rank < ranks.length; rank++) {
      const group: unknown = ranks[rank];
      if (!Array.isArray(group))
        throw new TypeError(`dimensions[${dimension}].ranks[${rank}] must be an array`);
      for (const role of group as unknown[]) {
        if (typeof role !== 'string')
          throw new TypeError(`dimensions[${dimension}] has a role that is not a string`);
        const key = normalizeRole(role);
        if (!map.has(key)) map.set(key, { dimension, rank });
      }
    }
  });
  // Roles as written repeat a lot (正文, 附件 …): remember what each spelling resolved to (boundedly).
  const raw = new Map<string, RolePlace | null>();
  const table: RoleTable = {
    size: dimensions.length,
    place(role) {
      const hit = raw.get(role);
      if (hit !== undefined) return hit ?? undefined;
      const found = map.get(normalizeRole(role));
      if (raw.size < RAW_CACHE_LIMIT) raw.set(role, found ?? null);
      return found;
    },
  };
  TABLES.set(dimensions, table);
  return table;
}
