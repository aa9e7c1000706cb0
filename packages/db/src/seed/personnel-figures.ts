import { monthRange, type Month } from '@lagesbild/domain';
import { referenceRows } from './reference-csv.js';

/** A printed personnel figure per gender over a period of months (the reports' "1/12–30/6" etc.). */
export interface PrintedSplit {
  start: Month;
  end: Month;
  T: number;
  K: number;
  M: number;
  source: string;
  line: number;
}

/** "1/12-30/6" printed in the report of year y → months; December belongs to the year before. */
function periodMonths(measurementPeriod: string, year: number): [Month, Month] {
  const [from = '', to = ''] = measurementPeriod.split('-');
  const [, fm = '1'] = from.split('/');
  const [, tm = '12'] = to.split('/');
  const startMonth = Number(fm);
  const endMonth = Number(tm);
  const startYear = startMonth > endMonth ? year - 1 : year;
  return [`${startYear}-${String(startMonth).padStart(2, '0')}`, `${year}-${String(endMonth).padStart(2, '0')}`];
}

/** Every printed T/K/M triple of the given measures whose months lie in the demo's range. */
export function printedSplits(measures: readonly string[], first: Month = '2017-12'): PrintedSplit[] {
  const groups = new Map<string, Partial<PrintedSplit> & { start: Month; end: Month }>();
  for (const r of referenceRows('personnel_key_figures')) {
    if (!measures.includes(r.measure_sv ?? '') || !r.value) continue;
    const year = Number(/\d{4}/.exec(r.report ?? '')?.[0]);
    const [start, end] = periodMonths(r.measurement_period ?? '', year);
    if (start < first) continue;
    const key = `${start}:${end}`;
    const g = groups.get(key) ?? { start, end };
    const v = Number(r.value);
    if (r.gender === 'total') Object.assign(g, { T: v, source: r.source, line: Number(r.line) });
    if (r.gender === 'kvinnor') g.K = v;
    if (r.gender === 'män') g.M = v;
    groups.set(key, g);
  }
  return [...groups.values()].filter((g): g is PrintedSplit => g.T !== undefined && g.K !== undefined && g.M !== undefined);
}

export const SICK_LEAVE_MEASURES = ['Total sjukfrånvaro', 'Sjukfrånvaro totalt (%)'] as const;
export const FTE_MEASURES = ['Antal årsarbetare totalt (omräknade heltider)', 'Årsarbetare, antal omräknade heltider'] as const;

/**
 * Picks the women's and men's values inside their printed rounding intervals
 * so that the weighted total lands as close as it can to the printed total
 * (the printed T, K and M are rounded separately and the weights are hours or
 * respondents).
 */
export function fitSplit(p: { T: number; K: number; M: number }, weightK: number, weightM: number, half = 0.049): { K: number; M: number } {
  let best = { K: p.K, M: p.M, err: Number.POSITIVE_INFINITY };
  for (let i = -49; i <= 49; i++) {
    for (let j = -49; j <= 49; j++) {
      const k = p.K + (i / 49) * half;
      const m = p.M + (j / 49) * half;
      const t = (k * weightK + m * weightM) / (weightK + weightM);
      const err = Math.abs(t - p.T) + (1e-3 * (Math.abs(i) + Math.abs(j))) / 49;
      if (err < best.err) best = { K: k, M: m, err };
    }
  }
  return { K: best.K, M: best.M };
}

export const monthsOfSplit = (p: PrintedSplit) => monthRange(p.start, p.end);
