import type { Db, KpiRecord } from '@lagesbild/db';
import {
  monthPeriod,
  monthRange,
  periodKey,
  sameLastYear,
  tertial,
  tertialOf,
  yearOf,
  yearPeriod,
  type Gender,
  type HiddenReason,
  type Month,
  type Period,
  type Status,
} from '@lagesbild/domain';
import type { EngineContext } from '../engine/engine-context.js';
import { InputError } from '../errors.js';
import { kpiOrThrow, loadValueInputs, outsideValue, unitOrThrow, valueOf, type KpiValue, type ValueInputs } from '../engine/kpi-values.js';
import { nameWhileAllowed, type UnitAccess } from '../access/scope.js';
import { requestedBand } from '../engine/age-band.js';
import { pacer } from '../engine/pace.js';
import { publishValues, type Outgoing } from '../engine/publish.js';
import { loadTargetInputs, releasedValue, releaseFor } from '../engine/released.js';

export type Grain = 'month' | 'tertial' | 'year';
export type Split = 'none' | 'gender' | 'unit' | 'ageBand';

export interface SeriesPoint {
  period: string;
  periodLabel: string;
  /** The months the point is measured over: the KPI's window of a report period (sick leave's T1 from 1/12). */
  window: KpiValue['window'];
  value: number | null;
  display: string;
  target: number | null;
  status: Status;
  /** The line's unit was not within the caller's units in every month of the point: no value computed. */
  outside: boolean;
  /** Why the value is not shown, or null. */
  hidden: HiddenReason | null;
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
  /** Which split was asked for a KPI that has none (the dashboard says so in its language); null otherwise. */
  unsplit: 'gender' | 'ageBand' | null;
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

interface Line {
  key: string;
  label: string;
  unit: string;
  gender: Gender;
  ageBand?: string;
}

/**
 * A KPI over time for one unit, at month, tertial or year grain, split by
 * gender or by child unit. A point is computed only where its line's unit was
 * the caller's in every month of the point (`access`); elsewhere it is marked
 * outside, and a child that never was hers is left out.
 */
export async function buildSeries(
  db: Db,
  ctx: EngineContext,
  q: { kpi: string; unit: string; start: Month; end: Month; grain: Grain; split: Split; ageBand?: string; suppress: boolean; access: UnitAccess },
): Promise<SeriesResult> {
  unitOrThrow(ctx, q.unit);
  const k = kpiOrThrow(ctx, q.kpi);
  const band = requestedBand(k, q.ageBand);
  const periods = periodsOf(q.start, q.end, q.grain);
  if (periods.length > MAX_POINTS) throw new InputError(`För många punkter (${periods.length}); välj en kortare period eller en grövre indelning.`);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new InputError('Perioden är tom.');
  const children =
    q.split === 'unit'
      ? [...new Set(periods.flatMap((p) => monthRange(p.start, p.end).flatMap((m) => ctx.tree.childrenAt(q.unit, m))))].filter((c) =>
          periods.some((p) => q.access.allowsPeriod(c, p)),
        )
      : [];
  const units = [q.unit, ...children];
  // A suppressed audience reads the protected release only: no cells are loaded for it.
  const [inputs, release] = q.suppress
    ? await Promise.all([loadTargetInputs(db, ctx, [k], first.start, last.end, units), releaseFor(db, ctx.orgId)])
    : // Bands are read from leaf cells: the roll-ups hold totals only.
      [await loadValueInputs(db, ctx, [k], first.start, last.end, band || q.split === 'ageBand' ? undefined : units), null];
  let unsplit: SeriesResult['unsplit'] = null;
  let lines: Line[];
  if (q.split === 'gender' && k.genderSplit)
    lines = [
      { key: 'K', label: 'Kvinnor', unit: q.unit, gender: 'K', ageBand: band },
      { key: 'M', label: 'Män', unit: q.unit, gender: 'M', ageBand: band },
    ];
  else if (q.split === 'unit')
    lines = children.map((c) => ({ key: c, label: nameWhileAllowed(ctx.tree, q.access, c, monthRange(first.start, last.end)), unit: c, gender: 'T', ageBand: band }));
  else if (q.split === 'ageBand' && k.ageBands.length > 0)
    // The total beside its bands: "varav 18–24" under the whole, or the parts of a partition (sick leave -29, 30-49, 50-).
    lines = [{ key: 'T', label: 'Totalt', unit: q.unit, gender: 'T' }, ...k.ageBands.map((b): Line => ({ key: b, label: `${b} år`, unit: q.unit, gender: 'T', ageBand: b }))];
  else {
    if (q.split === 'gender' || q.split === 'ageBand') unsplit = q.split;
    lines = [{ key: 'T', label: 'Totalt', unit: q.unit, gender: 'T', ageBand: band }];
  }
  // A suppressed audience's values are lookups in the protected release, which already protects
  // a split (gender, age band) together with its total (docs/privacy.md); exact roles see every value.
  const id = (line: string, p: Period) => `${line}|${periodKey(p)}`;
  const mine = (unit: string, p: Period) => q.access.allowsPeriod(unit, p);
  const shown = release
    ? new Map(
        periods.flatMap((p) => lines.filter((l) => mine(l.unit, p)).map((l) => [id(l.key, p), releasedValue(ctx, release, inputs, k, l.unit, p, l.gender, l.ageBand)] as const)),
      )
    : await exactSeries(ctx, inputs, k, periods, lines, id, mine);
  const series: Series[] = lines.map((l) => ({
    key: l.key,
    label: l.label,
    points: periods.flatMap((p) => {
      const v = mine(l.unit, p) ? shown.get(id(l.key, p)) : outsideValue(k.id, l.unit, p, l.gender, k.windowFamily);
      return v
        ? [
            {
              period: v.period,
              periodLabel: v.periodLabel,
              window: v.window,
              value: v.value,
              display: v.display,
              target: v.target,
              status: v.status,
              outside: !mine(l.unit, p),
              hidden: v.hidden ?? null,
            },
          ]
        : [];
    }),
  }));
  return { kpi: k.id, unit: q.unit, grain: q.grain, split: q.split, unsplit, series };
}

/** The exact values of a series (roles that see exact values): computed from cells, nothing hidden; only where the line's unit was the caller's. */
async function exactSeries(
  ctx: EngineContext,
  inputs: ValueInputs,
  k: KpiRecord,
  periods: Period[],
  lines: Line[],
  id: (line: string, p: Period) => string,
  mine: (unit: string, p: Period) => boolean,
): Promise<Map<string, KpiValue>> {
  const pace = pacer();
  const items: Outgoing[] = [];
  for (const p of periods) {
    await pace();
    for (const l of lines) if (mine(l.unit, p)) items.push({ id: id(l.key, p), value: valueOf(ctx, inputs, k, l.unit, p, l.gender, l.ageBand), privacyClass: k.privacyClass });
  }
  return publishValues(items, [], false);
}

/** The same range a year earlier, for the "last year" overlay. */
export function lastYearRange(start: Month, end: Month): { start: Month; end: Month } {
  const p = sameLastYear({ kind: 'range', start, end });
  return { start: p.start, end: p.end };
}
