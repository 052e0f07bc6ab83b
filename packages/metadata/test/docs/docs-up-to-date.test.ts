import { readdirSync, readFileSync } from 'node:fs';
import { type MetadataScheme, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import {
  DOUBT_MARK,
  PROVISIONAL_MARK,
  REGENERATE_COMMAND,
  renderAllDocs,
  renderSchemeDoc,
} from '../../scripts/render-docs.js';

const DOCS_DIR = new URL('../../../../docs/metadata/', import.meta.url);

describe('docs/metadata', () => {
  const pages = renderAllDocs(Object.values(schemes));

  it('has exactly the generated pages', () => {
    const onDisk = readdirSync(DOCS_DIR).filter((n) => n.endsWith('.md'));
    expect(
      onDisk.sort(),
      `docs/metadata differs from the generated set: run \`${REGENERATE_COMMAND}\` to regenerate`,
    ).toEqual(Object.keys(pages).sort());
  });

  it.each(Object.keys(pages))('%s is up to date with the scheme tables', (name) => {
    const committed = readFileSync(new URL(name, DOCS_DIR), 'utf8');
    if (committed !== pages[name]) {
      expect.fail(
        `docs/metadata/${name} is out of date with the scheme tables: run \`${REGENERATE_COMMAND}\` to regenerate`,
      );
    }
  });
});

describe('renderSchemeDoc', () => {
  const tiny = {
    id: 'tiny',
    standard: 'T/1-2026',
    title: '测试方案',
    version: '1',
    confidence: 'low',
    rules: [{ kind: 'notBefore', earlier: 'A1', later: 'A2' }],
    elements: [
      {
        id: 'E:根',
        key: '根',
        name: '根',
        nameEn: 'root',
        entity: '文件实体',
        obligation: { kind: '必选' },
        repeatable: false,
        type: 'container',
        confidence: { numberAndName: 'high', obligation: 'high' },
      },
      {
        id: 'M1',
        number: 'M1',
        key: '开始',
        name: '开始',
        nameEn: 'start',
        entity: '文件实体',
        parent: 'E:根',
        obligation: { kind: '必选' },
        repeatable: false,
        type: 'dateTime',
        confidence: { numberAndName: 'high', obligation: 'medium' },
      },
      {
        id: 'A2',
        key: '类别',
        name: '类别',
        nameEn: 'class',
        entity: '文件实体',
        parent: 'E:根',
        obligation: {
          kind: '条件选',
          condition: '有开始时',
          when: { all: [{ present: 'M1' }, { any: [{ element: 'M1', in: ['x'] }, { absent: 'A3' }] }] },
        },
        repeatable: true,
        type: 'enum',
        domain: { enum: ['甲', '乙'], open: true, legacy: ['丙'] },
        default: '甲',
        confidence: { numberAndName: 'low', obligation: 'unknown' },
        note: 'a|b',
      },
      {
        id: 'A3',
        key: '代码',
        name: '代码',
        nameEn: 'code',
        entity: '文件实体',
        parent: 'E:根',
        obligation: { kind: '条件选', condition: '进馆后' },
        repeatable: false,
        type: 'string',
        domain: { pattern: '^(a|b)$', maxLength: 9 },
        confidence: { numberAndName: 'medium', obligation: 'medium' },
      },
      {
        id: 'A4',
        key: '组',
        name: '组',
        nameEn: 'group',
        entity: '文件实体',
        parent: 'E:根',
        obligation: { kind: '可选' },
        repeatable: false,
        type: 'container',
        confidence: { numberAndName: 'medium', obligation: 'medium' },
      },
      {
        id: 'A5',
        key: '数',
        name: '数',
        nameEn: 'number',
        entity: '文件实体',
        parent: 'A4',
        obligation: { kind: '可选' },
        repeatable: false,
        type: 'decimal',
        domain: { min: 0, max: 90 },
        confidence: { numberAndName: 'medium', obligation: 'medium' },
      },
    ],
  } as const satisfies MetadataScheme;
  const doc = renderSchemeDoc(tiny);
  const row = (id: string) => doc.split('\n').find((l) => l.startsWith(`| \`${id}\``)) ?? '';

  it('marks provisional ids and doubtful confidences, not standard numbers or sure ones', () => {
    expect(row('M1')).toMatch(/^\| `M1` \| 开始 \| start \| 必选 \| 否 \| 日期时间 dateTime \|/);
    expect(row('M1')).toContain('high · medium |');
    expect(row('M1')).not.toContain(DOUBT_MARK);
    expect(row('A2')).toContain(`\`A2\` ${PROVISIONAL_MARK}`);
    expect(row('A2')).toContain(`low · unknown ${DOUBT_MARK}`);
  });

  it('writes conditions, value domains and notes into the cells without breaking the table', () => {
    expect(row('A2')).toContain('条件选：有开始时（判定：有 `M1` 且 (`M1` ∈ {x} 或 无 `A3`)）');
    expect(row('A2')).toContain('甲、乙、[其他]；旧值：丙；缺省：甲');
    expect(row('A2')).toContain('a\\|b');
    expect(row('A3')).toContain('条件选：进馆后（按可选校验）');
    expect(row('A3')).toContain('格式 `^(a\\|b)$`；最长 9 字');
    expect(row('A5')).toContain('| 0–90 |');
    for (const id of ['M1', 'A2', 'A3', 'A4', 'A5']) {
      expect(row(id).replaceAll('\\|', '').split('|').length, id).toBe(12);
    }
  });

  it('gives each container its own table, and lists the rules', () => {
    expect(doc).toContain('## 根 · root (`E:根`)');
    expect(doc).toContain('### 根 › 组 · group (`A4`)');
    expect(doc).toContain('- `A2` 类别 不早于 `A1`（notBefore）');
    expect(doc.endsWith('\n')).toBe(true);
  });

  it('is deterministic', () => {
    expect(renderSchemeDoc(tiny)).toBe(doc);
  });
});
