/** The phase a check run is in (检测阶段). */
export type CheckPhase = 'list' | 'structure' | 'read' | 'package-digest' | 'backup' | 'evaluate' | 'done';

/**
 * A progress event of `runChecks` (进度). `bytesDone` never decreases within a run; `bytesTotal` is the sum
 * of the sizes the sources listed (the package, and the backup when one is compared), or `undefined` when a
 * source could not tell every size up front.
 */
export interface CheckProgress {
  readonly phase: CheckPhase;
  readonly bytesDone: number;
  readonly bytesTotal: number | undefined;
  /** The entry being read, in `structure`, `read` and `backup`. */
  readonly entry?: string;
  /** Catalogue item being evaluated, in `evaluate`. */
  readonly item?: string;
}

/** Receives progress events; exceptions it throws are ignored (a progress bar must not break a check). */
export type ProgressListener = (event: CheckProgress) => void;

/** Emits monotonic progress events. *
 * @example
 * const progress = new ProgressTracker(options.onProgress);
 * progress.bytes('read', chunk.length, path);
 */
export class ProgressTracker {
  readonly #listener: ProgressListener | undefined;
  #done = 0;
  #total: number | undefined;

  constructor(listener: ProgressListener | undefined) {
    this.#listener = listener;
  }

  set total(value: number | undefined) {
    this.#total = value;
  }

  get done(): number {
    return this.#done;
  }

  /** Adds bytes read and emits. */
  bytes(phase: CheckPhase, length: number, entry?: string): void {
    this.#done += length;
    if (this.#total !== undefined && this.#done > this.#total) this.#total = this.#done;
    this.emit(phase, entry === undefined ? {} : { entry });
  }

  emit(phase: CheckPhase, extra: { readonly entry?: string; readonly item?: string } = {}): void {
    if (this.#listener === undefined) return;
    try {
      this.#listener({ phase, bytesDone: this.#done, bytesTotal: this.#total, ...extra });
    } catch {
      // ignored: see ProgressListener
    }
  }
}
