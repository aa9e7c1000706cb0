import { monthIndex, parsePeriod, PERIOD_CHOICE_KINDS, periodOfKind, type Month, type Period, type PeriodChoiceKind } from '@lagesbild/domain';

/**
 * The period picker's logic, pure so it can be tested without a browser. The
 * periods themselves and their arithmetic (parsing, keys, the period of a
 * kind, stepping, a custom range) come from @lagesbild/domain.
 */
export { shiftPeriod } from '@lagesbild/domain';

/** The period kinds the picker offers at one click: month, tertial, delår, year, hittills i år, rullande 12 mån. */
export type PickerKind = PeriodChoiceKind;
export const PICKER_KINDS: readonly PickerKind[] = PERIOD_CHOICE_KINDS;

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
 * latest month, not December; "hittills i år" ends with the latest month).
 */
export function switchKind(current: Period, kind: PickerKind, latestMonth: Month | null = null): Period {
  const m = latestMonth !== null && monthIndex(latestMonth) < monthIndex(current.end) ? latestMonth : current.end;
  return periodOfKind(kind, m);
}

/** A period may be chosen when it has started by the latest month with data. */
export function isSelectable(p: Period, latestMonth: Month | null): boolean {
  return latestMonth === null || monthIndex(p.start) <= monthIndex(latestMonth);
}

/** Which picker button is pressed, or none for a custom range. */
export function pickerKindOf(p: Period): PickerKind | null {
  return (PICKER_KINDS as readonly string[]).includes(p.kind) ? (p.kind as PickerKind) : null;
}
