import { latestDataMonth, type Db } from '@lagesbild/db';
import { formatPeriod, monthPeriod, parsePeriod, periodKey, type Period, type Status } from '@lagesbild/domain';
import type { EngineContext } from './engine-context.js';
import { NotFoundError } from './errors.js';
import { computeKpiValues, type KpiValue } from './kpi-values.js';

export interface OverviewCard extends KpiValue {
  name: string;
  group: string;
  measureUnit: string;
  direction: string;
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

/** The period asked for, or the latest month with data when none was given. */
export async function resolvePeriod(db: Db, orgId: string, input: string | undefined): Promise<{ period: Period; latest: string | null }> {
  const latest = await latestDataMonth(db, orgId);
  if (input) return { period: parsePeriod(input), latest };
  if (!latest) throw new NotFoundError('Det finns inga data ännu. Importera en fil eller kör "pnpm lagesbild seed --demo".');
  return { period: monthPeriod(latest), latest };
}

/** Every KPI of a unit for a period. */
export async function buildOverview(db: Db, ctx: EngineContext, unit: string, p: Period, latest: string | null): Promise<Overview> {
  const kpis = [...ctx.kpis.values()];
  const values = await computeKpiValues(db, ctx, { kpiIds: kpis.map((k) => k.id), unit, period: p, gender: 'T' });
  const cards = values.map((v, i) => {
    const k = kpis[i];
    return { ...v, name: k?.name ?? v.kpi, group: k?.group ?? '', measureUnit: k?.unit ?? '', direction: k?.direction ?? 'none' };
  });
  const statusCounts: Record<Status, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const c of cards) statusCounts[c.status]++;
  return {
    unit,
    unitName: ctx.tree.nameAt(unit, p.end),
    period: periodKey(p),
    periodLabel: formatPeriod(p),
    latestMonth: latest,
    cards,
    statusCounts,
  };
}
