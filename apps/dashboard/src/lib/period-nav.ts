import { addMonths, delar, monthCount, monthIndex, monthPeriod, parsePeriod, tertial, tertialOf, yearOf, yearPeriod, type Month, type Period } from '@lagesbild/domain';

/**
 * The period picker's logic, pure so it can be tested without a browser. The
 * periods themselves (parsing, keys, tertials) come from @lagesbild/domain.
 */

/** The period kinds the picker offers at one click. */
export type PickerKind = 'month' | 'tertial' | 'delar' | 'year';
export const PICKER_KINDS: readonly PickerKind[] = ['month', 'tertial', 'delar', 'year'];

/** A period from the URL, or null when it is not one (the server then explains why). */
export function tryParsePeriod(input: string | null | undefined): Period | null {
  if (!input) return null;
  try {
    return parsePeriod(input);
  } catch {
    return null;
  }
}

/**
 * Switch kind while staying around the same time: the period of the new kind
 * that holds the current period's last month, or the latest month with data
 * when the current period runs past it (a year still in progress becomes its
 * latest month, not December).
 */
export function switchKind(current: Period, kind: PickerKind, latestMonth: Month | null = null): Period {
  const m = latestMonth !== null && monthIndex(latestMonth) < monthIndex(current.end) ? latestMonth : current.end;
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
  }
}

/** The previous (-1) or next (+1) period of the same kind. */
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
    case 'rolling12':
      // Anchored on their end month: one month on.
      return { ...current, start: addMonths(current.start, step), end: addMonths(current.end, step) };
    case 'range': {
      const n = monthCount(current);
      return { ...current, start: addMonths(current.start, step * n), end: addMonths(current.end, step * n) };
    }
  }
}

/** A period may be chosen when it has started by the latest month with data. */
export function isSelectable(p: Period, latestMonth: Month | null): boolean {
  return latestMonth === null || monthIndex(p.start) <= monthIndex(latestMonth);
}

/** Which picker button is pressed, or none for other periods (a range, year to date). */
export function pickerKindOf(p: Period): PickerKind | null {
  return (PICKER_KINDS as readonly string[]).includes(p.kind) ? (p.kind as PickerKind) : null;
}
