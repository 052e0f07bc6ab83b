import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXmlToTree, type XmlWriter, xmlToString } from '../../src/xml/index.js';
import { cutAt, enc, events, expectedTree, type PlainTree, plain, treeArb, xmlText } from './helpers.js';

function write(w: XmlWriter, t: PlainTree): void {
  w.startElement(t.name, t.attributes);
  if (t.text !== '') w.text(t.text);
  for (const c of t.children) write(w, c);
  w.endElement(t.name);
}

describe('writer → reader round trip', () => {
  it('gives back the same tree, pretty or compact, at any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(4000), { maxLength: 12 }),
        async (tree, pretty, declaration, cuts) => {
          const xml = xmlToString(
            (w) => {
              if (declaration) w.declaration();
              write(w, tree);
            },
            { pretty },
          );
          const bytes = enc(xml);
          const read = await parseXmlToTree(
            cutAt(
              bytes,
              cuts.map((c) => c % (bytes.length + 1)),
            ),
          );
          expect(plain(read)).toEqual(expectedTree(tree));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps whitespace-only text exactly with whitespace: preserve in compact output', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, async (tree) => {
        const xml = xmlToString((w) => write(w, tree));
        const read = await parseXmlToTree(enc(xml), { whitespace: 'preserve' });
        const keep = (t: PlainTree): PlainTree => ({ ...t, children: t.children.map(keep) });
        expect(plain(read)).toEqual(keep(tree));
      }),
      { numRuns: 100 },
    );
  });

  it('streams text (any legal characters) to the same events at random chunk boundaries, splitting UTF-8 sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(xmlText, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(2000), { maxLength: 40 }),
        async (texts, cuts) => {
          const xml = xmlToString((w) => {
            w.startElement('根');
            for (const t of texts) w.element('段', t);
            w.endElement();
          });
          const bytes = enc(xml);
          const whole = await events(bytes);
          const pieces = await events(
            cutAt(
              bytes,
              cuts.map((c) => c % (bytes.length + 1)),
            ),
          );
          expect(pieces).toEqual(whole);
          // Every multi-byte boundary, one byte at a time.
          const oneByOne = await events(
            cutAt(
              bytes,
              Array.from({ length: bytes.length }, (_, i) => i),
            ),
          );
          expect(oneByOne).toEqual(whole);
          expect(whole.filter((e) => e[0] === 'text').map((e) => e[1])).toEqual(
            texts.filter((t) => t !== ''),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
