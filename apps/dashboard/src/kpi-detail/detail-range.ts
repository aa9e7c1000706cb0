import { makeMonth, yearOf, type Month, type Period } from '@lagesbild/domain';
import type { Grain, Split } from '../api/types.js';

export const GRAINS: readonly Grain[] = ['month', 'tertial', 'year'];
export const SPLITS: readonly Split[] = ['none', 'gender', 'unit', 'ageBand'];

/** The splits a KPI offers: by age band only where it has bands (18–24 beside the total, or sick leave's -29/30-49/50-). */
export function splitsOf(kpi: { ageBands: readonly string[] } | null): readonly Split[] {
  return kpi && kpi.ageBands.length > 0 ? SPLITS : SPLITS.filter((s) => s !== 'ageBand');
}

/** Years shown at year grain: enough to see a trend, few enough to read. */
const YEARS_SHOWN = 5;

export interface MonthRange {
  start: Month;
  end: Month;
}

/**
 * The months a detail chart covers for the chosen period: its whole calendar
 * year at month and tertial grain (so that last year lines up month by month
 * and the forecast has room to run to December), five years at year grain.
 */
export function chartRange(period: Period, grain: Grain): MonthRange {
  const y = yearOf(period.end);
  const first = grain === 'year' ? y - (YEARS_SHOWN - 1) : y;
  return { start: makeMonth(first, 1), end: makeMonth(y, 12) };
}

/** The same months a year earlier: the "last year" line. None at year grain, where last year is the previous bar. */
export function lastYearRange(range: MonthRange, grain: Grain): MonthRange | null {
  if (grain === 'year') return null;
  return { start: makeMonth(yearOf(range.start) - 1, 1), end: makeMonth(yearOf(range.end) - 1, 12) };
}

/** A value from the URL, or the fallback when it is not one of the allowed ones. */
export function pick<T extends string>(raw: unknown, allowed: readonly T[], fallback: T): T {
  return typeof raw === 'string' && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
}
