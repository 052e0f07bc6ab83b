/** Where the CLI writes and how it reads files: injectable so tests run the real commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array, mode?: number): Promise<void>;
  exists(path: string): Promise<boolean>;
}

/** Options every command understands. */
export interface GlobalOptions {
  readonly lang: 'zh' | 'en';
  readonly json: boolean;
  readonly quiet: boolean;
}

/** Exit codes (a contract): 0 success, 1 verification or checks failed, 2 usage error or unreadable input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Picks the message in the chosen language. */
export function t(options: GlobalOptions, zh: string, en: string): string {
  return options.lang === 'en' ? en : zh;
}
