import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVING_REGISTRATION_MAPPING,
  type RegistrationFormMapping,
  TRANSFER_REGISTRATION_MAPPING,
} from '../../src/report/registration/mapping.js';
import { registrationCheckColumns } from '../../src/report/registration/registration-columns.js';
import type { CheckItemResult, CheckStatus } from '../../src/report/types.js';
import { arbitraryReport } from './support/arbitrary-report.js';
import { archivingItems, archivingReport, reportOf } from './support/sample-reports.js';

function item(
  id: string,
  group: string,
  status: CheckStatus,
  extra: Partial<CheckItemResult> = {},
): CheckItemResult {
  const property = (['authenticity', 'integrity', 'usability', 'security'] as const)[Number(group[0]) - 1]!;
  return {
    id,
    group,
    property,
    name: `检测${id}`,
    status,
    findings: [],
    ...(status === 'not-applicable' || status === 'error' ? { reason: `${id}的原因` } : {}),
    ...extra,
  };
}

const appearance = (status: CheckStatus, attested: boolean) =>
  item('GD-4-5', '4-2', status, {
    name: '载体外观检测',
    ...(attested
      ? {
          attestation: {
            item: 'GD-4-5',
            result: status === 'fail' ? 'fail' : 'pass',
            by: '李四',
            at: '2024-05-06T10:00:00+08:00',
          },
        }
      : {}),
  });

function columnsOf(items: CheckItemResult[], stage: 'archiving' | 'transfer' = 'archiving') {
  const { columns } = registrationCheckColumns(reportOf(items, { stage }));
  return Object.fromEntries(columns.map((c) => [c.column, c]));
}

describe('registrationCheckColumns — 电子文件归档登记表', () => {
  const filled = registrationCheckColumns(archivingReport);

  it('fills the six check columns of GB/T 18894 表A.1 in the form order', () => {
    expect(filled.form).toBe('电子文件归档登记表');
    expect(filled.stage).toBe('archiving');
    expect(filled.columns.map((c) => c.column)).toEqual([
      '载体外观检测',
      '病毒检测',
      '真实性检测',
      '可靠性检测',
      '完整性检测',
      '可用性检测',
    ]);
  });

  it('derives each column from its items in the sample report', () => {
    const by = Object.fromEntries(filled.columns.map((c) => [c.column, c]));
    expect(by.载体外观检测).toMatchObject({
      result: '合格',
      items: ['GD-4-5'],
      note: '通过 1 项；人工确认：GD-4-5（张三（档案员），2024-05-06T09:30:00+08:00）',
      provisional: false,
    });
    expect(by.病毒检测).toMatchObject({
      result: '未检测',
      items: ['GD-4-1', 'GD-4-2'],
      note: '待人工检测：GD-4-1；通过 1 项',
    });
    expect(by.真实性检测).toMatchObject({
      result: '不合格',
      items: ['GD-1-1', 'GD-1-2', 'GD-1-9'],
      note: '不通过：GD-1-2；通过 1 项；不适用：GD-1-9（标准未公开此项内容）',
      noteEn: 'failed: GD-1-2; 1 passed; not applicable: GD-1-9 (The standard does not publish this item)',
    });
    expect(by.可靠性检测).toMatchObject({
      result: '未检测',
      items: ['GD-4-3', 'GD-4-7'],
      provisional: true,
      note: '待人工检测：GD-4-7；不适用：GD-4-3（在线归档，无载体）',
    });
    expect(by.完整性检测).toMatchObject({
      result: '合格',
      items: ['GD-2-1', 'GD-2-7'],
      note: '警告：GD-2-1；通过 2 项',
    });
    expect(by.可用性检测).toMatchObject({
      result: '未检测',
      items: ['GD-3-3', 'GD-3-4'],
      note: '检测出错：GD-3-4（未配置版式文件解析插件）；通过 1 项',
    });
  });

  it('never says 合格 from manual, not-applicable or errored items alone', () => {
    expect(
      columnsOf([item('GD-4-1', '4-1', 'manual'), item('GD-4-2', '4-1', 'manual')]).病毒检测!.result,
    ).toBe('未检测');
    expect(columnsOf([item('GD-4-2', '4-1', 'not-applicable')]).病毒检测!.result).toBe('不适用');
    expect(columnsOf([item('GD-4-2', '4-1', 'error')]).病毒检测!.result).toBe('未检测');
    expect(
      columnsOf([item('GD-4-2', '4-1', 'error'), item('GD-4-1', '4-1', 'not-applicable')]).病毒检测!.result,
    ).toBe('未检测');
    expect(
      columnsOf([item('GD-4-2', '4-1', 'pass'), item('GD-4-1', '4-1', 'not-applicable')]).病毒检测!.result,
    ).toBe('合格');
    expect(columnsOf([item('GD-4-2', '4-1', 'fail'), item('GD-4-1', '4-1', 'manual')]).病毒检测!.result).toBe(
      '不合格',
    );
    expect(columnsOf([item('GD-4-2', '4-1', 'warning')]).病毒检测!.result).toBe('合格');
  });

  it('says 未检测 for a column the report has no item for', () => {
    const by = columnsOf([item('GD-1-2', '1-2', 'pass')]);
    expect(by.真实性检测!.result).toBe('合格');
    expect(by.病毒检测).toMatchObject({ result: '未检测', items: [], note: '报告中无对应检测项' });
  });

  it('fills 载体外观检测 only from a person’s attestation', () => {
    expect(columnsOf([appearance('manual', false)]).载体外观检测).toMatchObject({
      result: '未检测',
      note: '待人工检测：GD-4-5',
    });
    expect(columnsOf([appearance('pass', false)]).载体外观检测).toMatchObject({
      result: '未检测',
      note: '未经人工确认：GD-4-5',
    });
    expect(columnsOf([appearance('pass', true)]).载体外观检测!.result).toBe('合格');
    expect(columnsOf([appearance('fail', true)]).载体外观检测).toMatchObject({
      result: '不合格',
      note: '不通过：GD-4-5；人工确认：GD-4-5（李四，2024-05-06T10:00:00+08:00）',
    });
    // appearance is not part of 可靠性检测, the rest of 4-2 is
    const by = columnsOf([appearance('pass', true), item('GD-4-3', '4-2', 'fail')]);
    expect(by.可靠性检测).toMatchObject({ result: '不合格', items: ['GD-4-3'] });
    expect(by.载体外观检测).toMatchObject({ result: '合格', items: ['GD-4-5'] });
  });
});

describe('registrationCheckColumns — 移交与接收登记表', () => {
  it('fills the five 检验内容 columns from a transfer report', () => {
    const items = archivingItems.map((i) => ({ ...i, id: i.id.replace('GD', 'YJ') }));
    const filled = registrationCheckColumns(reportOf(items, { stage: 'transfer' }));
    expect(filled.form).toBe('电子档案移交与接收登记表');
    expect(filled.columns.map((c) => [c.column, c.result, c.provisional])).toEqual([
      ['准确性检验', '不合格', true],
      ['完整性检验', '合格', false],
      ['可用性检验', '未检测', false],
      ['安全性检验', '未检测', false],
      ['载体外观检验', '合格', false],
    ]);
    const security = filled.columns.find((c) => c.column === '安全性检验')!;
    expect(security.items).toEqual(['YJ-4-1', 'YJ-4-2', 'YJ-4-3', 'YJ-4-7']);
    expect(filled.columns.find((c) => c.column === '准确性检验')!.items).toEqual([
      'YJ-1-1',
      'YJ-1-2',
      'YJ-1-9',
    ]);
  });
});

describe('registrationCheckColumns — mappings', () => {
  it('are data, in the forms’ order', () => {
    expect(ARCHIVING_REGISTRATION_MAPPING.source).toBe('GB/T 18894-2016 表A.1');
    expect(ARCHIVING_REGISTRATION_MAPPING.columns.filter((c) => c.provisional).map((c) => c.column)).toEqual([
      '可靠性检测',
    ]);
    expect(TRANSFER_REGISTRATION_MAPPING.columns.filter((c) => c.provisional).map((c) => c.column)).toEqual([
      '准确性检验',
    ]);
    for (const m of [ARCHIVING_REGISTRATION_MAPPING, TRANSFER_REGISTRATION_MAPPING]) {
      for (const c of m.columns) expect(c.basis.length, c.column).toBeGreaterThan(0);
    }
  });

  it('can be replaced, e.g. for 长期保存 which has no form of its own', () => {
    const mapping: RegistrationFormMapping = {
      form: '保存检测记录',
      formEn: 'Preservation check record',
      source: '本单位',
      stage: 'preservation',
      columns: [
        {
          column: '备份可恢复',
          columnEn: 'Backup',
          include: { groups: ['3-4'] },
          provisional: true,
          basis: '3-4',
        },
        {
          column: '指定项',
          columnEn: 'Named',
          include: { items: ['BC-1-1'] },
          provisional: false,
          basis: 'id',
        },
      ],
    };
    const report = reportOf([item('BC-3-9', '3-4', 'pass'), item('BC-1-1', '1-1', 'fail')], {
      stage: 'preservation',
    });
    expect(() => registrationCheckColumns(report)).toThrow(/preservation has no default registration form/);
    const filled = registrationCheckColumns(report, { mapping });
    expect(filled.columns.map((c) => [c.column, c.result, c.items])).toEqual([
      ['备份可恢复', '合格', ['BC-3-9']],
      ['指定项', '不合格', ['BC-1-1']],
    ]);
    expect(() => registrationCheckColumns(archivingReport, { mapping })).toThrow(RangeError);
  });

  it('rejects a value that is not a report', () => {
    expect(() => registrationCheckColumns(null as never)).toThrow(TypeError);
    expect(() =>
      registrationCheckColumns({ ...archivingReport, items: [item('GD-1-1', '1-1', 'ok' as never)] }),
    ).toThrow(/items\[0\]\.status/);
  });

  it('for any report: 合格 only with a passing item and no fail, error or manual item; 不合格 exactly when one failed', () => {
    fc.assert(
      fc.property(arbitraryReport, (generated) => {
        if (generated.stage === 'preservation') return;
        // unique ids, so a column's `items` names exactly the items behind it
        const report = { ...generated, items: generated.items.map((i, n) => ({ ...i, id: `X-${n}` })) };
        const filled = registrationCheckColumns(report);
        for (const column of filled.columns) {
          const items = report.items.filter((i) => column.items.includes(i.id));
          const statuses = new Set(items.map((i) => i.status));
          expect(column.result === '不合格').toBe(statuses.has('fail'));
          if (column.result === '合格') {
            expect(statuses.has('error') || statuses.has('manual')).toBe(false);
            expect(statuses.has('pass') || statuses.has('warning')).toBe(true);
          }
          if (column.result === '不适用') expect([...statuses]).toEqual(['not-applicable']);
        }
      }),
      { numRuns: 300 },
    );
  });
});
