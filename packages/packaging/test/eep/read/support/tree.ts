/**
 * A small mutable XML tree for mutation tests: parse with core's parseXmlToTree, change, serialise.
 */
import { parseXmlToTree, utf8, type XmlElement } from '@dangan/core';

export interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

function copy(e: XmlElement): Node {
  return {
    name: e.name,
    attributes: { ...e.attributes },
    children: e.children.map(copy),
    text: e.text,
  };
}

/** Parses a document into a {@link Node} tree. */
export async function parseTree(xml: string | Uint8Array): Promise<Node> {
  return copy(await parseXmlToTree(typeof xml === 'string' ? utf8(xml) : xml, { maxBytes: 256 << 20 }));
}

function escText(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escAttr(t: string): string {
  return escText(t).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Serialises a tree (the element's own text first, then its children). */
export function serialize(node: Node): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const walk = (n: Node) => {
    parts.push(`<${n.name}`);
    for (const [k, v] of Object.entries(n.attributes)) parts.push(` ${k}="${escAttr(v)}"`);
    if (n.children.length === 0 && n.text === '') {
      parts.push('/>');
      return;
    }
    parts.push('>', escText(n.text));
    for (const c of n.children) walk(c);
    parts.push(`</${n.name}>`);
  };
  walk(node);
  return parts.join('');
}

/** Every element with its parent, in document order. */
export function elements(root: Node): { node: Node; parent: Node | undefined; index: number }[] {
  const out: { node: Node; parent: Node | undefined; index: number }[] = [];
  const walk = (n: Node, parent: Node | undefined, index: number) => {
    out.push({ node: n, parent, index });
    n.children.forEach((c, i) => {
      walk(c, n, i);
    });
  };
  walk(root, undefined, 0);
  return out;
}

/** Deep copy. */
export function clone(n: Node): Node {
  return structuredClone(n);
}

/** The first element with this local name (depth first). */
export function find(root: Node, local: string): Node | undefined {
  return elements(root).find((e) => e.node.name === local || e.node.name.endsWith(`:${local}`))?.node;
}
