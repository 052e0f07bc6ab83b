/** DOS date and time fields of a ZIP header. */
export interface DosDateTime {
  readonly date: number;
  readonly time: number;
}

/**
 * Converts a `Date` to ZIP's DOS date/time, using its **UTC** fields so the same input gives the same
 * bytes on every machine (ZIP has no time zone; tools show the value as local time). Dates before 1980
 * clamp to 1980-01-01 00:00, after 2107 to 2107-12-31 23:59:58. Seconds are rounded down to even.
 *
 * @example
 * toDosDateTime(new Date(Date.UTC(2024, 0, 2, 3, 4, 6))); // { date: 0x5822, time: 0x1883 }
 */
export function toDosDateTime(when: Date): DosDateTime {
  const year = when.getUTCFullYear();
  if (Number.isNaN(year) || year < 1980) return { date: (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
  };
}

/** The default modification time when none is given: 1980-01-01 00:00 (the DOS epoch). */
export const DOS_EPOCH = /* @__PURE__ */ new Date(Date.UTC(1980, 0, 1));
