/**
 * Mutations of valid EEPs for the differential tests against `xmllint --schema`: each takes a tree and a
 * source of choices, and changes one thing the schema cares about (or not).
 */
import { DAT48_SCHEMA } from '../../../../src/eep/validate/dat48-schema.js';
import { clone, elements, type Node } from './tree.js';

/** A source of choices: an integer in [0, n). */
export type Pick = (n: number) => number;

/** Values that exercise the simple types (valid and invalid for various types). */
export const VALUE_POOL = [
  '',
  ' ',
  '0',
  '1',
  ' 1 ',
  '+7',
  '-1',
  '00',
  '1.0',
  '2009',
  '2009 ',
  '2009Z',
  '02009',
  '0000',
  '2024',
  '24',
  'x',
  '文件',
  '原始型',
  '修改型',
  '单件',
  '主文档',
  '历史行为',
  '彩色',
  '个人',
  'D1',
  '1D',
  'a:b',
  'D 1',
  ' 修改0-签名1 ',
  '㐀D',
  '2024-06-01T10:00:00+08:00',
  '2024-06-01T10:00:00',
  '2024-06-01T10:00:00Z ',
  '2024-06-01 10:00:00',
  '2024-02-30T10:00:00',
  '2024-06-01T24:00:00',
  '2024-06-01T10:00:00+14:30',
  'YWJj',
  'YWJ',
  'YQ==',
  'YR==',
  'YQ = =',
  'YWJj YQ==',
  '====',
  'http://a.b/c',
  '%%',
  '本封装包包含电子文件数据及其元数据，原始封装，未经修改',
  '本封装包包含电子文件数据及其元数据，系修改封装，在保留原封装包的基础上，添加了修改层',
];

const NAMES = Object.keys(DAT48_SCHEMA.elements);

function pickOf<T>(pick: Pick, list: readonly T[]): T {
  return list[pick(list.length)]!;
}

function idValues(root: Node): string[] {
  const out: string[] = [];
  for (const { node } of elements(root)) {
    for (const [k, v] of Object.entries(node.attributes)) if (k.endsWith('ID')) out.push(v);
    if (['文档标识符', '签名标识符', '修改标识符'].includes(node.name)) out.push(node.text);
  }
  return out;
}

/** The mutation operators, by name. Each returns a changed copy (the input is untouched). */
export const MUTATIONS: Readonly<Record<string, (root: Node, pick: Pick) => Node>> = {
  dropElement(root, pick) {
    const out = clone(root);
    const list = elements(out).filter((e) => e.parent !== undefined);
    const { parent, index } = pickOf(pick, list);
    parent!.children.splice(index, 1);
    return out;
  },
  duplicateElement(root, pick) {
    const out = clone(root);
    const list = elements(out).filter((e) => e.parent !== undefined);
    const { node, parent, index } = pickOf(pick, list);
    parent!.children.splice(index, 0, clone(node));
    return out;
  },
  swapSiblings(root, pick) {
    const out = clone(root);
    const list = elements(out).filter((e) => e.node.children.length >= 2);
    const { node } = pickOf(pick, list);
    const i = pick(node.children.length - 1);
    const a = node.children[i]!;
    node.children[i] = node.children[i + 1]!;
    node.children[i + 1] = a;
    return out;
  },
  renameElement(root, pick) {
    const out = clone(root);
    const { node } = pickOf(
      pick,
      elements(out).filter((e) => e.parent !== undefined),
    );
    node.name = pick(4) === 0 ? `${node.name}x` : pickOf(pick, NAMES);
    return out;
  },
  otherNamespace(root, pick) {
    const out = clone(root);
    const { node } = pickOf(
      pick,
      elements(out).filter((e) => e.parent !== undefined),
    );
    node.attributes.xmlns = pick(2) === 0 ? 'urn:other' : '';
    return out;
  },
  setText(root, pick) {
    const out = clone(root);
    const { node } = pickOf(
      pick,
      elements(out).filter((e) => e.node.children.length === 0),
    );
    node.text = pickOf(pick, VALUE_POOL);
    return out;
  },
  textInContainer(root, pick) {
    const out = clone(root);
    const { node } = pickOf(
      pick,
      elements(out).filter((e) => e.node.children.length > 0),
    );
    node.text = pick(3) === 0 ? ' \n ' : '文字';
    return out;
  },
  duplicateId(root, pick) {
    const out = clone(root);
    const ids = idValues(out);
    const value = pickOf(pick, ids);
    const targets = elements(out).filter(
      (e) =>
        Object.keys(e.node.attributes).some((k) => k.endsWith('ID') && !k.startsWith('引用')) ||
        ['文档标识符', '签名标识符', '修改标识符'].includes(e.node.name),
    );
    const { node } = pickOf(pick, targets);
    const key = Object.keys(node.attributes).find((k) => k.endsWith('ID') && !k.startsWith('引用'));
    if (key !== undefined) node.attributes[key] = value;
    else node.text = value;
    return out;
  },
  setAttribute(root, pick) {
    const out = clone(root);
    const { node } = pickOf(pick, elements(out));
    const name = pickOf(pick, [
      'eep版本',
      '编码ID',
      '文档数据ID',
      '编码数据ID',
      '引用编码数据ID',
      '主题词表名称',
      'foo',
    ]);
    node.attributes[name] = pickOf(pick, VALUE_POOL);
    return out;
  },
  removeAttribute(root, pick) {
    const out = clone(root);
    const list = elements(out).filter((e) =>
      Object.keys(e.node.attributes).some((k) => !k.startsWith('xmlns')),
    );
    if (list.length === 0) return out;
    const { node } = pickOf(pick, list);
    const keys = Object.keys(node.attributes).filter((k) => !k.startsWith('xmlns'));
    delete node.attributes[pickOf(pick, keys)];
    return out;
  },
  insertUnknown(root, pick) {
    const out = clone(root);
    const { node } = pickOf(
      pick,
      elements(out).filter((e) => e.node.children.length > 0),
    );
    node.children.splice(pick(node.children.length + 1), 0, {
      name: pick(2) === 0 ? '自定义' : pickOf(pick, NAMES),
      attributes: {},
      children: [],
      text: pickOf(pick, VALUE_POOL),
    });
    return out;
  },
};

/** Applies `count` random mutations. */
export function mutate(root: Node, pick: Pick, count = 1): { tree: Node; applied: string[] } {
  let tree = root;
  const applied: string[] = [];
  const names = Object.keys(MUTATIONS);
  for (let i = 0; i < count; i++) {
    const name = pickOf(pick, names);
    tree = MUTATIONS[name]!(tree, pick);
    applied.push(name);
  }
  return { tree, applied };
}
