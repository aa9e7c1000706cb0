import type { Gender, KpiDefinition } from '../kpi.js';
import type { Month } from '../month.js';
import type { SuppressionRules } from '../suppression.js';
import type { UnitNode } from '../unit-tree.js';

/** One stored leaf cell as the release builder reads it. */
export interface ReleaseObservation {
  kpi: string;
  unit: string;
  month: Month;
  gender: Gender;
  /** The cell's age band ('' or absent: none; see age-band.ts for which cells make the total). */
  ageBand?: string;
  numerator: number;
  denominator: number | null;
}

export interface ReleaseInput {
  kpis: readonly KpiDefinition[];
  units: readonly UnitNode[];
  observations: readonly ReleaseObservation[];
  rules: SuppressionRules;
}

/**
 * How a released cell is marked: '.' no data (value null, nothing hidden),
 * '0' shown, '1' hidden for its own few individuals (primary), '2' hidden so
 * that a primary cell cannot be worked out from the others (secondary).
 */
export type CellMark = '.' | '0' | '1' | '2';

/** Who a primary cell protects, for the label ("färre än 5 hushåll"). */
export type IndividualsNoun = 'persons' | 'households' | 'cases' | 'employees' | 'respondents';

/** One row of a released KPI: a unit and gender over every held period, aligned with `periods`. */
export interface ReleasedRow {
  /** Rounded to the KPI's display precision; null where hidden or without data. */
  v: (number | null)[];
  /** One CellMark per period. */
  m: string;
}

/** Every released cell of one KPI. Rows are keyed `unit|gender`, an age band's `unit|gender|band` (band-rows.ts). */
export interface ReleasedKpi {
  kpi: string;
  /** The noun a primary cell of this KPI is counted in. */
  noun: IndividualsNoun | null;
  rows: Record<string, ReleasedRow>;
}

export interface Release {
  /** Period keys (periodKey) held, in a fixed order shared by every row. */
  periods: string[];
  /** The first and last month with data (null for an organisation without data). */
  first: Month | null;
  last: Month | null;
  kpis: Record<string, ReleasedKpi>;
}

/** The genders a KPI's cells exist for. */
export const gendersOf = (k: Pick<KpiDefinition, 'genderSplit'>): Gender[] => (k.genderSplit ? ['K', 'M', 'T'] : ['T']);
