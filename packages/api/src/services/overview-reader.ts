import { findUnitId, unitCommentRows, type Db } from '@lagesbild/db';
import { addMonths, monthPeriod, monthRange, parsePeriod, type Month, type Period } from '@lagesbild/domain';
import type { UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';
import { buildOverview, overviewOf, SPARK_MONTHS, type LatestComment, type Overview, type OverviewCard } from './overview.js';

interface ReaderOptions {
  unit: string;
  period: Period;
  /** The latest month with data (the caller's own, for a scoped caller). */
  latest: string | null;
  /** A suppressed audience: its figures come from the protected release. */
  suppress: boolean;
  access: UnitAccess;
  /** For "the latest month": each KPI's own newest month (see buildOverview). */
  latestByKpi?: ReadonlyMap<string, Month> | undefined;
  /** Mark each card with its latest comment: people, not wall screens (comment.list is not theirs either). */
  comments: boolean;
}

/**
 * The overview as a reader's first screen shows it: only the KPIs the unit has
 * data or a target for, a yearly survey (time aggregation 'last') with no
 * measurement in the period at its latest one before it (the card names its
 * month), and each card's latest comment. The figures are buildOverview's,
 * so a suppressed caller's still come from the protected release.
 */
export async function readOverview(db: Db, ctx: EngineContext, opts: ReaderOptions): Promise<Overview> {
  const { unit, period, latest, suppress, access } = opts;
  const built = await buildOverview(db, ctx, unit, period, latest, suppress, access, opts.latestByKpi);
  const moved = await atLatestMeasurement(built.cards, ctx, (c, m) => buildOverview(db, c, unit, m, latest, suppress, access));
  const cards = moved.filter(hasDataOrTarget);
  const withComments = opts.comments ? await markComments(db, ctx.orgId, unit, cards) : cards;
  return overviewOf(ctx, unit, period, latest, withComments);
}

/**
 * Whether a unit has anything for this KPI: a target, a value (shown or
 * hidden), a month of the sparkline, or last year's value. A KPI her unit
 * never has does not take a card on her first screen.
 */
function hasDataOrTarget(c: OverviewCard): boolean {
  return (
    c.target !== null ||
    c.value !== null ||
    c.hidden !== null ||
    c.monthsWithData > 0 ||
    c.sparkline.some((x) => x !== null) ||
    c.change.lastYear.value !== null ||
    c.change.lastYear.hidden !== null
  );
}

/** The months of a card's sparkline, oldest first. */
function sparkMonthsOf(c: OverviewCard): Month[] {
  const end = parsePeriod(c.period).end;
  return monthRange(addMonths(end, -(SPARK_MONTHS - 1)), end);
}

/**
 * A survey measured once a year (HME) has no value in most periods: its card
 * is shown at its latest measurement in the sparkline's months (the 24 before
 * the period's end) instead of "no data". Only a value neither shown nor
 * hidden moves, and only to a month before the period, so this ends.
 */
async function atLatestMeasurement(cards: OverviewCard[], ctx: EngineContext, build: (ctx: EngineContext, month: Period) => Promise<Overview>): Promise<OverviewCard[]> {
  const moveTo = new Map<string, Month>();
  for (const c of cards) {
    const k = ctx.kpis.get(c.kpi);
    if (!k || k.timeAggregation !== 'last' || k.ratioOf || c.value !== null || c.hidden !== null) continue;
    const months = sparkMonthsOf(c);
    const i = c.sparkline.findLastIndex((x) => x !== null);
    const m = months[i];
    if (i >= 0 && m !== undefined && m < parsePeriod(c.period).start) moveTo.set(c.kpi, m);
  }
  if (moveTo.size === 0) return cards;
  const parts = await Promise.all([...new Set(moveTo.values())].map((m) => build({ ...ctx, orgKpis: ctx.orgKpis.filter((k) => moveTo.get(k.id) === m) }, monthPeriod(m))));
  const byKpi = new Map(parts.flatMap((o) => o.cards).map((c) => [c.kpi, c]));
  return cards.map((c) => byKpi.get(c.kpi) ?? c);
}

/** Each card with the latest comment on its KPI, unit and (its own) period: the first line for the marker. */
async function markComments(db: Db, orgId: string, unit: string, cards: OverviewCard[]): Promise<OverviewCard[]> {
  const unitId = await findUnitId(db, orgId, unit);
  if (unitId === null || cards.length === 0) return cards;
  const rows = await unitCommentRows(db, { orgId, unitId, periods: [...new Set(cards.map((c) => c.period))] });
  const latestOf = new Map<string, LatestComment>();
  for (const r of rows) {
    const key = `${r.kpiId}|${r.period}`;
    if (latestOf.has(key)) continue;
    const [firstLine = '', ...rest] = r.body.split('\n');
    latestOf.set(key, { firstLine, more: rest.some((l) => l.trim() !== ''), author: r.author, createdAt: r.createdAt.toISOString() });
  }
  return cards.map((c) => ({ ...c, latestComment: latestOf.get(`${c.kpi}|${c.period}`) ?? null }));
}
