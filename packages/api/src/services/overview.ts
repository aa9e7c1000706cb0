import { latestDataMonth, type Db } from '@lagesbild/db';
import { addMonths, formatPeriod, monthIndex, monthPeriod, monthRange, parsePeriod, periodKey, sameLastYear, type Period, type Status } from '@lagesbild/domain';
import { changeAgainstLastYear, type Change } from './compare.js';
import type { EngineContext } from './engine-context.js';
import { NotFoundError } from './errors.js';
import { loadValueInputs, valueOf, type KpiValue } from './kpi-values.js';

export interface OverviewCard extends KpiValue {
  name: string;
  group: string;
  measureUnit: string;
  direction: string;
  change: Change;
  /** The last 24 months up to the period's end, oldest first (null where a month has no data). */
  sparkline: (number | null)[];
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
  if (!latest) throw new NotFoundError('Det finns inga data ännu. Importera en fil eller kör "pnpm lagesbild seed --demo".');
  return { period: monthPeriod(latest), latest };
}

/** Every KPI of a unit for a period, with last year's value and a 24-month sparkline, from one load of cells. */
export async function buildOverview(db: Db, ctx: EngineContext, unit: string, p: Period, latest: string | null): Promise<Overview> {
  if (!ctx.tree.get(unit)) throw new NotFoundError(`Enheten "${unit}" finns inte.`);
  const kpis = [...ctx.kpis.values()];
  const sparkStart = addMonths(p.end, -(SPARK_MONTHS - 1));
  const lastYearStart = sameLastYear(p).start;
  const start = monthIndex(sparkStart) < monthIndex(lastYearStart) ? sparkStart : lastYearStart;
  const inputs = await loadValueInputs(db, ctx, kpis, start, p.end);
  const sparkMonths = monthRange(sparkStart, p.end);
  const cards = kpis.map((k): OverviewCard => {
    const v = valueOf(ctx, inputs, k, unit, p, 'T');
    return {
      ...v,
      name: k.name,
      group: k.group,
      measureUnit: k.unit,
      direction: k.direction,
      change: changeAgainstLastYear(ctx, inputs, k, v, p, 'T'),
      sparkline: sparkMonths.map((m) => valueOf(ctx, inputs, k, unit, monthPeriod(m), 'T').value),
    };
  });
  const statusCounts: Record<Status, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const c of cards) statusCounts[c.status]++;
  return { unit, unitName: ctx.tree.nameAt(unit, p.end), period: periodKey(p), periodLabel: formatPeriod(p), latestMonth: latest, cards, statusCounts };
}
