/**
 * What {@link XmlByteScanner} cuts a document into. Every byte of the input belongs to exactly one token,
 * in order, so concatenating the `bytes` of all tokens gives the input back exactly; `start` is the byte
 * offset of the token's first byte in the whole stream.
 *
 * `bytes` is a view that is valid only until the next `push` (copy what you keep).
 */
export type XmlByteToken =
  | XmlTextToken
  | XmlStartTagToken
  | XmlEndTagToken
  | XmlCdataToken
  | XmlCommentToken
  | XmlProcessingInstructionToken;

interface TokenBase {
  /** Offset of the token's first byte in the whole stream. */
  readonly start: number;
  /** The token's raw bytes, exactly as in the input (a view, valid until the next `push`). */
  readonly bytes: Uint8Array;
  /** Elements open around the token (0 for the root's own tags and anything outside it). */
  readonly depth: number;
}

/**
 * Character data between markup, as written (entity references undecoded). One run of text may arrive as
 * several tokens (split where chunks end), never merged with its neighbours.
 */
export interface XmlTextToken extends TokenBase {
  readonly kind: 'text';
}

/** A raw attribute of a start tag. */
export interface XmlByteAttribute {
  /** The qualified name as written (`编码数据ID`, `xmlns:eep`). */
  readonly name: string;
  /** The value with entity and character references replaced and whitespace normalised (XML 1.0 §3.3.3). */
  readonly value: string;
}

/** `<name …>` or `<name …/>`. A self-closing tag is followed by an {@link XmlEndTagToken} with no bytes. */
export interface XmlStartTagToken extends TokenBase {
  readonly kind: 'start';
  /** The qualified name as written. */
  readonly name: string;
  /** Attributes in the order written. */
  readonly attributes: readonly XmlByteAttribute[];
  readonly selfClosing: boolean;
}

/** `</name>`, or the empty end of a self-closing tag (`implicit`, `bytes` empty, `start` right after it). */
export interface XmlEndTagToken extends TokenBase {
  readonly kind: 'end';
  readonly name: string;
  readonly implicit: boolean;
}

/**
 * A piece of a CDATA section. `first` pieces begin with `<![CDATA[`, `last` pieces end with `]]>`;
 * `content` is the part of `bytes` between them (character data, taken literally).
 */
export interface XmlCdataToken extends TokenBase {
  readonly kind: 'cdata';
  readonly content: Uint8Array;
  readonly first: boolean;
  readonly last: boolean;
}

/** `<!-- … -->`. */
export interface XmlCommentToken extends TokenBase {
  readonly kind: 'comment';
}

/** `<?target …?>`, including the XML declaration (`target` `xml`). */
export interface XmlProcessingInstructionToken extends TokenBase {
  readonly kind: 'pi';
  readonly target: string;
}
