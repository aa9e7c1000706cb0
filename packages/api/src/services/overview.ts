import { latestDataMonth, type Db, type KpiRecord } from '@lagesbild/db';
import {
  addMonths,
  formatPeriod,
  makeMonth,
  yearOf,
  monthIndex,
  monthPeriod,
  monthRange,
  parsePeriod,
  periodKey,
  sameLastYear,
  type Month,
  type Period,
  targetKind,
  type Status,
  type TargetKind,
} from '@lagesbild/domain';
import { changeBetween, type Change } from '../engine/compare.js';
import { forecastAsOf, forecastOf, forecastStart, outsideForecast, publishedForecast, type ForecastView } from '../engine/kpi-forecast.js';
import type { EngineContext } from '../engine/engine-context.js';
import { NotFoundError } from '../errors.js';
import { loadValueInputs, outsideValue, valueOf, type KpiValue, type ValueInputs } from '../engine/kpi-values.js';
import { pacer } from '../engine/pace.js';
import { publishValues, type Outgoing } from '../engine/publish.js';
import { loadTargetInputs, releasedForecast, releasedValue, releaseFor } from '../engine/released.js';
import type { UnitAccess } from '../access/scope.js';
import { kpiPrognosesFor, type KpiPrognos } from './kpi-prognoses.js';

export interface OverviewCard extends KpiValue {
  name: string;
  /** The KPI's name in English, for the dashboard in English. */
  nameEn: string;
  group: string;
  measureUnit: string;
  decimals: number;
  direction: string;
  /** Whether the target is a budget (money that adds up) or a mål: the card says which. */
  targetKind: TargetKind;
  change: Change;
  /** The last 24 months up to the period's end, oldest first (null where a month has no data or is outside the caller's units). */
  sparkline: (number | null)[];
  /**
   * What is left out because the unit was not within the caller's units in
   * every month it covers (a scoped caller only): last year's value, the
   * forecast, and the sparkline's months, as flags, never computed.
   */
  outside: { lastYear: boolean; forecast: boolean; sparkline: boolean[] };
  /** Year-end forecast for the period's year and how it was made. */
  forecast: ForecastView;
  /** The forecast judged against the annual target (the reports' "Prognos" column). */
  forecastStatus: Status;
  /** The förvaltning's own prognos for the year (reported, user or demo), or null: never a target. */
  prognos: KpiPrognos | null;
  /** The latest comment on this KPI, unit and period, for the card's marker; null when none, or for a wall screen. */
  latestComment: LatestComment | null;
}

export interface LatestComment {
  /** The comment's first line, as written. */
  firstLine: string;
  /** Whether the comment goes on after it. */
  more: boolean;
  author: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

export interface Overview {
  unit: string;
  unitName: string;
  period: string;
  periodLabel: string;
  latestMonth: string | null;
  cards: OverviewCard[];
  statusCounts: Record<Status, number>;
}

export const SPARK_MONTHS = 24;

/** The period asked for, or the latest month with data when none was given. */
export async function resolvePeriod(db: Db, orgId: string, input: string | undefined): Promise<{ period: Period; latest: string | null }> {
  return periodOrLatest(input, await latestDataMonth(db, orgId));
}

/** The period asked for, or the given latest month (the caller's own, for a scoped caller). */
export function periodOrLatest(input: string | undefined, latest: Month | null): { period: Period; latest: string | null } {
  if (input) return { period: parsePeriod(input), latest };
  if (!latest)
    throw new NotFoundError(
      'Det finns inga data ännu. En administratör läser in dem under Import (/admin/import) eller med "pnpm lagesbild import"; "pnpm lagesbild seed --demo" ger demodata.',
    );
  return { period: monthPeriod(latest), latest };
}

/** Which parts of a card fall outside a scoped caller's units (scope.ts): those are never computed. */
interface CardScope {
  sparkMonths: Month[];
  sparkOutside: boolean[];
  lyPeriod: Period;
  lyOutside: boolean;
  /** The first month the forecast may learn from; null: no forecast (the unit was not hers this whole year). */
  basisFrom: Month | null;
}

/**
 * Every KPI of a unit for a period, with last year's value and a 24-month
 * sparkline. The unit must be the caller's over the whole period (the
 * procedure checks); last year, the sparkline's months and the forecast's
 * basis are used only where it was hers too. A suppressed audience's cards
 * are lookups in the protected release; exact roles' are computed.
 */
export async function buildOverview(
  db: Db,
  ctx: EngineContext,
  unit: string,
  p: Period,
  latest: string | null,
  suppress: boolean,
  access: UnitAccess,
  /** For "the latest month": each KPI's own newest month, so a KPI not yet reported for it shows its latest value with its month. */
  latestByKpi?: ReadonlyMap<string, Month>,
): Promise<Overview> {
  if (latestByKpi && p.kind === 'month') {
    return eachAtItsLatest(ctx, unit, p, latest, latestByKpi, (c, month) => buildOverview(db, c, unit, month, latest, suppress, access));
  }
  if (!ctx.tree.get(unit)) throw new NotFoundError(`Enheten "${unit}" finns inte.`);
  const sparkStart = addMonths(p.end, -(SPARK_MONTHS - 1));
  const lastYearStart = sameLastYear(p).start;
  const asOf = forecastAsOf(p, latest);
  const start = [sparkStart, lastYearStart, forecastStart(asOf)].reduce((a, b) => (monthIndex(a) < monthIndex(b) ? a : b));
  const sparkMonths = monthRange(sparkStart, p.end);
  const lyPeriod = sameLastYear(p);
  // The forecast learns from the months the unit has been the caller's without a break; it needs this whole year.
  const since = access.allowedSince(unit, asOf, forecastStart(asOf));
  const scope: CardScope = {
    sparkMonths,
    sparkOutside: sparkMonths.map((m) => !access.allows(unit, m)),
    lyPeriod,
    lyOutside: !access.allowsPeriod(unit, lyPeriod),
    basisFrom: since === null || monthIndex(since) > monthIndex(makeMonth(yearOf(asOf), 1)) ? null : since,
  };
  const [cards, prognoses] = await Promise.all([
    suppress
      ? releasedCards(db, ctx, unit, p, asOf, start, scope)
      : loadValueInputs(db, ctx, ctx.orgKpis, start, p.end, [unit]).then((i) => exactCards(i, ctx, unit, p, asOf, scope)),
    kpiPrognosesFor(
      db,
      ctx.orgId,
      ctx.orgKpis.map((k) => k.id),
      unit,
      p,
    ),
  ]);
  return overviewOf(
    ctx,
    unit,
    p,
    latest,
    cards.map((c) => ({ ...c, prognos: prognoses.get(c.kpi) ?? null })),
  );
}

export function overviewOf(ctx: EngineContext, unit: string, p: Period, latest: string | null, cards: OverviewCard[]): Overview {
  const statusCounts: Record<Status, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const c of cards) statusCounts[c.status]++;
  return { unit, unitName: ctx.tree.nameAt(unit, p.end), period: periodKey(p), periodLabel: formatPeriod(p), latestMonth: latest, cards, statusCounts };
}

/**
 * The latest month's overview with every KPI at its own newest month up to
 * it: after a partial import of a new month, the KPIs not yet in it keep
 * their last value (the card names its month) instead of turning grey.
 */
async function eachAtItsLatest(
  ctx: EngineContext,
  unit: string,
  p: Period,
  latest: string | null,
  latestByKpi: ReadonlyMap<string, Month>,
  build: (ctx: EngineContext, month: Period) => Promise<Overview>,
): Promise<Overview> {
  const monthOf = (k: KpiRecord): Month => {
    const m = latestByKpi.get(k.id);
    return m !== undefined && m < p.end ? m : p.end;
  };
  const months = [...new Set(ctx.orgKpis.map(monthOf))];
  const parts = await Promise.all(months.map((m) => build({ ...ctx, orgKpis: ctx.orgKpis.filter((k) => monthOf(k) === m) }, monthPeriod(m))));
  const byKpi = new Map(parts.flatMap((o) => o.cards).map((c) => [c.kpi, c]));
  return overviewOf(
    ctx,
    unit,
    p,
    latest,
    ctx.orgKpis.flatMap((k) => byKpi.get(k.id) ?? []),
  );
}

function card(
  k: KpiRecord,
  unit: string,
  v: KpiValue,
  ly: KpiValue | null,
  sparkline: (number | null)[],
  fc: { forecast: ForecastView; forecastStatus: Status } | null,
  s: CardScope,
  asOf: Month,
): OverviewCard {
  const last = ly ?? outsideValue(k.id, unit, s.lyPeriod, 'T', k.windowFamily);
  return {
    ...v,
    name: k.name,
    nameEn: k.nameEn,
    group: k.group,
    measureUnit: k.unit,
    decimals: k.decimals,
    direction: k.direction,
    targetKind: targetKind(k),
    change: changeBetween(k, v, last),
    sparkline: sparkline.map((x, i) => (s.sparkOutside[i] ? null : x)),
    outside: { lastYear: s.lyOutside, forecast: s.basisFrom === null, sparkline: s.sparkOutside },
    ...(fc ?? outsideForecast(asOf)),
    prognos: null,
    latestComment: null,
  };
}

/** Runs one card at a time, giving the event loop a turn between them (pace.ts). */
async function paced<T>(kpis: readonly KpiRecord[], one: (k: KpiRecord) => T): Promise<T[]> {
  const pace = pacer();
  const out: T[] = [];
  for (const k of kpis) {
    await pace();
    out.push(one(k));
  }
  return out;
}

/** A suppressed audience's cards: value, last year, sparkline and forecast all looked up in the protected release. */
async function releasedCards(db: Db, ctx: EngineContext, unit: string, p: Period, asOf: Month, start: Month, s: CardScope): Promise<OverviewCard[]> {
  const [inputs, release] = await Promise.all([loadTargetInputs(db, ctx, ctx.orgKpis, start, p.end, [unit]), releaseFor(db, ctx.orgId)]);
  return paced(ctx.orgKpis, (k) => {
    const fc = s.basisFrom === null ? null : releasedForecast(ctx, release, inputs, { k, unit, asOf, gender: 'T', basisFrom: s.basisFrom });
    const sparkline = release.months(k, unit, 'T', s.sparkMonths[0] ?? p.end, p.end);
    const ly = s.lyOutside ? null : releasedValue(ctx, release, inputs, k, unit, s.lyPeriod, 'T');
    return card(k, unit, releasedValue(ctx, release, inputs, k, unit, p, 'T'), ly, sparkline, fc ? publishedForecast(fc, fc.ytd.suppressed) : null, s, asOf);
  });
}

/** The exact cards, for roles that see exact values. */
function exactCards(inputs: ValueInputs, ctx: EngineContext, unit: string, p: Period, asOf: Month, s: CardScope): Promise<OverviewCard[]> {
  return paced(ctx.orgKpis, (k): OverviewCard => {
    const fc = s.basisFrom === null ? null : forecastOf(ctx, inputs, { k, unit, asOf, gender: 'T', basisFrom: s.basisFrom });
    const items: Outgoing[] = [
      { id: 'v', value: valueOf(ctx, inputs, k, unit, p, 'T'), privacyClass: k.privacyClass },
      ...(s.lyOutside ? [] : [{ id: 'ly', value: valueOf(ctx, inputs, k, unit, s.lyPeriod, 'T'), privacyClass: k.privacyClass }]),
      ...s.sparkMonths.filter((_, i) => !s.sparkOutside[i]).map((m) => ({ id: m, value: valueOf(ctx, inputs, k, unit, monthPeriod(m), 'T'), privacyClass: k.privacyClass })),
    ];
    const shown = publishValues(items, [], false);
    const v = shown.get('v');
    if (!v) throw new Error('overview lost a value');
    const sparkline = s.sparkMonths.map((m) => shown.get(m)?.value ?? null);
    return card(k, unit, v, shown.get('ly') ?? null, sparkline, fc ? publishedForecast(fc, false) : null, s, asOf);
  });
}
