import type { Finding } from '@dangan/core';
import { transferFinding } from '../transfer/codes.js';
import { GroupTotals } from '../transfer/counts.js';
import type { TransferRegistrationForm } from '../transfer/registration-form.js';
import type { TransferCounts, TransferGroupCounts } from '../transfer/types.js';
import { compareCounts, compareGroups } from './compare.js';
import type { PackageInventory } from './types.js';

/** The 清点 of a whole offline transfer: every carrier's inventory summed and compared with the 登记表. */
export interface TransferInventory {
  readonly carriers: readonly PackageInventory[];
  readonly groups: readonly TransferGroupCounts[];
  readonly totals: TransferCounts;
  /** The 登记表 (from the first carrier that has one). */
  readonly form: TransferRegistrationForm | undefined;
  /** The combined findings: every carrier's, then the transfer-level ones. */
  readonly findings: readonly Finding[];
}

/**
 * Combines the 清点 of every carrier of a transfer (one `inventoryPackage` per carrier): sums the items and the
 * breakdown, and compares with the 登记表 — its totals (移交电子档案数量) and breakdown against the sum, each
 * registered carrier present exactly once, no carrier unregistered, no item on two carriers, and every carrier
 * holding the same 登记表 totals.
 *
 * @example
 * const all = combineCarrierInventories(await Promise.all(discs.map((d) => inventoryPackage(d))));
 * all.totals.件数; all.findings;
 */
export function combineCarrierInventories(carriers: readonly PackageInventory[]): TransferInventory {
  if (!Array.isArray(carriers as unknown)) throw new TypeError('carriers must be an array of inventories');
  const findings: Finding[] = carriers.flatMap((c) => c.findings);
  const groups = new GroupTotals();
  const itemAt = new Map<string, string>();
  const numbers = new Map<string, number>();
  for (const c of carriers) {
    const n = c.carrierNumber ?? '（编号未知）';
    numbers.set(n, (numbers.get(n) ?? 0) + 1);
    for (const g of c.groups) groups.add(g, g);
    for (const item of c.items) {
      const earlier = itemAt.get(item.name);
      if (earlier !== undefined) {
        findings.push(
          transferFinding(
            'TRANSFER_CARRIER_DUPLICATE',
            `电子档案“${item.name}”同时在载体 ${earlier} 和 ${n} 上`,
            `Record "${item.name}" is on carriers ${earlier} and ${n}`,
            { path: item.path },
          ),
        );
      } else itemAt.set(item.name, n);
    }
  }
  for (const [n, count] of numbers) {
    if (count > 1) {
      findings.push(
        transferFinding(
          'TRANSFER_CARRIER_DUPLICATE',
          `载体编号 ${n} 出现 ${count} 次`,
          `Carrier number ${n} appears ${count} times`,
        ),
      );
    }
  }
  const form = carriers.find((c) => c.registered !== undefined)?.registered?.form;
  const totals = groups.total();
  if (form !== undefined) {
    const path = '移交与接收登记表';
    findings.push(...compareCounts(form.移交电子档案数量, totals, '合计（全部载体）', path));
    if (
      carriers.every((c) =>
        c.items.every((i) => i.group.门类 !== '' && i.group.年度 !== '' && i.group.保管期限 !== ''),
      )
    ) {
      findings.push(...compareGroups(form.分类统计, groups.list(), '分类统计（全部载体）', path));
    }
    for (const reg of form.载体) {
      if (!numbers.has(reg.载体编号)) {
        findings.push(
          transferFinding(
            'TRANSFER_REGISTRATION_CARRIER_UNKNOWN',
            `登记表登记的载体 ${reg.载体编号} 未清点（缺少该载体）`,
            `Registered carrier ${reg.载体编号} was not inventoried`,
            { path, element: '载体编号' },
          ),
        );
      }
    }
    for (const n of numbers.keys()) {
      if (!form.载体.some((r) => r.载体编号 === n)) {
        findings.push(
          transferFinding(
            'TRANSFER_REGISTRATION_CARRIER_UNKNOWN',
            `载体 ${n} 不在登记表中`,
            `Carrier ${n} is not in the registration form`,
            { path, element: '载体编号' },
          ),
        );
      }
    }
    for (const c of carriers) {
      const other = c.registered?.form;
      if (other === undefined || other === form) continue;
      const a = form.移交电子档案数量;
      const b = other.移交电子档案数量;
      if (a.件数 !== b.件数 || a.字节数 !== b.字节数 || form.移交数据量字节数 !== other.移交数据量字节数) {
        findings.push(
          transferFinding(
            'TRANSFER_COUNT_MISMATCH',
            `载体 ${c.carrierNumber ?? '（编号未知）'} 上的登记表合计与其他载体上的不同`,
            `The form on carrier ${c.carrierNumber ?? '(unknown)'} differs from the others`,
            { path, element: '移交电子档案数量' },
          ),
        );
      }
    }
  }
  return { carriers, groups: groups.list(), totals, form, findings };
}
