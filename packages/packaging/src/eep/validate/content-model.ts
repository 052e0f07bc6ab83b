import type { Dat48Particle } from './dat48-schema.js';

/**
 * A content model compiled to a small automaton (Thompson construction over element names), stepped one
 * child at a time so that a document is validated as it streams. DA/T 48's models have a few dozen
 * states, so sets of states are plain arrays.
 */
export class ContentModel {
  readonly #moves: Map<string, number[]>[] = [];
  readonly #empty: number[][] = [];
  readonly #final: number;
  readonly #start: readonly number[];
  /** Element names in the order the model names them (for "expected …" messages). */
  readonly #order: string[] = [];

  constructor(particle: Dat48Particle) {
    const start = this.#state();
    this.#final = this.#build(particle, start);
    this.#start = this.#closure([start]);
  }

  /** The states before the first child. */
  get start(): readonly number[] {
    return this.#start;
  }

  /** The states after a child named `name`; empty when the model does not allow it here. */
  step(states: readonly number[], name: string): readonly number[] {
    const next: number[] = [];
    for (const s of states) {
      const to = this.#moves[s]!.get(name);
      if (to !== undefined) for (const t of to) if (!next.includes(t)) next.push(t);
    }
    return next.length === 0 ? next : this.#closure(next);
  }

  /** Whether the children so far make a complete content. */
  accepts(states: readonly number[]): boolean {
    return states.includes(this.#final);
  }

  /** The element names allowed next, in the model's order. */
  expected(states: readonly number[]): string[] {
    const names = new Set<string>();
    for (const s of states) for (const name of this.#moves[s]!.keys()) names.add(name);
    return this.#order.filter((n) => names.has(n));
  }

  #state(): number {
    this.#moves.push(new Map());
    this.#empty.push([]);
    return this.#moves.length - 1;
  }

  #closure(states: readonly number[]): number[] {
    const out = [...states];
    for (let i = 0; i < out.length; i++) {
      for (const t of this.#empty[out[i]!]!) if (!out.includes(t)) out.push(t);
    }
    return out;
  }

  /** Builds `p` once (ignoring its occurrence bounds) from `from`; returns the end state. */
  #once(p: Dat48Particle, from: number): number {
    if ('element' in p) {
      const to = this.#state();
      const moves = this.#moves[from]!;
      const list = moves.get(p.element);
      if (list === undefined) moves.set(p.element, [to]);
      else list.push(to);
      if (!this.#order.includes(p.element)) this.#order.push(p.element);
      return to;
    }
    if ('sequence' in p) {
      let at = from;
      for (const child of p.sequence) at = this.#build(child, at);
      return at;
    }
    const end = this.#state();
    for (const child of p.choice) {
      const branch = this.#state();
      this.#empty[from]!.push(branch);
      this.#empty[this.#build(child, branch)]!.push(end);
    }
    return end;
  }

  /** Builds `p` with its occurrence bounds from `from`; returns the end state. */
  #build(p: Dat48Particle, from: number): number {
    const min = p.min ?? 1;
    const max = p.max ?? 1;
    let at = from;
    for (let i = 0; i < min; i++) at = this.#once(p, at);
    if (max === 'unbounded') {
      const loop = this.#state();
      this.#empty[at]!.push(loop);
      const back = this.#once(p, loop);
      this.#empty[back]!.push(loop);
      return loop;
    }
    const end = this.#state();
    this.#empty[at]!.push(end);
    for (let i = min; i < max; i++) {
      at = this.#once(p, at);
      this.#empty[at]!.push(end);
    }
    return end;
  }
}
