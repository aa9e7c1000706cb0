import type { Db } from '@lagesbild/db';
import { isRate, monthPeriod, monthRange, periodKey, sameLastYear, tertial, tertialOf, yearOf, yearPeriod, type Gender, type Month, type Period, type Status } from '@lagesbild/domain';
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
  const inputs = await loadValueInputs(db, ctx, [k], first.start, last.end, [q.unit, ...children]);
  let note: string | null = null;
  let lines: { key: string; label: string; unit: string; gender: Gender }[];
  if (q.split === 'gender' && k.genderSplit)
    lines = [
      { key: 'K', label: 'Kvinnor', unit: q.unit, gender: 'K' },
      { key: 'M', label: 'Män', unit: q.unit, gender: 'M' },
    ];
  else if (q.split === 'unit') lines = children.map((c) => ({ key: c, label: ctx.tree.nameAt(c, last.end), unit: c, gender: 'T' }));
  else {
    if (q.split === 'gender') note = 'ej könsuppdelad';
    lines = [{ key: 'T', label: 'Totalt', unit: q.unit, gender: 'T' }];
  }
  // The unit's total is shown elsewhere (the overview, the total line), so a
  // split is suppressed together with it: total minus the other parts must
  // not give a hidden part back. The total itself rides along unshown.
  const splitting = lines.length > 1 || lines[0]?.key !== 'T';
  const id = (line: string, p: Period) => `${line}|${periodKey(p)}`;
  const items = periods.flatMap((p) => [
    ...lines.map((l) => ({ id: id(l.key, p), value: valueOf(ctx, inputs, k, l.unit, p, l.gender), privacyClass: k.privacyClass })),
    ...(splitting ? [{ id: id('=total', p), value: valueOf(ctx, inputs, k, q.unit, p, 'T'), privacyClass: k.privacyClass }] : []),
  ]);
  const additive = !isRate(k) && k.timeAggregation !== 'last';
  const relations = splitting && additive ? periods.map((p) => ({ total: id('=total', p), parts: lines.map((l) => id(l.key, p)) })) : [];
  const shown = publishValues(items, relations, q.suppress);
  const series: Series[] = lines.map((l) => ({
    key: l.key,
    label: l.label,
    points: periods.flatMap((p) => {
      const v = shown.get(id(l.key, p));
      return v ? [{ period: v.period, periodLabel: v.periodLabel, value: v.value, display: v.display, target: v.target, status: v.status }] : [];
    }),
  }));
  return { kpi: k.id, unit: q.unit, grain: q.grain, split: q.split, note, series };
}

/** The same range a year earlier, for the "last year" overlay. */
export function lastYearRange(start: Month, end: Month): { start: Month; end: Month } {
  const p = sameLastYear({ kind: 'range', start, end });
  return { start: p.start, end: p.end };
}
