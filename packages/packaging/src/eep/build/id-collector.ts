import { concatBytes } from '@dangan/core';
import { decodeXmlText, type XmlStartTagToken } from '../bytes/index.js';

/** Attributes whose values are `xs:ID`s in DA/T 48. */
const ID_ATTRIBUTES: ReadonlySet<string> = /* @__PURE__ */ new Set(['文档数据ID', '编码ID', '编码数据ID']);
/** Elements whose text is an `xs:ID` in DA/T 48. */
const ID_ELEMENTS: ReadonlySet<string> = /* @__PURE__ */ new Set(['文档标识符', '修改标识符', '签名标识符']);

/**
 * Collects the `xs:ID` values of a DA/T 48 document from byte-scanner tokens (标识符收集): the attributes
 * 文档数据ID, 编码ID, 编码数据ID and the text of 文档标识符, 修改标识符, 签名标识符 (whitespace-collapsed, as
 * the schema reads them). Feed every start tag, the text inside, and every end tag.
 *
 * @example
 * const ids = new EepIdCollector();
 * // on tokens: ids.start(t, local); ids.text(t.bytes); const id = ids.end();
 * ids.ids.has('修改0-签名1');
 */
export class EepIdCollector {
  /** Every ID value seen. */
  readonly ids = new Set<string>();
  #text: Uint8Array[] | undefined;

  /** A start tag (with its local name). */
  start(t: XmlStartTagToken, local: string): void {
    for (const a of t.attributes) if (ID_ATTRIBUTES.has(a.name)) this.ids.add(a.value.trim());
    if (ID_ELEMENTS.has(local)) this.#text = [];
  }

  /** Text (or CDATA content) inside the current element. */
  text(bytes: Uint8Array): void {
    this.#text?.push(bytes.slice());
  }

  /** An end tag: returns the ID when it ends an ID element. */
  end(): string | undefined {
    const parts = this.#text;
    if (parts === undefined) return undefined;
    this.#text = undefined;
    const bytes = concatBytes(parts);
    const id = decodeXmlText(bytes).trim();
    this.ids.add(id);
    return id;
  }
}
