import { readFileSync } from 'node:fs';
import { encodeGb18030, type Finding } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EEP_FINDING_CODES } from '../../../src/eep/validate/codes.js';
import {
  isSchemaError,
  safeValidateEepStructure,
  validateEepStructure,
} from '../../../src/eep/validate/validate-eep.js';
import { bytesOf, modifiedEep, originalEep, signEep, type TestFile, testSigner } from './support/eep.js';
import { CAN_DIFF, xmllintVerdicts } from './support/xmllint.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (over: Partial<TestFile> = {}): TestFile => ({ name: '通知.pdf', data: bytesOf(300), ...over });
const plain = (files: TestFile[] = [file()]) => originalEep({ ids: 'a', files });
const codes = (findings: readonly Finding[]) => findings.map((f) => [f.code, f.severity, f.path]);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/eep/${name}`, import.meta.url)));

async function validate(xml: string | Uint8Array) {
  return validateEepStructure(typeof xml === 'string' ? utf8(xml) : xml);
}

const FILE = '/电子文件封装包/被签名对象/封装内容/文件实体块/文件实体';
const ENCODING = `${FILE}/文件数据/文档/文档数据/编码`;

describe('dangan rules beyond the schema (eep-dat48.md §2)', () => {
  it('封装包类型 must agree with its description and its content', async () => {
    const description = await validate(
      plain().replace('原始封装，未经修改', '系修改封装，在保留原封装包的基础上，添加了修改层'),
    );
    expect(description.schemaValid).toBe(true);
    expect(codes(description.findings)).toEqual([
      ['EEP_RULE_TYPE_DESCRIPTION', 'error', '/电子文件封装包/被签名对象/封装包类型描述'],
    ]);
    const content = await validate(
      plain()
        .replace('<封装包类型>原始型', '<封装包类型>修改型')
        .replace('原始封装，未经修改', '系修改封装，在保留原封装包的基础上，添加了修改层'),
    );
    expect(codes(content.findings)).toEqual([
      ['EEP_RULE_TYPE_CONTENT', 'error', '/电子文件封装包/被签名对象/封装内容'],
    ]);
    expect(content.valid).toBe(false);
  });

  it('计算机文件大小 must be the decoded length of 编码数据, in bytes', async () => {
    const wrong = await validate(plain([file({ size: '301' })]));
    expect(codes(wrong.findings)).toEqual([
      ['EEP_RULE_FILE_SIZE', 'error', `${ENCODING}/电子属性/计算机文件大小`],
    ]);
    expect(wrong.findings[0]!.message).toContain('301');
    expect(wrong.findings[0]!.message).toContain('300');
    expect(wrong.findings[0]!.item).toBe('GD-1-10');
    const unit = await validate(plain([file({ size: '1 KB' })]));
    expect(unit.findings.map((f) => f.code)).toEqual(['EEP_RULE_FILE_SIZE']);
    const wrapped = await validate(originalEep({ ids: 'a', files: [file()], lineLength: 64 }));
    expect(wrapped.findings).toEqual([]);
  });

  it('反编码关键字 should be the extension of 计算机文件名 (case and a leading dot aside)', async () => {
    const other = await validate(plain([file({ key: 'ofd' })]));
    expect(codes(other.findings)).toEqual([['EEP_RULE_EXTENSION', 'warning', `${ENCODING}/反编码关键字`]]);
    expect(other.valid).toBe(true);
    expect((await validate(plain([file({ key: '.PDF' })]))).findings).toEqual([]);
    expect((await validate(plain([file({ name: '通知', key: 'pdf' })]))).findings).toEqual([]);
  });

  it('日期 and 行为时间 must be plausible ISO 8601 values', async () => {
    const cases: [string, string, boolean][] = [
      ['<日期>2024-06-01</日期>', '<日期>20240601</日期>', true],
      ['<日期>2024-06-01</日期>', '<日期>2024</日期>', true],
      ['<日期>2024-06-01</日期>', '<日期>2024-02-30</日期>', false],
      ['<日期>2024-06-01</日期>', '<日期>2024年6月1日</日期>', false],
      ['<日期>2024-06-01</日期>', '<日期>2025-01-01</日期>', false],
      ['<行为时间>2024-06-01T10:00:00+08:00</行为时间>', '<行为时间>2024-06-01</行为时间>', true],
      ['<行为时间>2024-06-01T10:00:00+08:00</行为时间>', '<行为时间>2024-06-01 10:00</行为时间>', false],
      [
        '<业务状态>历史行为</业务状态><业务行为>归档</业务行为><行为时间>2024-06-01T10:00:00+08:00',
        '<业务状态>计划任务</业务状态><业务行为>移交</业务行为><行为时间>2034-06-01T10:00:00+08:00',
        true,
      ],
    ];
    for (const [from, to, fine] of cases) {
      const r = await validate(plain().replace(from, to));
      expect({ to, codes: r.findings.map((f) => f.code) }).toEqual({
        to,
        codes: fine ? [] : ['EEP_RULE_DATE'],
      });
      if (!fine) expect(r.findings[0]!.severity).toBe('warning');
    }
  });

  it('signature ids follow 修改R-签名S, R being the layer they sign', async () => {
    const signer = testSigner();
    const odd = await validate(signEep(plain(), signer).replace(/修改0-签名1/g, '签名1'));
    expect(codes(odd.findings)).toEqual([
      ['EEP_RULE_SIGNATURE_ID', 'warning', '/电子文件封装包/电子签名块/电子签名/签名标识符'],
    ]);
    const layer = await validate(signEep(plain(), signer, { modification: 3 }));
    expect(layer.findings.map((f) => f.code)).toEqual(['EEP_RULE_SIGNATURE_ID']);
    expect(layer.findings[0]!.message).toContain('R 应为 0');
  });

  it('the 锁定签名 locks a signature of the package’s own 电子签名块', async () => {
    const signer = testSigner();
    const v0 = signEep(plain(), signer);
    const v1 = signEep(
      modifiedEep(v0, {
        ids: 'b',
        modificationId: 'M1',
        files: [{ name: '通知.pdf', ref: 'EDa1', refSize: 300 }],
      }),
      signer,
      { modification: 1 },
    );
    const inner = await validate(
      v1.replace('<被锁定签名标识符>修改1-签名1<', '<被锁定签名标识符>修改0-签名1<'),
    );
    expect(codes(inner.findings)).toEqual([
      ['EEP_RULE_LOCK_TARGET', 'error', '/电子文件封装包/锁定签名/被锁定签名标识符'],
    ]);
    const document = await validate(v0.replace('<被锁定签名标识符>修改0-签名1<', '<被锁定签名标识符>Da<'));
    expect(document.findings.map((f) => f.code)).toEqual(['EEP_RULE_LOCK_TARGET']);
    expect(document.schemaValid).toBe(true);
  });

  it('引用编码数据ID belongs to modification layers and points into earlier ones', async () => {
    const v0 = plain();
    const inOriginal = await validate(plain([file(), { name: '副本.pdf', ref: 'EDa1', refSize: 300 }]));
    expect(codes(inOriginal.findings)).toEqual([['EEP_RULE_REFERENCE', 'error', `${ENCODING}/编码数据`]]);
    const sameLayer = await validate(
      modifiedEep(v0, {
        ids: 'b',
        modificationId: 'M1',
        files: [
          { name: 'a.pdf', data: bytesOf(3) },
          { name: 'b.pdf', ref: 'EDb1', refSize: 3 },
        ],
      }),
    );
    expect(sameLayer.findings.map((f) => f.code)).toEqual(['EEP_RULE_REFERENCE']);
    const notData = await validate(
      modifiedEep(v0, {
        ids: 'b',
        modificationId: 'M1',
        files: [{ name: 'a.pdf', ref: 'DDa', refSize: 300 }],
      }),
    );
    expect(notData.findings.map((f) => f.code)).toEqual(['EEP_RULE_REFERENCE']);
    expect(notData.findings[0]!.message).toContain('文档数据');
    const full = await validate(
      modifiedEep(v0, {
        ids: 'b',
        modificationId: 'M1',
        files: [{ name: '通知.pdf', ref: 'EDa1', data: bytesOf(300) }],
      }),
    );
    expect(codes(full.findings)).toEqual([
      [
        'EEP_RULE_REFERENCE',
        'warning',
        '/电子文件封装包/被签名对象/修改封装内容/修订内容/文件实体块/文件实体/文件数据/文档/文档数据/编码/编码数据',
      ],
    ]);
    const good = await validate(
      modifiedEep(v0, {
        ids: 'b',
        modificationId: 'M1',
        files: [{ name: '通知.pdf', ref: 'EDa1', refSize: 300 }],
      }),
    );
    expect(good.findings).toEqual([]);
    // A reference's 计算机文件大小 is checked against the referenced data.
    const size = await validate(
      modifiedEep(v0, {
        ids: 'b',
        modificationId: 'M1',
        files: [{ name: '通知.pdf', ref: 'EDa1', refSize: 299 }],
      }),
    );
    expect(size.findings.map((f) => f.code)).toEqual(['EEP_RULE_FILE_SIZE']);
  });

  it('Base64 with characters outside the alphabet: schema-valid as libxml2 reads it, an error for dangan', async () => {
    const r = await validate(plain().replace(/(<编码数据 [^>]*>)(....)/, '$1$2！'));
    expect(r.schemaValid).toBe(true);
    expect(r.valid).toBe(false);
    expect(codes(r.findings)).toEqual([['EEP_RULE_BASE64_CHARACTERS', 'error', `${ENCODING}/编码数据`]]);
  });

  it('a package in GB 18030 is read, but its signed bytes cannot be located', async () => {
    const xml = signEep(plain(), testSigner()).replace('encoding="UTF-8"', 'encoding="GB18030"');
    const r = await validate(encodeGb18030(xml));
    expect(r.schemaValid).toBe(true);
    expect(codes(r.findings)).toEqual([['EEP_RULE_ENCODING', 'warning', '/']]);
  });

  it('a root other than 电子文件封装包 is valid for the schema but not an EEP', async () => {
    const start = plain().indexOf('<文件实体>');
    const end = plain().indexOf('</文件实体>') + '</文件实体>'.length;
    const entity = plain()
      .slice(start, end)
      .replace('<文件实体>', '<文件实体 xmlns="http://www.saac.gov.cn/standards/ERM/encapsulation">');
    const r = await validate(entity);
    expect(r.schemaValid).toBe(true);
    expect(codes(r.findings)).toEqual([['EEP_RULE_ROOT', 'error', '/文件实体']]);
  });

  it('a very long value is read up to the limit and noted', async () => {
    const r = await validateEepStructure(utf8(plain().replace('<题名>', `<题名>${'长'.repeat(5000)}`)), {
      maxValueLength: 1000,
    });
    expect(codes(r.findings)).toEqual([['EEP_RULE_VALUE_TOO_LONG', 'warning', `${FILE}/内容描述/题名`]]);
  });
});

describe('validateEepStructure as an API', () => {
  it('XML that is not well-formed is invalid, with the XML error as a finding', async () => {
    const r = await validate(plain().replace('</来源>', '</来 源>'));
    expect(r.valid).toBe(false);
    expect(r.schemaValid).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain('XML_MALFORMED');
    const doctype = await validate(
      `<!DOCTYPE x [<!ENTITY a "b">]>${plain().slice(plain().indexOf('<电子文件封装包'))}`,
    );
    expect(doctype.findings.map((f) => f.code)).toEqual(['XML_DOCTYPE_FORBIDDEN']);
  });

  it('safe form: ok for any document, not ok when the source cannot be read', async () => {
    const good = await safeValidateEepStructure(utf8(plain()));
    expect(good.ok && good.value.valid).toBe(true);
    const broken = await safeValidateEepStructure(() => {
      throw new Error('disk gone');
    });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.code).toBe('BYTES_READ_FAILED');
    await expect(validateEepStructure('x' as unknown as Uint8Array)).rejects.toThrow(TypeError);
  });

  it('every code is described in both languages, with a level', () => {
    for (const [code, info] of Object.entries(EEP_FINDING_CODES)) {
      expect(code).toMatch(/^EEP_[A-Z0-9_]+$/);
      expect(info.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(info.en).toMatch(/[a-z]/);
      expect(['schema', 'rule', 'signature', 'file']).toContain(info.level);
    }
    expect(isSchemaError({ code: 'EEP_SCHEMA_ROOT', severity: 'error', message: '' })).toBe(true);
    expect(isSchemaError({ code: 'EEP_RULE_ROOT', severity: 'error', message: '' })).toBe(false);
    expect(isSchemaError({ code: 'EEP_SCHEMA_IDREF_UNRESOLVED', severity: 'error', message: '' })).toBe(
      false,
    );
  });

  it('chunk boundaries never change the findings (any chunk size, one byte included)', async () => {
    const docs = [
      signEep(plain([file({ size: '1' }), file({ name: '附件.ofd', key: 'pdf' })]), testSigner()),
      plain().replace('<来源>', '<来源>x<![CDATA[ ]]>'),
    ];
    const whole = await Promise.all(docs.map((d) => validate(d)));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: docs.length - 1 }),
        fc.integer({ min: 1, max: 4096 }),
        async (i, chunkSize) => {
          const r = await validateEepStructure(utf8(docs[i]!), { chunkSize });
          expect(r).toEqual(whole[i]);
        },
      ),
      { numRuns: 40 },
    );
    expect((await validateEepStructure(utf8(docs[0]!), { chunkSize: 1 })).findings).toEqual(
      whole[0]!.findings,
    );
  });
});

describe('vendor packages that do not validate (eep-dat48.md §5)', () => {
  const expectations: [string, [string, string][]][] = [
    [
      'vendor-no-file-entity.eep',
      [
        ['EEP_SCHEMA_UNEXPECTED_ELEMENT', '/电子文件封装包/被签名对象/封装内容/文件实体块/聚合层次'],
        ['EEP_SCHEMA_MISSING_ELEMENT', '/电子文件封装包/被签名对象/封装内容/文件实体块'],
      ],
    ],
    [
      'vendor-dates.eep',
      [
        ['EEP_SCHEMA_INVALID_VALUE', '/电子文件封装包/被签名对象/封装包创建时间'],
        ['EEP_RULE_DATE', `${FILE}/内容描述/日期`],
        ['EEP_RULE_DATE', '/电子文件封装包/被签名对象/封装内容/业务实体块/业务实体/行为时间'],
      ],
    ],
    [
      'vendor-signature.eep',
      [
        ['EEP_SCHEMA_UNEXPECTED_ELEMENT', '/电子文件封装包/电子签名块/电子签名/签名标识'],
        ['EEP_SCHEMA_MISSING_ELEMENT', '/电子文件封装包/电子签名块/电子签名'],
        ['EEP_SCHEMA_MISSING_ELEMENT', '/电子文件封装包'],
      ],
    ],
    [
      'vendor-custom-elements.eep',
      [
        ['EEP_SCHEMA_UNEXPECTED_ELEMENT', `${FILE}/扩展信息`],
        ['EEP_SCHEMA_UNEXPECTED_ELEMENT', '/电子文件封装包/被签名对象/封装内容/业务系统信息'],
      ],
    ],
    ['vendor-no-namespace.eep', [['EEP_SCHEMA_ROOT', '/电子文件封装包']]],
  ];

  for (const [name, expected] of expectations) {
    it(`${name}: every deviation reported with its path`, async () => {
      const r = await validate(fixture(name));
      expect(r.valid).toBe(false);
      expect(r.schemaValid).toBe(false);
      const got = r.findings.map((f) => [f.code, f.path]);
      for (const e of expected) expect(got).toContainEqual(e);
      for (const f of r.findings) expect(f.message).toContain('（第');
    });
  }

  it.runIf(CAN_DIFF)('xmllint rejects every fixture too', () => {
    const verdicts = xmllintVerdicts(expectations.map(([name]) => fixture(name)));
    expect(verdicts.map((v) => v.valid)).toEqual(expectations.map(() => false));
  });
});
