import type { ObservationCell } from './aggregate.js';
import type { Gender, KpiDefinition } from './kpi.js';

/** Test-only builders for the domain's tests: one KPI definition and one observation cell, with what a test changes given. */
export const testKpiDefinition = (id: string, extra: Partial<KpiDefinition> = {}): KpiDefinition => ({
  id,
  name: id,
  nameEn: id,
  description: '',
  group: 'ekonomiskt-bistand',
  unit: 'count',
  decimals: 0,
  direction: 'none',
  timeAggregation: 'sum',
  ratioOf: null,
  scale: 1,
  genderSplit: true,
  ageBands: [],
  privacyClass: 'small-count',
  source: '',
  ...extra,
});

export const testCell = (month: string, gender: Gender, numerator: number, denominator: number | null = null, unit = 'A'): ObservationCell => ({
  month,
  unit,
  gender,
  ageBand: '',
  numerator,
  denominator,
});
