import { MAX_PERIOD_MONTHS, MAX_PERIOD_YEAR, MIN_PERIOD_YEAR } from './limits.js';
import { addMonths, isMonth, monthIndex, yearOf, type Month } from './month.js';
import { delar, monthCount, monthPeriod, rolling12, tertial, tertialOf, yearPeriod, yearToDate, type Period } from './period.js';

/**
 * The period arithmetic of the period picker: the period of a chosen kind
 * around a month, the previous and next period, and a custom range checked
 * against the bounds parsePeriod keeps. Every result is canonical: written
 * with periodKey and read back with parsePeriod it is the same period.
 */

/** The kinds offered at one click: month, tertial, delår, year, year to date ("hittills i år") and the rolling twelve months. */
export type PeriodChoiceKind = 'month' | 'tertial' | 'delar' | 'year' | 'ytd' | 'rolling12';
export const PERIOD_CHOICE_KINDS: readonly PeriodChoiceKind[] = ['month', 'tertial', 'delar', 'year', 'ytd', 'rolling12'];

/** The period of a kind that holds `m` (the delår: of its year, even after August); year to date and the rolling twelve months end with it. */
export function periodOfKind(kind: PeriodChoiceKind, m: Month): Period {
  const y = yearOf(m);
  switch (kind) {
    case 'month':
      return monthPeriod(m);
    case 'tertial':
      return tertial(y, tertialOf(m));
    case 'delar':
      return delar(y);
    case 'year':
      return yearPeriod(y);
    case 'ytd':
      return yearToDate(m);
    case 'rolling12':
      return rolling12(m);
  }
}

/**
 * The previous (-1) or next (+1) period of the same kind. Year to date and
 * the rolling twelve months move their end month by one (a year to date stays
 * anchored on January of its new end's year); a range moves by its own length.
 */
export function shiftPeriod(current: Period, step: -1 | 1): Period {
  const y = yearOf(current.start);
  switch (current.kind) {
    case 'month':
      return monthPeriod(addMonths(current.start, step));
    case 'tertial': {
      const t = tertialOf(current.start) + step;
      return t < 1 ? tertial(y - 1, 3) : t > 3 ? tertial(y + 1, 1) : tertial(y, t as 1 | 2 | 3);
    }
    case 'delar':
      return delar(y + step);
    case 'year':
      return yearPeriod(y + step);
    case 'ytd':
      return yearToDate(addMonths(current.end, step));
    case 'rolling12':
      return rolling12(addMonths(current.end, step));
    case 'range': {
      const n = monthCount(current);
      return { kind: 'range', start: addMonths(current.start, step * n), end: addMonths(current.end, step * n) };
    }
  }
}

/** Why a custom range cannot be shown. */
export type RangeProblem = 'not-months' | 'backwards' | 'too-long' | 'outside';

/**
 * A custom range från–till (both months included), or why not: the months
 * must be months, in order, within the years parsePeriod accepts and at most
 * MAX_PERIOD_MONTHS long. A single month is the month itself.
 */
export function customRange(from: string, to: string): { period: Period } | { problem: RangeProblem } {
  if (!isMonth(from) || !isMonth(to)) return { problem: 'not-months' };
  if (monthIndex(to) < monthIndex(from)) return { problem: 'backwards' };
  if (yearOf(from) < MIN_PERIOD_YEAR || yearOf(to) > MAX_PERIOD_YEAR) return { problem: 'outside' };
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_PERIOD_MONTHS) return { problem: 'too-long' };
  return { period: from === to ? monthPeriod(from) : { kind: 'range', start: from, end: to } };
}
