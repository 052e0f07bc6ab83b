import { eepSignatureId } from '../signing-rule.js';
import { eepError } from './errors.js';

/** The kinds of `xs:ID` a layer gives out, each numbered 1, 2, … within the layer. */
export type EepIdKind = '文档' | '文档数据' | '编码' | '编码数据';

/**
 * Ids of one EEP layer (修改层标识符): `修改R-文档1`, `修改R-文档数据1`, `修改R-编码1`, `修改R-编码数据1`,
 * `修改R-签名1`, and `修改R` for 修改标识符. R (the layer: 0 for 原始型, the number of earlier layers for
 * 修改型) keeps them unique across nested layers, as DA/T 48 requires (IDs are document-wide). All are XML
 * NCNames. {@link check} refuses one that an earlier layer already uses (`EEP_ID_COLLISION`).
 *
 * @example
 * const ids = new EepIdAllocator(0); ids.next('文档'); // '修改0-文档1'
 */
export class EepIdAllocator {
  readonly #r: number;
  readonly #counters = new Map<string, number>();
  readonly #given: string[] = [];

  constructor(modification: number) {
    if (!Number.isSafeInteger(modification) || modification < 0)
      throw new RangeError(`modification must be a non-negative integer, got ${String(modification)}`);
    this.#r = modification;
  }

  /** The next id of a kind. */
  next(kind: EepIdKind): string {
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    return this.#give(`修改${this.#r}-${kind}${n}`);
  }

  /** `修改R-签名S`. */
  signature(sequence: number): string {
    return this.#give(eepSignatureId(this.#r, sequence));
  }

  /** 修改标识符: `修改R`. */
  modification(): string {
    return this.#give(`修改${this.#r}`);
  }

  /** Throws `EEP_ID_COLLISION` when an id given out so far is among `taken` (the earlier layers' ids). */
  check(taken: ReadonlySet<string>): void {
    const clash = this.#given.find((id) => taken.has(id));
    if (clash !== undefined) {
      throw eepError(
        'EEP_ID_COLLISION',
        `新修改层的标识符“${clash}”已在原封装包中使用`,
        `The new layer's id “${clash}” is already used in the earlier layers`,
      );
    }
  }

  #give(id: string): string {
    this.#given.push(id);
    return id;
  }
}
