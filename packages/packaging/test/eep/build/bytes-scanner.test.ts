import { DanganError, parseXmlToTree, type XmlElement } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeXmlAttributeValue,
  decodeXmlText,
  XmlByteScanner,
  type XmlByteToken,
  XmlNamespaceScope,
} from '../../../src/eep/bytes/index.js';

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);

/** Scans `doc` cut into pieces at `points`; returns copies of the tokens. */
function scan(doc: Uint8Array, points: readonly number[] = [], options = {}): XmlByteToken[] {
  const scanner = new XmlByteScanner(options);
  const cuts = [...new Set(points.map((p) => p % (doc.length + 1)))].sort((a, b) => a - b);
  const tokens: XmlByteToken[] = [];
  let at = 0;
  for (const p of [...cuts, doc.length]) {
    for (const t of scanner.push(doc.slice(at, p))) {
      tokens.push({ ...t, bytes: t.bytes.slice() } as XmlByteToken);
    }
    at = p;
  }
  scanner.end();
  return tokens;
}

function errorOf(run: () => unknown): DanganError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DanganError);
    return e as DanganError;
  }
  throw new Error('expected an error');
}

// Random documents: Chinese and ASCII names, attributes holding '>' and entities, text with references,
// comments, CDATA with ']]' inside, processing instructions.
const names = fc.constantFrom('电子文件封装包', '被签名对象', '编码数据', 'a', 'b-c', 'x.y', '档号');
const attrValue = fc.constantFrom('1', 'a > b', "it's", 'x &amp; y', '&#x6863;案', '', 'say "hi"');
const textValue = fc.constantFrom('hello', '档案 &lt;A&gt;', 'QUJD\nREVG', ' ', 'a]]b', '&#65;', '>');
type Node = string;
const node: fc.Memo<Node> = fc.memo((n) => {
  const leaf = fc.oneof(
    textValue.map((t) => t),
    fc.constantFrom('<!-- 注释 -> - x -->', '<![CDATA[ <raw> ]] ]> & ]]>', '<?pi 数据 ? > ?>'),
  );
  if (n <= 1) return leaf;
  const element = fc
    .tuple(
      names,
      fc.uniqueArray(fc.tuple(fc.constantFrom('id', '编码数据ID', 'q'), attrValue), {
        selector: ([k]) => k,
        maxLength: 3,
      }),
      fc.array(node(n - 1), { maxLength: 4 }),
      fc.boolean(),
      fc.constantFrom(' ', '\n  ', ''),
    )
    .map(([name, attrs, children, single, space]) => {
      const a = attrs
        .map(([k, v]) => (v.includes('"') ? ` ${k}='${v}'` : ` ${k}${space === '' ? '' : ' '}="${v}"`))
        .join('');
      if (children.length === 0 && single) return `<${name}${a}${space}/>`;
      return `<${name}${a}${space}>${children.join('')}</${name}${space}>`;
    });
  return fc.oneof({ weight: 1, arbitrary: leaf }, { weight: 2, arbitrary: element });
});
const documents = fc
  .tuple(names, fc.array(node(4), { maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([root, children, declaration, bom]) => {
    const head = `${bom ? '\ufeff' : ''}${declaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}`;
    return `${head}<!-- 前 --><${root} xmlns="urn:x">${children.join('')}</${root}>\n<?after?>\n`;
  });

/** Element tree from tokens: name, decoded attributes, children. */
interface Shape {
  name: string;
  attributes: Record<string, string>;
  children: Shape[];
}
function shape(tokens: readonly XmlByteToken[]): Shape {
  const stack: Shape[] = [{ name: '#doc', attributes: {}, children: [] }];
  for (const t of tokens) {
    if (t.kind === 'start') {
      const el: Shape = {
        name: t.name,
        attributes: Object.fromEntries(
          t.attributes.filter((a) => a.name !== 'xmlns').map((a) => [a.name, a.value]),
        ),
        children: [],
      };
      stack[stack.length - 1]!.children.push(el);
      stack.push(el);
    } else if (t.kind === 'end') stack.pop();
  }
  return stack[0]!.children[0]!;
}
function treeShape(e: XmlElement): Shape {
  return {
    name: e.name,
    attributes: Object.fromEntries(Object.entries(e.attributes).filter(([k]) => k !== 'xmlns')),
    children: e.children.map(treeShape),
  };
}

describe('XmlByteScanner', () => {
  it('cuts any document, split anywhere, into tokens that give back every byte with exact offsets', async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.array(fc.nat(4000), { maxLength: 8 }), async (text, points) => {
        const doc = utf8(text);
        const tokens = scan(doc, points);
        const joined = Buffer.concat(tokens.map((t) => t.bytes));
        expect(joined.equals(Buffer.from(doc))).toBe(true);
        let at = 0;
        for (const t of tokens) {
          expect(t.start).toBe(at);
          at += t.bytes.length;
        }
        // Same elements, nesting and attribute values as a real parser (saxes via core).
        const tree = await parseXmlToTree(doc);
        expect(shape(tokens)).toEqual(treeShape(tree));
        // Start tags' bytes are the tag; end tags are </name…> or empty after a self-closing tag.
        for (const t of tokens) {
          const s = Buffer.from(t.bytes).toString('utf8');
          if (t.kind === 'start') expect(s.startsWith(`<${t.name}`) && s.endsWith('>')).toBe(true);
          if (t.kind === 'end' && !t.implicit) expect(s.startsWith(`</${t.name}`)).toBe(true);
          if (t.kind === 'end' && t.implicit) expect(t.bytes.length).toBe(0);
          if (t.kind === 'cdata') {
            expect(s.startsWith('<![CDATA[')).toBe(t.first);
            expect(s.endsWith(']]>')).toBe(t.last);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('passes a large text run through without buffering it, in pieces per chunk', () => {
    const scanner = new XmlByteScanner({ maxTokenBytes: 64 });
    const body = new Uint8Array(5 << 20).fill(0x41);
    const first = scanner.push(utf8('<编码数据 编码数据ID="E1">'));
    expect(first.map((t) => t.kind)).toEqual(['start']);
    const pieces: number[] = [];
    for (let i = 0; i < body.length; i += 1 << 20) {
      for (const t of scanner.push(body.subarray(i, i + (1 << 20)))) {
        expect(t.kind).toBe('text');
        expect(t.bytes.buffer).toBe(body.buffer); // a view, not a copy
        pieces.push(t.bytes.length);
      }
    }
    expect(pieces).toEqual([1, 1, 1, 1, 1].map(() => 1 << 20));
    const last = scanner.push(utf8('</编码数据>'));
    expect(last.map((t) => [t.kind, t.start])).toEqual([['end', first[0]!.bytes.length + body.length]]);
    scanner.end();
    expect(scanner.offset).toBe(first[0]!.bytes.length + body.length + utf8('</编码数据>').length);
  });

  it('reports depth, path and the declared encoding', () => {
    const scanner = new XmlByteScanner();
    const tokens = scanner.push(utf8("<?xml version='1.0' encoding='utf-8'?><a><b x='1'/><c>"));
    expect(scanner.encoding).toBe('utf-8');
    expect(scanner.path).toBe('/a/c');
    expect(tokens.map((t) => `${t.kind}:${t.depth}`)).toEqual([
      'pi:0',
      'start:0',
      'start:1',
      'end:1',
      'start:1',
    ]);
    scanner.push(utf8('</c></a>'));
    scanner.end();
    expect(scanner.depth).toBe(0);
  });

  const malformed: [string, string, string][] = [
    ['<a><b></a></b>', 'XML_MALFORMED', '不匹配'],
    ['<a>', 'XML_MALFORMED', '未结束'],
    ['<a/><b/>', 'XML_MALFORMED', '根元素之后'],
    ['x<a/>', 'XML_MALFORMED', '只能有空白'],
    ['<a/>x', 'XML_MALFORMED', '只能有空白'],
    ['', 'XML_MALFORMED', '没有根元素'],
    ['<!DOCTYPE a [<!ENTITY e "x">]><a/>', 'XML_DOCTYPE_FORBIDDEN', 'DOCTYPE'],
    ['<?xml version="1.0" encoding="GB18030"?><a/>', 'XML_INVALID_ENCODING', 'GB18030'],
    ['<a/><?xml version="1.0"?>', 'XML_MALFORMED', 'XML 声明'],
    ['<a x="<"/>', 'XML_MALFORMED', '“<”'],
    ['<a x="1"y="2"/>', 'XML_MALFORMED', '空白'],
    ['<a x="1" x="2"/>', 'XML_MALFORMED', '重复'],
    ['<a x=1/>', 'XML_MALFORMED', '引号'],
    ['<a x="&e;"/>', 'XML_ENTITY_FORBIDDEN', '&e;'],
    ['<a x="a & b"/>', 'XML_MALFORMED', '&'],
    ['<1a/>', 'XML_MALFORMED', '元素名'],
    ['<a><!-- x', 'XML_MALFORMED', '标记中间'],
    ['<a><![CDATA[ x', 'XML_MALFORMED', ''],
    ['</a>', 'XML_MALFORMED', '多余的结束标签'],
    ['<a><!x></a>', 'XML_MALFORMED', '<!'],
  ];
  it.each(malformed)('rejects %j (%s)', (text, code, what) => {
    for (const points of [[], [1, 2, 3, 5, 8, 13]]) {
      const e = errorOf(() => scan(utf8(text), points));
      expect(e.code).toBe(code);
      expect(e.message).toContain(what);
    }
  });

  it('rejects UTF-16, over-long markup and over-deep nesting', () => {
    expect(errorOf(() => scan(Uint8Array.of(0xff, 0xfe, 0x3c, 0))).code).toBe('XML_INVALID_ENCODING');
    expect(errorOf(() => scan(utf8(`<a x="${'y'.repeat(200)}"/>`), [50], { maxTokenBytes: 64 })).code).toBe(
      'XML_LIMIT_EXCEEDED',
    );
    expect(errorOf(() => scan(utf8('<a><a><a></a></a></a>'), [], { maxDepth: 2 })).code).toBe(
      'XML_LIMIT_EXCEEDED',
    );
    expect(errorOf(() => scan(Uint8Array.of(0x3c, 0x61, 0x20, 0xff, 0x2f, 0x3e))).code).toBe(
      'XML_INVALID_ENCODING',
    );
    expect(() => new XmlByteScanner({ maxDepth: 0 })).toThrow(RangeError);
    const s = new XmlByteScanner();
    s.push(utf8('<a/>'));
    s.end();
    expect(() => s.push(utf8(' '))).toThrow(TypeError);
  });
});

describe('XmlNamespaceScope', () => {
  it('resolves prefixes and the default namespace, and refuses an undeclared prefix', () => {
    const ns = new XmlNamespaceScope();
    const seen: string[] = [];
    for (const t of scan(
      utf8('<e:a xmlns:e="urn:e" xmlns="urn:d"><b><e:c xmlns:e="urn:f"/></b><e:d/></e:a>'),
    )) {
      if (t.kind === 'start') {
        const r = ns.enter(t);
        seen.push(`${r.local}@${r.uri}`);
      } else if (t.kind === 'end') ns.exit();
    }
    expect(seen).toEqual(['a@urn:e', 'b@urn:d', 'c@urn:f', 'd@urn:e']);
    const bad = scan(utf8('<p:a/>'))[0]!;
    expect(bad.kind).toBe('start');
    if (bad.kind === 'start')
      expect(errorOf(() => new XmlNamespaceScope().enter(bad)).code).toBe('XML_MALFORMED');
    expect(() => new XmlNamespaceScope().exit()).toThrow(TypeError);
  });
});

describe('text helpers', () => {
  it('decode references, line ends and attribute whitespace like a parser', () => {
    expect(decodeXmlText(utf8('a &amp; b &#x6863;&#26696;\r\nc\rd'))).toBe('a & b 档案\nc\nd');
    expect(decodeXmlAttributeValue('a&#10;b\tc\r\nd')).toBe('a\nb c d');
    expect(errorOf(() => decodeXmlText(utf8('&#0;'))).code).toBe('XML_MALFORMED');
    expect(errorOf(() => decodeXmlText(utf8('&nbsp;'))).code).toBe('XML_ENTITY_FORBIDDEN');
    expect(errorOf(() => decodeXmlText(utf8('&amp'))).code).toBe('XML_MALFORMED');
    expect(errorOf(() => decodeXmlText(Uint8Array.of(0xc3))).code).toBe('XML_INVALID_ENCODING');
  });
});
