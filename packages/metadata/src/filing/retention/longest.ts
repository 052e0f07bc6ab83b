import { parseRetention, type Retention } from '../retention-period.js';

/**
 * Compares two retention periods by length: negative when `a` is shorter, 0 when equal, positive when longer;
 * 永久 is longer than any 定期 period. Accepts parsed periods or any form `parseRetention` reads.
 *
 * @example
 * compareRetention('D10', 'D30') < 0; // true
 * compareRetention('永久', 'D30') > 0; // true
 */
export function compareRetention(a: Retention | string, b: Retention | string): number {
  const ya = (typeof a === 'string' ? parseRetention(a) : a).years ?? Number.POSITIVE_INFINITY;
  const yb = (typeof b === 'string' ? parseRetention(b) : b).years ?? Number.POSITIVE_INFINITY;
  return ya === yb ? 0 : ya < yb ? -1 : 1;
}

/**
 * The longest of several retention periods (永久 beats any 定期), or `undefined` for none: the period of a 件
 * made of components with different periods, since one 件 is kept, transferred and destroyed as a whole.
 *
 * @example
 * longestRetention([parseRetention('D10'), parseRetention('D30')])?.code; // 'D30'
 */
export function longestRetention(periods: Iterable<Retention>): Retention | undefined {
  let best: Retention | undefined;
  for (const r of periods) if (best === undefined || compareRetention(r, best) > 0) best = r;
  return best;
}
