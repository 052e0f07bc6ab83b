import type { ReportLang } from '../labels.js';

/** An integer with thousands separators (`1,234,567`); other numbers as written. */
export function formatInteger(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** A byte count with separators, and a binary-unit reading from 1 KiB up: `1,048,576 字节（1.00 MiB）`. */
export function formatBytes(n: number, lang: ReportLang): string {
  const exact = `${formatInteger(n)} ${lang === 'zh' ? '字节' : 'bytes'}`;
  if (!Number.isFinite(n) || n < 1024) return exact;
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const human = `${value.toFixed(2)} ${UNITS[unit]}`;
  return lang === 'zh' ? `${exact}（${human}）` : `${exact} (${human})`;
}

/** The time between two ISO 8601 instants, for people (`12.3 秒`, `1 分 2.0 秒`), or undefined. */
export function formatDuration(startedAt: string, finishedAt: string, lang: ReportLang): string | undefined {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = (totalSeconds % 60).toFixed(1);
  const [h, m, s] = lang === 'zh' ? [' 小时 ', ' 分 ', ' 秒'] : [' h ', ' min ', ' s'];
  if (hours > 0) return `${hours}${h}${minutes}${m}${seconds}${s}`;
  if (minutes > 0) return `${minutes}${m}${seconds}${s}`;
  return `${seconds}${s}`;
}
