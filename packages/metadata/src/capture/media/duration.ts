import { round } from '../binary.js';

/**
 * 时间长度 (`hh:mm:ss`, seconds rounded down, hours not capped at 99) and 时长秒 (seconds to the
 * microsecond) of a duration; `undefined` for a duration that is not a finite positive number.
 *
 * @example
 * durationFields(3725.9); // { 时间长度: '01:02:05', 时长秒: 3725.9 }
 */
export function durationFields(seconds: number): { 时间长度: string; 时长秒: number } | undefined {
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  const exact = round(seconds, 6);
  const whole = Math.floor(exact);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return { 时间长度: `${two(h)}:${two(m)}:${two(s)}`, 时长秒: exact };
}
