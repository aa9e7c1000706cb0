/**
 * A calendar month as the string "YYYY-MM". Months are the atom of every
 * period: observations are stored per month and every period is a month range.
 */
export type Month = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): s is Month {
  return MONTH_RE.test(s);
}

/** Months since year 0: lets us do month arithmetic with integers. */
export function monthIndex(m: Month): number {
  const match = MONTH_RE.exec(m);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${m}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(i: number): Month {
  const year = Math.floor(i / 12);
  const month = i - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function makeMonth(year: number, month: number): Month {
  return monthFromIndex(year * 12 + month - 1);
}

export function addMonths(m: Month, n: number): Month {
  return monthFromIndex(monthIndex(m) + n);
}

export function yearOf(m: Month): number {
  return Number(m.slice(0, 4));
}

/** 1..12 */
export function monthNumber(m: Month): number {
  return Number(m.slice(5, 7));
}

/** Inclusive list of months from start to end; empty when end < start. */
export function monthRange(start: Month, end: Month): Month[] {
  const a = monthIndex(start);
  const b = monthIndex(end);
  const out: Month[] = [];
  for (let i = a; i <= b; i++) out.push(monthFromIndex(i));
  return out;
}

export function compareMonths(a: Month, b: Month): number {
  return monthIndex(a) - monthIndex(b);
}
