import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectMojibake } from '../../../src/rules/metadata/mojibake.js';
import { record, run, where } from './support.js';

/** What a UTF-8 string looks like when its bytes are read as Windows-1252 (WHATWG: also covers 0x81 …). */
const asCp1252 = (text: string): string =>
  new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));

/** GBK bytes of common characters (GB 2312), read as Latin-1. */
const GBK_AS_LATIN1: readonly [string, string][] = [
  ['ÖÐÎÄ', '中文'],
  ['¹ØÓÚ', '关于'],
  ['Í¨Öª', '通知'],
];

describe('detectMojibake', () => {
  it('finds UTF-8 read as Windows-1252 and says what it should read', () => {
    const hit = detectMojibake(asCp1252('关于开展专项检查的通知'));
    expect(hit).toMatchObject({
      kind: 'utf8-as-latin1',
      severity: 'error',
      index: 0,
      repaired: '关于开展专项检查的通知',
    });
    expect(detectMojibake('å…³äºŽ')?.repaired).toBe('关于');
    expect(detectMojibake('Ã©')).toMatchObject({
      kind: 'utf8-as-latin1',
      severity: 'warning',
      repaired: 'é',
    });
  });

  it.each(GBK_AS_LATIN1)('finds GBK read as Latin-1: %s', (garbled, text) => {
    expect(detectMojibake(`文件：${garbled}`)).toMatchObject({
      kind: 'gbk-as-latin1',
      severity: 'error',
      repaired: text,
    });
  });

  it('finds U+FFFD, 锟斤拷, 烫烫烫 and ???', () => {
    expect(detectMojibake('关于\ufffd\ufffd的通知')?.kind).toBe('replacement-character');
    expect(detectMojibake('锟斤拷锟斤拷')?.kind).toBe('utf8-as-gbk');
    expect(detectMojibake('烫烫烫烫')).toMatchObject({ kind: 'uninitialised-memory', severity: 'warning' });
    expect(detectMojibake('??????')).toMatchObject({ kind: 'question-marks', severity: 'warning' });
  });

  it('leaves Chinese punctuation, Latin names and signs alone', () => {
    for (const clean of [
      '关于“一网通办”改革的通知……——附件',
      'Z109-WS·2025-D30-XK-0123',
      '阿卜杜拉·买买提',
      'café, naïve, Müller, Zoë',
      '210×297mm，±5°C，¥100，§3',
      '‘单引号’与“双引号”',
      '烫伤',
      '为什么?',
    ])
      expect(detectMojibake(clean), clean).toBeUndefined();
  });

  it('never reports CJK text with Chinese punctuation', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
          fc.constantFrom(
            '，',
            '。',
            '“',
            '”',
            '‘',
            '’',
            '……',
            '——',
            '·',
            '、',
            '：',
            '（',
            '）',
            '《',
            '》',
          ),
        ),
        { minLength: 1, maxLength: 30 },
      )
      .map((p) => p.join(''))
      .filter((s) => !s.includes('锟斤拷') && !/烫{3,}|屯{3,}/u.test(s));
    fc.assert(
      fc.property(text, (s) => {
        expect(detectMojibake(s)).toBeUndefined();
      }),
    );
  });

  it('finds UTF-8 Chinese read as Windows-1252 whatever the text', () => {
    const chinese = fc
      .array(
        fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
        {
          minLength: 1,
          maxLength: 20,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(chinese, (s) => {
        expect(detectMojibake(asCp1252(s))?.kind).toBe('utf8-as-latin1');
      }),
    );
  });

  it('finds GB 2312 text read as Latin-1 whatever the text', () => {
    const gb = new TextDecoder('gb18030');
    const hanzi = fc
      .tuple(fc.integer({ min: 0xb0, max: 0xd6 }), fc.integer({ min: 0xa1, max: 0xfe })) // GB 2312 level-1 hanzi
      .map(([a, b]) => [a, b] as const);
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 2, maxLength: 12 }), (pairs) => {
        const bytes = pairs.flat();
        const text = gb.decode(Uint8Array.from(bytes));
        const garbled = String.fromCharCode(...bytes);
        const hit = detectMojibake(`材料：${garbled}`);
        expect(hit).toBeDefined();
        if (hit?.kind === 'gbk-as-latin1') expect(hit.repaired).toBe(text);
        else expect(hit?.kind).toBe('utf8-as-latin1');
      }),
    );
  });
});

describe('metadata.readable (GD-3-1)', () => {
  it('reports a garbled value at its element and record path', async () => {
    const r = record(1);
    r.文件实体.内容描述.题名 = asCp1252('关于准予张三食品经营许可的决定');
    const outcome = await run('metadata.readable', [record(2), r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['CHECK_METADATA_MOJIBAKE', 'M22', '元数据.xml#2/文件实体/内容描述/题名'],
    ]);
    expect(outcome.findings[0]?.message).toContain('按正确编码读应为“关于准予张三食品经营许可的决定”');
  });

  it('finds garbled values in repeatable elements and garbled element names', async () => {
    const r = record(1);
    r.文件实体.电子属性[1].计算机文件名 = '申请表\ufffd.ofd';
    const garbledKey = asCp1252('题名');
    r.文件实体.内容描述[garbledKey] = 'x';
    const outcome = await run('metadata.readable', [r]);
    expect(where(outcome)).toEqual([
      ['CHECK_METADATA_MOJIBAKE', undefined, `元数据.xml#1/文件实体/内容描述/${garbledKey}`],
      ['CHECK_METADATA_MOJIBAKE', 'M48', '元数据.xml#1/文件实体/电子属性/1/计算机文件名'],
    ]);
    expect(outcome.findings[0]?.message).toContain('元素名疑似乱码');
  });

  it('warns about suspicious runs, and fails a record that is not an object', async () => {
    const r = record(1);
    r.文件实体.内容描述.摘要 = '申请人???于2025年提交申请';
    expect((await run('metadata.readable', [r])).status).toBe('warning');
    const outcome = await run('metadata.readable', ['not a record']);
    expect(where(outcome)).toEqual([['CHECK_METADATA_UNREADABLE', undefined, '元数据.xml#1']]);
  });
});
