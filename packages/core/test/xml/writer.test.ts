import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromBase64, toBase64 } from '../../src/bytes/index.js';
import {
  escapeXmlAttribute,
  escapeXmlText,
  findInvalidXmlChar,
  isXmlName,
  isXmlNcName,
  parseXmlToTree,
  readXml,
  XmlError,
  XmlWriter,
  xmlReadableStream,
  xmlToString,
} from '../../src/xml/index.js';
import { enc } from './helpers.js';

function thrown(fn: () => unknown): XmlError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(XmlError);
    return e as XmlError;
  }
  throw new Error('expected a throw');
}

describe('escaping and names', () => {
  it('escapes text and attribute values so they read back unchanged', () => {
    expect(escapeXmlText('a<b&c>d]]>\r\n\t"\'')).toBe('a&lt;b&amp;c&gt;d]]&gt;&#13;\n\t"\'');
    expect(escapeXmlAttribute('a<b&c>"d\'\t\n\r')).toBe("a&lt;b&amp;c&gt;&quot;d'&#9;&#10;&#13;");
    expect(escapeXmlText('档案 😀')).toBe('档案 😀');
  });

  it('refuses characters XML 1.0 forbids, naming the code point', () => {
    for (const [s, cp] of [
      ['\u0000', 'U+0000'],
      ['a\u0008', 'U+0008'],
      ['\u000B', 'U+000B'],
      ['\u001F', 'U+001F'],
      ['x\uD800y', 'U+D800'],
      ['\uDC00', 'U+DC00'],
      ['\uFFFE', 'U+FFFE'],
      ['\uFFFF', 'U+FFFF'],
    ]) {
      const e = thrown(() => escapeXmlText(s!));
      expect([e.code, e.message.includes(cp!)]).toEqual(['XML_INVALID_CHARACTER', true]);
      expect(thrown(() => escapeXmlAttribute(s!)).code).toBe('XML_INVALID_CHARACTER');
    }
    expect(findInvalidXmlChar('ok \t\n\r\u0085\u{10FFFF}\uD83D\uDE00')).toBe(-1);
    expect(() => escapeXmlText(1 as never)).toThrow(TypeError);
  });

  it('checks the XML Name production, CJK and astral included', () => {
    for (const n of ['电子文件封装包', 'eep版本', 'a', '_x', 'a-b.c·', 'ns:a', ':a', '𠀀名', 'À'])
      expect(isXmlName(n)).toBe(true);
    for (const n of ['', '1a', '-a', '.a', 'a b', 'a<', '档案\u0000', '\u00B7a', 'a\uFFFE'])
      expect(isXmlName(n)).toBe(false);
    expect([isXmlNcName('修改0-签名1'), isXmlNcName('D1'), isXmlNcName('1'), isXmlNcName('a:b')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(isXmlName(7 as never)).toBe(false);
  });
});

describe('XmlWriter output', () => {
  it('writes compact XML with self-closing empty elements', () => {
    const xml = xmlToString((w) =>
      w
        .declaration()
        .startElement('a', { b: '1', c: 'x"y' })
        .element('e')
        .element('t', '')
        .element('v', 'x<y')
        .endElement(),
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><a b="1" c="x&quot;y"><e/><t></t><v>x&lt;y</v></a>',
    );
  });

  it('pretty-prints element-only content and never touches elements with text', () => {
    const xml = xmlToString(
      (w) => {
        w.declaration({ standalone: true }).startElement('a');
        w.element('b', 'text');
        w.startElement('c').element('d').endElement();
        w.startElement('e').text('mixed').element('f').text('tail').endElement();
        w.startElement('g').element('h').text(' late').endElement();
      },
      { pretty: true },
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a>\n  <b>text</b>\n  <c>\n    <d/>\n  </c>\n  <e>mixed<f/>tail</e>\n  <g>\n    <h/> late</g>\n</a>\n',
    );
    const crlf = xmlToString((w) => w.startElement('a').element('b').endElement(), {
      pretty: true,
      indent: '\t',
      newline: '\r\n',
    });
    expect(crlf).toBe('<a>\r\n\t<b/>\r\n</a>\r\n');
  });

  it('accepts attributes as a Map, in order', () => {
    expect(
      xmlToString((w) =>
        w.element(
          'a',
          undefined,
          new Map([
            ['z', '1'],
            ['a', '2'],
          ]),
        ),
      ),
    ).toBe('<a z="1" a="2"/>');
  });

  it('refuses forbidden characters with the code point and element path, and stays usable', () => {
    const w = new XmlWriter({ writeText: () => undefined });
    w.startElement('电子文件封装包').startElement('被签名对象');
    const e = thrown(() => w.text('ok\u0001'));
    expect(e.code).toBe('XML_INVALID_CHARACTER');
    expect(e.message).toContain('U+0001');
    expect(e.elementPath).toBe('/电子文件封装包/被签名对象');
    expect(e.findings[0]!.path).toBe('/电子文件封装包/被签名对象');
    const a = thrown(() => w.startElement('题名', { 属性: 'x\uD800' }));
    expect([a.code, a.elementPath, a.message.includes('U+D800'), a.message.includes('属性')]).toEqual([
      'XML_INVALID_CHARACTER',
      '/电子文件封装包/被签名对象/题名',
      true,
      true,
    ]);
    expect(w.depth).toBe(2);
    w.text('fine').close();
  });

  it('refuses invalid names', () => {
    const w = new XmlWriter({ writeText: () => undefined });
    for (const bad of ['', '1a', 'a b', 'a:b:c', ':a', 'xmlns:p'])
      expect(thrown(() => w.startElement(bad)).code).toBe('XML_INVALID_NAME');
    w.startElement('a');
    expect(thrown(() => w.startElement('b', { 'c d': '1' })).code).toBe('XML_INVALID_NAME');
    expect(() => w.startElement('b', { c: 1 as never })).toThrow(TypeError);
    expect(xmlToString((x) => x.element('a:b:c'), { namespaces: false })).toBe('<a:b:c/>');
  });

  it('checks namespace prefixes and declarations so output reads back with namespaces on', async () => {
    const w = () => new XmlWriter({ writeText: () => undefined });
    expect(thrown(() => w().startElement('p:a')).code).toBe('XML_INVALID_NAME');
    expect(thrown(() => w().startElement('a', { 'p:b': '1' })).code).toBe('XML_INVALID_NAME');
    expect(thrown(() => w().startElement('a', { 'xmlns:p': '' })).code).toBe('XML_INVALID_NAME');
    expect(thrown(() => w().startElement('a', { 'xmlns:xml': 'urn:x' })).code).toBe('XML_INVALID_NAME');
    expect(
      thrown(() => w().startElement('a', { 'xmlns:p': 'urn:x', 'xmlns:q': 'urn:x', 'p:b': '1', 'q:b': '2' }))
        .code,
    ).toBe('XML_INVALID_NAME');
    const xml = xmlToString((x) =>
      x
        .startElement('eep:电子文件封装包', { 'xmlns:eep': 'urn:eep', 'xml:lang': 'zh' })
        .element('eep:版本', '2009', { 'eep:a': '1' }),
    );
    const root = await parseXmlToTree(enc(xml));
    expect([root.uri, root.children[0]!.uri, root.attributes['xml:lang']]).toEqual([
      'urn:eep',
      'urn:eep',
      'zh',
    ]);
  });

  it('reports misuse with XML_WRITER_MISUSE', async () => {
    const w = () => new XmlWriter({ writeText: () => undefined });
    expect(thrown(() => w().endElement()).code).toBe('XML_WRITER_MISUSE');
    expect(thrown(() => w().text('x')).code).toBe('XML_WRITER_MISUSE');
    expect(thrown(() => w().element('a').element('b')).code).toBe('XML_WRITER_MISUSE');
    expect(thrown(() => w().element('a').text('after')).code).toBe('XML_WRITER_MISUSE');
    expect(thrown(() => w().element('a').declaration()).code).toBe('XML_WRITER_MISUSE');
    expect(thrown(() => w().startElement('a').endElement('b')).code).toBe('XML_WRITER_MISUSE');
    expect(thrown(() => w().close()).code).toBe('XML_WRITER_MISUSE');
    await expect(w().end()).rejects.toMatchObject({ code: 'XML_WRITER_MISUSE' });
    const done = w().element('a').close();
    expect(done.ended).toBe(true);
    expect(done.close()).toBe(done);
    expect(thrown(() => done.startElement('b')).code).toBe('XML_WRITER_MISUSE');
    expect(thrown(() => done.text('x')).code).toBe('XML_WRITER_MISUSE');
    expect(() => new XmlWriter({} as never)).toThrow(TypeError);
    expect(() => new XmlWriter({ writeText: () => undefined }, { indent: 'x' })).toThrow(RangeError);
  });

  it('end() closes everything left open', () => {
    expect(xmlToString((w) => w.startElement('a').startElement('b').text('x'))).toBe('<a><b>x</b></a>');
  });
});

describe('Base64 and raw text', () => {
  it('base64Chunk continues across any chunking and pads at the end', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), (parts) => {
        const xml = xmlToString((w) => {
          w.startElement('编码数据');
          for (const p of parts) w.base64Chunk(p);
        });
        const all = concatBytes(parts);
        // Like text(''), any base64Chunk call (even of no bytes) makes the element non-empty.
        const body = parts.length === 0 ? '<编码数据/>' : `<编码数据>${toBase64(all)}</编码数据>`;
        expect(xml).toBe(body);
        expect(fromBase64(xml.replace(/<[^>]*>/g, ''))).toEqual(all);
      }),
    );
  });

  it('rawTextChunk passes Base64 through and refuses anything needing escape', () => {
    expect(
      xmlToString((w) => w.startElement('a').rawTextChunk('QUJD\n').rawTextChunk('RA==').endElement()),
    ).toBe('<a>QUJD\nRA==</a>');
    const w = new XmlWriter({ writeText: () => undefined }).startElement('a');
    for (const bad of ['<', '&', '\r', 'é', '\u0000']) expect(() => w.rawTextChunk(bad)).toThrow(TypeError);
  });
});

describe('sinks', () => {
  it('hands UTF-8 bytes to a byte sink in bounded pieces', async () => {
    const parts: Uint8Array[] = [];
    const w = new XmlWriter({ write: (c) => void parts.push(c) }, { bufferSize: 64 });
    w.startElement('档案');
    for (let i = 0; i < 100; i++) w.element('条目', `第${i}条`);
    await w.end();
    expect(parts.length).toBeGreaterThan(10);
    const xml = new TextDecoder().decode(concatBytes(parts));
    expect(xml.startsWith('<档案><条目>第0条</条目>')).toBe(true);
    expect((await parseXmlToTree(concatBytes(parts))).children).toHaveLength(100);
  });

  it('waits for an asynchronous sink: writes never overlap, flush resolves when all is taken', async () => {
    let busy = false;
    let taken = 0;
    const w = new XmlWriter(
      {
        async write(c) {
          expect(busy).toBe(false);
          busy = true;
          await new Promise((r) => setTimeout(r, 1));
          taken += c.length;
          busy = false;
        },
      },
      { bufferSize: 16 },
    );
    w.startElement('a');
    for (let i = 0; i < 20; i++) w.element('b', 'xxxxxxxxxxxxxxxx');
    await w.flush();
    expect(taken).toBe(enc(`<a>${'<b>xxxxxxxxxxxxxxxx</b>'.repeat(20)}`).length);
    await w.end();
    expect(busy).toBe(false);
  });

  it('reports a failing sink at flush/end, or at once when it fails synchronously', async () => {
    const asyncFail = new XmlWriter(
      { write: () => Promise.reject(new Error('disk full')) },
      { bufferSize: 1 },
    );
    asyncFail.startElement('a');
    await expect(asyncFail.flush()).rejects.toThrow('disk full');
    const syncFail = new XmlWriter(
      {
        write: () => {
          throw new Error('closed');
        },
      },
      { bufferSize: 1 },
    );
    expect(() => syncFail.startElement('a')).toThrow('closed');
    expect(() => syncFail.text('x')).toThrow('closed');
  });

  it('xmlReadableStream streams a large payload with backpressure', async () => {
    const MiB = 1024 * 1024;
    let produced = 0;
    let consumed = 0;
    let ahead = 0;
    const block = new Uint8Array(3 * 64 * 1024).fill(0x61);
    const stream = xmlReadableStream(async (w) => {
      w.declaration().startElement('编码数据');
      for (let i = 0; i < 64; i++) {
        w.base64Chunk(block);
        produced += block.length;
        await w.flush();
      }
    });
    let text = 0;
    await readXml(
      (async function* () {
        const reader = stream.getReader();
        while (true) {
          const { done, value } = await reader.read();
          if (done) return;
          consumed += value.length;
          ahead = Math.max(ahead, (produced * 4) / 3 - consumed);
          await new Promise((r) => setTimeout(r, 0));
          yield value;
        }
      })(),
      {
        text: (t) => {
          text += t.length;
        },
      },
    );
    expect(text).toBe((64 * block.length * 4) / 3);
    expect(ahead).toBeLessThan(2 * MiB);
  });

  it('cancelling the stream stops the builder', async () => {
    let rounds = 0;
    let failure: unknown;
    const stream = xmlReadableStream(async (w) => {
      w.startElement('a');
      try {
        for (; rounds < 10_000; rounds++) {
          w.rawTextChunk('QUJD'.repeat(20_000));
          await w.flush();
        }
      } catch (e) {
        failure = e;
        throw e;
      }
    });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel(new Error('enough'));
    await new Promise((r) => setTimeout(r, 20));
    expect(rounds).toBeLessThan(10);
    expect(failure).toBeInstanceOf(Error);
  });

  it('an error in the builder errors the stream', async () => {
    const stream = xmlReadableStream((w) => {
      w.startElement('a').text('\u0001');
    });
    await expect(stream.getReader().read()).rejects.toMatchObject({ code: 'XML_INVALID_CHARACTER' });
  });
});
