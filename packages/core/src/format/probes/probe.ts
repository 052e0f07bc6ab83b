import type { FormatDetails, FormatFlags, FormatId, TextEncodingName } from '../format-info.js';
import type { InspectReader } from '../inspect-reader.js';

/** Optional fields that may also hold `undefined` while a result is being put together. */
export type Loose<T> = { -readonly [K in keyof T]?: T[K] | undefined };

/** What a probe hands back: the format and what it read; names and MIME types are added from FORMATS. */
export interface Draft {
  readonly id: FormatId;
  readonly version?: string | undefined;
  readonly pronom?: string | undefined;
  readonly flags?: Loose<FormatFlags> | undefined;
  readonly encoding?: TextEncodingName | undefined;
  readonly details?: Loose<FormatDetails> | undefined;
}

/** What every probe gets: the reader, the first bytes, the file name's extension and the byte budget. */
export interface ProbeContext {
  readonly reader: InspectReader;
  /** The first bytes of the source (up to 64 KiB, fewer for short files or a small budget). */
  readonly head: Uint8Array;
  /** Lowercase extension of the file name, without the dot. */
  readonly extension: string | undefined;
  /** Most bytes the identification may read. */
  readonly budget: number;
}

/** A format probe: a draft when the bytes are this format, else `undefined`. Never throws on bad bytes. */
export type Probe = (context: ProbeContext) => Promise<Draft | undefined>;

/** A copy of `value` without the keys whose value is `undefined` (for exact optional properties). */
export function strip<T extends object>(value: Loose<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}
