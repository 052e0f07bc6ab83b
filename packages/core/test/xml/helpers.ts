import fc from 'fast-check';
import { readXml, type XmlElement } from '../../src/xml/index.js';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Yields `bytes` cut at the given offsets (sorted, deduplicated), as a stream would. */
export async function* cutAt(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let last = 0;
  for (const c of [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b)) {
    yield bytes.slice(last, c);
    last = c;
  }
  yield bytes.slice(last);
}

export type Ev =
  | readonly ['start', string, string, Record<string, string>]
  | readonly ['text', string]
  | readonly ['end', string];

/** Events of a document with consecutive text pieces merged (piece boundaries are not part of the contract). */
export async function events(
  source: Parameters<typeof readXml>[0],
  options: Parameters<typeof readXml>[2] = {},
): Promise<Ev[]> {
  const out: Ev[] = [];
  await readXml(
    source,
    {
      startElement: (e) => void out.push(['start', e.name, e.path, { ...e.attributes }]),
      text: (t) => {
        const last = out[out.length - 1];
        if (last?.[0] === 'text') out[out.length - 1] = ['text', last[1] + t];
        else out.push(['text', t]);
      },
      endElement: (e) => void out.push(['end', e.name]),
    },
    options,
  );
  return out;
}

/** A tree without positions, with plain-object attributes, for comparisons. */
export interface PlainTree {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: PlainTree[];
}

export function plain(e: XmlElement): PlainTree {
  return { name: e.name, attributes: { ...e.attributes }, text: e.text, children: e.children.map(plain) };
}

const cp = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/** Characters allowed in XML 1.0 text, weighted towards the interesting ones. */
export const xmlChar = fc.oneof(
  { arbitrary: cp(0x20, 0x7e), weight: 4 },
  {
    arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ']', '\t', '\n', '\r', '\r\n', ']]>', ' '),
    weight: 3,
  },
  { arbitrary: cp(0x4e00, 0x9fa5), weight: 3 },
  { arbitrary: cp(0xa0, 0xd7ff), weight: 1 },
  { arbitrary: cp(0xe000, 0xfffd), weight: 1 },
  { arbitrary: cp(0x10000, 0x10ffff), weight: 1 },
);

export const xmlText = fc.array(xmlChar, { maxLength: 24 }).map((a) => a.join(''));

const nameStart = fc.oneof(
  fc.constantFrom(...'abcdefxyzABCZ_'),
  cp(0x4e00, 0x9fa5),
  cp(0xc0, 0xd6),
  cp(0x20000, 0x2a6df),
);
const nameRest = fc.oneof(
  nameStart,
  fc.constantFrom(...'0123456789-.'),
  cp(0x0300, 0x036f),
  fc.constant('\u00b7'),
);

/** XML NCNames, CJK and astral included. */
export const xmlName = fc
  .tuple(nameStart, fc.array(nameRest, { maxLength: 6 }))
  .map(([s, r]) => s + r.join(''))
  .filter((n) => n !== 'xmlns');

export const attributesArb = fc.dictionary(xmlName, xmlText, { maxKeys: 4 }).map((d) => ({ ...d }));

export const treeArb: fc.Arbitrary<PlainTree> = fc.letrec<{ tree: PlainTree }>((tie) => ({
  tree: fc.record({
    name: xmlName,
    attributes: attributesArb,
    text: xmlText,
    children: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'tree' },
      { arbitrary: fc.constant<PlainTree[]>([]), weight: 1 },
      { arbitrary: fc.array(tie('tree'), { maxLength: 4, depthIdentifier: 'tree' }), weight: 3 },
    ),
  }),
})).tree;

/** What the reader gives back for a written tree: indentation-like text next to child elements is dropped. */
export function expectedTree(t: PlainTree): PlainTree {
  const text = t.children.length > 0 && /^[ \t\r\n]*$/.test(t.text) ? '' : t.text;
  return { name: t.name, attributes: { ...t.attributes }, text, children: t.children.map(expectedTree) };
}
