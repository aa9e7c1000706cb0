import { addMonths, delar, monthIndex, monthPeriod, parsePeriod, periodKey, tertial, tertialOf, yearOf, yearPeriod, type Period } from '@lagesbild/domain';

/** The period kinds the picker offers at one click. */
export type PickerKind = 'month' | 'tertial' | 'delar' | 'year';
export const PICKER_KINDS: PickerKind[] = ['month', 'tertial', 'delar', 'year'];

/** Switch kind while staying around the same time: the period of that kind that contains the current end month. */
export function switchKind(current: Period, kind: PickerKind): Period {
  const m = current.end;
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
    default: {
      const n = monthIndex(current.end) - monthIndex(current.start) + 1;
      return { ...current, start: addMonths(current.start, step * n), end: addMonths(current.end, step * n) };
    }
  }
}

/** A period may be chosen when it has started by the latest month with data. */
export function isSelectable(p: Period, latestMonth: string | null): boolean {
  return latestMonth === null || monthIndex(p.start) <= monthIndex(latestMonth);
}

export function pickerKindOf(p: Period): PickerKind | null {
  return (PICKER_KINDS as string[]).includes(p.kind) ? (p.kind as PickerKind) : null;
}

export { parsePeriod, periodKey };
