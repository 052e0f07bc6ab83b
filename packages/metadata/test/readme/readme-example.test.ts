import { readFileSync } from 'node:fs';
import { recordFromXml, recordToXml, safeValidateRecord, schemes, validateRecord } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/ywtb-record.json', import.meta.url), 'utf8'),
) as unknown;

describe('the README record example (一网通办)', () => {
  const block = /## 记录的形状[\s\S]*?```json\n([\s\S]*?)\n```/.exec(readme)?.[1];

  it('is in the README, and is the tested fixture', () => {
    expect(block).toBeDefined();
    expect(JSON.parse(block ?? 'null')).toEqual(fixture);
  });

  it('validates against schemes.ywtb with no finding at all', () => {
    const result = safeValidateRecord(fixture, schemes.ywtb, { now: new Date('2026-11-21T00:00:00Z') });
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('round-trips through XML', async () => {
    const record = validateRecord(fixture, schemes.ywtb, { now: new Date('2026-11-21T00:00:00Z') });
    expect(record.办件.事项名称).toBe('企业设立登记');
    expect(await recordFromXml(recordToXml(record, schemes.ywtb), schemes.ywtb)).toEqual(fixture);
  });
});
