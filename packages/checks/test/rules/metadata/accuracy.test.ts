import { schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/catalogue/catalogue.js';
import { RULE_KEYS } from '../../../src/catalogue/rule-keys.js';
import { type MetadataRuleKey, metadataRules } from '../../../src/rules/metadata/index.js';
import { batch, record, run, where } from './support.js';

const KEYS = Object.keys(metadataRules) as MetadataRuleKey[];

describe('metadataRules', () => {
  it('are keyed by catalogue rule keys', () => {
    for (const key of KEYS) {
      expect(RULE_KEYS, key).toContain(key);
      expect(catalogue.forRule(key).length, key).toBeGreaterThan(0);
    }
  });

  it.each(KEYS)('%s is not-applicable (never pass) without records', async (key) => {
    const outcome = await run(key, []);
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.reason).toMatch(/[\u4e00-\u9fff]/u);
    expect(outcome.reasonEn?.length).toBeGreaterThan(0);
  });

  it.each(KEYS.filter((k) => k !== 'package.scope'))('%s passes a good batch of records', async (key) => {
    const outcome = await run(key, batch(3));
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
  });
});

describe('the seven 1-2 accuracy checks and the 2-2 element checks (checkRecord findings by item)', () => {
  it('metadata.length: a value over parameters.metadata.maxLength, at its element and record path', async () => {
    const r = record(1);
    r.文件实体.内容描述.题名 = '关于准予张三食品经营许可的决定'.repeat(5);
    const outcome = await run('metadata.length', [record(2), r], {
      parameters: { metadata: { maxLength: 60 } },
    });
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([['METADATA_TOO_LONG', 'M22', '元数据.xml#2/文件实体/内容描述/题名']]);
    expect(outcome.findings[0]?.message).toContain('超过上限 60');
    expect(outcome.findings[0]?.item).toBe('GD-1-2');
    // Without the limit the same value passes.
    expect((await run('metadata.length', [r])).status).toBe('pass');
  });

  it('metadata.format: a date in the wrong format', async () => {
    const r = record(1);
    r.文件实体.内容描述.日期 = '2025/03/18';
    const outcome = await run('metadata.format', [r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['METADATA_FORMAT_INVALID', 'M33', '元数据.xml#1/文件实体/内容描述/日期'],
    ]);
  });

  it('metadata.domain: a 保管期限 outside its value domain; a legacy value is a warning', async () => {
    const r = record(1);
    r.文件实体.档号.保管期限 = '五年';
    const outcome = await run('metadata.domain', [r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['METADATA_OUT_OF_DOMAIN', 'M12', '元数据.xml#1/文件实体/档号/保管期限'],
    ]);
    const legacy = record(1);
    legacy.文件实体.档号.保管期限 = '长期';
    expect((await run('metadata.domain', [legacy])).status).toBe('warning');
  });

  it('metadata.plausibility: 年度 that is not the year of 日期, and a date after now', async () => {
    const r = record(1);
    r.文件实体.档号.年度 = '2024';
    const outcome = await run('metadata.plausibility', [r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([['METADATA_YEAR_MISMATCH', 'M11', '元数据.xml#1/文件实体/档号/年度']]);
    const future = record(1);
    future.文件实体.内容描述.日期 = '2025-03-18';
    const early = await run('metadata.plausibility', [future], {
      now: new Date('2025-03-01T00:00:00+08:00'),
    });
    expect(early.findings.map((f) => f.code)).toContain('METADATA_FUTURE_DATE');
    const pages = record(1);
    pages.文件实体.形式特征.页数 = 0;
    expect(where(await run('metadata.plausibility', [pages]))).toEqual([
      ['METADATA_TYPE_INVALID', 'M43', '元数据.xml#1/文件实体/形式特征/页数'],
    ]);
  });

  it('metadata.special-characters: a control character', async () => {
    const r = record(1);
    r.文件实体.内容描述.题名 = '关于准予\u0007许可的决定';
    const outcome = await run('metadata.special-characters', [r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['METADATA_ILLEGAL_CHARACTER', 'M22', '元数据.xml#1/文件实体/内容描述/题名'],
    ]);
    expect(outcome.findings[0]?.message).toContain('U+0007');
  });

  it('metadata.mandatory: a missing mandatory element', async () => {
    const r = record(1);
    delete r.文件实体.内容描述.题名;
    const outcome = await run('metadata.mandatory', [r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['METADATA_REQUIRED_MISSING', 'M22', '元数据.xml#1/文件实体/内容描述/题名'],
    ]);
  });

  it('metadata.elements-present: an element the scheme does not have; unknownElements parameter applies', async () => {
    const r = record(1);
    r.文件实体.内容描述.备注 = '多余';
    const outcome = await run('metadata.elements-present', [r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['METADATA_UNKNOWN_ELEMENT', undefined, '元数据.xml#1/文件实体/内容描述/备注'],
    ]);
    const lenient = await run('metadata.elements-present', [r], {
      parameters: { metadata: { unknownElements: 'warning' } },
    });
    expect(lenient.status).toBe('warning');
  });

  it('keeps each finding under its own item: a bad record fails only the items its problems belong to', async () => {
    const r = record(1);
    r.文件实体.内容描述.日期 = '2025/03/18';
    for (const key of [
      'metadata.length',
      'metadata.domain',
      'metadata.mandatory',
      'metadata.special-characters',
    ] as const)
      expect((await run(key, [r])).status, key).toBe('pass');
  });

  it('files findings under the item evaluated, in any stage', async () => {
    const r = record(1);
    r.文件实体.内容描述.日期 = '2025/03/18';
    const yj = await run('metadata.format', [r], { stage: 'transfer' });
    expect(yj.findings[0]?.item).toBe('YJ-1-3');
    const bc = await run('metadata.format', [r], { stage: 'preservation' });
    expect(bc.findings[0]?.item).toBe('BC-1-4');
  });

  it('reports a malformed scheme as error, not as a crash', async () => {
    const broken = {
      ...schemes.dat46,
      id: 'broken',
      elements: [...schemes.dat46.elements, schemes.dat46.elements[0]!],
    };
    const outcome = await run('metadata.length', [record(1)], { scheme: broken });
    expect(outcome.status).toBe('error');
    expect(outcome.reason).toMatch(/^检测无法进行/);
  });
});

describe('metadata.archival-code (GD-1-7)', () => {
  it('reports a part that does not fit the template at its element and record path', async () => {
    const r = record(1);
    r.文件实体.档号.全宗号 = 'Z1';
    const outcome = await run('metadata.archival-code', [record(2), r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['FILING_ARCHIVAL_CODE_PART_INVALID', 'M9', '元数据.xml#2/文件实体/档号/全宗号'],
    ]);
    expect(outcome.findings[0]?.message).toMatch(/^档号：/);
  });

  it('uses the configured template: DA/T 22 strict wants a 3-character 机构 code', async () => {
    const strict = await run('metadata.archival-code', [record(1)], { itemParams: { template: 'dat22' } });
    expect(where(strict)).toEqual([
      ['FILING_ARCHIVAL_CODE_PART_INVALID', 'M13', '元数据.xml#1/文件实体/档号/机构或问题'],
    ]);
    const r = record(1);
    r.文件实体.档号.机构或问题 = 'BGS';
    expect((await run('metadata.archival-code', [r], { itemParams: { template: 'dat22' } })).status).toBe(
      'pass',
    );
  });

  it('reports a 件号 too wide for the template at 室编件号, and reads a 档号 written as one string', async () => {
    const wide = record(10000);
    const outcome = await run('metadata.archival-code', [wide], { itemParams: { template: 'dat22' } });
    expect(where(outcome)).toContainEqual([
      'FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE',
      'M17',
      '元数据.xml#1/文件实体/档号/室编件号',
    ]);
    const text = record(1);
    text.文件实体.档号 = 'Z109-WS·2025-X-0001';
    const s = await run('metadata.archival-code', [text]);
    expect(where(s)).toEqual([['FILING_ARCHIVAL_CODE_PART_INVALID', 'M12', '元数据.xml#1/文件实体/档号']]);
  });

  it('ends in error for an unknown template', async () => {
    const outcome = await run('metadata.archival-code', [record(1)], { itemParams: { template: 'nope' } });
    expect(outcome.status).toBe('error');
    expect(outcome.reason).toContain('nope');
  });
});

describe('metadata.duplicates (GD-1-8)', () => {
  it('reports a repeated 档号 at the later record, naming the first', async () => {
    const a = record(1);
    const b = record(1);
    b.文件实体.电子文件号 = 'OTHER-1';
    const outcome = await run('metadata.duplicates', [a, record(2), b]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([['CHECK_METADATA_DUPLICATE', 'M8', '元数据.xml#3/文件实体/档号']]);
    expect(outcome.findings[0]?.message).toContain('Z109-WS·2025-D30-XK-0001');
    expect(outcome.findings[0]?.message).toContain('元数据.xml#1');
  });

  it('compares 电子文件号 after NFKC and trimming; documents of one 件 differ by 文档序号', async () => {
    const a = record(1);
    const b = record(2);
    b.文件实体.电子文件号 = ` ${a.文件实体.电子文件号.replace('SH', 'ＳＨ')}`;
    expect(where(await run('metadata.duplicates', [a, b]))).toEqual([
      ['CHECK_METADATA_DUPLICATE', 'M7', '元数据.xml#2/文件实体/电子文件号'],
    ]);
    const d1 = record(5);
    const d2 = record(5);
    d1.文件实体.档号.文档序号 = '1';
    d2.文件实体.档号.文档序号 = '2';
    d2.文件实体.电子文件号 = 'OTHER-5';
    expect((await run('metadata.duplicates', [d1, d2])).status).toBe('pass');
  });

  it('takes configured keys, a repeat of a warning key being a warning', async () => {
    const a = record(1);
    const b = record(2);
    b.文件实体.内容描述.文件编号 = a.文件实体.内容描述.文件编号;
    expect((await run('metadata.duplicates', [a, b])).status).toBe('pass');
    const warn = await run('metadata.duplicates', [a, b], {
      itemParams: { keys: [{ element: 'M31', severity: 'warning' }] },
    });
    expect(warn.status).toBe('warning');
    expect(where(warn)).toEqual([
      ['CHECK_METADATA_DUPLICATE', 'M31', '元数据.xml#2/文件实体/内容描述/文件编号'],
    ]);
    const bad = await run('metadata.duplicates', [a], { itemParams: { keys: ['M999'] } });
    expect(bad.status).toBe('error');
  });
});
