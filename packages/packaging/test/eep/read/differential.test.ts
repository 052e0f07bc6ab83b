/**
 * Differential tests of the structure validator against `xmllint --schema dat48-2009-eep.xsd`: on valid
 * EEPs and on mutations of them, both must say the same valid/invalid (`schemaValid`), case by case.
 */
import { schemes } from '@dangan/metadata';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEep as metadataEep, withEepEntities } from '../../../../metadata/test/xml/support/eep.js';
import { sample } from '../../../../metadata/test/xml/support/samples.js';
import { type EepStructureValidation, validateEepStructure } from '../../../src/eep/validate/validate-eep.js';
import { bytesOf, modifiedEep, originalEep, signEep, testSigner } from './support/eep.js';
import { fullEep } from './support/full.js';
import { MUTATIONS, mutate } from './support/mutations.js';
import { type Node, parseTree, serialize } from './support/tree.js';
import { CAN_DIFF, xmllintVerdicts } from './support/xmllint.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const errors = (r: EepStructureValidation) => r.findings.filter((f) => f.severity === 'error');

/** Valid EEPs of several shapes: handmade original and 修改型 (signed), metadata's, and the full one. */
async function validBases(): Promise<string[]> {
  const signer = testSigner();
  const v0 = signEep(
    originalEep({
      ids: 'a',
      files: [
        { name: '通知.pdf', data: bytesOf(300) },
        { name: '附件', data: bytesOf(5, 2), key: 'ofd' },
      ],
      lineLength: 76,
    }),
    signer,
  );
  const v1 = signEep(
    modifiedEep(v0, {
      ids: 'b',
      modificationId: '修改1',
      files: [
        { name: '通知.pdf', ref: 'EDa1', refSize: 300 },
        { name: '新.pdf', data: bytesOf(9, 3) },
      ],
    }),
    signer,
    { modification: 1 },
  );
  const record = withEepEntities(sample()) as Record<string, unknown>;
  const file = record.文件实体 as Record<string, unknown>;
  file.电子属性 = [{ 计算机文件名: '通知.pdf', 计算机文件大小: 20 }];
  const fromMetadata = await metadataEep(record, schemes.dat46, { data: () => bytesOf(20, 4) });
  return [v0, v1, fromMetadata, fullEep()];
}

describe.runIf(CAN_DIFF)('structure validator vs xmllint --schema', () => {
  let bases: string[] = [];
  let trees: Node[] = [];
  beforeAll(async () => {
    bases = await validBases();
    trees = await Promise.all(bases.map((b) => parseTree(b)));
  });

  it('the valid corpus is valid for both, with no finding at all', async () => {
    const lint = xmllintVerdicts(bases);
    for (let i = 0; i < bases.length; i++) {
      expect(lint[i]!.valid, lint[i]!.output).toBe(true);
      const ours = await validateEepStructure(utf8(bases[i]!));
      expect(ours.findings).toEqual([]);
      expect(ours.valid && ours.schemaValid).toBe(true);
    }
  });

  /** Named mutations of the signed 修改型 base: [name, change, expected code, path suffix]. */
  const cases: [string, (xml: string) => string, string | undefined, string | undefined][] = [
    [
      'drop 版本',
      (x) => x.replace('<版本>2009</版本>', ''),
      'EEP_SCHEMA_UNEXPECTED_ELEMENT',
      '/电子文件封装包/被签名对象',
    ],
    [
      'drop 年度',
      (x) => x.replace('<年度>2024</年度>', ''),
      'EEP_SCHEMA_UNEXPECTED_ELEMENT',
      '/原封装包/被签名对象/封装内容/文件实体块/文件实体/档号/保管期限',
    ],
    ['empty 权限管理 kept', (x) => x, undefined, undefined],
    [
      'drop 锁定签名',
      (x) => x.replace(/<锁定签名>.*<\/锁定签名>/s, ''),
      'EEP_SCHEMA_MISSING_ELEMENT',
      '/电子文件封装包',
    ],
    [
      'duplicate an attribute ID',
      (x) => x.replace('编码数据ID="EDb2"', '编码数据ID="EDa1"'),
      'EEP_SCHEMA_DUPLICATE_ID',
      '/修订内容/文件实体块/文件实体/文件数据/文档/文档数据/编码/编码数据',
    ],
    [
      'bad NCName',
      (x) => x.replace('编码ID="Eb1"', '编码ID="1b"'),
      'EEP_SCHEMA_INVALID_VALUE',
      '/修订内容/文件实体块/文件实体/文件数据/文档/文档数据/编码',
    ],
    [
      'swap order',
      (x) =>
        x.replace(
          '<责任者>某区政务服务中心</责任者><日期>2024-06-01</日期>',
          '<日期>2024-06-01</日期><责任者>某区政务服务中心</责任者>',
        ),
      'EEP_SCHEMA_UNEXPECTED_ELEMENT',
      '/内容描述/日期',
    ],
    [
      'wrong fixed text',
      (x) => x.replace('<聚合层次>文件</聚合层次>', '<聚合层次>案卷</聚合层次>'),
      'EEP_SCHEMA_FIXED_VALUE',
      '/文件实体/聚合层次',
    ],
    [
      'wrong 版本',
      (x) => x.replace('<版本>2009</版本>', '<版本>2020</版本>'),
      'EEP_SCHEMA_FIXED_VALUE',
      '/电子文件封装包/版本',
    ],
    [
      'wrong eep版本',
      (x) => x.replace('eep版本="2009"', 'eep版本="2010"'),
      'EEP_SCHEMA_FIXED_VALUE',
      '/电子文件封装包/被签名对象',
    ],
    [
      'missing eep版本',
      (x) => x.replace(' eep版本="2009"', ''),
      'EEP_SCHEMA_ATTRIBUTE_MISSING',
      '/电子文件封装包/被签名对象',
    ],
    [
      'extra element',
      (x) => x.replace('</来源>', '<备注>x</备注></来源>'),
      'EEP_SCHEMA_UNEXPECTED_ELEMENT',
      '/来源/备注',
    ],
    [
      'extra attribute',
      (x) => x.replace('<文件实体>', '<文件实体 id="x">'),
      'EEP_SCHEMA_ATTRIBUTE_NOT_ALLOWED',
      '/文件实体',
    ],
    [
      'wrong namespace',
      (x) => x.replace('<封装包类型>修改型', '<封装包类型 xmlns="urn:x">修改型'),
      'EEP_SCHEMA_UNEXPECTED_ELEMENT',
      '/被签名对象/封装包类型',
    ],
    ['no namespace at all', (x) => x.replace(/ xmlns="[^"]*"/, ''), 'EEP_SCHEMA_ROOT', '/电子文件封装包'],
    [
      'not in enumeration',
      (x) => x.replace('<业务状态>历史行为', '<业务状态>已办结'),
      'EEP_SCHEMA_NOT_IN_ENUMERATION',
      '/业务实体/业务状态',
    ],
    [
      'bad dateTime',
      (x) => x.replace('2024-07-01T10:00:00+08:00', '2024-07-01 10:00'),
      'EEP_SCHEMA_INVALID_VALUE',
      '/被签名对象/封装包创建时间',
    ],
    [
      'bad gYear',
      (x) => x.replace('<年度>2024</年度>', '<年度>24</年度>'),
      'EEP_SCHEMA_INVALID_VALUE',
      '/档号/年度',
    ],
    [
      'bad positiveInteger',
      (x) => x.replace('<室编件号>12</室编件号>', '<室编件号>0</室编件号>'),
      'EEP_SCHEMA_INVALID_VALUE',
      '/档号/室编件号',
    ],
    [
      'bad Base64',
      (x) => x.replace(/(<签名结果>)[^<]*/, '$1YWJ'),
      'EEP_SCHEMA_INVALID_VALUE',
      '/电子签名/签名结果',
    ],
    [
      'text in a container',
      (x) => x.replace('<来源>', '<来源>来源'),
      'EEP_SCHEMA_TEXT_NOT_ALLOWED',
      '/文件实体/来源',
    ],
    [
      'CDATA in a container',
      (x) => x.replace('<来源>', '<来源><![CDATA[ ]]>'),
      'EEP_SCHEMA_TEXT_NOT_ALLOWED',
      '/文件实体/来源',
    ],
    [
      'child in a simple element',
      (x) => x.replace('<题名>', '<题名><b/>'),
      'EEP_SCHEMA_CHILD_NOT_ALLOWED',
      '/内容描述/题名/b',
    ],
    [
      'empty element takes the default',
      (x) => x.replace('<封装包类型>修改型</封装包类型>', '<封装包类型/>'),
      undefined,
      undefined,
    ],
    [
      'empty CDATA does not',
      (x) => x.replace('<聚合层次>文件</聚合层次>', '<聚合层次><![CDATA[]]></聚合层次>'),
      'EEP_SCHEMA_FIXED_VALUE',
      '/聚合层次',
    ],
    [
      'comments and PIs are fine',
      (x) => x.replace('<题名>', '<!-- 注释 --><?pi x?><题名>'),
      undefined,
      undefined,
    ],
    [
      'stray Base64 characters: libxml2 skips them',
      (x) => x.replace(/(<签名结果>)/, '$1！'),
      undefined,
      undefined,
    ],
  ];

  it('named mutations: same verdict, and our finding names the element', async () => {
    const base = bases[1]!;
    const docs = cases.map(([, change]) => change(base));
    const lint = xmllintVerdicts(docs);
    for (let i = 0; i < cases.length; i++) {
      const [name, , code, path] = cases[i]!;
      const ours = await validateEepStructure(utf8(docs[i]!));
      expect({ name, ours: ours.schemaValid }, lint[i]!.output).toEqual({ name, ours: lint[i]!.valid });
      if (code === undefined) {
        expect({ name, valid: lint[i]!.valid }).toEqual({ name, valid: true });
        continue;
      }
      expect({ name, valid: lint[i]!.valid }).toEqual({ name, valid: false });
      const hit = errors(ours).find((f) => f.code === code && f.path!.endsWith(path!));
      expect(hit, `${name}: ${JSON.stringify(errors(ours).map((f) => [f.code, f.path]))}`).toBeDefined();
      expect(hit!.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(hit!.messageEn).toMatch(/[a-z]/);
    }
  });

  it('checks XML Schema makes and libxml2 does not: element IDs clashing, IDREFs pointing nowhere', async () => {
    const base = bases[1]!;
    const docs = [
      base.replace('<文档标识符>Db</文档标识符>', '<文档标识符>Da</文档标识符>'),
      base.replace('<被锁定签名标识符>修改1-签名1<', '<被锁定签名标识符>修改9-签名1<'),
    ];
    const lint = xmllintVerdicts(docs);
    const clash = await validateEepStructure(utf8(docs[0]!));
    const dangling = await validateEepStructure(utf8(docs[1]!));
    expect(lint.map((l) => l.valid)).toEqual([true, true]);
    expect([clash.schemaValid, dangling.schemaValid]).toEqual([true, true]);
    expect([clash.valid, dangling.valid]).toEqual([false, false]);
    expect(errors(clash).map((f) => f.code)).toEqual(['EEP_SCHEMA_DUPLICATE_ELEMENT_ID']);
    expect(errors(dangling).map((f) => [f.code, f.path])).toEqual([
      ['EEP_SCHEMA_IDREF_UNRESOLVED', '/电子文件封装包/锁定签名/被锁定签名标识符'],
    ]);
  });

  it('random mutations (1–3 at a time, every operator): the verdicts agree', async () => {
    const runs = fc.sample(
      fc.record({
        base: fc.nat({ max: trees.length - 1 }),
        count: fc.integer({ min: 1, max: 3 }),
        choices: fc.array(fc.nat({ max: 1 << 20 }), { minLength: 40, maxLength: 40 }),
      }),
      { seed: 48_2009, numRuns: 600 },
    );
    const docs: string[] = [];
    const labels: string[] = [];
    for (const run of runs) {
      let k = 0;
      const pick = (n: number) => run.choices[k++ % run.choices.length]! % n;
      const { tree, applied } = mutate(trees[run.base]!, pick, run.count);
      docs.push(serialize(tree));
      labels.push(`${run.base}:${applied.join('+')}`);
    }
    const lint = xmllintVerdicts(docs);
    const disagreements: string[] = [];
    const operators = new Set<string>();
    for (let i = 0; i < docs.length; i++) {
      for (const op of labels[i]!.split(':')[1]!.split('+')) operators.add(op);
      const ours = await validateEepStructure(utf8(docs[i]!));
      if (ours.schemaValid !== lint[i]!.valid) {
        disagreements.push(
          `${labels[i]} ours=${ours.schemaValid} xmllint=${lint[i]!.valid}\n${lint[i]!.output}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    expect([...operators].sort()).toEqual(Object.keys(MUTATIONS).sort());
    // Both sides see valid and invalid documents.
    expect(lint.filter((l) => l.valid).length).toBeGreaterThan(20);
    expect(lint.filter((l) => !l.valid).length).toBeGreaterThan(300);
  });
});
