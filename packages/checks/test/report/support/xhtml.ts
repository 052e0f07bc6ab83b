import { parseXmlToTree, type XmlElement } from '@dangan/core';

/** Parses a rendered report as XML (it is XHTML-compatible after the `<!DOCTYPE html>` line). */
export async function parseReport(html: string): Promise<XmlElement> {
  if (!html.startsWith('<!DOCTYPE html>\n')) throw new Error('missing doctype');
  return parseXmlToTree(new TextEncoder().encode(html.slice('<!DOCTYPE html>\n'.length)), {
    whitespace: 'preserve',
  });
}

/** Every element below (and including) `root` that satisfies `test`, in document order. */
export function findAll(root: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (test(e)) out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}

export function byClass(root: XmlElement, name: string, cls: string): XmlElement[] {
  return findAll(root, (e) => e.name === name && (e.attributes.class ?? '').split(' ').includes(cls));
}

export function byId(root: XmlElement, id: string): XmlElement {
  const found = findAll(root, (e) => e.attributes.id === id);
  if (found.length !== 1) throw new Error(`${found.length} elements with id ${id}`);
  return found[0]!;
}

/**
 * All text of an element and its descendants, in order. The tree keeps each element's own text joined,
 * so text around children is approximated by own text first; tests only look for substrings.
 */
export function textOf(e: XmlElement): string {
  return e.text + e.children.map(textOf).join(' ');
}
