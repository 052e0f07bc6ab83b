import type { ParseArgsConfig } from 'node:util';
import type { CliIo, GlobalOptions } from './io.js';

/** Option definitions of one command, as `node:util` `parseArgs` takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments of one command. */
export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** One `dangan` command: its options, its one-line usage in both languages, and what it does. */
export interface Command {
  readonly name: string;
  /** Usage lines for `--help` (Chinese, English). */
  readonly usage: readonly [zh: string, en: string];
  readonly options: CommandOptions;
  /** Whether `--json` takes a file (check) instead of switching to JSON output. */
  readonly jsonIsFile?: boolean;
  run(args: CommandArgs, global: GlobalOptions, io: CliIo): Promise<number>;
}

/** A string option's value, or `undefined`. */
export function str(args: CommandArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option's value. */
export function flag(args: CommandArgs, name: string): boolean {
  return args.values[name] === true;
}
