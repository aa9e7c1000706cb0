import type { Gender, KpiDefinition } from './kpi.js';
import { cellsOfBand } from './age-band.js';
import { compareMonths, type Month } from './month.js';

/** One stored cell: a numerator with an optional denominator, on a leaf unit, a month and a gender. */
export interface ObservationCell {
  month: Month;
  unit: string;
  gender: Gender;
  ageBand: string;
  numerator: number;
  denominator: number | null;
}

export interface Aggregate {
  /** The KPI value, or null when no month in the period has data. */
  value: number | null;
  numerator: number;
  denominator: number | null;
  /** Months of the period that had data. */
  monthsWithData: Month[];
}

export interface CellFilter {
  gender: Gender;
  /** One age band; undefined (or '') asks for the total, which the KPI's ageBandKind defines (countsInBand). */
  ageBand?: string;
}

type BandKind = Pick<KpiDefinition, 'ageBandKind'>;

/**
 * Picks the cells that make up gender `g`. T is the sum of K and M wherever the
 * split is stored; a T row is used only for a unit and month that has no split
 * (sources without a gender split store T alone).
 */
export function selectGender<C extends ObservationCell>(cells: readonly C[], g: Gender): C[] {
  if (g !== 'T') return cells.filter((c) => c.gender === g);
  const split = new Set<string>();
  for (const c of cells) if (c.gender !== 'T') split.add(`${c.unit}\u0000${c.month}\u0000${c.ageBand}`);
  return cells.filter((c) => (c.gender === 'T' ? !split.has(`${c.unit}\u0000${c.month}\u0000${c.ageBand}`) : true));
}

interface MonthSums {
  num: number;
  den: number | null;
}

function sumByMonth(cells: readonly ObservationCell[]): Map<Month, MonthSums> {
  const byMonth = new Map<Month, MonthSums>();
  for (const c of cells) {
    const s = byMonth.get(c.month) ?? { num: 0, den: null };
    s.num += c.numerator;
    if (c.denominator !== null) s.den = (s.den ?? 0) + c.denominator;
    byMonth.set(c.month, s);
  }
  return byMonth;
}

function filterCells(kpi: BandKind, cells: readonly ObservationCell[], f: CellFilter): ObservationCell[] {
  return selectGender(cellsOfBand(kpi, cells, f.ageBand), f.gender);
}

/**
 * The one aggregation rule: Σ numerator / Σ denominator where the KPI has a
 * denominator, else Σ numerator combined over time by the KPI's time
 * aggregation. Never a mean of ratios.
 */
export function aggregateCells(kpi: Pick<KpiDefinition, 'timeAggregation' | 'scale' | 'ageBandKind'>, cells: readonly ObservationCell[], f: CellFilter): Aggregate {
  const byMonth = sumByMonth(filterCells(kpi, cells, f));
  const months = [...byMonth.keys()].sort(compareMonths);
  if (months.length === 0) return { value: null, numerator: 0, denominator: null, monthsWithData: [] };

  const picked = kpi.timeAggregation === 'last' ? months.slice(-1) : months;
  let num = 0;
  let den: number | null = null;
  for (const m of picked) {
    const s = byMonth.get(m);
    if (!s) continue;
    num += s.num;
    if (s.den !== null) den = (den ?? 0) + s.den;
  }
  let value: number | null;
  if (den !== null) value = den === 0 ? null : (num / den) * kpi.scale;
  else if (kpi.timeAggregation === 'mean') value = (num / picked.length) * kpi.scale;
  else value = num * kpi.scale;
  return { value, numerator: num, denominator: den, monthsWithData: months };
}

/**
 * A ratio KPI (kr per household-month, cost per vårddygn): Σ of the numerator
 * KPI over Σ of the denominator KPI, both summed over the months where both
 * have data, so a month missing on one side does not skew the ratio. The
 * ratio's ageBandKind holds for both sides ('subset' where either side's
 * bands are "varav": the total is then band '' on both).
 */
export function aggregateRatio(
  kpi: Pick<KpiDefinition, 'scale' | 'ageBandKind'>,
  numeratorCells: readonly ObservationCell[],
  denominatorCells: readonly ObservationCell[],
  f: CellFilter,
): Aggregate {
  const n = sumByMonth(filterCells(kpi, numeratorCells, f));
  const d = sumByMonth(filterCells(kpi, denominatorCells, f));
  const months = [...n.keys()].filter((m) => d.has(m)).sort(compareMonths);
  let num = 0;
  let den = 0;
  for (const m of months) {
    num += n.get(m)?.num ?? 0;
    den += d.get(m)?.num ?? 0;
  }
  const value = months.length === 0 || den === 0 ? null : (num / den) * kpi.scale;
  return { value, numerator: num, denominator: months.length ? den : null, monthsWithData: months };
}
