/**
 * Compares two 档号 in catalogue order: runs of digits compare as numbers (so `…-9999` comes before a grown
 * `…-10000`, and `…-2` before `…-10` where widths differ), everything else by code point; when the values
 * are equal (`0001` vs `1`) the shorter run comes first, so the order is total.
 *
 * @example
 * ['Z109-WS·2011-Y-BGS-0010', 'Z109-WS·2011-Y-BGS-0002'].sort(compareArchivalCodes);
 * // ['Z109-WS·2011-Y-BGS-0002', 'Z109-WS·2011-Y-BGS-0010']
 */
export function compareArchivalCodes(a: string, b: string): number {
  let i = 0;
  let j = 0;
  let tie = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      let si = i;
      let sj = j;
      while (si < ei - 1 && a.charCodeAt(si) === 48) si++;
      while (sj < ej - 1 && b.charCodeAt(sj) === 48) sj++;
      const la = ei - si;
      const lb = ej - sj;
      if (la !== lb) return la - lb;
      for (let k = 0; k < la; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      if (tie === 0) tie = ei - i - (ej - j);
      i = ei;
      j = ej;
      continue;
    }
    const pa = a.codePointAt(i)!;
    const pb = b.codePointAt(j)!;
    if (pa !== pb) return pa - pb;
    i += pa > 0xffff ? 2 : 1;
    j += pb > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j) || tie;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
