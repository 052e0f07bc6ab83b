import type { Finding, ReadXmlOptions, XmlElementEvent } from '@dangan/core';
import type { MetadataScheme } from '../scheme/model.js';
import { schemeIndex } from '../scheme/scheme-index.js';
import {
  type ChildBinding,
  type ContainerBinding,
  type SchemeBinding,
  schemeBinding,
  type XmlName,
} from './binding.js';
import { type MetadataXmlFindingCode, xmlFinding } from './findings.js';
import type { SimpleFrame } from './read-frames.js';

/** Options of `recordFromXml`, `safeRecordFromXml` and `recordsFromXml`. */
export interface RecordFromXmlOptions extends Omit<ReadXmlOptions, 'namespaces'> {
  /** Receives warnings and notes (ignored attributes, text kept in a numeric element …) as they are found. */
  readonly onFinding?: (finding: Finding) => void;
  /**
   * Match elements by local name only, whatever their namespace (for vendor documents written without the
   * DA/T 48 namespace). Default `false`: a wrong namespace is an error.
   */
  readonly ignoreNamespaces?: boolean;
  /** Longest value of one simple element, in characters (default 1 Mi). */
  readonly maxValueLength?: number;
  /** Most characters of values in one record (default 32 Mi). */
  readonly maxRecordLength?: number;
  /** Most elements in one record (default 100,000). */
  readonly maxRecordElements?: number;
  /** Errors after which reading stops (default 100). */
  readonly maxErrors?: number;
}

/** Thrown by a frame to stop reading once too many errors were found (never escapes the reader). */
export class StopReading extends Error {}

function positiveOption(
  options: RecordFromXmlOptions,
  key: keyof RecordFromXmlOptions,
  fallback: number,
): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(Number.isSafeInteger(value) && value > 0)) {
    throw new RangeError(`${key} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** What one read knows and collects: the scheme's binding, options, findings and limits. */
export class ReadContext {
  readonly scheme: MetadataScheme;
  readonly binding: SchemeBinding;
  readonly root: ContainerBinding;
  readonly ignoreNamespaces: boolean;
  readonly maxValueLength: number;
  readonly maxRecordLength: number;
  readonly maxRecordElements: number;
  readonly #maxErrors: number;
  readonly #onFinding: ((finding: Finding) => void) | undefined;
  #noAttributes: XmlElementEvent['attributes'] | undefined;
  findings: Finding[] = [];
  errors = 0;
  /** Characters and elements of the record being read. */
  recordLength = 0;
  recordElements = 0;
  /** The one frame simple elements share (they never nest). */
  simpleFrame: SimpleFrame | undefined;
  /** A batch consumer stopped early: the next element ends reading. */
  cancelled = false;

  constructor(scheme: MetadataScheme, options: RecordFromXmlOptions) {
    this.scheme = scheme;
    this.binding = schemeBinding(scheme, 'metadata');
    this.root = this.binding.container('');
    this.ignoreNamespaces = options.ignoreNamespaces === true;
    this.maxValueLength = positiveOption(options, 'maxValueLength', 1 << 20);
    this.maxRecordLength = positiveOption(options, 'maxRecordLength', 32 << 20);
    this.maxRecordElements = positiveOption(options, 'maxRecordElements', 100_000);
    this.#maxErrors = positiveOption(options, 'maxErrors', 100);
    if (options.onFinding !== undefined && typeof options.onFinding !== 'function') {
      throw new TypeError('onFinding must be a function');
    }
    this.#onFinding = options.onFinding;
  }

  /** Records a finding about element `e`; stops reading past the error limit. */
  report(
    code: MetadataXmlFindingCode,
    severity: Finding['severity'],
    zh: string,
    en: string,
    e: XmlElementEvent | undefined,
    element?: string,
  ): void {
    const where = e === undefined ? '' : `（第 ${e.line} 行第 ${e.column} 列）`;
    const whereEn = e === undefined ? '' : ` (line ${e.line}, column ${e.column})`;
    const finding = xmlFinding(code, severity, `${zh}${where}`, `${en}${whereEn}`, e?.path, element);
    this.findings.push(finding);
    if (severity !== 'error') {
      this.#onFinding?.(finding);
      return;
    }
    if (++this.errors >= this.#maxErrors) {
      this.findings.push(
        xmlFinding(
          'METADATA_XML_TOO_MANY_FINDINGS',
          'error',
          `错误超过 ${this.#maxErrors} 个，停止读取`,
          `More than ${this.#maxErrors} errors; reading stopped`,
          e?.path,
          undefined,
        ),
      );
      throw new StopReading();
    }
  }

  /** Whether `e` is in `name`'s namespace; reports it when not. */
  namespaceMatches(e: XmlElementEvent, name: XmlName, element?: string): boolean {
    if (e.uri === name.ns || this.ignoreNamespaces) return true;
    this.report(
      'METADATA_XML_NAMESPACE',
      'error',
      `元素 <${e.name}> 的命名空间应为 ${name.ns}，实为 ${e.uri || '（无）'}`,
      `Element <${e.name}> must be in namespace ${name.ns}, not ${e.uri || '(none)'}`,
      e,
      element,
    );
    return false;
  }

  /** Reports an element that has no place in `container`, naming where the scheme has it, if anywhere. */
  unknown(e: XmlElementEvent, container: ContainerBinding): void {
    const elsewhere = this.scheme.elements.find((el) => el.key === e.local);
    const where =
      elsewhere === undefined ? undefined : schemeIndex(this.scheme).paths.get(elsewhere.id)?.join('/');
    const parent = container.id === '' ? '记录' : container.id;
    this.report(
      'METADATA_XML_UNKNOWN_ELEMENT',
      'error',
      `方案 ${this.scheme.id} 在此处（${parent}）没有元素 <${e.name}>，无法保留${where === undefined ? '' : `；方案中它位于 ${where}`}`,
      `Scheme ${this.scheme.id} has no element <${e.name}> here (${parent}); it cannot be kept${where === undefined ? '' : `; the scheme has it at ${where}`}`,
      e,
    );
  }

  /** Warns about attributes on a record element (namespace declarations aside): the record cannot hold them. */
  checkAttributes(e: XmlElementEvent, child: ChildBinding): void {
    const attributes = e.attributes;
    // The reader shares one empty attributes object between elements: remember it and skip the scan.
    if (attributes === this.#noAttributes) return;
    let any = false;
    for (const name in attributes) {
      any = true;
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      this.report(
        'METADATA_XML_ATTRIBUTE_IGNORED',
        'warning',
        `元素 <${e.name}> 的属性 ${name} 在记录中没有位置，已忽略`,
        `Attribute ${name} of <${e.name}> has no place in the record and was ignored`,
        e,
        child.element.id,
      );
    }
    if (!any && Object.isFrozen(attributes)) this.#noAttributes = attributes;
  }

  /** Counts a record element against the per-record limit. */
  countElement(e: XmlElementEvent): void {
    if (++this.recordElements > this.maxRecordElements) {
      this.report(
        'METADATA_XML_VALUE_TOO_LONG',
        'error',
        `一条记录的元素超过 ${this.maxRecordElements} 个`,
        `A record has more than ${this.maxRecordElements} elements`,
        e,
      );
      throw new StopReading();
    }
  }

  /** Whether `text` is only XML whitespace (indentation between elements, mostly). */
  static isWhitespace(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
    }
    return true;
  }
}
