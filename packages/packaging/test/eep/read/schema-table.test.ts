import { readFileSync } from 'node:fs';
import { parseXmlToTree, type XmlElement } from '@dangan/core';
import {
  DAT48_CHILDREN,
  DAT48_NAMESPACE,
  EEP_ENCODING_DESCRIPTION,
  EEP_FORMAT_DESCRIPTION,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
} from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { ContentModel } from '../../../src/eep/validate/content-model.js';
import {
  DAT48_SCHEMA,
  type Dat48AttributeDecl,
  type Dat48ElementDecl,
  type Dat48Particle,
} from '../../../src/eep/validate/dat48-schema.js';
import { XSD_PATH } from './support/xmllint.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const local = (e: XmlElement) => e.name.slice(e.name.indexOf(':') + 1);
const kids = (e: XmlElement) => e.children.filter((c) => c.uri === XS && local(c) !== 'annotation');
const bare = (type: string) => type.replace(/^xs:/, '');

type Normal = { kind: string; name?: string; min: number; max: number | 'unbounded'; items?: Normal[] };

function normal(p: Dat48Particle): Normal {
  const bounds = { min: p.min ?? 1, max: p.max ?? 1 };
  if ('element' in p) return { kind: 'element', name: p.element, ...bounds };
  if ('sequence' in p) return { kind: 'sequence', ...bounds, items: p.sequence.map(normal) };
  return { kind: 'choice', ...bounds, items: p.choice.map(normal) };
}

function fromXsdParticle(e: XmlElement): Normal {
  const min = e.attributes.minOccurs === undefined ? 1 : Number(e.attributes.minOccurs);
  const rawMax = e.attributes.maxOccurs;
  const max = rawMax === undefined ? 1 : rawMax === 'unbounded' ? 'unbounded' : Number(rawMax);
  const kind = local(e);
  if (kind === 'element') return { kind, name: e.attributes.ref!, min, max };
  return { kind, min, max, items: kids(e).map(fromXsdParticle) };
}

function fromXsdAttributes(list: XmlElement[]): Dat48AttributeDecl[] {
  return list
    .filter((a) => local(a) === 'attribute')
    .map((a) => ({
      name: a.attributes.name!,
      type: bare(a.attributes.type!) as Dat48AttributeDecl['type'],
      ...(a.attributes.use === 'required' ? { required: true } : {}),
      ...(a.attributes.fixed === undefined ? {} : { fixed: a.attributes.fixed }),
    }));
}

/** The XSD's element declarations in the table's shape (content models normalised). */
function fromXsd(root: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of kids(root).filter((c) => local(c) === 'element')) {
    const decl: Record<string, unknown> = {};
    const a = el.attributes;
    if (a.type !== undefined) decl.type = bare(a.type);
    if (a.default !== undefined) decl.default = a.default;
    if (a.fixed !== undefined) decl.fixed = a.fixed;
    for (const child of kids(el)) {
      if (local(child) === 'simpleType') {
        const restriction = kids(child)[0]!;
        decl.type = bare(restriction.attributes.base!);
        decl.enumeration = kids(restriction).map((x) => x.attributes.value);
      } else if (local(child) === 'complexType') {
        const body = kids(child);
        const simple = body.find((b) => local(b) === 'simpleContent');
        if (simple !== undefined) {
          const extension = kids(simple)[0]!;
          decl.type = bare(extension.attributes.base!);
          decl.attributes = fromXsdAttributes(kids(extension));
        } else {
          if (child.attributes.mixed === 'true') decl.mixed = true;
          const model = body.find((b) => ['sequence', 'choice'].includes(local(b)));
          if (model !== undefined) decl.content = fromXsdParticle(model);
          const attributes = fromXsdAttributes(body);
          if (attributes.length > 0) decl.attributes = attributes;
        }
      }
    }
    out[a.name!] = decl;
  }
  return out;
}

function fromTable(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, d] of Object.entries(DAT48_SCHEMA.elements) as [string, Dat48ElementDecl][]) {
    out[name] = {
      ...(d.type === undefined ? {} : { type: d.type }),
      ...(d.default === undefined ? {} : { default: d.default }),
      ...(d.fixed === undefined ? {} : { fixed: d.fixed }),
      ...(d.enumeration === undefined ? {} : { enumeration: [...d.enumeration] }),
      ...(d.mixed === undefined ? {} : { mixed: d.mixed }),
      ...(d.content === undefined ? {} : { content: normal(d.content) }),
      ...(d.attributes === undefined ? {} : { attributes: d.attributes.map((x) => ({ ...x })) }),
    };
  }
  return out;
}

describe('DAT48_SCHEMA, the data table', () => {
  it.runIf(XSD_PATH !== undefined)('matches dat48-2009-eep.xsd element by element', async () => {
    const xsd = await parseXmlToTree(readFileSync(XSD_PATH!));
    expect(xsd.attributes.targetNamespace).toBe(DAT48_SCHEMA.namespace);
    const parsed = fromXsd(xsd);
    const table = fromTable();
    expect(Object.keys(table).sort()).toEqual(Object.keys(parsed).sort());
    for (const name of Object.keys(parsed))
      expect({ name, decl: table[name] }).toEqual({ name, decl: parsed[name] });
  });

  it('agrees with metadata: namespace, child order (DAT48_CHILDREN) and the fixed sentences', () => {
    expect(DAT48_SCHEMA.namespace).toBe(DAT48_NAMESPACE);
    const elements = (p: Dat48Particle): string[] =>
      'element' in p ? [p.element] : ('sequence' in p ? p.sequence : p.choice).flatMap(elements);
    for (const [name, order] of Object.entries(DAT48_CHILDREN)) {
      const decl = DAT48_SCHEMA.elements[name];
      expect(decl?.content, name).toBeDefined();
      expect([...new Set(elements(decl!.content!))], name).toEqual([...order]);
    }
    const e = DAT48_SCHEMA.elements;
    expect(e.封装包格式描述!.default).toBe(EEP_FORMAT_DESCRIPTION);
    expect(e.编码描述!.default).toBe(EEP_ENCODING_DESCRIPTION);
    expect(e.封装包类型描述!.enumeration).toEqual([
      EEP_PACKAGE_TYPE_DESCRIPTIONS.原始型,
      EEP_PACKAGE_TYPE_DESCRIPTIONS.修改型,
    ]);
  });

  it('every referenced element is declared', () => {
    const refs = (p: Dat48Particle): string[] =>
      'element' in p ? [p.element] : ('sequence' in p ? p.sequence : p.choice).flatMap(refs);
    for (const decl of Object.values(DAT48_SCHEMA.elements)) {
      for (const name of decl.content === undefined ? [] : refs(decl.content)) {
        expect(DAT48_SCHEMA.elements[name], name).toBeDefined();
      }
    }
  });
});

describe('ContentModel', () => {
  const run = (decl: string, children: string[]) => {
    const model = new ContentModel(DAT48_SCHEMA.elements[decl]!.content!);
    let states = model.start;
    for (const c of children) {
      states = model.step(states, c);
      if (states.length === 0) return 'rejected';
    }
    return model.accepts(states) ? 'complete' : 'incomplete';
  };

  it('walks sequences, optional and repeated elements', () => {
    expect(run('来源', ['立档单位名称'])).toBe('complete');
    expect(run('来源', ['档案馆名称', '全宗名称', '立档单位名称'])).toBe('complete');
    expect(run('来源', ['全宗名称', '档案馆名称'])).toBe('rejected');
    expect(run('来源', ['档案馆名称'])).toBe('incomplete');
    expect(run('存储位置', ['脱机载体编号', '脱机载体编号', '脱机载体存址', '缩微号'])).toBe('complete');
    expect(run('存储位置', ['当前位置'])).toBe('incomplete');
  });

  it('takes the 档号 choice either way, and the optional signature pair only whole', () => {
    const head = ['年度', '保管期限'];
    expect(run('档号', [...head, '室编件号'])).toBe('complete');
    expect(run('档号', [...head, '室编件号', '馆编件号', '页号'])).toBe('complete');
    expect(run('档号', [...head, '馆编件号', '页号'])).toBe('complete');
    expect(run('档号', [...head, '馆编件号', '室编件号'])).toBe('rejected');
    expect(run('档号', head)).toBe('incomplete');
    const root = ['封装包格式描述', '版本', '被签名对象'];
    expect(run('电子文件封装包', root)).toBe('complete');
    expect(run('电子文件封装包', [...root, '电子签名块'])).toBe('incomplete');
    expect(run('电子文件封装包', [...root, '电子签名块', '锁定签名'])).toBe('complete');
    expect(run('电子文件封装包', [...root, '锁定签名'])).toBe('rejected');
  });

  it('names what is expected next, in the schema order', () => {
    const model = new ContentModel(DAT48_SCHEMA.elements.被签名对象!.content!);
    let states = model.start;
    for (const c of ['封装包类型', '封装包类型描述', '封装包创建时间', '封装包创建单位'])
      states = model.step(states, c);
    expect(model.expected(states)).toEqual(['封装内容', '修改封装内容']);
  });
});
