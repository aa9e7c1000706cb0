import type { Db } from '@lagesbild/db';
import { sameLastYear, type Gender, type Period } from '@lagesbild/domain';
import { changeBetween, type Change } from './compare.js';
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

export type QueriedValue = KpiValue & { change?: Change };

/** One KPI value, optionally with the same period last year: what `lagesbild query` prints. */
export async function queryValue(db: Db, ctx: EngineContext, q: ValueQuery): Promise<QueriedValue> {
  unitOrThrow(ctx, q.unit);
  const k = kpiOrThrow(ctx, q.kpi);
  const start = q.compare ? sameLastYear(q.period).start : q.period.start;
  const inputs = await loadValueInputs(db, ctx, [k], start, q.period.end);
  const v = publishOne(valueOf(ctx, inputs, k, q.unit, q.period, q.gender), k.privacyClass, q.suppress);
  if (!q.compare) return v;
  const ly = publishOne(valueOf(ctx, inputs, k, q.unit, sameLastYear(q.period), q.gender), k.privacyClass, q.suppress);
  return { ...v, change: changeBetween(k, v, ly) };
}
