import { type MetadataScheme, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/catalogue/catalogue.js';
import type { CarrierPosition, ItemOutcome, RuleContext } from '../../../src/engine/rule.js';
import { carrierPosition } from '../../../src/engine/view/transfer.js';
import { resolveProfile } from '../../../src/profile/resolve.js';
import { continuityRule } from '../../../src/rules/metadata/continuity.js';
import { facts, type Loose, NOW, record, where, ywtbRecord } from './support.js';

const YJ_2_6 = catalogue.byId('YJ-2-6')!;
const SECOND: CarrierPosition = { number: '002', index: 2, total: 2 };

/** YJ-2-6 on records, as a carrier (`carrier`) or a lone package. */
async function judge(
  records: readonly Loose[],
  carrier: CarrierPosition | undefined,
  options: { readonly itemParams?: Readonly<Record<string, unknown>>; readonly scheme?: MetadataScheme } = {},
): Promise<ItemOutcome> {
  const context: RuleContext = {
    stage: 'transfer',
    facts: { records: facts(records, options.scheme), ...(carrier === undefined ? {} : { carrier }) },
    parameters: resolveProfile('dat70').parameters,
    itemParams: options.itemParams ?? {},
    now: NOW,
  };
  return continuityRule(context, YJ_2_6);
}

const numbered = (ns: readonly number[]) => ns.map((n) => record(n));

describe('metadata.continuity on one carrier of a set (YJ-2-6)', () => {
  it('lets a carrier’s 件号 start where the previous carrier stopped, and says so', async () => {
    const later = numbered([4, 5, 6]);
    const alone = await judge(later, undefined);
    expect(alone.status).toBe('fail');
    expect(alone.findings[0]?.message).toContain('缺少件号 1–3（断号；应从 1 开始）');
    const onCarrier = await judge(later, SECOND);
    expect(onCarrier.status).toBe('pass');
    expect(onCarrier.findings.map((f) => [f.code, f.severity])).toEqual([
      ['CHECK_SEQUENCE_CONTINUED', 'info'],
    ]);
    expect(onCarrier.findings[0]?.message).toContain('2 张载体中的一张（第 2 张，载体编号 002）');
    expect(onCarrier.findings[0]?.message).toContain('档号类别“Z109-WS·2025-D30-XK”');
  });

  it('a carrier that starts at the configured start needs no note', async () => {
    const outcome = await judge(numbered([1, 2, 3]), { number: '001', index: 1, total: 2 });
    expect(outcome).toMatchObject({ status: 'pass', findings: [] });
  });

  it('still fails a gap after the carrier’s first number, and repeats', async () => {
    const gap = await judge(numbered([4, 6, 7]), SECOND);
    expect(gap.status).toBe('fail');
    expect(where(gap).filter(([code]) => code !== 'CHECK_SEQUENCE_CONTINUED')).toEqual([
      ['FILING_SEQUENCE_GAP', 'M17', '元数据.xml#2/文件实体/档号/室编件号'],
    ]);
    expect(gap.findings.find((f) => f.code === 'FILING_SEQUENCE_GAP')?.message).toBe(
      '档号类别“Z109-WS·2025-D30-XK”中缺少件号 5（断号）',
    );
    const repeated = await judge(numbered([4, 5, 5]), SECOND);
    expect(repeated.status).toBe('fail');
    expect(repeated.findings.map((f) => f.code)).toContain('FILING_SEQUENCE_DUPLICATE');
  });

  it('keeps numbers below the configured start invalid, and an explicit start above them', async () => {
    const zero = await judge(numbered([0, 1, 2]), SECOND);
    expect(zero.findings.map((f) => f.code)).toContain('FILING_SEQUENCE_VALUE_INVALID');
    const high = await judge(numbered([3, 4]), SECOND, { itemParams: { start: 5 } });
    expect(high.findings.map((f) => f.code)).toContain('FILING_SEQUENCE_VALUE_INVALID');
  });

  it('judges a lone carrier or an online package as the whole sequence', async () => {
    const lone = await judge(numbered([4, 5]), { number: '001', index: 1, total: 1 });
    expect(lone.status).toBe('fail');
  });

  it('lets a 办件’s 件内顺序号 continue across carriers (groupBy 办件), never a 件’s own', async () => {
    const parts = [3, 4].map((n) => {
      const r = ywtbRecord();
      r.文件实体.档号.文档序号 = String(n);
      r.文件实体.档号.室编件号 = n;
      return r;
    });
    const byCase = await judge(parts, SECOND, {
      scheme: schemes.ywtb,
      itemParams: { groupBy: '办件', start: 'lowest' },
    });
    expect(byCase.status).toBe('pass');
    const docs = [2, 3].map((n) => {
      const r = record(7);
      r.文件实体.档号.文档序号 = String(n);
      return r;
    });
    const inItem = await judge(docs, SECOND, { itemParams: { start: 'lowest' } });
    expect(where(inItem)).toEqual([['FILING_SEQUENCE_GAP', 'M19', '元数据.xml#1/文件实体/档号/文档序号']]);
  });
});

describe('carrierPosition', () => {
  it('places a carrier in the set its 登记表 and 数字摘要 sheet list', () => {
    expect(carrierPosition('002', ['001', '002'], ['001', '002'])).toEqual({
      number: '002',
      index: 2,
      total: 2,
    });
    // The longer list counts (a sheet that lost a row is the 清点's finding).
    expect(carrierPosition('003', ['001', '002', '003'], ['001'])).toEqual({
      number: '003',
      index: 3,
      total: 3,
    });
    expect(carrierPosition('009', ['001', '002'], [])).toEqual({ number: '009', total: 2 });
    // A lone carrier, an online transfer, or an unknown number: not part of a set.
    expect(carrierPosition('001', ['001'], ['001'])).toBeUndefined();
    expect(carrierPosition(undefined, ['001', '002'], [])).toBeUndefined();
    expect(carrierPosition('', ['001', '002'], [])).toBeUndefined();
  });
});
