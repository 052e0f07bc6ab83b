import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseXmlToTree,
  readXml,
  type XmlElement,
  XmlError,
  type XmlWriter,
  xmlToString,
} from '../../src/xml/index.js';
import { cutAt, enc, type PlainTree, treeArb, xmlText } from './helpers.js';

async function code(
  source: Parameters<typeof readXml>[0],
  options: Parameters<typeof readXml>[2] = {},
): Promise<string> {
  try {
    await readXml(source, { text: () => undefined, startElement: () => undefined }, options);
  } catch (e) {
    if (e instanceof XmlError) return e.code;
    throw e;
  }
  return 'OK';
}

/** A lazily generated document: `head`, then `unit` × `count`, then `tail`; counts the bytes pulled. */
function generated(head: string, unit: string, count: number, tail: string) {
  const state = { pulled: 0, total: 0 };
  const unitBytes = enc(unit);
  const perChunk = Math.max(1, Math.floor((256 * 1024) / unitBytes.length));
  state.total = enc(head).length + unitBytes.length * count + enc(tail).length;
  async function* gen(): AsyncGenerator<Uint8Array> {
    const h = enc(head);
    state.pulled += h.length;
    yield h;
    for (let i = 0; i < count; i += perChunk) {
      const n = Math.min(perChunk, count - i);
      const chunk = new Uint8Array(n * unitBytes.length);
      for (let k = 0; k < n; k++) chunk.set(unitBytes, k * unitBytes.length);
      state.pulled += chunk.length;
      yield chunk;
    }
    const t = enc(tail);
    state.pulled += t.length;
    yield t;
  }
  return { source: gen(), state };
}

describe('DTDs and entities are refused', () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol9;</lolz>`;
  const xxe =
    '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
  const parameter =
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1/evil.dtd"> %p; <!ENTITY % q "<!ENTITY r \'x\'>"> %q;]><d>&r;</d>';

  it('billion laughs, XXE and parameter entities fail with XML_DOCTYPE_FORBIDDEN before any content', async () => {
    for (const doc of [
      laughs,
      xxe,
      parameter,
      '<!DOCTYPE html><html/>',
      '<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
    ]) {
      const texts: string[] = [];
      const e = await readXml(enc(doc), {
        text: (t) => void texts.push(t),
        startElement: () => void texts.push('<'),
      }).catch((x) => x);
      expect(e).toBeInstanceOf(XmlError);
      expect((e as XmlError).code).toBe('XML_DOCTYPE_FORBIDDEN');
      expect((e as XmlError).message).toContain('禁止 DOCTYPE');
      expect(texts).toEqual([]);
      // …whatever the chunking, even one byte at a time.
      expect(
        await code(
          cutAt(
            enc(doc),
            Array.from({ length: doc.length }, (_, i) => i),
          ),
        ),
      ).toBe('XML_DOCTYPE_FORBIDDEN');
    }
  });

  it('stops at <!DOCTYPE without reading a huge DTD', async () => {
    const g = generated('<!DOCTYPE a [', '<!ENTITY x "yyyyyyyy">', 2_000_000, ']><a/>');
    expect(await code(g.source)).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(g.state.pulled).toBeLessThan(g.state.total / 10);
  });

  it('refuses undefined entity references in text and attributes, and bad character references', async () => {
    expect(await code(enc('<a>&lol;</a>'))).toBe('XML_ENTITY_FORBIDDEN');
    expect(await code(enc('<a b="&xxe;"/>'))).toBe('XML_ENTITY_FORBIDDEN');
    expect(await code(enc('<a>&#0;</a>'))).toBe('XML_MALFORMED');
    expect(await code(enc('<a>&#xD800;</a>'))).toBe('XML_MALFORMED');
    expect(await code(enc('<a>&#x110000;</a>'))).toBe('XML_MALFORMED');
    expect(await code(enc('<a>&;</a>'))).toBe('XML_MALFORMED');
    expect(await code(enc('<a>&amp;&lt;&gt;&quot;&apos;&#x1F600;</a>'))).toBe('OK');
  });
});

describe('malformed documents fail with XML_MALFORMED', () => {
  const cases: Record<string, string> = {
    'unclosed tag': '<a><b></b>',
    'mismatched tags': '<a><b></c></a>',
    'close without open': '<a></a></b>',
    'junk after root': '<a/>junk',
    'second root': '<a/><b/>',
    'text before root': 'x<a/>',
    'no root': '<?xml version="1.0"?><!-- c -->',
    empty: '',
    'whitespace only': '  \n ',
    'truncated in a tag': '<a><b c="1',
    'truncated in a comment': '<a><!-- c',
    'truncated in CDATA': '<a><![CDATA[x',
    'truncated in a reference': '<a>&am',
    'control character': '<a>\u0001</a>',
    'NUL byte': '<a>\u0000</a>',
    ']]> in text': '<a>]]></a>',
    'duplicate attribute': '<a b="1" b="2"/>',
    'unquoted attribute': '<a b=1/>',
    'unbound prefix': '<p:a/>',
    '-- in a comment': '<a><!-- a -- b --></a>',
    'late XML declaration': '<a/><?xml version="1.0"?>',
    '< in attribute': '<a b="<"/>',
    'bad name': '<1a/>',
  };
  for (const [what, doc] of Object.entries(cases)) {
    it(what, async () => {
      expect(await code(enc(doc))).toBe('XML_MALFORMED');
    });
  }
});

describe('limits fail fast with XML_LIMIT_EXCEEDED', () => {
  it('100k-deep nesting stops at depth 256 without a stack overflow', async () => {
    const g = generated('', '<a>', 100_000, '</a>'.repeat(100_000));
    let deepest = 0;
    const e = await readXml(g.source, {
      startElement: (el) => {
        deepest = el.depth;
      },
    }).catch((x) => x);
    expect((e as XmlError).code).toBe('XML_LIMIT_EXCEEDED');
    expect((e as XmlError).message).toContain('256');
    expect(deepest).toBe(256);
    expect(await code(enc('<a>'.repeat(11) + '</a>'.repeat(11)), { maxDepth: 10 })).toBe(
      'XML_LIMIT_EXCEEDED',
    );
    expect(await code(enc('<a>'.repeat(10) + '</a>'.repeat(10)), { maxDepth: 10 })).toBe('OK');
  });

  it('a deep tree within a raised limit is built iteratively', async () => {
    // Namespaces off: saxes resolves a prefix by walking the open elements, O(depth) per element, which
    // the default depth limit keeps small but 100k levels would make quadratic.
    const n = 100_000;
    const root = await parseXmlToTree(enc(`${'<a>'.repeat(n)}x${'</a>'.repeat(n)}`), {
      maxDepth: n,
      namespaces: false,
    });
    let depth = 1;
    let e: XmlElement = root;
    while (e.children.length > 0) {
      e = e.children[0]!;
      depth++;
    }
    expect([depth, e.text]).toEqual([n, 'x']);
  });

  it('attribute bombs: too many attributes, or one huge value', async () => {
    const many = `<a ${Array.from({ length: 10_000 }, (_, i) => `a${i}="x"`).join(' ')}/>`;
    expect(await code(enc(many))).toBe('XML_LIMIT_EXCEEDED');
    expect(await code(enc(`<a ${Array.from({ length: 256 }, (_, i) => `a${i}="x"`).join(' ')}/>`))).toBe(
      'OK',
    );
    const huge = generated('<a b="', 'x', 64 * 1024 * 1024, '"/>');
    expect(await code(huge.source)).toBe('XML_LIMIT_EXCEEDED');
    expect(huge.state.pulled).toBeLessThan(4 * 1024 * 1024);
    expect(await code(enc(`<a b="${'&amp;'.repeat(300)}"/>`), { maxAttributeValueLength: 200 })).toBe('OK');
    expect(await code(enc(`<a b="${'x'.repeat(300_000)}"/>`), { maxAttributeValueLength: 200_000 })).toBe(
      'XML_LIMIT_EXCEEDED',
    );
  });

  it('huge names: element, attribute, end tag, entity, processing instruction', async () => {
    for (const [head, unit, tail] of [
      ['<', 'a', '/>'],
      ['<a ', 'b', '="1"/>'],
      ['<a></', 'a', '>'],
      ['<a>&', 'a', ';</a>'],
      ['<a><?', 'p', ' x?></a>'],
    ] as const) {
      const g = generated(head, unit, 8 * 1024 * 1024, tail);
      expect(await code(g.source)).toBe('XML_LIMIT_EXCEEDED');
      expect(g.state.pulled).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('maxBytes and maxElements', async () => {
    expect(await code(enc(`<a>${'x'.repeat(100)}</a>`), { maxBytes: 50 })).toBe('XML_LIMIT_EXCEEDED');
    expect(await code(enc('<a><b/><b/></a>'), { maxElements: 2 })).toBe('XML_LIMIT_EXCEEDED');
    expect(await code(enc('<a><b/></a>'), { maxElements: 2 })).toBe('OK');
  });

  it('huge comments and processing instructions are skipped without being kept', async () => {
    expect(await code(generated('<a><!--', 'comment ', 1024 * 1024, '--></a>').source)).toBe('OK');
    expect(await code(generated('<a><?pi ', 'body ', 1024 * 1024, '?></a>').source)).toBe('OK');
  });
});

describe('fuzzing: any input ends in a result or an XmlError', () => {
  const write = (w: XmlWriter, t: PlainTree): void => {
    w.startElement(t.name, t.attributes);
    if (t.text !== '') w.text(t.text);
    for (const c of t.children) write(w, c);
    w.endElement();
  };
  const outcome = async (bytes: Uint8Array, cuts: number[]) => {
    try {
      await readXml(
        cutAt(bytes, cuts),
        { text: () => undefined },
        { maxDepth: 8, maxNameLength: 16, maxAttributes: 4 },
      );
      return 'OK';
    } catch (e) {
      expect(e).toBeInstanceOf(XmlError);
      expect((e as XmlError).message).toMatch(/第 \d+ 行第 \d+ 列/);
      return (e as XmlError).code;
    }
  };

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300)), async (bytes, cuts) => {
        await outcome(bytes, cuts);
      }),
      { numRuns: 300 },
    );
  });

  it('written documents with bytes flipped, inserted or cut out', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.oneof(
          fc.constant(''),
          xmlText,
          fc.constantFrom('<!DOCTYPE a>', '&e;', '<![CDATA[', '<?x', '<!--', ']]>', '\uFEFF'),
        ),
        fc.array(fc.nat(2000), { maxLength: 6 }),
        async (tree, flips, insert, cuts) => {
          const xml = xmlToString((w) => write(w, tree));
          const at = flips.length > 0 ? flips[0]![0] % (xml.length + 1) : 0;
          const bytes = enc(xml.slice(0, at) + insert + xml.slice(at));
          for (const [i, b] of flips) if (bytes.length > 0) bytes[i % bytes.length] = b;
          const result = await outcome(bytes.slice(0, bytes.length - ((cuts[0] ?? 0) % 4)), cuts);
          expect(typeof result).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });
});
