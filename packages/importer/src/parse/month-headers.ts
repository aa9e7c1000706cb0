/**
 * Column headers of the wide monthly reports: Swedish or English month
 * names ("Januari", "jan", "January", "Jan 2022"), ISO months ("2022-01") and
 * the sum columns some reports add ("Accumulerade uppgifter", "Totalt").
 * Pure string logic, shared by the CSV and XLSX readers.
 */

const NAMES: readonly (readonly string[])[] = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augusti', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

const MONTH_BY_NAME = new Map<string, number>();
NAMES.forEach((names, i) => names.forEach((n) => MONTH_BY_NAME.set(n, i + 1)));

/** A recognised month column: the month number, and the year when the header carries one. */
export interface MonthHeader {
  month: number;
  year: number | null;
}

const norm = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');

/** "Januari", "jan.", "January 2022", "jan-22", "2022-01", "2022-1", "01/2022"; null when the header is no month. */
export function parseMonthHeader(header: string): MonthHeader | null {
  const h = norm(header);
  if (h === '') return null;
  const iso = /^((?:19|20)\d{2})[-/.](\d{1,2})$/.exec(h) ?? null;
  if (iso) return monthOf(Number(iso[2]), Number(iso[1]));
  // A date cell as Excel saves a month header: the first or the last day of the month ("2022-01-31"), or any day.
  const date = /^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:[ t]00:00(?::00)?)?$/.exec(h);
  if (date && Number(date[3]) >= 1 && Number(date[3]) <= 31) return monthOf(Number(date[2]), Number(date[1]));
  // "31.01.2022" or "31/01/2022" as a date in Swedish; "01/31/2022" (American) only where the day comes first is impossible.
  const dmy = /^(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})$/.exec(h);
  if (dmy) {
    const [a, b] = [Number(dmy[1]), Number(dmy[2])];
    return b > 12 && a <= 12 ? monthOf(a, Number(dmy[3])) : a >= 1 && a <= 31 ? monthOf(b, Number(dmy[3])) : null;
  }
  const us = /^(\d{1,2})[-/.]((?:19|20)\d{2})$/.exec(h);
  if (us) return monthOf(Number(us[1]), Number(us[2]));
  const named = /^([a-zåäö]+)\.?(?:[\s-]+(\d{2}|\d{4}))?$/.exec(h);
  if (!named) return null;
  const month = MONTH_BY_NAME.get(named[1] ?? '');
  if (month === undefined) return null;
  const y = named[2];
  return { month, year: y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y) };
}

/** Excel's day numbers for 1990–2099: a date header saved without a date format shows as such a number. */
const SERIAL_MIN = 32_874;
const SERIAL_MAX = 73_050;

/** The month of an Excel date serial ("44592" → 2022-01), or null when the text is no such number. */
export function serialMonth(text: string): MonthHeader | null {
  if (!/^\d{5}$/.test(text.trim())) return null;
  const n = Number(text);
  if (n < SERIAL_MIN || n > SERIAL_MAX) return null;
  // Day 0 is 1899-12-30 in Excel's 1900 date system (which counts a 29 February 1900 that never was).
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return { month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

function monthOf(month: number, year: number): MonthHeader | null {
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/** Columns that print the sum of the months before them; they are checked, not imported. */
export function isSumHeader(header: string): boolean {
  return /^(ac?k?c?umulerade?( uppgifter)?|ackumulerat|summa|totalt?|hela året|helår|year to date|ytd|sum)$/.test(norm(header));
}

export const SWEDISH_MONTHS = NAMES.map((n) => (n[0] ?? '').replace(/^./, (c) => c.toUpperCase()));

/** "2022-03" */
export const isoMonth = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** The year written in a file name ("statistik-2022.csv" → 2022); the last one if there are several. */
export function yearFromFileName(fileName: string): number | null {
  const all = [...fileName.matchAll(/(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/g)];
  const last = all[all.length - 1];
  return last?.[1] === undefined ? null : Number(last[1]);
}

/** Spreadsheet column letters for messages about columns without a header: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
