import { safeCheckEntryPath } from '../sinks/entry-path.js';
import type { ArrangementLevel, TransferGroup, TransferItem } from './types.js';

/**
 * The default arrangement under `电子档案/`: 年度, then 门类 (the rules' 年度 / 类别 / 件, with 类别 read as the
 * 门类代码), then the item folder.
 *
 * @example
 * DEFAULT_ARRANGEMENT; // ['年度', '门类']
 */
export const DEFAULT_ARRANGEMENT: readonly ArrangementLevel[] = ['年度', '门类'];

/**
 * Name of a level, for messages.
 *
 * @example
 * levelName({ name: '批次', value: () => '第一批' }); // '批次'
 */
export function levelName(level: ArrangementLevel): string {
  return typeof level === 'string' ? level : level.name;
}

/**
 * The folder names of an item's levels, or the problem (a level whose value is empty or not a safe folder name).
 *
 * @example
 * arrangementSegments(item, { 门类: 'WS', 年度: '2024', 保管期限: '永久' }, ['年度', '门类']); // { ok: true, segments: ['2024', 'WS'] }
 */
export function arrangementSegments(
  item: TransferItem,
  group: Partial<TransferGroup>,
  levels: readonly ArrangementLevel[],
):
  | { readonly ok: true; readonly segments: string[] }
  | { readonly ok: false; readonly level: string; readonly value: string } {
  const segments: string[] = [];
  for (const level of levels) {
    let value: string | undefined;
    if (typeof level === 'string') value = group[level];
    else {
      if (group.门类 === undefined || group.年度 === undefined || group.保管期限 === undefined) {
        value = level.value(item, {
          门类: group.门类 ?? '',
          年度: group.年度 ?? '',
          保管期限: group.保管期限 ?? '',
        });
      } else value = level.value(item, group as TransferGroup);
    }
    if (value === undefined || value === '' || value.includes('/') || !safeCheckEntryPath(value).ok) {
      return { ok: false, level: levelName(level), value: value ?? '' };
    }
    segments.push(value);
  }
  return { ok: true, segments };
}
