import {
  checkSchemeIntegrity,
  extendScheme,
  type MetadataRecord,
  schemeIndex,
  schemes,
} from '@dangan/metadata';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('dat46 table', () => {
  const { dat46 } = schemes;

  it('has all 88 numbered elements M1–M88, once each, in order', () => {
    const numbers = dat46.elements.flatMap((e) =>
      'number' in e && e.number !== undefined ? [e.number] : [],
    );
    expect(numbers).toEqual(Array.from({ length: 88 }, (_, i) => `M${i + 1}`));
  });

  it('is a sound table', () => {
    expect(checkSchemeIntegrity(dat46)).toEqual([]);
  });

  it('places elements in their containers and entities', () => {
    const { paths } = schemeIndex(dat46);
    expect(paths.get('M22')).toEqual(['文件实体', '内容描述', '题名']);
    expect(paths.get('M72')).toEqual(['文件实体', '权限管理', '授权', '授权对象']);
    expect(paths.get('M80')).toEqual(['业务实体', '业务状态']);
    const entityOf = (id: string) => dat46.elements.find((e) => e.id === id)?.entity;
    expect([entityOf('M75'), entityOf('M76'), entityOf('M84'), entityOf('M85')]).toEqual([
      '文件实体',
      '机构人员实体',
      '业务实体',
      '实体关系',
    ]);
  });

  it('marks the inferred M65–M79 numbering as medium confidence, not high', () => {
    for (const e of dat46.elements.filter((e) => /^M(6[5-9]|7[0-9])$/.test(e.id))) {
      expect(e.confidence.numberAndName, e.id).toBe('medium');
    }
  });

  it('derives the record type from the table', () => {
    type Record46 = MetadataRecord<typeof dat46>;
    expectTypeOf<Record46['文件实体']['内容描述']['题名']>().toEqualTypeOf<string>();
    expectTypeOf<Record46['文件实体']['内容描述']['密级']>().toEqualTypeOf<
      '公开' | '限制' | '秘密' | '机密' | '绝密'
    >();
    expectTypeOf<Record46['文件实体']['电子属性']>().toEqualTypeOf<
      readonly {
        readonly 格式信息?: string;
        readonly 计算机文件名: string;
        readonly 计算机文件大小: number;
        readonly 文档创建程序?: string;
        readonly 信息系统描述?: string;
      }[]
    >();
    expectTypeOf<Record46['文件实体']['形式特征']['页数']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Record46['业务实体']>().toEqualTypeOf<
      | readonly {
          readonly 业务标识符: string;
          readonly 机构人员标识符: string;
          readonly 文件标识符: string;
          readonly 业务状态: '历史行为' | '计划任务';
          readonly 业务行为: string;
          readonly 行为时间: string;
          readonly 行为依据?: string;
          readonly 行为描述?: string;
        }[]
      | undefined
    >();
  });
});

describe('extendScheme', () => {
  it('tightens, narrows and adds without touching the base', () => {
    const mine = extendScheme(schemes.dat46, {
      id: 'acme',
      modify: { M43: { obligation: { kind: '必选' } }, M22: { domain: { maxLength: 100 } } },
      add: [
        {
          id: 'X1',
          key: '承办人',
          name: '承办人',
          nameEn: 'handler',
          entity: '文件实体',
          parent: 'M21',
          obligation: { kind: '可选' },
          repeatable: false,
          type: 'string',
          confidence: { numberAndName: 'high', obligation: 'high' },
        },
      ] as const,
    });
    expect(mine.elements.find((e) => e.id === 'M43')?.obligation.kind).toBe('必选');
    expect(schemes.dat46.elements.find((e) => e.id === 'M43')?.obligation.kind).toBe('可选');
    expect(schemeIndex(mine).paths.get('X1')).toEqual(['文件实体', '内容描述', '承办人']);
    expectTypeOf<MetadataRecord<typeof mine>['文件实体']['内容描述']['承办人']>().toEqualTypeOf<
      string | undefined
    >();
  });

  it('refuses an unsound result with METADATA_SCHEME_INVALID', () => {
    expect(() =>
      extendScheme(schemes.dat46, {
        id: 'bad',
        add: [
          {
            id: 'X2',
            key: '题名',
            name: '题名',
            nameEn: 't',
            entity: '文件实体',
            parent: 'M21',
            obligation: { kind: '可选' },
            repeatable: false,
            type: 'string',
            confidence: { numberAndName: 'high', obligation: 'high' },
          },
        ],
      }),
    ).toThrow(/元素名重复/);
    expect(() => extendScheme(schemes.dat46, { id: 'bad2', modify: { M999: {} } })).toThrow(TypeError);
  });

  it('drops a removed container with what is below it', () => {
    const slim = extendScheme(schemes.dat46, { id: 'slim', remove: ['M52'] });
    expect(slim.elements.some((e) => ['M52', 'M53', 'M54', 'M55', 'M56'].includes(e.id))).toBe(false);
  });
});
