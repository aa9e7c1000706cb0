import type { KpiDefinition } from '../kpi.js';
import { DAYS_PER_PERSON_MONTH, HOURS_PER_EMPLOYEE_MONTH } from '../protecting-count.js';
import { breaksPrimaryRule, type SuppressionRules } from '../suppression.js';
import type { IndividualsNoun } from './types.js';

type Def = Pick<KpiDefinition, 'id' | 'name' | 'unit' | 'privacyClass' | 'ratioOf' | 'timeAggregation' | 'individualsKpis'>;

/**
 * The catalogue's KPIs that count a KPI's individuals (care days: the persons
 * placed of the same care form), or null where the definition names none, or
 * names one the catalogue lacks: then the count is estimated from the value.
 */
export function countingKpis<D extends Def>(k: Def, catalogue: ReadonlyMap<string, D>): D[] | null {
  const ids = k.individualsKpis ?? [];
  if (ids.length === 0 || k.ratioOf || k.privacyClass !== 'small-count') return null;
  const found = ids.map((id) => catalogue.get(id));
  return found.every((d): d is D => d !== undefined && !d.ratioOf && d.id !== k.id) ? found : null;
}

/**
 * Who the individuals behind a KPI are, for the thresholds and the label.
 * Sick leave counts employees (from ordinary hours), HME respondents; a count
 * KPI counts households, cases (aktualiseringar, utredningar) or persons by
 * its name; care days count the persons placed (stored, or estimated as
 * days / 30,4 per month); a ratio counts the individuals of its denominator. Null: the KPI is
 * not about a countable group, and its cells are never hidden for their size.
 */
export function individualsNoun(k: Def, catalogue: ReadonlyMap<string, Def>): IndividualsNoun | null {
  switch (k.privacyClass) {
    case 'none':
      return null;
    case 'sick-leave':
      return 'employees';
    case 'hme':
      return 'respondents';
    case 'small-count': {
      if (k.ratioOf) {
        const den = catalogue.get(k.ratioOf.denominator);
        return den ? (individualsNoun({ ...den, privacyClass: 'small-count' }, catalogue) ?? 'persons') : 'persons';
      }
      if (k.unit === 'kr' || k.unit === 'tkr') return null;
      const name = `${k.id} ${k.name}`.toLowerCase();
      if (/hushåll|hushall/.test(name)) return 'households';
      if (/utredning|aktualisering|ärende|arende|anmälan/.test(name)) return 'cases';
      return 'persons';
    }
  }
}

/**
 * How a KPI's individuals are counted, for its definition (the dashboard
 * words it): the value itself (a monthly mean, or every case of the period),
 * the stored count of the KPIs its definition names (persons placed beside
 * care days), persons estimated from care days where none is stored, employees from ordinary hours,
 * respondents, the denominator of a ratio, the individuals of the ratio an
 * amount is divided by (kr paid: its households), or none.
 */
export type IndividualsBasis = 'value-mean' | 'value-sum' | 'stored-count' | 'days-estimate' | 'employees-hours' | 'respondents' | 'ratio-denominator' | 'ratio-numerator' | 'none';

export function individualsBasis(k: Def, catalogue: ReadonlyMap<string, Def>): IndividualsBasis {
  if (k.privacyClass === 'none' || individualsNoun(k, catalogue) === null) {
    const divided = [...catalogue.values()].some((r) => r.ratioOf?.numerator === k.id && r.privacyClass !== 'none');
    return divided ? 'ratio-numerator' : 'none';
  }
  if (k.privacyClass === 'sick-leave') return 'employees-hours';
  if (k.privacyClass === 'hme') return 'respondents';
  if (k.ratioOf) return 'ratio-denominator';
  if (countingKpis(k, catalogue)) return 'stored-count';
  if (k.unit === 'days') return 'days-estimate';
  return k.timeAggregation === 'mean' ? 'value-mean' : 'value-sum';
}

/** Sums of one cell: Σ numerator, Σ denominator (NaN when none) over `months` months with data. */
export interface CellSums {
  n: number;
  d: number;
  months: number;
}

/** How many individuals stand behind a non-ratio cell from its own sums (care days: estimated); null when none are counted. */
export function individualsIn(k: Def, noun: IndividualsNoun | null, s: CellSums): number | null {
  if (noun === null || s.months === 0) return null;
  if (k.privacyClass === 'sick-leave') return Number.isNaN(s.d) ? null : s.d / (HOURS_PER_EMPLOYEE_MONTH * s.months);
  if (k.privacyClass === 'hme') return Number.isNaN(s.d) ? null : s.d / s.months;
  if (k.unit === 'days') return s.n / (DAYS_PER_PERSON_MONTH * s.months);
  // A flow counts every case of the period; a stock ("genomsnitt per månad") its monthly mean.
  return k.timeAggregation === 'mean' ? s.n / s.months : s.n;
}

/** The primary rule on a count of individuals (zero identifies nobody). */
export function isPrimary(k: Pick<KpiDefinition, 'privacyClass'>, count: number | null, rules: SuppressionRules): boolean {
  return count !== null && count > 1e-9 && breaksPrimaryRule(k.privacyClass, count, rules);
}
