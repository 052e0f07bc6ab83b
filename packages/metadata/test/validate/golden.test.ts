import { schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { checkRecord, METADATA_FINDING_CODES } from '../../src/validate/index.js';
import { type Loose, sampleRecord } from './sample-record.js';
import { richScheme } from './test-schemes.js';

const now = new Date('2026-01-01T00:00:00Z');
const record = (): Loose => sampleRecord() as Loose;
const check = (r: unknown, options = {}) => checkRecord(r, schemes.dat46, { now, ...options });
const only = (r: unknown, options = {}) => {
  const findings = check(r, options);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

describe('checkRecord: one golden case per code', () => {
  it('accepts the realistic 一网通办 record with no findings at all', () => {
    expect(check(sampleRecord())).toEqual([]);
  });

  it('METADATA_NOT_AN_OBJECT for anything but a plain object', () => {
    for (const bad of [null, [], 'x', 42, new Date(), new Map()]) {
      expect(only(bad)).toMatchObject({
        code: 'METADATA_NOT_AN_OBJECT',
        severity: 'error',
        path: '',
        item: 'GD-2-3',
      });
    }
  });

  it('METADATA_REQUIRED_MISSING names the element and its path', () => {
    const r = record();
    delete r.文件实体.内容描述.题名;
    expect(only(r)).toEqual({
      code: 'METADATA_REQUIRED_MISSING',
      severity: 'error',
      message: 'M22 题名：必选元素缺失',
      messageEn: 'M22 title: mandatory element is missing',
      path: '/文件实体/内容描述/题名',
      element: 'M22',
      item: 'GD-2-4',
    });
  });

  it('METADATA_REQUIRED_MISSING inside a repeatable container carries the index', () => {
    const r = record();
    delete r.文件实体.电子属性[1].计算机文件名;
    expect(only(r)).toMatchObject({ path: '/文件实体/电子属性/1/计算机文件名', element: 'M48' });
    const s = record();
    delete s.业务实体[2].业务标识符;
    expect(only(s)).toMatchObject({
      code: 'METADATA_REQUIRED_MISSING',
      path: '/业务实体/2/业务标识符',
      element: 'DAT48:业务标识符',
      message: '业务标识符：必选元素缺失',
    });
  });

  it('METADATA_CONDITION_UNMET quotes the condition', () => {
    const r = record();
    r.文件实体.内容描述.密级 = '机密';
    expect(only(r)).toMatchObject({
      code: 'METADATA_CONDITION_UNMET',
      path: '/文件实体/内容描述/保密期限',
      element: 'M39',
      message: 'M39 保密期限：条件选元素缺失：密级为秘密、机密或绝密时必选',
      item: 'GD-2-4',
    });
  });

  it('METADATA_EMPTY_VALUE for blank strings, null and empty arrays', () => {
    const cases: [(r: Loose) => void, string][] = [
      [(r) => (r.文件实体.内容描述.题名 = ''), '/文件实体/内容描述/题名'],
      [(r) => (r.文件实体.内容描述.题名 = ' \u3000\n'), '/文件实体/内容描述/题名'],
      [(r) => (r.文件实体.内容描述.摘要 = null), '/文件实体/内容描述/摘要'],
      [(r) => (r.文件实体.附注 = []), '/文件实体/附注'],
      [(r) => (r.文件实体.附注 = [null]), '/文件实体/附注/0'],
      [(r) => (r.文件实体.形式特征.页数 = null), '/文件实体/形式特征/页数'],
    ];
    for (const [change, path] of cases) {
      const r = record();
      change(r);
      expect(only(r)).toMatchObject({ code: 'METADATA_EMPTY_VALUE', severity: 'error', path });
    }
  });

  it('METADATA_TYPE_INVALID with hints (numeric strings, Date objects, objects for containers)', () => {
    const r = record();
    r.文件实体.电子属性[0].计算机文件大小 = '482113';
    expect(only(r)).toMatchObject({
      code: 'METADATA_TYPE_INVALID',
      path: '/文件实体/电子属性/0/计算机文件大小',
      element: 'M49',
      item: 'GD-1-3',
      message:
        'M49 计算机文件大小：数据类型应为非负整数（JSON 数值），实为文本 “482113”；请写作 JSON 数值 482113，不加引号',
    });
    const d = record();
    d.文件实体.内容描述.日期 = new Date('2025-03-18');
    expect(only(d).message).toContain('请写作 ISO 8601 文本');
    const c = record();
    c.文件实体.来源 = '上海';
    expect(only(c)).toMatchObject({ code: 'METADATA_TYPE_INVALID', path: '/文件实体/来源', element: 'M2' });
    for (const bad of [1.5, -1, 2 ** 53]) {
      const n = record();
      n.文件实体.电子属性[0].计算机文件大小 = bad;
      expect(only(n).code).toBe('METADATA_TYPE_INVALID');
    }
  });

  it('a page count of 0 is a type failure reported as implausible (GD-1-5)', () => {
    const r = record();
    r.文件实体.形式特征.页数 = 0;
    expect(only(r)).toMatchObject({
      code: 'METADATA_TYPE_INVALID',
      path: '/文件实体/形式特征/页数',
      element: 'M43',
      item: 'GD-1-5',
      message: 'M43 页数：数值不合理：应为正整数（≥ 1），实为 0',
    });
  });

  it('METADATA_FORMAT_INVALID for dates, date-times, years, base64, uri and patterns', () => {
    const cases: [(r: Loose) => void, string][] = [
      [(r) => (r.文件实体.内容描述.日期 = '2024-02-30'), '/文件实体/内容描述/日期'],
      [(r) => (r.文件实体.内容描述.日期 = '2023-02-29'), '/文件实体/内容描述/日期'],
      [(r) => (r.文件实体.内容描述.日期 = '2025/03/18'), '/文件实体/内容描述/日期'],
      [(r) => (r.业务实体[1].行为时间 = '2025-03-18 15:02:44'), '/业务实体/1/行为时间'],
      [(r) => (r.业务实体[1].行为时间 = '2025-03-18T25:02:44'), '/业务实体/1/行为时间'],
    ];
    for (const [change, path] of cases) {
      const r = record();
      change(r);
      expect(only(r)).toMatchObject({ code: 'METADATA_FORMAT_INVALID', path, item: 'GD-1-3' });
    }
    const y = record();
    y.文件实体.档号.年度 = '25';
    expect(check(y).map((f) => f.code)).toEqual(['METADATA_FORMAT_INVALID']);
    const s = record();
    s.文件实体.电子签名 = [
      {
        签名规则: 'GB/T 38540',
        签名结果: 'YWJj\nZGVm',
        证书: ['MIIB'],
        签名算法标识: '1.2.156.10197.1.501',
        证书引证: 'not a uri',
      },
    ];
    expect(check(s).map((f) => [f.code, f.path])).toEqual([
      ['METADATA_FORMAT_INVALID', '/文件实体/电子签名/0/签名结果'],
      ['METADATA_FORMAT_INVALID', '/文件实体/电子签名/0/证书引证'],
    ]);
    s.文件实体.电子签名[0].签名结果 = 'YWJjZGVm';
    s.文件实体.电子签名[0].证书引证 = 'https://ca.example.cn/cert/1';
    s.文件实体.电子签名[0].签名算法标识 = 'SM2';
    expect(only(s)).toMatchObject({
      code: 'METADATA_FORMAT_INVALID',
      path: '/文件实体/电子签名/0/签名算法标识',
      element: 'M64',
    });
  });

  it('accepts leap days, fractional seconds, offsets and years 0001–9999', () => {
    const r = record();
    r.文件实体.内容描述.日期 = '2024-02-29';
    r.文件实体.档号.年度 = '2024';
    r.业务实体[0].行为时间 = '2024-02-29T23:59:59.123456Z';
    r.业务实体[1].行为时间 = '2000-02-29T00:00:00-14:00';
    expect(check(r)).toEqual([]);
  });

  it('METADATA_OUT_OF_DOMAIN for closed lists; open lists take any value', () => {
    const r = record();
    r.文件实体.内容描述.密级 = '内部资料';
    expect(only(r)).toMatchObject({
      code: 'METADATA_OUT_OF_DOMAIN',
      path: '/文件实体/内容描述/密级',
      item: 'GD-1-4',
    });
    expect(only(r).message).toContain('公开、限制、秘密、机密、绝密');
    const o = record();
    o.文件实体.内容描述.文种 = '决定书';
    expect(check(o)).toEqual([]);
  });

  it('METADATA_OUT_OF_DOMAIN for numbers outside the domain bounds', () => {
    const r: Loose = { ...record() };
    r.文件实体.办件信息 = { 受理时间: '2025-03-10T09:00:00', 事项编码: '1234', 收费金额: -5, 签章: 'AA==' };
    const findings = checkRecord(r, richScheme(), { now });
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['METADATA_OUT_OF_DOMAIN', '/文件实体/办件信息/收费金额'],
    ]);
  });

  it('METADATA_LEGACY_VALUE is a warning', () => {
    const r = record();
    r.文件实体.档号.保管期限 = '长期';
    expect(only(r)).toMatchObject({
      code: 'METADATA_LEGACY_VALUE',
      severity: 'warning',
      element: 'M12',
      message: 'M12 保管期限：“长期” 是旧值，现行值为：永久、定期30年、定期10年',
    });
  });

  it('METADATA_TOO_LONG counts characters (code points), from the domain or the maxLength option', () => {
    const r: Loose = record();
    r.文件实体.内容描述.题名 = '𠀀'.repeat(30);
    expect(checkRecord(r, richScheme(), { now }).filter((f) => f.code === 'METADATA_TOO_LONG')).toEqual([]);
    r.文件实体.内容描述.题名 = '𠀀'.repeat(31);
    expect(checkRecord(r, richScheme(), { now }).find((f) => f.code === 'METADATA_TOO_LONG')).toMatchObject({
      path: '/文件实体/内容描述/题名',
      element: 'M22',
      item: 'GD-1-2',
      message: 'M22 题名：长度 31 个字符，超过上限 30',
    });
    const d = record();
    expect(check(d, { maxLength: 10 }).map((f) => f.path)).toContain('/文件实体/内容描述/题名');
    expect(check(d, { maxLength: 10 }).every((f) => f.code === 'METADATA_TOO_LONG')).toBe(true);
  });

  it('METADATA_NOT_REPEATABLE and METADATA_EXPECTED_LIST', () => {
    const r = record();
    r.文件实体.内容描述.题名 = ['甲', '乙'];
    expect(only(r)).toMatchObject({ code: 'METADATA_NOT_REPEATABLE', path: '/文件实体/内容描述/题名' });
    const s = record();
    s.文件实体.电子属性 = s.文件实体.电子属性[0];
    expect(only(s)).toMatchObject({
      code: 'METADATA_EXPECTED_LIST',
      path: '/文件实体/电子属性',
      element: 'M46',
    });
    expect(only(s).message).toContain('请放入数组');
  });

  it('METADATA_ILLEGAL_CHARACTER for controls, C1, noncharacters and lone surrogates', () => {
    for (const ch of [
      '\u0000',
      '\u0008',
      '\u001f',
      '\u007f',
      '\u0085',
      '\ufdd0',
      '\uffff',
      '\u{2fffe}',
      '\ud800',
    ]) {
      const r = record();
      r.文件实体.内容描述.摘要 = `前${ch}后`;
      expect(only(r)).toMatchObject({
        code: 'METADATA_ILLEGAL_CHARACTER',
        severity: 'error',
        path: '/文件实体/内容描述/摘要',
        element: 'M29',
        item: 'GD-1-6',
      });
      expect(only(r).message).toContain('（第 2 个字符）');
    }
    const ok = record();
    ok.文件实体.内容描述.摘要 = '甲\t乙\r\n丙𠀀';
    expect(check(ok)).toEqual([]);
  });

  it('METADATA_PRIVATE_USE_CHARACTER is a warning', () => {
    const r = record();
    r.文件实体.内容描述.题名 = '关于\ue000的通知';
    expect(only(r)).toMatchObject({
      code: 'METADATA_PRIVATE_USE_CHARACTER',
      severity: 'warning',
      element: 'M22',
    });
    expect(only(r).message).toContain('U+E000');
  });

  it('METADATA_FUTURE_DATE compares with options.now in UTC+8 by default', () => {
    const r = record();
    r.业务实体[2].行为时间 = '2026-01-01T07:59:59'; // 北京时间 = 2025-12-31T23:59:59Z
    expect(check(r)).toEqual([]);
    r.业务实体[2].行为时间 = '2026-01-01T08:00:01';
    expect(only(r)).toMatchObject({
      code: 'METADATA_FUTURE_DATE',
      path: '/业务实体/2/行为时间',
      item: 'GD-1-5',
    });
    expect(check(r, { utcOffsetMinutes: 0 })).toHaveLength(1);
    const d = record();
    d.文件实体.内容描述.日期 = '2026-01-01'; // today in Beijing at 2026-01-01T00:00Z
    d.文件实体.档号.年度 = '2026';
    expect(check(d)).toEqual([]);
    d.文件实体.内容描述.日期 = '2026-01-02';
    expect(only(d)).toMatchObject({ code: 'METADATA_FUTURE_DATE', path: '/文件实体/内容描述/日期' });
    expect(check(d, { now: new Date('2027-01-01') })).toEqual([]);
  });

  it('METADATA_YEAR_MISMATCH on 年度 against 日期', () => {
    const r = record();
    r.文件实体.档号.年度 = '2024';
    expect(only(r)).toMatchObject({
      code: 'METADATA_YEAR_MISMATCH',
      path: '/文件实体/档号/年度',
      element: 'M11',
      message: 'M11 年度：2024 与 M33 日期 2025-03-18 的年份不一致',
    });
  });

  it('METADATA_DATE_ORDER for notBefore rules', () => {
    const r: Loose = record();
    r.文件实体.办件信息 = {
      受理时间: '2025-03-10T09:00:00+08:00',
      办结时间: '2025-03-10T00:59:59Z',
      事项编码: '1234',
    };
    expect(checkRecord(r, richScheme(), { now }).map((f) => [f.code, f.path, f.element])).toEqual([
      ['METADATA_DATE_ORDER', '/文件实体/办件信息/办结时间', 'X3'],
    ]);
    r.文件实体.办件信息.办结时间 = '2025-03-10T01:00:00Z';
    r.文件实体.办件信息.签章 = 'AA==';
    expect(checkRecord(r, richScheme(), { now })).toEqual([]);
  });

  it('METADATA_UNKNOWN_ELEMENT: error by default, warning or ignored on request', () => {
    const r = record();
    r.文件实体.电子属性[1].哈希值 = 'abc';
    expect(only(r)).toEqual({
      code: 'METADATA_UNKNOWN_ELEMENT',
      severity: 'error',
      message: '未知元素 “哈希值”：方案 dat46 的 M46 电子属性 下没有此元素',
      messageEn: 'unknown element “哈希值”: scheme dat46 has no such element under electronic attributes',
      path: '/文件实体/电子属性/1/哈希值',
      item: 'GD-2-3',
    });
    expect(only(r, { unknownElements: 'warning' }).severity).toBe('warning');
    expect(check(r, { unknownElements: 'ignore' })).toEqual([]);
    const top = record();
    top['a/b~c'] = 1;
    expect(only(top).path).toBe('/a~1b~0c');
  });

  it('covers every code in METADATA_FINDING_CODES', () => {
    expect(Object.keys(METADATA_FINDING_CODES)).toHaveLength(17);
    for (const info of Object.values(METADATA_FINDING_CODES)) {
      expect(info.gdItem).toMatch(/^GD-[12]-[0-9]$/);
      expect(info.dat70Group).toBe(info.gdItem.startsWith('GD-1') ? '1-2' : '2-2');
    }
  });

  it('is not fooled by keys that are Object.prototype members', () => {
    const r = record();
    r.文件实体.内容描述.constructor = 'x';
    expect(only(r)).toMatchObject({
      code: 'METADATA_UNKNOWN_ELEMENT',
      path: '/文件实体/内容描述/constructor',
    });
  });
});
