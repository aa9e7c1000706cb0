import type { Db } from '@lagesbild/db';
import { latestDataMonth } from '@lagesbild/db';
import { monthIndex, sameLastYear, type Gender, type Period, type Status } from '@lagesbild/domain';
import { changeBetween, type Change } from './compare.js';
import { forecastAsOf, forecastOf, forecastStart, publishedForecast, type ForecastView } from './forecast.js';
import type { EngineContext } from './engine-context.js';
import { kpiOrThrow, loadValueInputs, unitOrThrow, valueOf, type KpiValue } from './kpi-values.js';
import { publishOne } from './publish.js';

export interface ValueQuery {
  kpi: string;
  unit: string;
  period: Period;
  gender: Gender;
  compare: boolean;
  /** Hide small groups as a wall screen would (the CLI's --suppress). */
  suppress: boolean;
}

export type QueriedValue = KpiValue & { change?: Change; forecast: ForecastView; forecastStatus: Status };

/** One KPI value, optionally with the same period last year: what `lagesbild query` prints. */
export async function queryValue(db: Db, ctx: EngineContext, q: ValueQuery): Promise<QueriedValue> {
  unitOrThrow(ctx, q.unit);
  const k = kpiOrThrow(ctx, q.kpi);
  const asOf = forecastAsOf(q.period, await latestDataMonth(db, ctx.orgId));
  const start = [q.period.start, sameLastYear(q.period).start, forecastStart(asOf)].reduce((a, b) => (monthIndex(a) < monthIndex(b) ? a : b));
  const inputs = await loadValueInputs(db, ctx, [k], start, q.period.end, [q.unit]);
  const fc = forecastOf(ctx, inputs, k, q.unit, asOf, q.gender);
  const v = publishOne(valueOf(ctx, inputs, k, q.unit, q.period, q.gender), k.privacyClass, q.suppress);
  const forecast = publishedForecast(fc, publishOne(fc.ytd, k.privacyClass, q.suppress).suppressed);
  if (!q.compare) return { ...v, ...forecast };
  const ly = publishOne(valueOf(ctx, inputs, k, q.unit, sameLastYear(q.period), q.gender), k.privacyClass, q.suppress);
  return { ...v, change: changeBetween(k, v, ly), ...forecast };
}
