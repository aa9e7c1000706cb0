import type { Direction, TimeAggregation } from './kpi.js';
import { monthNumber, yearOf, type Month } from './month.js';

/** The one status rule; API, CLI and the dashboard legend all read it from here. */
export type Status = 'green' | 'yellow' | 'red' | 'none';

export const STATUS_META: Record<Status, { symbol: string; sv: string; en: string }> = {
  green: { symbol: '●', sv: 'uppfyllt', en: 'met' },
  yellow: { symbol: '◆', sv: 'delvis uppfyllt', en: 'partly met' },
  red: { symbol: '■', sv: 'ej uppfyllt', en: 'not met' },
  none: { symbol: '○', sv: 'ej bedömd', en: 'not assessed' },
};

export type ToleranceKind = 'absolute' | 'percent';

export interface TargetValue {
  value: number;
  tolerance: number;
  toleranceKind: ToleranceKind;
}

/** A KPI's annual target for one unit and year, optionally broken into months (budgets). */
export interface AnnualTarget {
  year: number;
  annual: number;
  /** Twelve monthly values (January first), or null for an annual target only. */
  monthly: (number | null)[] | null;
  tolerance: number;
  toleranceKind: ToleranceKind;
}

export function toleranceAmount(t: TargetValue): number {
  return t.toleranceKind === 'percent' ? (Math.abs(t.value) * t.tolerance) / 100 : t.tolerance;
}

/**
 * Compares a value with its target in the KPI's direction: green when the
 * target is met, yellow within the tolerance, red beyond it, none without a
 * target or direction.
 */
export function assessStatus(value: number | null, target: TargetValue | null, direction: Direction): Status {
  if (value === null || target === null || direction === 'none') return 'none';
  const tol = toleranceAmount(target);
  const gap = direction === 'higher' ? target.value - value : value - target.value;
  // Compare on a rounded gap so that float noise (0.1 + 0.2) does not flip a status.
  const g = Math.round(gap * 1e9) / 1e9;
  if (g <= 0) return 'green';
  if (g <= tol) return 'yellow';
  return 'red';
}

/**
 * The target for exactly the months of a period: a sum KPI adds its months'
 * budgets (an annual target counts as twelve equal months), a mean or ratio KPI
 * averages them and a stock KPI takes the last month's. Null when any month has
 * no target, so a period is never judged against part of a target.
 */
export function targetForMonths(months: readonly Month[], timeAggregation: TimeAggregation | 'ratio', targetOfYear: (year: number) => AnnualTarget | null): TargetValue | null {
  if (months.length === 0) return null;
  const perMonth: number[] = [];
  let last: AnnualTarget | null = null;
  for (const m of months) {
    const t = targetOfYear(yearOf(m));
    if (!t) return null;
    last = t;
    const monthly = t.monthly?.[monthNumber(m) - 1];
    if (monthly !== undefined && monthly !== null) perMonth.push(monthly);
    else perMonth.push(timeAggregation === 'sum' ? t.annual / 12 : t.annual);
  }
  if (!last) return null;
  let value: number;
  if (timeAggregation === 'sum') value = perMonth.reduce((a, b) => a + b, 0);
  else if (timeAggregation === 'last') value = perMonth[perMonth.length - 1] ?? 0;
  else value = perMonth.reduce((a, b) => a + b, 0) / perMonth.length;
  // A percentage tolerance scales with the target; an absolute one on a sum KPI scales with the months covered.
  const tolerance = last.toleranceKind === 'absolute' && timeAggregation === 'sum' ? (last.tolerance * months.length) / 12 : last.tolerance;
  return { value, tolerance, toleranceKind: last.toleranceKind };
}

/**
 * A rate or an average (sick leave %, HME score, kr per household) rather than
 * a volume. Its target does not add up over months or people: a sick-leave
 * ceiling of 6 % holds for a tertial and for women and men alike.
 */
export function isRate(kpi: { unit: string; ratioOf: unknown }): boolean {
  return kpi.ratioOf !== null || kpi.unit === 'percent' || kpi.unit === 'score' || kpi.unit === 'index';
}

/** Whether a target set for the whole (T) also judges a subgroup (K, M, an age band): only for rates. */
export function targetAppliesToSubgroup(kpi: { unit: string; ratioOf: unknown }): boolean {
  return isRate(kpi);
}

/** What a KPI's target is called: a budget for money that adds up over months (costs, amounts paid), a mål for anything else. */
export type TargetKind = 'target' | 'budget';

export function targetKind(kpi: { unit: string; ratioOf: unknown; timeAggregation: TimeAggregation }): TargetKind {
  return (kpi.unit === 'kr' || kpi.unit === 'tkr') && kpi.timeAggregation === 'sum' && !isRate(kpi) ? 'budget' : 'target';
}
