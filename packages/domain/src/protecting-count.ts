import type { Aggregate } from './aggregate.js';
import type { KpiDefinition } from './kpi.js';

/** Ordinary working hours of one full-time employee in a month, to turn hours into people. */
export const HOURS_PER_EMPLOYEE_MONTH = 165;
/** Care days of one person placed for a whole month: turns days into persons where no count of persons is stored. */
export const DAYS_PER_PERSON_MONTH = 30.4;

/**
 * How many people stand behind a computed value, for the suppression rules:
 * households or persons for counts (a mean of 2,5 households is a small
 * group), persons placed for care days (estimated from the days: this
 * per-answer check only serves its own tests, the release counts them from
 * `individualsKpis` where stored), employees for sick leave (from
 * ordinary hours), respondents for HME, the households of a kr-per-household
 * ratio. Null when the value is not about a countable group of people.
 */
export function protectingCount(
  kpi: Pick<KpiDefinition, 'privacyClass' | 'unit' | 'ratioOf'>,
  agg: Pick<Aggregate, 'value' | 'numerator' | 'denominator' | 'monthsWithData'>,
  denominatorKpiValue: number | null = null,
): number | null {
  const months = Math.max(1, agg.monthsWithData.length);
  switch (kpi.privacyClass) {
    case 'none':
      return null;
    case 'hme':
      return agg.denominator;
    case 'sick-leave':
      return agg.denominator === null ? null : agg.denominator / (HOURS_PER_EMPLOYEE_MONTH * months);
    case 'small-count':
      if (kpi.ratioOf) return denominatorKpiValue;
      if (agg.value === null) return null;
      return kpi.unit === 'days' ? agg.value / (DAYS_PER_PERSON_MONTH * months) : agg.value;
  }
}
