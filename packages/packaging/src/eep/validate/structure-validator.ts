import { type Finding, isDanganError } from '@dangan/core';
import { Base64Decoder } from '../base64/index.js';
import { eepFinding, type FindingPlace } from './codes.js';
import { ContentModel } from './content-model.js';
import { DAT48_SCHEMA, type Dat48ElementDecl, type Dat48Schema } from './dat48-schema.js';
import {
  collapseWhitespace,
  idValue,
  isAnyUri,
  isDateTime,
  isGYear,
  isPositiveInteger,
  isXmlWhitespace,
} from './simple-types.js';

/** The XML Schema instance namespace: its `schemaLocation` hints are allowed on any element. */
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSI_ALLOWED = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);

/** An element start as the validator needs it (an `XmlElementEvent` plus its path and prefix lookup). */
export interface ValidatorElement {
  /** Qualified name as written. */
  readonly name: string;
  readonly local: string;
  /** Namespace URI ('' for none). */
  readonly uri: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly line: number;
  readonly column: number;
  /** Path of local names from the root (`/电子文件封装包/被签名对象/…`). */
  readonly path: string;
  /** The namespace URI bound to an attribute prefix in scope, if any. */
  resolvePrefix(prefix: string): string | undefined;
}

/** An `xs:ID` met in the document. */
export interface IdOccurrence {
  /** The element (or the element of the attribute) that carries it, by local name. */
  readonly element: string;
  /** The attribute name when the ID is an attribute value. */
  readonly attribute?: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** The validator's state for one open element. */
export class ValidatorState {
  readonly element: ValidatorElement;
  /** The declaration, when the element is validated. */
  readonly decl: Dat48ElementDecl | undefined;
  /** Nothing inside is validated (an unknown element, a child of a simple element, a rejected root). */
  readonly skip: boolean;
  states: readonly number[] = [];
  /** The text so far (simple, non-Base64 content), up to the value limit. */
  text = '';
  sawText = false;
  overflow = false;
  #reportedText = false;
  #reportedChild = false;
  decoder: Base64Decoder | undefined;
  /** Decoded bytes so far (Base64 content). */
  decodedLength = 0;
  /** Base64 characters (fewer than four) waiting for the rest of their group. */
  carry = '';
  /** The Base64 content failed to decode (reported once). */
  base64Failed = false;
  /** The Base64 content held characters outside the alphabet (skipped, as libxml2 does, and reported). */
  base64Stray = false;
  /** The value the element has after its end: its text, or the default/fixed value of an empty element. */
  value: string | undefined;
  /** The collapsed ID or IDREF value, when the element is of that type and valid. */
  id: string | undefined;

  constructor(element: ValidatorElement, decl: Dat48ElementDecl | undefined, skip: boolean) {
    this.element = element;
    this.decl = decl;
    this.skip = skip;
  }

  /** Reports text in element-only content once per element. */
  takeTextReport(): boolean {
    if (this.#reportedText) return false;
    this.#reportedText = true;
    return true;
  }

  /** Reports a child of a simple element once per element. */
  takeChildReport(): boolean {
    if (this.#reportedChild) return false;
    this.#reportedChild = true;
    return true;
  }
}

/** Options of {@link StructureValidator}. */
export interface StructureValidatorOptions {
  readonly schema?: Dat48Schema;
  readonly onFinding: (finding: Finding) => void;
  /** Longest simple value kept, in characters (default 1 Mi); longer text is still checked for type. */
  readonly maxValueLength?: number;
}

/** Characters neither Base64 nor `=` nor XML whitespace. */
const NOT_BASE64_TEXT = /[^A-Za-z0-9+/=\t\n\r ]/;
/** Anything but the Base64 alphabet and `=` (whitespace included). */
const NOT_BASE64_ALL = /[^A-Za-z0-9+/=]+/g;

const models = new WeakMap<Dat48ElementDecl, ContentModel>();

function modelOf(decl: Dat48ElementDecl): ContentModel {
  let model = models.get(decl);
  if (model === undefined) {
    model = new ContentModel(decl.content!);
    models.set(decl, model);
  }
  return model;
}

function placeOf(e: ValidatorElement): FindingPlace {
  return { path: e.path, line: e.line, column: e.column };
}

function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/**
 * The DA/T 48 XML Schema checked as a document streams by (结构校验): content models, simple types,
 * enumerations, fixed and default values, attributes, and xs:ID uniqueness and IDREF targets across the
 * whole document, from the data table {@link DAT48_SCHEMA}. Feed it `start`/`text`/`end` per element and call
 * `finish` at the end; findings go to `onFinding` as they are found. It decides validity the way
 * `xmllint --schema` does (libxml2's quirks included, see simple-types.ts).
 */
export class StructureValidator {
  readonly #schema: Dat48Schema;
  readonly #onFinding: (finding: Finding) => void;
  readonly #maxValueLength: number;
  /** Every xs:ID of the document by value (the first occurrence). */
  readonly ids = new Map<string, IdOccurrence>();
  /** The xs:IDs given as attribute values (the ones libxml2 registers). */
  readonly #attributeIds = new Set<string>();
  readonly #refs: { value: string; place: FindingPlace; what: string }[] = [];
  #errors = 0;

  constructor(options: StructureValidatorOptions) {
    this.#schema = options.schema ?? DAT48_SCHEMA;
    this.#onFinding = options.onFinding;
    this.#maxValueLength = options.maxValueLength ?? 1 << 20;
  }

  /** Schema errors reported so far. */
  get errors(): number {
    return this.#errors;
  }

  #report(finding: Finding): void {
    if (finding.severity === 'error') this.#errors++;
    this.#onFinding(finding);
  }

  #display(e: ValidatorElement): string {
    return e.uri === this.#schema.namespace ? e.local : `{${e.uri}}${e.local}`;
  }

  /** An element starts; returns its state, to pass to `text` and `end`. */
  start(e: ValidatorElement, parent: ValidatorState | undefined): ValidatorState {
    const inNamespace = e.uri === this.#schema.namespace;
    const decl =
      inNamespace && Object.hasOwn(this.#schema.elements, e.local)
        ? this.#schema.elements[e.local]
        : undefined;
    if (parent === undefined) {
      if (decl === undefined) {
        this.#report(
          eepFinding(
            'EEP_SCHEMA_ROOT',
            `根元素 <${this.#display(e)}> 不是 DA/T 48 命名空间（${this.#schema.namespace}）中声明的元素，应为 <${this.#schema.root}>`,
            `The root <${this.#display(e)}> is not declared in the DA/T 48 namespace (${this.#schema.namespace}); it must be <${this.#schema.root}>`,
            placeOf(e),
          ),
        );
        return new ValidatorState(e, undefined, true);
      }
      if (e.local !== this.#schema.root) {
        this.#onFinding(
          eepFinding(
            'EEP_RULE_ROOT',
            `根元素是 <${e.local}>，电子文件封装包的根元素应为 <${this.#schema.root}>`,
            `The root is <${e.local}>; an EEP's root must be <${this.#schema.root}>`,
            placeOf(e),
          ),
        );
      }
      return this.#open(e, decl);
    }
    if (parent.skip) return new ValidatorState(e, undefined, true);
    const parentDecl = parent.decl!;
    if (parentDecl.content === undefined) {
      if (parent.takeChildReport()) {
        this.#report(
          eepFinding(
            'EEP_SCHEMA_CHILD_NOT_ALLOWED',
            `<${parent.element.local}> 是简单类型元素，其中不能有子元素 <${this.#display(e)}>`,
            `<${parent.element.local}> has simple content and must not contain <${this.#display(e)}>`,
            placeOf(e),
          ),
        );
      }
      return new ValidatorState(e, undefined, true);
    }
    const model = modelOf(parentDecl);
    const next = model.step(parent.states, inNamespace ? e.local : `{${e.uri}}${e.local}`);
    if (next.length === 0) {
      const expected = model.expected(parent.states);
      this.#report(
        eepFinding(
          'EEP_SCHEMA_UNEXPECTED_ELEMENT',
          `<${parent.element.local}> 中此处不应有元素 <${this.#display(e)}>${expected.length === 0 ? '（不应再有子元素）' : `；此处应为 ${expected.map((n) => `<${n}>`).join('、')}`}`,
          `Element <${this.#display(e)}> is not expected here in <${parent.element.local}>${expected.length === 0 ? ' (no more children are allowed)' : `; expected ${expected.map((n) => `<${n}>`).join(', ')}`}`,
          placeOf(e),
        ),
      );
    } else {
      parent.states = next;
    }
    // Declarations are global: a known element is validated by its own declaration wherever it appears.
    return decl === undefined ? new ValidatorState(e, undefined, true) : this.#open(e, decl);
  }

  #open(e: ValidatorElement, decl: Dat48ElementDecl): ValidatorState {
    const state = new ValidatorState(e, decl, false);
    if (decl.content !== undefined) state.states = modelOf(decl).start;
    else if (decl.type === 'base64Binary') state.decoder = new Base64Decoder({ strict: true });
    this.#checkAttributes(e, decl);
    return state;
  }

  #checkAttributes(e: ValidatorElement, decl: Dat48ElementDecl): void {
    const declared = decl.attributes ?? [];
    for (const qname in e.attributes) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      const colon = qname.indexOf(':');
      if (colon >= 0) {
        const uri = e.resolvePrefix(qname.slice(0, colon));
        if (uri === XSI && XSI_ALLOWED.has(qname.slice(colon + 1))) continue;
        this.#notAllowed(e, `{${uri ?? ''}}${qname.slice(colon + 1)}`);
        continue;
      }
      const attribute = declared.find((a) => a.name === qname);
      if (attribute === undefined) {
        this.#notAllowed(e, qname);
        continue;
      }
      const value = e.attributes[qname]!;
      const where = `<${e.local}> 的属性 ${qname}`;
      const whereEn = `attribute ${qname} of <${e.local}>`;
      if (attribute.type === 'ID' || attribute.type === 'IDREF') {
        const id = idValue(value);
        if (id === undefined) this.#invalid(e, where, whereEn, value, attribute.type);
        else if (attribute.type === 'ID') this.#registerId(id, e, qname);
        else this.#refs.push({ value: id, place: placeOf(e), what: where });
      } else if (attribute.type === 'gYear') {
        if (!isGYear(value, 'attribute')) this.#invalid(e, where, whereEn, value, 'gYear');
        else if (attribute.fixed !== undefined && collapseWhitespace(value) !== attribute.fixed) {
          this.#report(
            eepFinding(
              'EEP_SCHEMA_FIXED_VALUE',
              `${where}的值“${shown(value)}”应为固定值“${attribute.fixed}”`,
              `The value "${shown(value)}" of ${whereEn} must be the fixed value "${attribute.fixed}"`,
              placeOf(e),
            ),
          );
        }
      }
    }
    for (const attribute of declared) {
      if (attribute.required === true && e.attributes[attribute.name] === undefined) {
        this.#report(
          eepFinding(
            'EEP_SCHEMA_ATTRIBUTE_MISSING',
            `<${e.local}> 缺少必备属性 ${attribute.name}`,
            `<${e.local}> lacks its required attribute ${attribute.name}`,
            placeOf(e),
          ),
        );
      }
    }
  }

  #notAllowed(e: ValidatorElement, attribute: string): void {
    this.#report(
      eepFinding(
        'EEP_SCHEMA_ATTRIBUTE_NOT_ALLOWED',
        `<${e.local}> 上不允许属性 ${attribute}`,
        `Attribute ${attribute} is not allowed on <${e.local}>`,
        placeOf(e),
      ),
    );
  }

  #invalid(e: ValidatorElement, where: string, whereEn: string, value: string, type: string): void {
    this.#report(
      eepFinding(
        'EEP_SCHEMA_INVALID_VALUE',
        `${where}的值“${shown(value)}”不是有效的 xs:${type}`,
        `The value "${shown(value)}" of ${whereEn} is not a valid xs:${type}`,
        placeOf(e),
      ),
    );
  }

  #registerId(id: string, e: ValidatorElement, attribute?: string): void {
    const earlier = this.ids.get(id);
    // libxml2 registers only attribute IDs; a clash involving an ID in element content is the schema's rule
    // too, under its own code (see EEP_FINDING_CODES).
    const bothAttributes = attribute !== undefined && this.#attributeIds.has(id);
    if (attribute !== undefined) this.#attributeIds.add(id);
    if (earlier !== undefined) {
      this.#report(
        eepFinding(
          bothAttributes ? 'EEP_SCHEMA_DUPLICATE_ID' : 'EEP_SCHEMA_DUPLICATE_ELEMENT_ID',
          `标识“${id}”重复：已用于 ${earlier.path}（第 ${earlier.line} 行）；标识在整个封装包（含各修改层）中必须唯一`,
          `ID "${id}" is used twice: already at ${earlier.path} (line ${earlier.line}); IDs must be unique across the whole package, every layer included`,
          placeOf(e),
        ),
      );
      return;
    }
    this.ids.set(id, {
      element: e.local,
      ...(attribute === undefined ? {} : { attribute }),
      path: e.path,
      line: e.line,
      column: e.column,
    });
  }

  /**
   * A piece of the element's character data. Returns the decoded bytes for Base64 content (to route to a
   * digest or a sink), else `undefined`.
   */
  text(state: ValidatorState, chunk: string): Uint8Array | undefined {
    if (state.skip) return undefined;
    const decl = state.decl!;
    if (decl.content !== undefined) {
      if (decl.mixed !== true && !isXmlWhitespace(chunk)) this.#textInElementOnly(state);
      return undefined;
    }
    state.sawText = true;
    const decoder = state.decoder;
    if (decoder !== undefined) {
      if (state.base64Failed) return undefined;
      if (NOT_BASE64_TEXT.test(chunk)) {
        // libxml2 skips characters outside the alphabet; the schema verdict follows it, dangan reports them.
        if (!state.base64Stray) this.#strayBase64(state, chunk);
        state.base64Stray = true;
      }
      // Whitespace (and stray characters) out, whole groups of four in: the decoder's native path then takes
      // every piece (a line-wrapped piece would leave it mid-group and on its slower path).
      let text = state.carry + chunk.replace(NOT_BASE64_ALL, '');
      const whole = text.length & ~3;
      state.carry = text.slice(whole);
      text = whole === text.length ? text : text.slice(0, whole);
      try {
        const bytes = decoder.push(text);
        state.decodedLength += bytes.length;
        return bytes;
      } catch (error) {
        this.#base64Failed(state, error);
        return undefined;
      }
    }
    if (state.overflow) return undefined;
    if (state.text.length + chunk.length > this.#maxValueLength) {
      state.overflow = true;
      state.text += chunk.slice(0, this.#maxValueLength - state.text.length);
    } else {
      state.text += chunk;
    }
    return undefined;
  }

  #strayBase64(state: ValidatorState, text: string): void {
    const c = String.fromCodePoint(text.codePointAt(text.search(NOT_BASE64_TEXT))!);
    this.#onFinding(
      eepFinding(
        'EEP_RULE_BASE64_CHARACTERS',
        `<${state.element.local}> 的 Base64 数据中含有非 Base64 字符“${c}”，数据无法可靠还原`,
        `The Base64 data of <${state.element.local}> holds "${c}", which is not a Base64 character; the data cannot be restored reliably`,
        placeOf(state.element),
      ),
    );
  }

  #textInElementOnly(state: ValidatorState): void {
    if (!state.takeTextReport()) return;
    this.#report(
      eepFinding(
        'EEP_SCHEMA_TEXT_NOT_ALLOWED',
        `<${state.element.local}> 只能含子元素，不能含文字`,
        `<${state.element.local}> may hold only elements, not text`,
        placeOf(state.element),
      ),
    );
  }

  #base64Failed(state: ValidatorState, error: unknown): void {
    if (!isDanganError(error)) throw error;
    state.base64Failed = true;
    this.#report(
      eepFinding(
        'EEP_SCHEMA_INVALID_VALUE',
        `<${state.element.local}> 的内容不是有效的 xs:base64Binary：${error.message}`,
        `The content of <${state.element.local}> is not a valid xs:base64Binary: ${error.messageEn ?? error.message}`,
        placeOf(state.element),
      ),
    );
  }

  /**
   * The element ends. `cdata` says whether a CDATA section appeared directly in it (an empty CDATA section
   * makes an element non-empty, and any CDATA counts as text in element-only content).
   */
  end(state: ValidatorState, cdata = false): void {
    if (state.skip) return;
    const decl = state.decl!;
    const e = state.element;
    if (decl.content !== undefined) {
      if (cdata && decl.mixed !== true) this.#textInElementOnly(state);
      const model = modelOf(decl);
      if (!model.accepts(state.states)) {
        const expected = model.expected(state.states);
        this.#report(
          eepFinding(
            'EEP_SCHEMA_MISSING_ELEMENT',
            `<${e.local}> 缺少子元素：此处应为 ${expected.map((n) => `<${n}>`).join('、')}`,
            `<${e.local}> is missing child elements: expected ${expected.map((n) => `<${n}>`).join(', ')}`,
            placeOf(e),
          ),
        );
      }
      return;
    }
    if (state.decoder !== undefined) {
      if (!state.base64Failed) {
        try {
          if (state.carry.length > 0) state.decoder.push(state.carry);
          state.decoder.end();
        } catch (error) {
          this.#base64Failed(state, error);
        }
      }
      return;
    }
    const empty = !state.sawText && !cdata;
    const fallback = decl.fixed ?? decl.default;
    const value = empty && fallback !== undefined ? fallback : state.text;
    state.value = value;
    if (state.overflow) {
      this.#onFinding(
        eepFinding(
          'EEP_RULE_VALUE_TOO_LONG',
          `<${e.local}> 的值超过 ${this.#maxValueLength} 个字符，只读取了开头部分`,
          `The value of <${e.local}> exceeds ${this.#maxValueLength} characters; only its beginning was read`,
          placeOf(e),
        ),
      );
    }
    const type = decl.type ?? 'string';
    const where = `<${e.local}>`;
    let ok = true;
    switch (type) {
      case 'gYear':
        ok = !state.overflow && isGYear(value);
        break;
      case 'dateTime':
        ok = !state.overflow && isDateTime(value);
        break;
      case 'positiveInteger':
        ok = !state.overflow && isPositiveInteger(value);
        break;
      case 'anyURI':
        ok = !state.overflow && isAnyUri(value);
        break;
      case 'ID':
      case 'IDREF': {
        const id = state.overflow ? undefined : idValue(value);
        ok = id !== undefined;
        if (id !== undefined) {
          state.id = id;
          if (type === 'ID') this.#registerId(id, e);
          else this.#refs.push({ value: id, place: placeOf(e), what: where });
        }
        break;
      }
      default:
        break;
    }
    if (!ok) {
      this.#invalid(e, where, where, value, type);
      return;
    }
    if (decl.enumeration !== undefined && !decl.enumeration.includes(value)) {
      this.#report(
        eepFinding(
          'EEP_SCHEMA_NOT_IN_ENUMERATION',
          `${where} 的值“${shown(value)}”不在取值范围 {${decl.enumeration.join('，')}} 内`,
          `The value "${shown(value)}" of ${where} is not one of {${decl.enumeration.join(', ')}}`,
          placeOf(e),
        ),
      );
      return;
    }
    if (decl.fixed !== undefined && value !== decl.fixed) {
      this.#report(
        eepFinding(
          'EEP_SCHEMA_FIXED_VALUE',
          `${where} 的值“${shown(value)}”应为固定值“${decl.fixed}”`,
          `The value "${shown(value)}" of ${where} must be the fixed value "${decl.fixed}"`,
          placeOf(e),
        ),
      );
    }
  }

  /** The document ended: reports IDREFs that point to no ID. */
  finish(): void {
    for (const ref of this.#refs) {
      if (this.ids.has(ref.value)) continue;
      this.#report(
        eepFinding(
          'EEP_SCHEMA_IDREF_UNRESOLVED',
          `${ref.what} 引用的标识“${ref.value}”在封装包中不存在`,
          `${ref.what} refers to "${ref.value}", which no xs:ID in the package has`,
          ref.place,
        ),
      );
    }
  }
}
