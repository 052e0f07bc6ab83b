// The examples of docs/checks.md, run as a test so the guide cannot drift from the code.
import { createRequire } from 'node:module';
import {
  type Attestation,
  auditFixity,
  type CheckProfile,
  registrationCheckColumns,
  renderHtmlReport,
  reportJsonSchema,
  runChecks,
  runChecksMany,
} from '@dangan/checks';
import { EXAMPLE_YWTB_RETENTION_SCHEDULE } from '@dangan/metadata';
import { memorySource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import { buildPackage, fixedNow } from '../engine/fixtures.js';

const Ajv2020 = createRequire(import.meta.url)(
  'ajv/dist/2020.js',
) as typeof import('ajv/dist/2020.js').default;

describe('docs/checks.md examples', () => {
  it('runs the 归档 checks and reads the report', async () => {
    const { source, result } = await buildPackage();
    // ── guide: run ──
    const report = await runChecks({
      stage: 'archiving', // 归档（GD）；'transfer' 移交与接收（YJ）；'preservation' 长期保存（BC）
      source, // PackageSource, or ZIP bytes / Blob / fileRandomAccess(path)
      profile: 'dat70',
      registered: { digest: { algorithm: 'sm3', value: result.packageDigests.sm3! } }, // 交接单据上登记的摘要
      now: fixedNow,
    });
    const failed = report.items.filter((i) => i.status === 'fail');
    // ── end ──
    expect(report.summary.byStatus.pass).toBeGreaterThan(25);
    expect(failed).toEqual([]);
    expect(report.items.find((i) => i.id === 'GD-1-14')!.status).toBe('pass');
    // Without a scanner the virus item is an error, never a pass.
    expect(report.items.find((i) => i.id === 'GD-4-2')).toMatchObject({ status: 'error' });
    expect(report.summary.passed).toBe(false);
  });

  it('a tampered byte fails GD-1-1 naming the file', async () => {
    const { files } = await buildPackage();
    // ── guide: tamper ──
    const changed = new Map(files);
    const [path, bytes] = [...changed].find(([p]) => p.endsWith('.pdf'))!;
    const copy = bytes.slice();
    copy[copy.length >> 1]! ^= 0x01;
    changed.set(path, copy);
    const report = await runChecks({ stage: 'archiving', source: memorySource(changed), now: fixedNow });
    const fixity = report.items.find((i) => i.id === 'GD-1-1')!;
    // fixity.status === 'fail'; fixity.findings[0].path === path
    // ── end ──
    expect(fixity.status).toBe('fail');
    expect(fixity.findings.map((f) => f.path)).toContain(path);
  });

  it('a profile of the host: severities, formats, the 归档范围 schedule; attestations', async () => {
    const { source } = await buildPackage();
    // ── guide: profile ──
    const profile: CheckProfile = {
      id: 'pudong-msc',
      name: '浦东市场监管局归档检测方案',
      extends: 'shanghai-ywtb',
      items: {
        'GD-3-5': { enabled: false }, // 暂不检测软硬件环境
        'GD-1-6': { severity: 'warning' }, // 特殊字符只提示
        'package.scope': { params: { schedule: EXAMPLE_YWTB_RETENTION_SCHEDULE } },
      },
      parameters: { digestAlgorithms: ['sm3'] },
    };
    const attestations: Attestation[] = [
      {
        item: 'GD-4-1',
        result: 'pass',
        by: '王档案（档案员）',
        at: '2026-04-01T09:00:00+08:00',
        note: '杀毒软件已安装并更新',
      },
    ];
    const report = await runChecks({ stage: 'archiving', source, profile, attestations, now: fixedNow });
    // ── end ──
    expect(report.profile).toBe('pudong-msc');
    expect(report.items.some((i) => i.id === 'GD-3-5')).toBe(false);
    expect(report.items.find((i) => i.id === 'GD-4-1')).toMatchObject({
      status: 'pass',
      attestation: { by: '王档案（档案员）' },
    });
    expect(report.items.find((i) => i.id === 'GD-4-5')!.status).toBe('manual');
  });

  it('reports: HTML, JSON (valid for the schema), the 登记表 columns', async () => {
    const { source } = await buildPackage();
    const report = await runChecks({ stage: 'archiving', source, now: fixedNow });
    // ── guide: reports ──
    const html = renderHtmlReport(report); // group and item names from the catalogue
    const json = JSON.stringify(report, null, 2); // validates against reportJsonSchema
    const columns = registrationCheckColumns(report); // 归档登记表的检测栏：合格 / 不合格 / 未检测 / 不适用
    // ── end ──
    expect(html).toContain('四性检测报告');
    expect(html).not.toContain('<script');
    const ajv = new Ajv2020({ allErrors: true });
    ajv.addFormat('date-time', true);
    expect(ajv.validate(reportJsonSchema, JSON.parse(json)), JSON.stringify(ajv.errors)).toBe(true);
    expect(columns.columns.find((c) => c.column === '病毒检测')!.result).not.toBe('合格');
  });

  it('many packages at once, and the periodic fixity audit (长期保存)', async () => {
    const a = await buildPackage();
    const b = await buildPackage();
    // ── guide: many ──
    const verdicts: boolean[] = [];
    for await (const { report } of runChecksMany({
      stage: 'archiving',
      sources: [a.source, b.source],
      now: fixedNow,
    })) {
      verdicts.push(report.items.every((i) => i.status !== 'fail'));
    }
    const audit = await auditFixity([
      { id: 'AIP-0001', source: a.source },
      { id: 'AIP-0002', source: b.source },
    ]);
    // audit.summary: { total: 2, passed: 2, failed: 0, errors: 0 }
    // ── end ──
    expect(verdicts).toEqual([true, true]);
    expect(audit.summary).toMatchObject({ total: 2, passed: 2, failed: 0 });
  });
});
