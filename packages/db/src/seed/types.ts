import type { Gender, KpiDefinition, Month } from '@lagesbild/domain';
import type { DemoEconomy } from './economy/types.js';

export interface DemoUnit {
  code: string;
  name: string;
  kind: 'forvaltning' | 'avdelning' | 'enhet';
  validFrom: Month;
  validTo: Month | null;
  names: { name: string; validFrom: Month; validTo: Month | null }[];
  parents: { parentCode: string; validFrom: Month; validTo: Month | null }[];
}

export interface DemoKpi extends KpiDefinition {
  validFrom: Month;
  sortOrder: number;
}

export interface DemoObservation {
  kpiId: string;
  unitCode: string;
  month: Month;
  gender: Gender;
  ageBand: string;
  numerator: number;
  denominator: number | null;
  origin: 'reported' | 'synthetic';
  sourceFile: string | null;
  sourceRow: number | null;
}

export interface DemoTarget {
  kpiId: string;
  unitCode: string;
  year: number;
  annual: number;
  monthly: (number | null)[] | null;
  tolerance: number;
  toleranceKind: 'absolute' | 'percent';
  origin: 'reported' | 'demo';
  source: string | null;
}

/** The förvaltning's prognos of a KPI for a year, made at a report period (schema/kpi-prognoses.ts). */
export interface DemoKpiPrognos {
  kpiId: string;
  unitCode: string;
  year: number;
  period: string;
  value: number;
  origin: 'reported' | 'demo';
  source: string | null;
}

export interface DemoDataset {
  organisation: { id: string; name: string };
  units: DemoUnit[];
  kpis: DemoKpi[];
  observations: DemoObservation[];
  targets: DemoTarget[];
  prognoses: DemoKpiPrognos[];
  economy: DemoEconomy;
}
