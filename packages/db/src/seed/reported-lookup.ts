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

/** Printed utfall of a volume measure as sum constraints (means are turned into sums over their months). */
export function volumeConstraints(labels: readonly string[], kind: 'sum' | 'mean', firstMonth: Month = '2018-01'): SumConstraint[] {
  const out: SumConstraint[] = [];
  for (const r of referenceRows('volume_measures')) {
    if (r.kind !== 'utfall' || !labels.includes(r.measure_sv ?? '') || !r.value) continue;
    const start = r.period_start ?? '';
    const end = r.period_end ?? '';
    if (start < firstMonth) continue;
    const n = monthRange(start, end).length;
    out.push({ start, end, total: kind === 'mean' ? Number(r.value) * n : Number(r.value) });
  }
  return out;
}

export const HOUSEHOLD_LABELS = ['Antal hushåll som beviljats ekonomiskt bistånd, genomsnitt per månad', 'Hushåll med utbetalt försörjningsstöd, antal per månad'] as const;
