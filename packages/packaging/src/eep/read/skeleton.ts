import { escapeXmlAttribute, escapeXmlText, type XmlElementEvent } from '@dangan/core';

/** Subtrees the metadata record does not come from: earlier layers and the signatures. */
const LEFT_OUT = new Set(['原封装包', '电子签名块', '锁定签名']);

/**
 * A copy of the EEP without what a metadata record never holds (记录骨架): the text of 编码数据, earlier
 * layers (原封装包) and the signature blocks. It is small (metadata only) and is read by metadata's
 * `recordFromXml`, which maps the current layer's 文件实体, 业务实体 and 机构人员实体 by a scheme. Element
 * names and attributes (namespace declarations included) are copied as written.
 */
export class RecordSkeleton {
  readonly #parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  readonly #maxLength: number;
  #length = 0;
  #leftOut = 0;
  /** The copy grew past its limit and was abandoned. */
  overflow = false;

  constructor(maxLength: number) {
    this.#maxLength = maxLength;
  }

  #push(text: string): void {
    if (this.overflow) return;
    this.#length += text.length;
    if (this.#length > this.#maxLength) {
      this.overflow = true;
      this.#parts.length = 0;
      return;
    }
    this.#parts.push(text);
  }

  start(e: XmlElementEvent): void {
    if (this.#leftOut > 0 || LEFT_OUT.has(e.local)) {
      this.#leftOut++;
      return;
    }
    let tag = `<${e.name}`;
    for (const name in e.attributes) tag += ` ${name}="${escapeXmlAttribute(e.attributes[name]!)}"`;
    this.#push(`${tag}>`);
  }

  text(chunk: string, e: XmlElementEvent): void {
    if (this.#leftOut > 0 || e.local === '编码数据') return;
    this.#push(escapeXmlText(chunk));
  }

  end(e: XmlElementEvent): void {
    if (this.#leftOut > 0) {
      this.#leftOut--;
      return;
    }
    this.#push(`</${e.name}>`);
  }

  /** The copy as UTF-8 bytes, or `undefined` when it overflowed. */
  bytes(): Uint8Array | undefined {
    return this.overflow ? undefined : new TextEncoder().encode(this.#parts.join(''));
  }
}
