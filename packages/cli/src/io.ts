/** Where the CLI writes and how it reads files: injectable so tests run the real commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array, mode?: number): Promise<void>;
  exists(path: string): Promise<boolean>;
  /**
   * Whether stderr is a terminal: progress bars (`\r` updates) are drawn only then, and never with `--quiet`
   * or `--json`. Absent: no progress bars.
   */
  readonly stderrIsTTY?: boolean;
}

/** Options every command understands. */
export interface GlobalOptions {
  readonly lang: 'zh' | 'en';
  readonly json: boolean;
  readonly quiet: boolean;
}

/** Exit codes (a contract): 0 success, 1 verification or checks failed, 2 usage error or unreadable input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Picks the message in the chosen language.
 *
 * @example
 * t(global, '已生成', 'written');
 */
export function t(options: GlobalOptions, zh: string, en: string): string {
  return options.lang === 'en' ? en : zh;
}

/**
 * Prints machine-readable JSON (one document, indented) to stdout; bytes become hex, bigints strings.
 *
 * @example
 * printJson(io, { out, packageDigests });
 */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
}

/** Bytes become hex, bigints decimal strings: what JSON cannot carry as is. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let hex = '';
    for (const b of value) hex += b.toString(16).padStart(2, '0');
    return hex;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}
