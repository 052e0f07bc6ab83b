import { describe, expect, it } from 'vitest';
import {
  checkRetentionSchedule,
  compareRetention,
  EXAMPLE_YWTB_RETENTION_SCHEDULE,
  longestRetention,
  RETENTION_FINDING_CODES,
  type RetentionSchedule,
} from '../../../src/filing/retention/index.js';
import { parseRetention } from '../../../src/filing/retention-period.js';

describe('checkRetentionSchedule', () => {
  it('finds nothing wrong with the example', () => {
    expect(checkRetentionSchedule(EXAMPLE_YWTB_RETENTION_SCHEDULE)).toEqual([]);
  });

  it('lists every structural problem with its path', () => {
    const bad = {
      id: '',
      title: 'x',
      version: '1',
      approval: {},
      rules: [
        'row',
        { id: 'A', inScope: 'yes' },
        { id: 'A', inScope: true, retention: 'D10' },
        { id: 'B', itemCodePattern: '([', inScope: false },
        { id: 'C', materialKinds: ['附件'], itemTypes: [1], inScope: false },
        { id: 'D', itemCodePrefix: ' ', priority: Number.NaN, inScope: false },
        { id: 'E', inScope: true },
      ],
    } as unknown as RetentionSchedule;
    const f = checkRetentionSchedule(bad);
    expect(f.every((x) => x.code === 'FILING_SCHEDULE_INVALID' && x.severity === 'error')).toBe(true);
    expect(f.map((x) => x.path)).toEqual([
      '/id',
      '/approval/reference',
      '/rules/0',
      '/rules/1/inScope',
      '/rules/2/id',
      '/rules/3/itemCodePattern',
      '/rules/4/itemTypes',
      '/rules/4/materialKinds/0',
      '/rules/5/itemCodePrefix',
      '/rules/5/priority',
      '/rules/6/retention',
    ]);
    expect(checkRetentionSchedule(null as never)[0]?.code).toBe('FILING_SCHEDULE_INVALID');
    expect(
      checkRetentionSchedule({
        id: 'x',
        title: 'x',
        version: '1',
        approval: { reference: 'r' },
      } as never).map((x) => x.path),
    ).toEqual(['/rules']);
  });

  it('reports unreadable periods and shadowed rows separately', () => {
    const s: RetentionSchedule = {
      id: 's',
      title: 't',
      version: '1',
      approval: { reference: 'r' },
      rules: [
        {
          id: 'A',
          itemTypes: ['行政许可', '公共服务'],
          materialKinds: ['结果性'],
          inScope: true,
          retention: '长期',
        },
        {
          id: 'B',
          itemTypes: ['公共服务', '行政许可'],
          materialKinds: ['结果性材料'],
          inScope: true,
          retention: 'D10',
        },
        {
          id: 'C',
          itemTypes: ['公共服务', '行政许可'],
          materialKinds: ['结果性材料'],
          priority: 1,
          inScope: true,
          retention: 'D10',
        },
      ],
    };
    expect(checkRetentionSchedule(s).map((x) => [x.code, x.severity, x.path])).toEqual([
      ['FILING_RETENTION_PERIOD_INVALID', 'error', '/rules/0/retention'],
      ['FILING_SCHEDULE_SHADOWED_RULE', 'warning', '/rules/1'],
    ]);
    for (const x of checkRetentionSchedule(s))
      expect(RETENTION_FINDING_CODES[x.code as keyof typeof RETENTION_FINDING_CODES]?.severity).toBe(
        x.severity,
      );
  });
});

describe('comparing periods', () => {
  it('orders 定期 by years and 永久 above all', () => {
    expect(compareRetention('D10', '定期30年')).toBeLessThan(0);
    expect(compareRetention('Y', 'D100')).toBeGreaterThan(0);
    expect(compareRetention('永久', parseRetention('Y'))).toBe(0);
    expect(longestRetention([])).toBeUndefined();
    expect(longestRetention(['D10', 'D30', 'D5'].map(parseRetention))?.code).toBe('D30');
    expect(longestRetention(['D10', 'Y', 'D30'].map(parseRetention))?.code).toBe('Y');
  });
});
