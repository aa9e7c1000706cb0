import { monthRange, type Month } from '@lagesbild/domain';
import type { SumConstraint } from './fit.js';
import { figure, referenceRows, type ReportedFigure } from './reference-csv.js';

/** Monthly figures of one printed row: month → value with its source line. */
export type MonthlyFigures = Map<Month, ReportedFigure>;

export function monthly(file: string, match: (r: Record<string, string>) => boolean, valueField = 'value', scale = 1): MonthlyFigures {
  const out: MonthlyFigures = new Map();
  for (const r of referenceRows(file)) {
    if (!r.month || !match(r)) continue;
    const f = figure(r, valueField);
    if (f) out.set(r.month, { ...f, value: f.value * scale });
  }
  return out;
}

/** How a volume's months make its printed figure: a flow adds up, a mean averages, a stock ('last') is its period's last month. */
export type VolumeAggregation = 'sum' | 'mean' | 'last';

/**
 * The printed utfall of a volymmått row as constraints on the monthly cells:
 * a flow's months add up to it, a mean's months to it × months, and a stock
 * ('last') is its value in the period's last month.
 */
export function volumeConstraints(labels: readonly string[], agg: VolumeAggregation, firstMonth: Month = '2018-01'): SumConstraint[] {
  const out: SumConstraint[] = [];
  for (const r of referenceRows('volume_measures')) {
    if (r.kind !== 'utfall' || !labels.includes(r.measure_sv ?? '') || !r.value) continue;
    const start = r.period_start ?? '';
    const end = r.period_end ?? '';
    if (start < firstMonth) continue;
    const value = Number(r.value);
    if (agg === 'last') out.push({ start: end, end, total: value });
    else out.push({ start, end, total: agg === 'mean' ? value * monthRange(start, end).length : value });
  }
  return out;
}

export const HOUSEHOLD_LABELS = ['Antal hushåll som beviljats ekonomiskt bistånd, genomsnitt per månad', 'Hushåll med utbetalt försörjningsstöd, antal per månad'] as const;
