/** Options of {@link SequenceProvider.next}. */
export interface SequenceNextOptions {
  /** Reserve this many consecutive numbers at once (default 1); `next` returns the first. */
  readonly count?: number;
}

/**
 * Where running numbers (件号, 案卷号 …) come from. The host implements it over its own store (a database row per
 * key, updated in a transaction) so numbers survive restarts and are never handed out twice; dangan never
 * persists anything. The key is the leaf class (filing-rules §2.3: every segment of the 档号 before the number,
 * see {@link archivalCodeSequenceKey}); each key counts on its own.
 *
 * @example
 * const sequence: SequenceProvider = {
 *   next: (key, o) => db.incrementAndGet('档号序列', key, o?.count ?? 1),
 *   peek: (key) => db.current('档号序列', key).then((n) => n + 1),
 * };
 */
export interface SequenceProvider {
  /** Reserves the next number (or `count` consecutive numbers) of `key` and returns the first. */
  next(key: string, options?: SequenceNextOptions): Promise<number>;
  /** The number `next(key)` would return now, without reserving it. */
  peek(key: string): Promise<number>;
}

/** An in-memory {@link SequenceProvider}, with its state for the host to inspect or persist. */
export interface MemorySequence extends SequenceProvider {
  /** The last number handed out per key. */
  snapshot(): ReadonlyMap<string, number>;
}

/** Options of {@link createMemorySequence}. */
export interface MemorySequenceOptions {
  /**
   * The last number already used per key (e.g. from `findSequenceGaps(existingCodes, { template }).classes`),
   * so numbering continues after it.
   */
  readonly last?: Iterable<readonly [string, number]> | Readonly<Record<string, number>>;
}

/**
 * An in-memory sequence: each key starts at `start` (default 1) and counts up by one, or continues after the
 * `last` number seeded for it. For tests, batch jobs and single-process hosts; a real host persists numbers.
 *
 * @example
 * const sequence = createMemorySequence();
 * await sequence.next('Z109-WS·2024-Y-BGS'); // 1
 * await sequence.next('Z109-WS·2024-Y-BGS'); // 2
 * await sequence.next('Z109-WS·2024-D30-BGS'); // 1
 * const resumed = createMemorySequence(1, { last: { 'Z109-WS·2024-Y-BGS': 26 } });
 * await resumed.next('Z109-WS·2024-Y-BGS'); // 27
 */
export function createMemorySequence(start = 1, options: MemorySequenceOptions = {}): MemorySequence {
  if (!Number.isSafeInteger(start) || start < 0)
    throw new RangeError('start must be a non-negative safe integer');
  const last = new Map<string, number>();
  const seed = options.last;
  if (seed !== undefined) {
    const entries: Iterable<readonly [string, number]> =
      Symbol.iterator in seed
        ? (seed as Iterable<readonly [string, number]>)
        : Object.entries(seed as Readonly<Record<string, number>>);
    for (const [key, value] of entries) {
      if (typeof key !== 'string') throw new TypeError('sequence keys must be strings');
      if (!Number.isSafeInteger(value) || value < 0)
        throw new RangeError(`last number of "${key}" must be a non-negative safe integer`);
      last.set(key, value);
    }
  }
  const peekSync = (key: string): number => {
    if (typeof key !== 'string') throw new TypeError('key must be a string');
    const used = last.get(key);
    return used === undefined ? start : Math.max(used + 1, start);
  };
  return {
    async next(key, nextOptions = {}) {
      const count = nextOptions.count ?? 1;
      if (!Number.isSafeInteger(count) || count < 1)
        throw new RangeError('count must be a positive safe integer');
      const first = peekSync(key);
      if (first > Number.MAX_SAFE_INTEGER - (count - 1)) throw new RangeError(`sequence "${key}" overflows`);
      const end = first + count - 1;
      last.set(key, end);
      return first;
    },
    async peek(key) {
      return peekSync(key);
    },
    snapshot() {
      return new Map(last);
    },
  };
}
