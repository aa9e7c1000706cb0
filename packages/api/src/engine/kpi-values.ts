import { loadCells, loadRollupCells, loadTargets, type Db, type KpiRecord, type StoredCell, type TargetRecord } from '@lagesbild/db';
import {
  aggregateCells,
  aggregateRatio,
  assessStatus,
  formatPeriod,
  formatValue,
  isRate,
  MAX_WINDOW_LEAD_MONTHS,
  measurementWindow,
  addMonths,
  monthCount,
  monthFromIndex,
  monthIndex,
  monthRange,
  monthsOf,
  periodKey,
  protectingCount,
  targetAppliesToSubgroup,
  targetForMonths,
  type Gender,
  type Month,
  type Period,
  type HiddenReason,
  type Status,
  type ValueWindow,
  valueWindow,
  type WindowFamily,
} from '@lagesbild/domain';
import type { EngineContext } from './engine-context.js';
import { NotFoundError } from '../errors.js';

export interface KpiValue {
  kpi: string;
  unit: string;
  period: string;
  periodLabel: string;
  /**
   * The months the value is measured over: the KPI's window of a report
   * period (volymmått delår: jan–jun; sick leave: 1/12–30/6), else the period
   * itself. The views name it under the figure where it differs.
   */
  window: ValueWindow;
  gender: Gender;
  value: number | null;
  display: string;
  target: number | null;
  targetDisplay: string | null;
  status: Status;
  /** Avvikelse: the value's distance from the target, positive when on the good side (under budget for a cost). */
  deviation: number | null;
  deviationDisplay: string | null;
  monthsWithData: number;
  monthsInPeriod: number;
  /** Provenance of the cells behind the value. */
  origin: 'reported' | 'synthetic' | 'mixed' | null;
  /** The import batches the value's cells came from (at most 20, newest first), to trace a figure to its file. */
  importBatches: number[];
  /** False while the KPI has no gender split and K or M was asked for. */
  genderAvailable: boolean;
  suppressed: boolean;
  /** Why the value is not shown (structured, for the dashboard's own words), or null. */
  hidden: HiddenReason | null;
}

/**
 * A value as computed, with the number of people behind it. That number is
 * for the suppression step only and never leaves the server: publishValues
 * strips it from everything it lets out.
 */
export type ComputedValue = KpiValue & { protectingCount: number | null };

/** Cells and targets loaded once for many computations (a series, a drill-down, a comparison). */
export interface ValueInputs {
  /** Leaf cells by KPI id. */
  byKpi: Map<string, StoredCell[]>;
  /** The same cells by `kpi|unit`: with roll-ups a value needs only its own unit's, so it need not filter every unit's. */
  byKpiUnit: Map<string, StoredCell[]>;
  targets: TargetRecord[];
  /** Targets by `kpi|unit|year`, since every value looks one up. */
  targetIndex: Map<string, TargetRecord>;
  /**
   * Cells are per unit asked for: a parent's roll-ups (already summed over its
   * leaves, T resolved) or a leaf's own cells, so a value reads its unit's
   * rows instead of walking the tree for every leaf.
   */
  rolledUp: boolean;
}

export function sourceKpis(k: KpiRecord): string[] {
  return k.ratioOf ? [k.ratioOf.numerator, k.ratioOf.denominator] : [k.id];
}

export function kpiOrThrow(ctx: EngineContext, id: string): KpiRecord {
  const k = ctx.kpis.get(id);
  if (!k) throw new NotFoundError(`KPI:n "${id}" finns inte.`);
  return k;
}

export function unitOrThrow(ctx: EngineContext, code: string): void {
  if (!ctx.tree.get(code)) throw new NotFoundError(`Enheten "${code}" finns inte.`);
}

/**
 * Cells and targets for some KPIs over a month range. With `units` (every
 * unit the caller will compute values for) and fresh roll-ups, the cells are
 * those units' roll-ups; otherwise the leaf cells of the whole organisation.
 */
export async function loadValueInputs(db: Db, ctx: EngineContext, kpis: KpiRecord[], start: Month, end: Month, units?: readonly string[]): Promise<ValueInputs> {
  const kpiIds = [...new Set(kpis.flatMap(sourceKpis))];
  // A KPI's window of a report period may start before it (sick leave from 1/12 the year before).
  start = addMonths(start, -MAX_WINDOW_LEAD_MONTHS);
  const rolledUp = ctx.rollups && units !== undefined;
  const [cells, targets] = await Promise.all([
    bySlices(start, end, (s, e) => (rolledUp && units ? loadUnitCells(db, ctx, kpiIds, s, e, units) : loadCells(db, { orgId: ctx.orgId, kpiIds, start: s, end: e }))),
    // A rate's target is inherited down the tree (see targetFor): the units' own and their ancestors' in any month shown.
    loadTargets(
      db,
      ctx.orgId,
      kpis.map((k) => k.id),
      units && targetUnits(ctx, units, start, end),
    ),
  ]);
  const byKpi = new Map<string, StoredCell[]>();
  const byKpiUnit = new Map<string, StoredCell[]>();
  const add = (m: Map<string, StoredCell[]>, key: string, c: StoredCell) => {
    const list = m.get(key);
    if (list) list.push(c);
    else m.set(key, [c]);
  };
  for (const c of cells) {
    add(byKpi, c.kpiId, c);
    if (rolledUp) add(byKpiUnit, `${c.kpiId}|${c.unit}`, c);
  }
  const targetIndex = new Map<string, TargetRecord>();
  for (const t of targets) targetIndex.set(`${t.kpiId}|${t.unit}|${t.year}`, t);
  return { byKpi, byKpiUnit, targets, targetIndex, rolledUp };
}

/**
 * Cells are read a year at a time, one query after the other: embedded PGlite
 * runs a query and parses its rows on the event loop, so ten years in one
 * query would hold it (and /health, and every other request) for as long as
 * ten in a row; in slices, other requests get in between.
 */
const SLICE_MONTHS = 12;
async function bySlices(start: Month, end: Month, load: (start: Month, end: Month) => Promise<StoredCell[]>): Promise<StoredCell[]> {
  const last = monthIndex(end);
  let out: StoredCell[] = [];
  for (let i = monthIndex(start); i <= last; i += SLICE_MONTHS) out = out.concat(await load(monthFromIndex(i), monthFromIndex(Math.min(i + SLICE_MONTHS - 1, last))));
  return out;
}

/** The units whose targets can judge these units' values in start..end: each one and every unit above it then. */
export function targetUnits(ctx: EngineContext, units: readonly string[], start: Month, end: Month): string[] {
  const out = new Set(units);
  for (const m of monthRange(start, end)) for (const u of units) for (const a of ctx.tree.pathAt(u, m)) out.add(a);
  return [...out];
}

/** Parents' roll-ups and leaves' own cells: for each unit asked for, exactly the cells that make up its total. */
async function loadUnitCells(db: Db, ctx: EngineContext, kpiIds: string[], start: Month, end: Month, units: readonly string[]): Promise<StoredCell[]> {
  const parents = units.filter((u) => ctx.parents.has(u));
  const leaves = units.filter((u) => !ctx.parents.has(u));
  const [rolled, own] = await Promise.all([
    loadRollupCells(db, { orgId: ctx.orgId, kpiIds, start, end, unitCodes: parents }),
    leaves.length ? loadCells(db, { orgId: ctx.orgId, kpiIds, start, end, unitCodes: leaves }) : [],
  ]);
  return rolled.concat(own);
}

/**
 * The cells of a KPI that count for a unit in months lo..hi (lo null: from
 * the start): its leaves then, or its own roll-ups. Months compare as
 * strings, which for YYYY-MM is their order, since this runs for every value.
 */
export function cellsWithin(ctx: EngineContext, inputs: ValueInputs, kpiId: string, unit: string, lo: Month | null, hi: Month): StoredCell[] {
  if (inputs.rolledUp) return (inputs.byKpiUnit.get(`${kpiId}|${unit}`) ?? []).filter((c) => (lo === null || c.month >= lo) && c.month <= hi);
  return (inputs.byKpi.get(kpiId) ?? []).filter((c) => (lo === null || c.month >= lo) && c.month <= hi && ctx.tree.isWithin(c.unit, unit, c.month));
}

/** The cells to aggregate for a gender: roll-ups hold T already resolved, so they are taken by gender as they are; leaf cells go to selectGender. */
export function ofGender(inputs: ValueInputs, cells: StoredCell[], gender: Gender): StoredCell[] {
  return inputs.rolledUp ? cells.filter((c) => !c.provenance || c.gender === gender) : cells;
}

function originOf(cells: readonly StoredCell[]): KpiValue['origin'] {
  if (cells.length === 0) return null;
  const reported = cells.some((c) => (c.provenance ? c.provenance.reported : c.origin === 'reported'));
  const synthetic = cells.some((c) => (c.provenance ? c.provenance.synthetic : c.origin === 'synthetic'));
  return reported && synthetic ? 'mixed' : reported ? 'reported' : 'synthetic';
}

function batchesOf(cells: readonly StoredCell[]): number[] {
  const ids = new Set<number>();
  for (const c of cells) {
    if (c.provenance) for (const b of c.provenance.batchIds) ids.add(b);
    else if (c.batchId !== null) ids.add(c.batchId);
  }
  return [...ids].sort((a, b) => b - a).slice(0, 20);
}

/**
 * The annual target of a KPI for a unit and year. A rate without a target of
 * its own takes the nearest ancestor's (the förvaltning's sick-leave ceiling
 * holds for every enhet); a volume never does, since a part is not the whole.
 */
export function targetFor(ctx: EngineContext, inputs: ValueInputs, k: KpiRecord, unit: string, at: Month, year: number): TargetRecord | null {
  const chain = isRate(k) ? ctx.tree.pathAt(unit, at).reverse() : [unit];
  for (const u of chain) {
    const t = inputs.targetIndex.get(`${k.id}|${u}|${year}`);
    if (t) return t;
  }
  return null;
}

/**
 * One KPI value for a unit, period and gender (and age band, where asked: the
 * KPI's total otherwise, domain countsInBand): leaf cells rolled up along the
 * unit tree as it was in each month, aggregated by the domain's one rule over
 * the KPI's window of the period, and judged against the target for exactly
 * those months (a band is judged as a subgroup is, by judgedAgainstTarget's
 * gender rule: only where T).
 */
export function valueOf(ctx: EngineContext, inputs: ValueInputs, k: KpiRecord, unit: string, period: Period, gender: Gender, ageBand?: string): ComputedValue {
  // Roll-ups hold totals only: a band is read from leaf cells (loadValueInputs without units).
  if (ageBand && inputs.rolledUp) throw new Error('an age band is computed from leaf cells, not roll-ups');
  const w = measurementWindow(period, k.windowFamily);
  const inPeriod = sourceKpis(k).flatMap((id) => cellsWithin(ctx, inputs, id, unit, w.start, w.end));
  const genderAvailable = gender === 'T' || k.genderSplit;
  const filter = { gender, ageBand };
  const picked = ofGender(inputs, inPeriod, gender);
  const agg = !genderAvailable
    ? null
    : k.ratioOf
      ? aggregateRatio(
          k,
          picked.filter((c) => c.kpiId === k.ratioOf?.numerator),
          picked.filter((c) => c.kpiId === k.ratioOf?.denominator),
          filter,
        )
      : aggregateCells(k, picked, filter);
  const value = agg?.value ?? null;
  return {
    ...judgedValue(ctx, inputs, k, unit, period, gender, value, ageBand),
    display: genderAvailable ? formatValue(value, k.unit, k.decimals) : 'ej könsuppdelad',
    monthsWithData: agg?.monthsWithData.length ?? 0,
    origin: originOf(inPeriod),
    importBatches: batchesOf(inPeriod),
    genderAvailable,
    suppressed: false,
    hidden: null,
    protectingCount: agg ? protectingCount(k, agg, k.ratioOf && agg.denominator !== null ? agg.denominator / Math.max(1, agg.monthsWithData.length) : null) : null,
  };
}

/** What a computed and a released value share: what it is, its window, its target (over the window's months), status and deviation. */
export function judgedValue(ctx: EngineContext, inputs: ValueInputs, k: KpiRecord, unit: string, period: Period, gender: Gender, value: number | null, ageBand?: string) {
  const w = measurementWindow(period, k.windowFamily);
  const { target, deviation } = judgedAgainstTarget(ctx, inputs, k, unit, w, gender, value, ageBand);
  return {
    kpi: k.id,
    unit,
    period: periodKey(period),
    periodLabel: formatPeriod(period),
    window: valueWindow(period, k.windowFamily),
    gender,
    value,
    target: target?.value ?? null,
    targetDisplay: target ? formatValue(target.value, k.unit, k.decimals) : null,
    status: assessStatus(value, target, k.direction),
    deviation,
    deviationDisplay: deviation === null ? null : `${deviation > 0 ? '+' : ''}${formatValue(deviation, k.unit, k.decimals)}`,
    monthsInPeriod: monthCount(w),
  };
}

/** The target a value is judged against (T, or a subgroup where the target applies to it) and its deviation in the KPI's direction: one rule for computed and released values. */
export function judgedAgainstTarget(ctx: EngineContext, inputs: ValueInputs, k: KpiRecord, unit: string, period: Period, gender: Gender, value: number | null, ageBand?: string) {
  // An age band is a subgroup as K and M are: a volume's target is for the whole.
  const judged = (gender === 'T' && !ageBand) || targetAppliesToSubgroup(k);
  const target = judged ? targetForMonths(monthsOf(period), isRate(k) ? 'ratio' : k.timeAggregation, (year) => targetFor(ctx, inputs, k, unit, period.end, year)) : null;
  const deviation = value === null || !target || k.direction === 'none' ? null : k.direction === 'lower' ? target.value - value : value - target.value;
  return { target, deviation };
}

/**
 * The place of a value that is not computed because its unit was not within
 * the caller's units in every month of the period: no figure, no target, no
 * provenance. `outside` says so as data, for the views to mark.
 */
export function outsideValue(kpi: string, unit: string, period: Period, gender: Gender, family?: WindowFamily): KpiValue & { outside: true } {
  return {
    kpi,
    unit,
    period: periodKey(period),
    periodLabel: formatPeriod(period),
    window: valueWindow(period, family),
    gender,
    value: null,
    display: '–',
    target: null,
    targetDisplay: null,
    status: 'none',
    deviation: null,
    deviationDisplay: null,
    monthsWithData: 0,
    monthsInPeriod: monthCount(measurementWindow(period, family)),
    origin: null,
    importBatches: [],
    genderAvailable: true,
    suppressed: false,
    hidden: null,
    outside: true,
  };
}

export interface ValueRequest {
  kpiIds: readonly string[];
  unit: string;
  period: Period;
  gender: Gender;
}

/** Values of some KPIs for one unit, period and gender. */
export async function computeKpiValues(db: Db, ctx: EngineContext, req: ValueRequest): Promise<ComputedValue[]> {
  unitOrThrow(ctx, req.unit);
  const defs = req.kpiIds.map((id) => kpiOrThrow(ctx, id));
  const inputs = await loadValueInputs(db, ctx, defs, req.period.start, req.period.end, [req.unit]);
  return defs.map((k) => valueOf(ctx, inputs, k, req.unit, req.period, req.gender));
}
