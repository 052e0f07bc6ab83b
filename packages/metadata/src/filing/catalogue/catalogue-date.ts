import { dayNumber } from '../ordering/calendar-date.js';

/**
 * A date as the catalogue prints it (DA/T 22-2015 §5.5): 8 digits `YYYYMMDD`, in brackets when it was
 * established by research. `undefined` when `date` is not a real `YYYY-MM-DD` or `YYYYMMDD` date.
 *
 * @example
 * catalogueDate('2024-03-15');       // '20240315'
 * catalogueDate('1945-08-15', true); // '[19450815]'
 */
export function catalogueDate(date: string, researched = false): string | undefined {
  const day = dayNumber(date);
  if (day === undefined) return undefined;
  const text = String(day).padStart(8, '0');
  return researched ? `[${text}]` : text;
}
