import { describe, expect, it } from 'vitest';
import { DanganError } from '../../src/errors/index.js';
import {
  parseXmlToTree,
  readXml,
  safeParseXmlToTree,
  safeReadXml,
  type XmlElementEvent,
  XmlError,
} from '../../src/xml/index.js';
import { cutAt, enc, events } from './helpers.js';

const EEP_NS = 'http://www.saac.gov.cn/standards/ERM/encapsulation';

async function failure(p: Promise<unknown>): Promise<XmlError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(XmlError);
    return e as XmlError;
  }
  throw new Error('expected a failure');
}

describe('readXml events', () => {
  it('reports elements with names, namespace, attributes, position, depth and path', async () => {
    const seen: XmlElementEvent[] = [];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<电子文件封装包 xmlns="${EEP_NS}" xmlns:x="urn:x">\n  <被签名对象 eep版本="2009" x:a="1"><x:b/></被签名对象>\n</电子文件封装包>`;
    const info = await readXml(enc(xml), { startElement: (e) => void seen.push(e) });
    expect(seen.map((e) => [e.name, e.prefix, e.local, e.uri, e.line, e.column, e.depth, e.path])).toEqual([
      ['电子文件封装包', '', '电子文件封装包', EEP_NS, 2, 1, 1, '/电子文件封装包'],
      ['被签名对象', '', '被签名对象', EEP_NS, 3, 3, 2, '/电子文件封装包/被签名对象'],
      ['x:b', 'x', 'b', 'urn:x', 3, 31, 3, '/电子文件封装包/被签名对象/x:b'],
    ]);
    expect({ ...seen[1]!.attributes }).toEqual({ eep版本: '2009', 'x:a': '1' });
    expect({ ...seen[0]!.attributes }).toEqual({ xmlns: EEP_NS, 'xmlns:x': 'urn:x' });
    expect(info).toMatchObject({
      encoding: 'UTF-8',
      declaredEncoding: 'UTF-8',
      bom: false,
      version: '1.0',
      elements: 3,
      root: '电子文件封装包',
    });
  });

  it('delivers CDATA and references as text, and ignores comments and processing instructions', async () => {
    const ev = await events(enc('<a>x<!-- no -->&lt;&#x6863;&#26696;<?pi no?><![CDATA[<&>]]>\r\ny</a>'));
    expect(ev).toEqual([
      ['start', 'a', '/a', {}],
      ['text', 'x<档案<&>\ny'],
      ['end', 'a'],
    ]);
  });

  it('keeps attribute names like __proto__ as plain keys', async () => {
    const root = await parseXmlToTree(enc('<a __proto__="x" constructor="y"/>'));
    expect(Object.getPrototypeOf(root.attributes)).toBe(null);
    expect(Object.getOwnPropertyDescriptor(root.attributes, '__proto__')?.value).toBe('x');
    expect(Object.keys(root.attributes)).toEqual(['__proto__', 'constructor']);
  });

  it('reads names as written when namespaces are off', async () => {
    const ev: XmlElementEvent[] = [];
    await readXml(enc('<p:a q:b="1"/>'), { startElement: (e) => void ev.push(e) }, { namespaces: false });
    expect([ev[0]!.prefix, ev[0]!.local, ev[0]!.uri, { ...ev[0]!.attributes }]).toEqual([
      'p',
      'a',
      '',
      { 'q:b': '1' },
    ]);
    expect((await failure(readXml(enc('<p:a/>'), {}))).code).toBe('XML_MALFORMED');
  });

  it('waits for asynchronous handlers, in order', async () => {
    const order: string[] = [];
    let busy = false;
    const slow = async (what: string) => {
      expect(busy).toBe(false);
      busy = true;
      await new Promise((r) => setTimeout(r, 1));
      order.push(what);
      busy = false;
    };
    await readXml(cutAt(enc('<a><b>1</b><c>2</c></a>'), [3, 7, 12]), {
      startElement: (e) => slow(`<${e.name}>`),
      text: (t) => slow(t),
      endElement: (e) => slow(`</${e.name}>`),
    });
    expect(order.join('')).toBe('<a><b>1</b><c>2</c></a>');
  });

  it('delivers the events before a well-formedness error, then the error', async () => {
    const seen: string[] = [];
    const e = await readXml(enc('<a><b/><c>x</a>'), {
      startElement: async (el) => void seen.push(`<${el.name}>`),
      text: async (t) => void seen.push(t),
      endElement: async (el) => void seen.push(`</${el.name}>`),
    }).catch((x) => x);
    expect((e as XmlError).code).toBe('XML_MALFORMED');
    expect(seen).toEqual(['<a>', '<b>', '</b>', '<c>', 'x']);
  });

  it('passes a handler error through unchanged', async () => {
    const boom = new Error('boom');
    await expect(
      readXml(enc('<a/>'), {
        startElement: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
    await expect(
      readXml(enc('<a/>'), {
        startElement: async () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });

  it('refuses bad arguments as programmer errors', async () => {
    await expect(readXml(enc('<a/>'), null as never)).rejects.toBeInstanceOf(TypeError);
    await expect(readXml(enc('<a/>'), {}, { maxDepth: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(parseXmlToTree(enc('<a/>'), { whitespace: 'x' as never })).rejects.toBeInstanceOf(
      RangeError,
    );
  });

  it('stops on abort', async () => {
    const c = new AbortController();
    c.abort();
    await expect(readXml(enc('<a/>'), {}, { signal: c.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('parseXmlToTree', () => {
  it('builds the tree, dropping indentation between elements only', async () => {
    const root = await parseXmlToTree(
      enc('<档号>\n  <年度>2024</年度>\n  <件号> 7 </件号>\n  <空>  </空>\n</档号>'),
    );
    expect(root.text).toBe('');
    expect(root.children.map((c) => [c.name, c.text, c.line, c.column])).toEqual([
      ['年度', '2024', 2, 3],
      ['件号', ' 7 ', 3, 3],
      ['空', '  ', 4, 3],
    ]);
    const preserved = await parseXmlToTree(enc('<a>\n <b/>\n</a>'), { whitespace: 'preserve' });
    expect(preserved.text).toBe('\n \n');
  });

  it('keeps mixed content text', async () => {
    const root = await parseXmlToTree(enc('<档号>Z1-<年度>2024</年度>-<件号>7</件号> </档号>'));
    // The trailing ' ' is a whitespace-only run beside child elements: ignorable unless preserved.
    expect(root.text).toBe('Z1--');
    const preserved = await parseXmlToTree(enc('<档号>Z1-<年度>2024</年度>-<件号>7</件号> </档号>'), {
      whitespace: 'preserve',
    });
    expect(preserved.text).toBe('Z1-- ');
  });

  it('is bounded by maxBytes and maxElements', async () => {
    const big = enc(`<a>${'<b/>'.repeat(1000)}</a>`);
    expect((await failure(parseXmlToTree(big, { maxBytes: 1000 }))).code).toBe('XML_LIMIT_EXCEEDED');
    expect((await failure(parseXmlToTree(big, { maxElements: 100 }))).code).toBe('XML_LIMIT_EXCEEDED');
    const r = await safeParseXmlToTree(big, { maxElements: 100 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]!.code).toBe('XML_LIMIT_EXCEEDED');
  });
});

describe('errors', () => {
  it('carry Chinese and English messages, line:column, element path and the name in the finding path', async () => {
    const e = await failure(
      readXml(
        enc('<电子文件封装包>\n  <被签名对象>\n    <题名>x</题名>\n  </电子文件封装包>'),
        {},
        { name: 'eep.xml' },
      ),
    );
    expect(e.code).toBe('XML_MALFORMED');
    expect(e.message).toContain('结束标签 </电子文件封装包> 与开始标签 <被签名对象> 不匹配');
    expect(e.message).toContain('第 4 行');
    expect(e.message).toContain('/电子文件封装包/被签名对象');
    expect(e.messageEn).toContain('does not match');
    expect([e.line, e.elementPath]).toEqual([4, '/电子文件封装包/被签名对象']);
    expect(e.findings[0]!.path).toBe(`eep.xml:4:${e.column}`);
    const unnamed = await failure(readXml(enc('<a><b>&bad;</b></a>'), {}));
    expect(unnamed.code).toBe('XML_ENTITY_FORBIDDEN');
    expect(unnamed.message).toContain('&bad;');
    expect(unnamed.findings[0]!.path).toBe('/a/b');
  });

  it('safeReadXml returns findings instead of throwing', async () => {
    const r = await safeReadXml(enc('<a>'), {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(DanganError);
      expect(r.findings).toEqual([expect.objectContaining({ code: 'XML_MALFORMED', severity: 'error' })]);
    }
    const good = await safeReadXml(enc('<a/>'), {});
    expect(good.ok && good.value.root).toBe('a');
  });
});

describe('encodings', () => {
  const gb = (declared: string) =>
    new Uint8Array([
      ...enc(`<?xml version="1.0" encoding="${declared}"?><`),
      0xb5,
      0xb5,
      0xb0,
      0xb8, // 档案
      ...enc('>'),
      0xb5,
      0xb5,
      0xb0,
      0xb8,
      ...enc('</'),
      0xb5,
      0xb5,
      0xb0,
      0xb8,
      ...enc('>'),
    ]);

  it('decodes GB18030, GBK and GB2312 documents', async () => {
    expect(new TextDecoder('gb18030').decode(new Uint8Array([0xb5, 0xb5, 0xb0, 0xb8]))).toBe('档案');
    for (const label of ['GB18030', 'GBK', 'gb2312']) {
      const bytes = gb(label);
      const root = await parseXmlToTree(cutAt(bytes, [45, 46, 47]));
      expect([root.name, root.text]).toEqual(['档案', '档案']);
      const info = await readXml(bytes, {});
      expect([info.encoding, info.declaredEncoding]).toEqual(['GB18030', label]);
    }
  });

  it('sniffs the encoding when the declaration arrives one byte at a time', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<?xml version="1.0"?><档案>文件</档案>')]);
    for (const bytes of [gb('GB18030'), bom]) {
      const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
      const root = await parseXmlToTree(cutAt(bytes, everyByte));
      expect(root.name).toBe('档案');
    }
  });

  it('reads a UTF-8 BOM document', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc('<?xml version="1.0" encoding="utf-8"?><档案>\uFEFF</档案>'),
    ]);
    const info = await readXml(bytes, {});
    expect([info.encoding, info.bom]).toEqual(['UTF-8', true]);
    expect((await parseXmlToTree(bytes)).text).toBe('\uFEFF');
  });

  it('reads UTF-16 documents with a byte order mark, either byte order', async () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><档案 a="𠀀">文件</档案>';
    const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
    const le = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    for (const [bytes, encoding] of [
      [le, 'UTF-16LE'],
      [be, 'UTF-16BE'],
    ] as const) {
      const root = await parseXmlToTree(cutAt(bytes, [1, 3, 17, 40]));
      expect([root.name, root.attributes.a, root.text]).toEqual(['档案', '𠀀', '文件']);
      expect((await readXml(bytes, {})).encoding).toBe(encoding);
    }
    const noBom = le.slice(2);
    expect((await failure(readXml(noBom, {}))).code).toBe('XML_INVALID_ENCODING');
  });

  it('refuses unsupported or contradictory encodings with a clear error', async () => {
    const latin = await failure(readXml(enc('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'), {}));
    expect([latin.code, latin.message]).toEqual([
      'XML_INVALID_ENCODING',
      expect.stringContaining('不支持的文档编码 ISO-8859-1'),
    ]);
    const declared16 = await failure(readXml(enc('<?xml version="1.0" encoding="UTF-16"?><a/>'), {}));
    expect(declared16.code).toBe('XML_INVALID_ENCODING');
    const bomGbk = await failure(
      readXml(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<?xml version="1.0" encoding="GBK"?><a/>')]), {}),
    );
    expect(bomGbk.code).toBe('XML_INVALID_ENCODING');
    const text = '<?xml version="1.0" encoding="UTF-8"?><a/>';
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await failure(readXml(le, {}))).code).toBe('XML_INVALID_ENCODING');
  });

  it('locates invalid UTF-8 by byte offset, line and column, at any chunking', async () => {
    const good = enc('<a>\n  档案');
    const bytes = new Uint8Array([...good, 0xe6, 0x41, ...enc('</a>')]);
    for (const cuts of [[], [good.length], [good.length + 1], [3, 9, good.length - 1]]) {
      const e = await failure(readXml(cutAt(bytes, cuts), {}, { name: 'x.xml' }));
      expect([e.code, e.byteOffset, e.line, e.column, e.elementPath]).toEqual([
        'XML_INVALID_ENCODING',
        good.length,
        2,
        5,
        '/a',
      ]);
      expect(e.findings[0]!.path).toBe('x.xml:2:5');
    }
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0x80]]) {
      const e = await failure(readXml(new Uint8Array([...enc('<a>'), ...bad, ...enc('</a>')]), {}));
      expect([e.code, e.byteOffset]).toEqual(['XML_INVALID_ENCODING', 3]);
    }
    const truncated = await failure(readXml(new Uint8Array([...enc('<a>'), 0xe6, 0xa1]), {}));
    expect(truncated.code).toBe('XML_INVALID_ENCODING');
  });

  it('refuses invalid GB18030 bytes', async () => {
    const bytes = new Uint8Array([
      ...enc('<?xml version="1.0" encoding="GBK"?><a>'),
      0x81,
      0x20,
      ...enc('</a>'),
    ]);
    expect((await failure(readXml(bytes, {}))).code).toBe('XML_INVALID_ENCODING');
  });
});
