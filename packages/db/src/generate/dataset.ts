import { addMonths, monthNumber, yearOf, type Gender, type Month } from '@lagesbild/domain';
import { createRandom, noise, seedOf } from '../seed/random.js';
import type { DemoKpi, DemoTarget, DemoUnit } from '../seed/types.js';
import { generatedKpis } from './kpis.js';
import { generateUnits, ROOT } from './units.js';

export interface GenerateSpec {
  orgs: number;
  /** Enheter per organisation. */
  units: number;
  kpis: number;
  months: number;
  seed: number;
  /** First month of data (default 2019-01). */
  start?: Month;
}

export interface GeneratedOrg {
  id: string;
  name: string;
  units: DemoUnit[];
  targets: DemoTarget[];
}

export interface GeneratedCell {
  kpiId: string;
  unitCode: string;
  month: Month;
  gender: Gender;
  numerator: number;
  denominator: number | null;
}

export const DEFAULT_START: Month = '2019-01';

export const orgIdOf = (i: number): string => `gen-${String(i + 1).padStart(3, '0')}`;

export function monthsOfSpec(spec: GenerateSpec): Month[] {
  const start = spec.start ?? DEFAULT_START;
  return Array.from({ length: spec.months }, (_, i) => addMonths(start, i));
}

/** The organisation `i` of a spec: its tree and targets; the cells come from cellsOf, lazily. */
export function generateOrg(spec: GenerateSpec, i: number): GeneratedOrg {
  const id = orgIdOf(i);
  const units = generateUnits({ units: spec.units, start: spec.start ?? DEFAULT_START, months: spec.months });
  return { id, name: `Genererad kommun ${i + 1}`, units, targets: targetsOf(spec, id, units) };
}

/** A level per organisation, unit and KPI; then season, a slow trend and noise per month. */
function level(seed: number, org: string, unit: string, kpi: DemoKpi): number {
  const r = createRandom(seedOf(`${seed}|${org}|${unit}|${kpi.id}|level`))();
  const scale: Record<string, number> = { count: 40, kr: 400_000, tkr: 300, days: 600, fte: 25, percent: 1 };
  return (scale[kpi.unit] ?? 10) * (0.3 + 1.4 * r);
}

const season = (m: Month) => 1 + 0.12 * Math.cos(((monthNumber(m) - 1) / 12) * 2 * Math.PI);

/** Every stored cell of one organisation, in a fixed order, deterministic from the seed. */
export function* cellsOf(spec: GenerateSpec, org: GeneratedOrg): Generator<GeneratedCell> {
  const kpis = generatedKpis(spec.kpis).filter((k) => !k.ratioOf);
  const months = monthsOfSpec(spec);
  for (const u of org.units) {
    if (u.kind !== 'enhet') continue;
    for (const k of kpis) {
      const rand = createRandom(seedOf(`${spec.seed}|${org.id}|${u.code}|${k.id}`));
      const base = level(spec.seed, org.id, u.code, k);
      const kShare = 0.45 + 0.2 * rand();
      for (const [t, month] of months.entries()) {
        const trend = 1 + 0.002 * t;
        if (k.unit === 'percent') {
          // A rate: sick hours over scheduled hours, per gender.
          const staff = Math.round(base * 20 + 5);
          for (const g of ['K', 'M'] as const) {
            const hours = Math.round(staff * (g === 'K' ? kShare : 1 - kShare) * 165);
            const sick = Math.round(hours * 0.065 * season(month) * noise(rand, 0.3));
            yield { kpiId: k.id, unitCode: u.code, month, gender: g, numerator: sick, denominator: hours };
          }
          continue;
        }
        const value = base * season(month) * trend * noise(rand, 0.15);
        const whole = k.unit === 'count' || k.unit === 'days';
        if (!k.genderSplit) {
          yield { kpiId: k.id, unitCode: u.code, month, gender: 'T', numerator: whole ? Math.round(value) : Math.round(value * 10) / 10, denominator: null };
          continue;
        }
        const women = whole ? Math.round(value * kShare) : Math.round(value * kShare * 10) / 10;
        const men = whole ? Math.round(value * (1 - kShare)) : Math.round(value * (1 - kShare) * 10) / 10;
        yield { kpiId: k.id, unitCode: u.code, month, gender: 'K', numerator: women, denominator: null };
        yield { kpiId: k.id, unitCode: u.code, month, gender: 'M', numerator: men, denominator: null };
      }
    }
  }
}

/** How many cells cellsOf yields, without generating them. */
export function cellCount(spec: GenerateSpec): number {
  const perLeafMonth = generatedKpis(spec.kpis)
    .filter((k) => !k.ratioOf)
    .reduce((n, k) => n + (k.genderSplit ? 2 : 1), 0);
  return perLeafMonth * spec.units * spec.months;
}

/**
 * Targets per year: volumes for the förvaltning and each avdelning (a little
 * under the expected level, so statuses vary), the sick-leave ceiling of 6 %
 * for the förvaltning only, since a rate's target holds for every unit below.
 */
function targetsOf(spec: GenerateSpec, orgId: string, units: DemoUnit[]): DemoTarget[] {
  const years = [...new Set(monthsOfSpec(spec).map(yearOf))];
  const leaves = units.filter((u) => u.kind === 'enhet');
  const avdelningar = units.filter((u) => u.kind === 'avdelning');
  const out: DemoTarget[] = [];
  for (const k of generatedKpis(spec.kpis)) {
    if (k.ratioOf || k.direction === 'none') continue;
    for (const year of years) {
      if (k.unit === 'percent') {
        out.push({ kpiId: k.id, unitCode: ROOT, year, annual: 6, monthly: null, tolerance: 1, toleranceKind: 'absolute', origin: 'demo', source: 'generate' });
        continue;
      }
      const perMonth = (code: string) => leaves.filter((l) => l.parents[0]?.parentCode === code || code === ROOT).reduce((s, l) => s + level(spec.seed, orgId, l.code, k), 0);
      for (const unitCode of [ROOT, ...avdelningar.map((a) => a.code)]) {
        const monthly = perMonth(unitCode) * 0.98;
        const annual = k.timeAggregation === 'mean' ? monthly : monthly * 12;
        out.push({ kpiId: k.id, unitCode, year, annual: Math.round(annual), monthly: null, tolerance: 5, toleranceKind: 'percent', origin: 'demo', source: 'generate' });
      }
    }
  }
  return out;
}
