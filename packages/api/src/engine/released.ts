import { loadRelease, loadTargets, rebuildRelease, releaseStatus, type Db, type KpiRecord } from '@lagesbild/db';
import {
  DEFAULT_SUPPRESSION,
  forecastStatus,
  forecastYearEnd,
  formatValue,
  hiddenReason,
  hiddenText,
  isRate,
  addMonths,
  makeMonth,
  MAX_WINDOW_LEAD_MONTHS,
  measurementWindow,
  monthIndex,
  monthRange,
  ReleaseIndex,
  yearOf,
  yearToDate,
  type Gender,
  type Month,
  type MonthlyTotal,
  type Period,
} from '@lagesbild/domain';
import type { EngineContext } from './engine-context.js';
import type { ComputedForecast, ForecastAsk } from './kpi-forecast.js';
import { judgedValue, targetFor, targetUnits, type KpiValue, type ValueInputs } from './kpi-values.js';

/**
 * Every answer to a suppressed audience is a lookup in the organisation's
 * protected release (docs/privacy.md), never a computation on raw cells.
 * The release is kept per process and organisation for as long as its build
 * is current; a missing or stale one (data written by a path that does not
 * rebuild it) is rebuilt once, in its own transaction, before it is read.
 */
const kept = new WeakMap<Db, Map<string, { buildId: number; index: Promise<ReleaseIndex> }>>();

export async function releaseFor(db: Db, orgId: string): Promise<ReleaseIndex> {
  let byOrg = kept.get(db);
  if (!byOrg) kept.set(db, (byOrg = new Map<string, { buildId: number; index: Promise<ReleaseIndex> }>()));
  let status = await releaseStatus(db, orgId);
  if (!status?.fresh) status = await db.transaction((tx) => rebuildRelease(tx, orgId, { onlyIfStale: true }));
  const hit = byOrg.get(orgId);
  if (hit && hit.buildId === status.buildId) return hit.index;
  const buildId = status.buildId;
  const index = loadRelease(db, orgId, buildId).then(async (r) => {
    if (r) return new ReleaseIndex(r);
    // Replaced between the status and the read: take the newer build.
    byOrg.delete(orgId);
    return releaseFor(db, orgId);
  });
  index.catch(() => byOrg.delete(orgId));
  byOrg.set(orgId, { buildId, index });
  return index;
}

/** Targets only: a released value is judged against the targets, which are public; no cells are read. */
export async function loadTargetInputs(db: Db, ctx: EngineContext, kpis: readonly KpiRecord[], start: Month, end: Month, units: readonly string[]): Promise<ValueInputs> {
  const targets = await loadTargets(
    db,
    ctx.orgId,
    kpis.map((k) => k.id),
    targetUnits(ctx, units, addMonths(start, -MAX_WINDOW_LEAD_MONTHS), end),
  );
  const targetIndex = new Map(targets.map((t) => [`${t.kpiId}|${t.unit}|${t.year}`, t]));
  return { byKpi: new Map(), byKpiUnit: new Map(), targets, targetIndex, rolledUp: true };
}

/** One released value (over the KPI's window of the period, which the release holds; the total, or an age band's) with its target and status, in the shape every view sends. */
export function releasedValue(
  ctx: EngineContext,
  index: ReleaseIndex,
  inputs: ValueInputs,
  k: KpiRecord,
  unit: string,
  period: Period,
  gender: Gender,
  ageBand?: string,
): KpiValue {
  const genderAvailable = gender === 'T' || k.genderSplit;
  const cell = genderAvailable
    ? index.cell(k, unit, gender, measurementWindow(period, k.windowFamily), ageBand ?? '')
    : { value: null, mark: 'none' as const, noun: null, monthsWithData: 0 };
  const hidden = cell.mark === 'none' ? null : hiddenReason(cell.mark, cell.noun, DEFAULT_SUPPRESSION);
  const judged = judgedValue(ctx, inputs, k, unit, period, gender, cell.value, ageBand);
  return {
    ...judged,
    display: !genderAvailable ? 'ej könsuppdelad' : hidden ? hiddenText(hidden) : formatValue(cell.value, k.unit, k.decimals),
    status: hidden ? 'none' : judged.status,
    monthsWithData: cell.monthsWithData,
    // Provenance names import batches and files: not part of what a suppressed audience is released.
    origin: null,
    importBatches: [],
    genderAvailable,
    suppressed: hidden !== null,
    hidden,
  };
}

/**
 * The year-end forecast from released values only: the released months of
 * this year and the three before (hidden months left out), through the
 * domain's forecastYearEnd; a rate's forecast is its released year to date.
 * Hidden with the year to date it scales.
 */
export function releasedForecast(ctx: EngineContext, index: ReleaseIndex, inputs: ValueInputs, ask: ForecastAsk): ComputedForecast {
  const { k, unit, asOf, gender, basisFrom, ageBand } = ask;
  const year = yearOf(asOf);
  const ytd = releasedValue(ctx, index, inputs, k, unit, yearToDate(asOf), gender, ageBand);
  // A target is for the whole: a band is judged as a subgroup is (kpi-values.ts).
  const target = gender === 'T' && !ageBand ? targetFor(ctx, inputs, k, unit, asOf, year) : null;
  // basisFrom: the first month a scoped caller's unit was hers (scope.ts); the forecast learns from no earlier month.
  const earliest = makeMonth(year - 3, 1);
  const from = basisFrom !== null && monthIndex(basisFrom) > monthIndex(earliest) ? basisFrom : earliest;
  const months = monthRange(from, asOf);
  const values = index.months(k, unit, gender, from, asOf, ageBand ?? '');
  const series: MonthlyTotal[] = [];
  values.forEach((v, i) => {
    const month = months[i];
    if (v !== null && month !== undefined) series.push({ month, numerator: v });
  });
  const f =
    isRate(k) || ytd.value === null
      ? {
          year,
          asOf,
          value: ytd.value,
          method: ytd.value === null ? ('none' as const) : ('run-rate' as const),
          explanation: ytd.value === null ? `ingen prognos för ${year}` : 'andelen hittills i år antas hålla året ut',
          explanationEn: ytd.value === null ? `no forecast for ${year}` : 'the share so far this year is assumed to hold',
          basisYears: [],
          monthsUsed: [],
          ytdValue: ytd.value,
        }
      : forecastYearEnd({ asOf, timeAggregation: k.timeAggregation, scale: 1, ratio: false, series, maxBasisYears: 3 });
  const rounded = f.value === null ? null : Math.round(f.value * 10 ** k.decimals) / 10 ** k.decimals;
  return {
    forecast: {
      year,
      asOf,
      value: rounded,
      display: formatValue(rounded, k.unit, k.decimals),
      method: f.method,
      explanation: f.explanation,
      explanationEn: f.explanationEn,
      annualTarget: target?.annual ?? null,
      annualTargetDisplay: target ? formatValue(target.annual, k.unit, k.decimals) : null,
    },
    status: forecastStatus({ ...f, value: rounded }, target, k.direction),
    ytd: { ...ytd, protectingCount: null },
  };
}
