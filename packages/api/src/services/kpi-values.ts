import { loadCells, loadTargets, type Db, type KpiRecord, type StoredCell } from '@lagesbild/db';
import {
  aggregateCells,
  aggregateRatio,
  assessStatus,
  formatPeriod,
  formatValue,
  isRate,
  monthCount,
  monthsOf,
  periodKey,
  targetAppliesToSubgroup,
  targetForMonths,
  type Gender,
  type Period,
  type Status,
} from '@lagesbild/domain';
import type { EngineContext } from './engine-context.js';
import { NotFoundError } from './errors.js';

export interface KpiValue {
  kpi: string;
  unit: string;
  period: string;
  periodLabel: string;
  gender: Gender;
  value: number | null;
  display: string;
  target: number | null;
  targetDisplay: string | null;
  status: Status;
  monthsWithData: number;
  monthsInPeriod: number;
  /** Provenance of the cells behind the value. */
  origin: 'reported' | 'synthetic' | 'mixed' | null;
  /** False while the KPI has no gender split and K or M was asked for. */
  genderAvailable: boolean;
  suppressed: boolean;
}

export interface ValueRequest {
  kpiIds: readonly string[];
  unit: string;
  period: Period;
  gender: Gender;
}

function sourceKpis(k: KpiRecord): string[] {
  return k.ratioOf ? [k.ratioOf.numerator, k.ratioOf.denominator] : [k.id];
}

function originOf(cells: readonly StoredCell[]): KpiValue['origin'] {
  if (cells.length === 0) return null;
  const reported = cells.some((c) => c.origin === 'reported');
  const synthetic = cells.some((c) => c.origin === 'synthetic');
  return reported && synthetic ? 'mixed' : reported ? 'reported' : 'synthetic';
}

/**
 * Values of some KPIs for a unit, period and gender: leaf cells rolled up
 * along the unit tree as it was in each month, aggregated by the domain's one
 * rule, and judged against the target for exactly that period.
 */
export async function computeKpiValues(db: Db, ctx: EngineContext, req: ValueRequest): Promise<KpiValue[]> {
  if (!ctx.tree.get(req.unit)) throw new NotFoundError(`Enheten "${req.unit}" finns inte.`);
  const defs = req.kpiIds.map((id) => {
    const k = ctx.kpis.get(id);
    if (!k) throw new NotFoundError(`KPI:n "${id}" finns inte.`);
    return k;
  });
  const months = monthsOf(req.period);
  const [cells, targets] = await Promise.all([
    loadCells(db, { orgId: ctx.orgId, kpiIds: [...new Set(defs.flatMap(sourceKpis))], start: req.period.start, end: req.period.end }),
    loadTargets(db, ctx.orgId, defs.map((d) => d.id), req.unit),
  ]);
  const within = cells.filter((c) => ctx.tree.isWithin(c.unit, req.unit, c.month));
  const byKpi = new Map<string, StoredCell[]>();
  for (const c of within) byKpi.set(c.kpiId, [...(byKpi.get(c.kpiId) ?? []), c]);

  return defs.map((k) => {
    const genderAvailable = req.gender === 'T' || k.genderSplit;
    const filter = { gender: req.gender };
    const used = sourceKpis(k).flatMap((id) => byKpi.get(id) ?? []);
    const agg = !genderAvailable
      ? null
      : k.ratioOf
        ? aggregateRatio(k, byKpi.get(k.ratioOf.numerator) ?? [], byKpi.get(k.ratioOf.denominator) ?? [], filter)
        : aggregateCells(k, used, filter);
    const judged = req.gender === 'T' || targetAppliesToSubgroup(k);
    const target = judged
      ? targetForMonths(months, isRate(k) ? 'ratio' : k.timeAggregation, (year) => targets.find((t) => t.kpiId === k.id && t.year === year) ?? null)
      : null;
    const value = agg?.value ?? null;
    return {
      kpi: k.id,
      unit: req.unit,
      period: periodKey(req.period),
      periodLabel: formatPeriod(req.period),
      gender: req.gender,
      value,
      display: genderAvailable ? formatValue(value, k.unit, k.decimals) : 'ej könsuppdelad',
      target: target?.value ?? null,
      targetDisplay: target ? formatValue(target.value, k.unit, k.decimals) : null,
      status: assessStatus(value, target, k.direction),
      monthsWithData: agg?.monthsWithData.length ?? 0,
      monthsInPeriod: monthCount(req.period),
      origin: originOf(used),
      genderAvailable,
      suppressed: false,
    };
  });
}
