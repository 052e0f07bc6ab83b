import { extendScheme, type MetadataScheme, schemes, type UnknownRecord } from '@dangan/metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordFromXml, recordsFromXml, recordsToXml, recordToXml } from '../../src/xml/index.js';
import { arbitraryRecord } from '../support/arbitrary-record.js';

// An institution's scheme: an extra container with a repeatable number and a renamed-free extension.
const extended = (): MetadataScheme =>
  extendScheme(schemes.dat46, {
    id: 'acme-dat46',
    modify: { M43: { obligation: { kind: '必选' } } },
    add: [
      {
        id: 'X1',
        key: '承办信息',
        name: '承办信息',
        nameEn: 'handling',
        entity: '文件实体',
        parent: 'E:文件实体',
        obligation: { kind: '必选' },
        repeatable: false,
        type: 'container',
        confidence: { numberAndName: 'high', obligation: 'high' },
      },
      {
        id: 'X2',
        key: '承办人',
        name: '承办人',
        nameEn: 'handler',
        entity: '文件实体',
        parent: 'X1',
        obligation: { kind: '必选' },
        repeatable: true,
        type: 'string',
        confidence: { numberAndName: 'high', obligation: 'high' },
      },
      {
        id: 'X3',
        key: '评分',
        name: '评分',
        nameEn: 'score',
        entity: '文件实体',
        parent: 'X1',
        obligation: { kind: '必选' },
        repeatable: false,
        type: 'decimal',
        confidence: { numberAndName: 'high', obligation: 'high' },
      },
      {
        id: 'X4',
        key: '题名',
        name: '题名',
        nameEn: 'title',
        entity: '文件实体',
        parent: 'X1',
        obligation: { kind: '可选' },
        repeatable: false,
        type: 'string',
        confidence: { numberAndName: 'high', obligation: 'high' },
      },
    ] as const,
  });

const allSchemes = (): [string, MetadataScheme][] => [
  ...Object.entries(schemes as Record<string, MetadataScheme>),
  ['extended', extended()],
];

describe('recordToXml → recordFromXml (metadata layout) is the identity', () => {
  it('covers every shipped scheme', () => {
    expect(Object.keys(schemes)).toContain('dat46');
    expect(allSchemes().length).toBeGreaterThanOrEqual(2);
  });

  for (const [name, scheme] of allSchemes()) {
    it(`${name}: pretty and compact`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryRecord(scheme), fc.boolean(), async (record, pretty) => {
          const xml = recordToXml(record, scheme, { pretty });
          const back = await recordFromXml(xml, scheme);
          expect(back).toEqual(record);
          // Determinism: the same record gives the same bytes, whatever order its keys were built in.
          expect(recordToXml(reverseKeys(record) as UnknownRecord, scheme, { pretty })).toBe(xml);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a batch of records reads back record by record', async () => {
    const scheme = schemes.dat46;
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryRecord(scheme), { minLength: 0, maxLength: 5 }), async (records) => {
        const xml = recordsToXml(records, scheme, { pretty: false });
        const back: UnknownRecord[] = [];
        for await (const r of recordsFromXml(xml, scheme)) back.push(r);
        expect(back).toEqual(records);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps CR, CRLF, tabs, markup characters and astral characters in text', async () => {
    const scheme = schemes.dat46;
    const [base] = fc.sample(arbitraryRecord(scheme), { numRuns: 1, seed: 7 });
    const file = (base as { 文件实体: Record<string, Record<string, unknown>> }).文件实体;
    const title = '第一行\r\n第二行\r第三行\n\t缩进 <b>&amp; ]]> 𠀀 "引号" \'单\'';
    const record = {
      ...base,
      文件实体: { ...file, 内容描述: { ...file.内容描述, 题名: title, 摘要: '  前后空格  ' } },
    };
    for (const pretty of [true, false]) {
      const xml = recordToXml(record, scheme, { pretty });
      expect(xml).toContain('&#13;');
      const back = (await recordFromXml(xml, scheme)) as typeof record;
      expect(back.文件实体.内容描述.题名).toBe(title);
      expect(back.文件实体.内容描述.摘要).toBe('  前后空格  ');
    }
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}
