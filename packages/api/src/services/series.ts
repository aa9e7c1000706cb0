import type { Db } from '@lagesbild/db';
import { monthPeriod, monthRange, periodKey, sameLastYear, tertial, tertialOf, yearOf, yearPeriod, type Gender, type Month, type Period, type Status } from '@lagesbild/domain';
import type { EngineContext } from './engine-context.js';
import { InputError } from './errors.js';
import { kpiOrThrow, loadValueInputs, unitOrThrow, valueOf } from './kpi-values.js';
import { publishValues } from './publish.js';

export type Grain = 'month' | 'tertial' | 'year';
export type Split = 'none' | 'gender' | 'unit';

export interface SeriesPoint {
  period: string;
  periodLabel: string;
  value: number | null;
  display: string;
  target: number | null;
  status: Status;
}

export interface Series {
  key: string;
  label: string;
  points: SeriesPoint[];
}

export interface SeriesResult {
  kpi: string;
  unit: string;
  grain: Grain;
  split: Split;
  /** Set when a gender split was asked for a KPI that has none. */
  note: string | null;
  series: Series[];
}

/** The periods of a grain that cover a month range, in order. */
export function periodsOf(start: Month, end: Month, grain: Grain): Period[] {
  const out: Period[] = [];
  const seen = new Set<string>();
  for (const m of monthRange(start, end)) {
    const p = grain === 'month' ? monthPeriod(m) : grain === 'tertial' ? tertial(yearOf(m), tertialOf(m)) : yearPeriod(yearOf(m));
    if (!seen.has(p.start)) {
      seen.add(p.start);
      out.push(p);
    }
  }
  return out;
}

const MAX_POINTS = 240;

/** A KPI over time for one unit, at month, tertial or year grain, split by gender or by child unit. */
export async function buildSeries(
  db: Db,
  ctx: EngineContext,
  q: { kpi: string; unit: string; start: Month; end: Month; grain: Grain; split: Split; suppress: boolean },
): Promise<SeriesResult> {
  unitOrThrow(ctx, q.unit);
  const k = kpiOrThrow(ctx, q.kpi);
  const periods = periodsOf(q.start, q.end, q.grain);
  if (periods.length > MAX_POINTS) throw new InputError(`För många punkter (${periods.length}); välj en kortare period eller en grövre indelning.`);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new InputError('Perioden är tom.');
  const children = q.split === 'unit' ? [...new Set(periods.flatMap((p) => monthRange(p.start, p.end).flatMap((m) => ctx.tree.childrenAt(q.unit, m))))] : [];
  const inputs = await loadValueInputs(db, ctx, [k], first.start, last.end);
  const line = (key: string, label: string, unit: string, gender: Gender): Series => {
    const shown = publishValues(
      periods.map((p) => ({ id: periodKey(p), value: valueOf(ctx, inputs, k, unit, p, gender), privacyClass: k.privacyClass })),
      [],
      q.suppress,
    );
    return {
      key,
      label,
      points: periods.flatMap((p) => {
        const v = shown.get(periodKey(p));
        return v ? [{ period: v.period, periodLabel: v.periodLabel, value: v.value, display: v.display, target: v.target, status: v.status }] : [];
      }),
    };
  };
  let note: string | null = null;
  let series: Series[];
  if (q.split === 'gender' && k.genderSplit) series = [line('K', 'Kvinnor', q.unit, 'K'), line('M', 'Män', q.unit, 'M')];
  else if (q.split === 'unit') series = children.map((c) => line(c, ctx.tree.nameAt(c, last.end), c, 'T'));
  else {
    if (q.split === 'gender') note = 'ej könsuppdelad';
    series = [line('T', 'Totalt', q.unit, 'T')];
  }
  return { kpi: k.id, unit: q.unit, grain: q.grain, split: q.split, note, series };
}

/** The same range a year earlier, for the "last year" overlay. */
export function lastYearRange(start: Month, end: Month): { start: Month; end: Month } {
  const p = sameLastYear({ kind: 'range', start, end });
  return { start: p.start, end: p.end };
}
