import type { Db, KpiRecord } from '@lagesbild/db';
import { latestDataMonth } from '@lagesbild/db';
import { makeMonth, monthIndex, PeriodNotReleasedError, sameLastYear, yearOf, type Gender, type Month, type Period, type Status } from '@lagesbild/domain';
import { loadTargetInputs, releasedForecast, releasedValue, releaseFor } from '../engine/released.js';
import { changeBetween, type Change } from '../engine/compare.js';
import { forecastAsOf, forecastOf, forecastStart, outsideForecast, publishedForecast, type ForecastView } from '../engine/kpi-forecast.js';
import { InputError, NotFoundError } from '../errors.js';
import type { UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';
import { kpiOrThrow, loadValueInputs, outsideValue, unitOrThrow, valueOf, type KpiValue } from '../engine/kpi-values.js';
import { publishOne } from '../engine/publish.js';
import { requestedBand } from '../engine/age-band.js';

export interface ValueQuery {
  kpi: string;
  unit: string;
  period: Period;
  gender: Gender;
  /** One of the KPI's age bands; undefined for the total. */
  ageBand?: string;
  compare: boolean;
  /** Hide small groups as a wall screen would (the CLI's --suppress). */
  suppress: boolean;
  /** Which units the caller may read, month by month (ALL_UNITS for the CLI). */
  access: UnitAccess;
}

export type QueriedValue = KpiValue & { change?: Change; forecast: ForecastView; forecastStatus: Status };

/** One KPI value, optionally with the same period last year: what `lagesbild query` prints. */
export async function queryValue(db: Db, ctx: EngineContext, q: ValueQuery): Promise<QueriedValue> {
  unitOrThrow(ctx, q.unit);
  const k = kpiOrThrow(ctx, q.kpi);
  if (!q.access.allowsPeriod(q.unit, q.period)) throw new NotFoundError(`Enheten "${q.unit}" hör inte till de enheter du får läsa under hela perioden.`);
  const band = requestedBand(k, q.ageBand);
  const asOf = forecastAsOf(q.period, await latestDataMonth(db, ctx.orgId));
  if (q.suppress) return queryReleased(db, ctx, k, { ...q, ageBand: band }, asOf);
  const start = [q.period.start, sameLastYear(q.period).start, forecastStart(asOf)].reduce((a, b) => (monthIndex(a) < monthIndex(b) ? a : b));
  // A band is read from leaf cells: the roll-ups hold totals only.
  const inputs = await loadValueInputs(db, ctx, [k], start, q.period.end, band ? undefined : [q.unit]);
  const basisFrom = forecastBasis(q, asOf);
  const fc = basisFrom === null ? null : forecastOf(ctx, inputs, { k, unit: q.unit, asOf, gender: q.gender, basisFrom, ageBand: band });
  const v = publishOne(valueOf(ctx, inputs, k, q.unit, q.period, q.gender, band), k.privacyClass, false);
  const forecast = fc ? publishedForecast(fc, false) : outsideForecast(asOf);
  if (!q.compare) return { ...v, ...forecast };
  const lyPeriod = sameLastYear(q.period);
  const ly = q.access.allowsPeriod(q.unit, lyPeriod)
    ? publishOne(valueOf(ctx, inputs, k, q.unit, lyPeriod, q.gender, band), k.privacyClass, false)
    : outsideValue(k.id, q.unit, lyPeriod, q.gender, k.windowFamily);
  return { ...v, change: changeBetween(k, v, ly), ...forecast };
}

/** As in the overview: the forecast learns only from months the unit was the caller's, and needs the whole year. */
function forecastBasis(q: ValueQuery, asOf: Month): Month | null {
  const since = q.access.allowedSince(q.unit, asOf, forecastStart(asOf));
  return since !== null && monthIndex(since) <= monthIndex(makeMonth(yearOf(asOf), 1)) ? since : null;
}

/** What `query --suppress` prints: lookups in the protected release; a custom range it cannot answer is refused. */
async function queryReleased(db: Db, ctx: EngineContext, k: KpiRecord, q: ValueQuery, asOf: Month): Promise<QueriedValue> {
  const start = [q.period.start, sameLastYear(q.period).start, forecastStart(asOf)].reduce((a, b) => (monthIndex(a) < monthIndex(b) ? a : b));
  const [inputs, release] = await Promise.all([loadTargetInputs(db, ctx, [k], start, q.period.end, [q.unit]), releaseFor(db, ctx.orgId)]);
  const v = releasedValue(ctx, release, inputs, k, q.unit, q.period, q.gender, q.ageBand);
  if (v.hidden?.mark === 'unheld') throw new InputError(new PeriodNotReleasedError(v.period).message);
  const basisFrom = forecastBasis(q, asOf);
  const fc = basisFrom === null ? null : releasedForecast(ctx, release, inputs, { k, unit: q.unit, asOf, gender: q.gender, basisFrom, ageBand: q.ageBand });
  const forecast = fc ? publishedForecast(fc, fc.ytd.suppressed) : outsideForecast(asOf);
  if (!q.compare) return { ...v, ...forecast };
  const lyPeriod = sameLastYear(q.period);
  const ly = q.access.allowsPeriod(q.unit, lyPeriod)
    ? releasedValue(ctx, release, inputs, k, q.unit, lyPeriod, q.gender, q.ageBand)
    : outsideValue(k.id, q.unit, lyPeriod, q.gender, k.windowFamily);
  return { ...v, change: changeBetween(k, v, ly), ...forecast };
}
