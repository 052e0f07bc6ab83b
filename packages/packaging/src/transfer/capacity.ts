import { type SafeResult, safely } from '@dangan/core';
import { transferError } from './codes.js';

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/**
 * Common carrier capacities (载体容量) as disc makers state them, in decimal units (1 GB = 10⁹ bytes). The
 * formatted discs hold slightly more (a single-layer DVD±R has 2,295,104 sectors of 2,048 bytes =
 * 4,707,319,808 bytes), so planning against these figures leaves a margin for the file system's own structures.
 *
 * @example
 * CARRIER_CAPACITIES['DVD-R']; // 4_700_000_000
 */
export const CARRIER_CAPACITIES = {
  'CD-R': 700_000_000,
  'DVD-R': 4_700_000_000,
  'DVD-R DL': 8_500_000_000,
  'BD-R': 25_000_000_000,
  'BD-R DL': 50_000_000_000,
  'BD-R XL': 100_000_000_000,
} as const;

/**
 * Reads a carrier capacity such as `'4.7GB'`, `'25 GB'`, `'700MB'`, `'4.7G'` or `'4700000000'` into bytes
 * (rounded down). `KB`/`MB`/`GB`/`TB` (and the bare `K`/`M`/`G`/`T`) are **decimal**, as disc makers state
 * capacities (a "4.7 GB" DVD holds 4.7 × 10⁹ bytes, not 4.7 GiB); `KiB`/`MiB`/`GiB`/`TiB` are binary. Units are
 * case-insensitive; a bare number is bytes; a number gives itself. Throws
 * `DanganError('TRANSFER_CAPACITY_INVALID')` for anything else, zero or negative.
 *
 * @example
 * parseCarrierCapacity('4.7GB'); // 4_700_000_000
 * parseCarrierCapacity('700MB'); // 700_000_000
 * parseCarrierCapacity('1 GiB'); // 1_073_741_824
 */
export function parseCarrierCapacity(value: string | number): number {
  let bytes = Number.NaN;
  if (typeof value === 'number') bytes = Math.floor(value);
  else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/iu.exec(value.normalize('NFKC'));
    const unit = m === null ? undefined : UNITS[m[2]!.toLowerCase()];
    if (m !== null && unit !== undefined) bytes = Math.floor(Number(m[1]) * unit + 1e-6);
  }
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw transferError(
      'TRANSFER_CAPACITY_INVALID',
      `无法识别的载体容量“${String(value)}”（应为正数加单位，如 4.7GB、25GB、700MB）`,
      `Unreadable carrier capacity "${String(value)}" (expected e.g. 4.7GB, 25GB, 700MB)`,
    );
  }
  return bytes;
}

/**
 * {@link parseCarrierCapacity} as a result.
 *
 * @example
 * safeParseCarrierCapacity('4.7 斤').ok; // false
 */
export function safeParseCarrierCapacity(value: string | number): SafeResult<number> {
  return safely(() => parseCarrierCapacity(value));
}

/**
 * Bytes as decimal gigabytes with 3 decimals (`'0.013'`), as the 登记表 (移交数据量) and the 数字摘要 sheet
 * (实际容量) write them: 1 GB = 10⁹ bytes, rounded half up (exact on the integer, no floating-point drift).
 *
 * @example
 * formatGigabytes(4_700_000_000); // '4.700'
 * formatGigabytes(1_500_000);     // '0.002'
 */
export function formatGigabytes(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError('bytes must be a non-negative integer');
  const thousandths = Math.floor((bytes + 500_000) / 1_000_000);
  const whole = Math.floor(thousandths / 1000);
  return `${whole}.${String(thousandths % 1000).padStart(3, '0')}`;
}

/**
 * A capacity in bytes as 说明文件.TXT writes it: the largest decimal unit (GB, MB, KB) that leaves a number with at
 * most three decimals, trailing zeros dropped (`4.7GB`, `700MB`), else bytes (`1234B`).
 *
 * @example
 * formatCapacity(4_700_000_000); // '4.7GB'
 * formatCapacity(16_000);        // '16KB'
 */
export function formatCapacity(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError('bytes must be a non-negative integer');
  for (const [unit, size] of [
    ['TB', 1e12],
    ['GB', 1e9],
    ['MB', 1e6],
    ['KB', 1e3],
  ] as const) {
    if (bytes >= size && (bytes * 1000) % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}B`;
}

/**
 * Bytes a file takes on a carrier whose file system allocates in units of `unit` bytes (2,048 for UDF and
 * ISO 9660 discs): the size rounded up to a whole unit; an empty file takes none.
 *
 * @example
 * allocatedBytes(1, 2048);    // 2048
 * allocatedBytes(4096, 2048); // 4096
 */
export function allocatedBytes(size: number, unit: number): number {
  if (unit <= 1) return size;
  return Math.ceil(size / unit) * unit;
}
