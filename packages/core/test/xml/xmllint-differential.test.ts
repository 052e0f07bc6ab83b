import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readXml, XmlError, type XmlWriter, xmlToString } from '../../src/xml/index.js';
import { enc, type PlainTree, treeArb } from './helpers.js';

// libxml2's xmllint is an optional oracle: the test runs only where it is installed.
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const dir = hasXmllint ? mkdtempSync(join(tmpdir(), 'dangan-xml-')) : '';
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function write(w: XmlWriter, t: PlainTree): void {
  w.startElement(t.name, t.attributes);
  if (t.text !== '') w.text(t.text);
  for (const c of t.children) write(w, c);
  w.endElement();
}

let n = 0;
const verdicts = [0, 0];
function xmllintAccepts(bytes: Uint8Array): boolean {
  const file = join(dir, `d${n++}.xml`);
  writeFileSync(file, bytes);
  return spawnSync('xmllint', ['--noout', '--nonet', file]).status === 0;
}

async function weAccept(bytes: Uint8Array): Promise<boolean> {
  try {
    await readXml(bytes, {});
    return true;
  } catch (e) {
    if (e instanceof XmlError) return false;
    throw e;
  }
}

const junk = fc.constantFrom(
  '<',
  '>',
  '&',
  '</x>',
  '<x>',
  '"',
  '=',
  ']]>',
  '<!--',
  '-->',
  '&amp;',
  '&#0;',
  '&#x41;',
  '&x;',
  '<?pi?>',
  '\u0001',
  '<![CDATA[',
  ' a="1"',
  '<?xml version="1.0"?>',
);

describe.skipIf(!hasXmllint)('differential against xmllint', () => {
  it('agrees on well-formedness of written documents and of their mutations', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(fc.tuple(fc.nat(), junk), { maxLength: 2 }),
        fc.option(fc.tuple(fc.nat(), fc.nat(6))),
        async (tree, inserts, cut) => {
          let xml = xmlToString((w) => write(w, tree));
          for (const [at, s] of inserts) {
            const i = at % (xml.length + 1);
            xml = xml.slice(0, i) + s + xml.slice(i);
          }
          if (cut !== null) {
            const i = cut[0] % (xml.length + 1);
            xml = xml.slice(0, i) + xml.slice(i + cut[1]);
          }
          // Surrogate halves left by a cut are not text at all; skip those.
          if (/[\uD800-\uDFFF]/u.test(xml)) return;
          const bytes = enc(xml);
          const ours = await weAccept(bytes);
          verdicts[ours ? 1 : 0]! += 1;
          expect({ xml, ours }).toEqual({ xml, ours: xmllintAccepts(bytes) });
        },
      ),
      { numRuns: 200 },
    );
    // The mutations must exercise both verdicts, or the comparison proves little.
    expect(verdicts[0]).toBeGreaterThan(20);
    expect(verdicts[1]).toBeGreaterThan(20);
  });
});
