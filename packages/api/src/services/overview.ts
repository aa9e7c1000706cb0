import { latestDataMonth, type Db } from '@lagesbild/db';
import { addMonths, formatPeriod, makeMonth, yearOf, isRate, monthIndex, monthPeriod, monthRange, parsePeriod, periodKey, sameLastYear, type Period, type Status } from '@lagesbild/domain';
import { changeBetween, type Change } from './compare.js';
import { forecastAsOf, forecastOf, forecastStart, publishedForecast, type ForecastView } from './forecast.js';
import type { EngineContext } from './engine-context.js';
import { NotFoundError } from './errors.js';
import { loadValueInputs, valueOf, type KpiValue } from './kpi-values.js';
import { publishValues, type Outgoing } from './publish.js';

export interface OverviewCard extends KpiValue {
  name: string;
  group: string;
  measureUnit: string;
  direction: string;
  change: Change;
  /** The last 24 months up to the period's end, oldest first (null where a month has no data). */
  sparkline: (number | null)[];
  /** Year-end forecast for the period's year and how it was made. */
  forecast: ForecastView;
  /** The forecast judged against the annual target (the reports' "Prognos" column). */
  forecastStatus: Status;
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

const SPARK_MONTHS = 24;

/** The period asked for, or the latest month with data when none was given. */
export async function resolvePeriod(db: Db, orgId: string, input: string | undefined): Promise<{ period: Period; latest: string | null }> {
  const latest = await latestDataMonth(db, orgId);
  if (input) return { period: parsePeriod(input), latest };
  if (!latest) throw new NotFoundError('Det finns inga data ännu. En administratör läser in dem under Import (/admin/import) eller med "pnpm lagesbild import"; "pnpm lagesbild seed --demo" ger demodata.');
  return { period: monthPeriod(latest), latest };
}

/** Every KPI of a unit for a period, with last year's value and a 24-month sparkline, from one load of cells. */
export async function buildOverview(db: Db, ctx: EngineContext, unit: string, p: Period, latest: string | null, suppress: boolean): Promise<Overview> {
  if (!ctx.tree.get(unit)) throw new NotFoundError(`Enheten "${unit}" finns inte.`);
  const kpis = ctx.orgKpis;
  const sparkStart = addMonths(p.end, -(SPARK_MONTHS - 1));
  const lastYearStart = sameLastYear(p).start;
  const asOf = forecastAsOf(p, latest);
  const start = [sparkStart, lastYearStart, forecastStart(asOf)].reduce((a, b) => (monthIndex(a) < monthIndex(b) ? a : b));
  const inputs = await loadValueInputs(db, ctx, kpis, start, p.end, [unit]);
  const sparkMonths = monthRange(sparkStart, p.end);
  const cards = kpis.map((k): OverviewCard => {
    // The card, last year and the sparkline's months are shown together: a hidden month must not
    // follow from the period total minus the other months, so they are suppressed as one table.
    // The forecast scales the year to date, so that total joins the table too.
    const fc = forecastOf(ctx, inputs, k, unit, asOf, 'T');
    const items: Outgoing[] = [
      { id: 'v', value: valueOf(ctx, inputs, k, unit, p, 'T'), privacyClass: k.privacyClass },
      { id: 'ly', value: valueOf(ctx, inputs, k, unit, sameLastYear(p), 'T'), privacyClass: k.privacyClass },
      { id: 'ytd', value: fc.ytd, privacyClass: k.privacyClass },
      ...sparkMonths.map((m) => ({ id: m, value: valueOf(ctx, inputs, k, unit, monthPeriod(m), 'T'), privacyClass: k.privacyClass })),
    ];
    const additive = k.timeAggregation === 'sum' && !isRate(k);
    const relations = additive
      ? [
          { total: 'v', parts: monthRange(p.start, p.end) },
          { total: 'ytd', parts: monthRange(makeMonth(yearOf(asOf), 1), asOf) },
        ].filter((r) => r.parts.every((m) => sparkMonths.includes(m)))
      : [];
    const shown = publishValues(items, relations, suppress);
    const v = shown.get('v');
    const ly = shown.get('ly');
    const ytd = shown.get('ytd');
    if (!v || !ly || !ytd) throw new Error('overview lost a value');
    return {
      ...v,
      name: k.name,
      group: k.group,
      measureUnit: k.unit,
      direction: k.direction,
      change: changeBetween(k, v, ly),
      sparkline: sparkMonths.map((m) => shown.get(m)?.value ?? null),
      ...publishedForecast(fc, ytd.suppressed),
    };
  });
  const statusCounts: Record<Status, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const c of cards) statusCounts[c.status]++;
  return { unit, unitName: ctx.tree.nameAt(unit, p.end), period: periodKey(p), periodLabel: formatPeriod(p), latestMonth: latest, cards, statusCounts };
}
