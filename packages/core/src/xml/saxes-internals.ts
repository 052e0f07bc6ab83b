import { SaxesParser, type SaxesTag } from 'saxes';

/**
 * The few private fields of saxes 6 the reader relies on. saxes keeps a whole text node (and a whole
 * comment, CDATA section or attribute value) in `text` until the construct ends, so a 1 GiB Base64
 * `<编码数据>` would be one 1 GiB string: the reader drains `text` after each write instead. States are
 * found by the identity of saxes' own state methods, not by number, so an upgrade that changes them fails
 * loudly in {@link saxesInternals} rather than misbehaving.
 */
export interface SaxesInternals {
  text: string;
  name: string;
  entity: string;
  piTarget: string;
  state: number;
  entityReturnState: number | undefined;
  stateTable: Array<(this: unknown) => void>;
  /** The string being parsed and the index of the last character read (error messages only). */
  chunk: string;
  prevI: number;
  /** Handles a complete end tag; `name` holds its name while it runs. */
  closeTag: (this: unknown) => void;
}

/**
 * saxes' handler fields. Handlers are assigned to these by name instead of through `parser.on()`: `on()`
 * stores with a computed key, and after about nine such additions V8 turns the parser into a dictionary-mode
 * object, which made saxes' per-character loop about 7× slower (and, through shared inline caches, every
 * other saxes parser in the process too).
 */
export interface SaxesHandlerFields {
  errorHandler: ((err: Error) => void) | undefined;
  doctypeHandler: ((doctype: string) => void) | undefined;
  xmldeclHandler: ((decl: { version?: string; encoding?: string; standalone?: string }) => void) | undefined;
  openTagStartHandler: (() => void) | undefined;
  attributeHandler: (() => void) | undefined;
  openTagHandler: ((tag: SaxesTag) => void) | undefined;
  closeTagHandler: ((tag: SaxesTag) => void) | undefined;
  textHandler: ((text: string) => void) | undefined;
  cdataHandler: ((text: string) => void) | undefined;
}

const HANDLER_EVENTS: Readonly<Record<keyof SaxesHandlerFields, string>> = {
  errorHandler: 'error',
  doctypeHandler: 'doctype',
  xmldeclHandler: 'xmldecl',
  openTagStartHandler: 'opentagstart',
  attributeHandler: 'attribute',
  openTagHandler: 'opentag',
  closeTagHandler: 'closetag',
  textHandler: 'text',
  cdataHandler: 'cdata',
};

let handlerFieldsChecked = false;

/** Checks once that `on(event)` still sets the field {@link SaxesHandlerFields} names. */
function checkHandlerFields(): void {
  if (handlerFieldsChecked) return;
  const probe = new SaxesParser() as unknown as Record<string, unknown> & {
    on(event: string, handler: unknown): void;
  };
  for (const [field, event] of Object.entries(HANDLER_EVENTS)) {
    const marker = () => undefined;
    probe.on(event, marker);
    if (probe[field] !== marker) {
      throw new Error(
        `saxes internals changed (handler field ${field}); the dangan XML reader supports saxes 6.0.x`,
      );
    }
  }
  handlerFieldsChecked = true;
}

/** saxes state numbers, by role. */
export interface SaxesStates {
  readonly text: number;
  readonly entity: number;
  readonly openWaka: number;
  readonly cdata: readonly number[];
  readonly comment: readonly number[];
  readonly piBody: readonly number[];
  readonly attributeValue: readonly number[];
  readonly doctype: readonly number[];
}

type StateMethod = (this: unknown) => void;

/**
 * The internals view of a parser and its state numbers. Throws `Error` when saxes no longer has the
 * expected shape (a dependency upgrade dangan was not adapted to).
 */
export function saxesInternals(parser: SaxesParser): {
  internals: SaxesInternals & SaxesHandlerFields;
  states: SaxesStates;
} {
  checkHandlerFields();
  const internals = parser as unknown as SaxesInternals & SaxesHandlerFields;
  const table = internals.stateTable;
  const proto = SaxesParser.prototype as unknown as Record<string, StateMethod | undefined>;
  const index = (method: string): number => {
    const fn = proto[method];
    const i = Array.isArray(table) && fn !== undefined ? table.indexOf(fn) : -1;
    if (
      i < 0 ||
      typeof internals.text !== 'string' ||
      typeof internals.state !== 'number' ||
      typeof internals.closeTag !== 'function'
    ) {
      throw new Error(
        `saxes internals changed (no state ${method}); the dangan XML reader supports saxes 6.0.x`,
      );
    }
    return i;
  };
  const indices = (...methods: string[]) => methods.map(index);
  return {
    internals,
    states: {
      text: index('sText'),
      entity: index('sEntity'),
      openWaka: index('sOpenWaka'),
      cdata: indices('sCData', 'sCDataEnding', 'sCDataEnding2'),
      comment: indices('sComment', 'sCommentEnding', 'sCommentEnded'),
      piBody: indices('sPIBody', 'sPIEnding'),
      attributeValue: indices('sAttribValue', 'sAttribValueQuoted', 'sAttribValueUnquoted'),
      doctype: indices(
        'sDoctype',
        'sDoctypeQuote',
        'sDTD',
        'sDTDQuoted',
        'sDTDOpenWaka',
        'sDTDOpenWakaBang',
        'sDTDComment',
        'sDTDCommentEnding',
        'sDTDCommentEnded',
        'sDTDPI',
        'sDTDPIEnding',
      ),
    },
  };
}
