import { loadEconomyAmounts, loadEconomyPeriods, loadEconomyPrognoses, loadInvestments, type Db, type InvestmentRecord } from '@lagesbild/db';
import { driftsredovisning, formatPeriod, periodKey, type Driftsredovisning, type Period } from '@lagesbild/domain';
import type { UnitAccess } from '../../access/scope.js';
import type { EngineContext } from '../../engine/engine-context.js';
import { kpiBudgets, type KpiBudget } from './kpi-budgets.js';

export interface EconomyView extends Driftsredovisning {
  unit: string;
  unitName: string;
  period: string;
  periodLabel: string;
  /** The printed header of the prognos column of this period ("Prognos avvikelse helår 2022"), or null. */
  prognosLabel: string | null;
  /** Where the figures shown come from: reported (with the document and line), user or demo. */
  sources: { origin: string; source: string | null }[];
  investments: InvestmentRecord[];
  kpiBudgets: KpiBudget[];
}

export interface EconomyRequest {
  unit: string;
  period: Period;
  suppress: boolean;
  access: UnitAccess;
}

/**
 * The driftsredovisning of a unit for a period as the reports print it: each unit at or below it with its
 * own net result, the split by cost type, the accumulated result, the investments and the KPI budgets.
 * Economy figures are sums of money, not counts of people; only the KPI comparison reads KPI values,
 * from the protected release for a suppressed audience.
 */
export async function buildEconomyView(db: Db, ctx: EngineContext, req: EconomyRequest): Promise<EconomyView> {
  const key = periodKey(req.period);
  const [{ amounts, prognoses, table, prognosLabel }, investments] = await Promise.all([loadDriftsredovisning(db, ctx, req.unit, req.period), loadInvestments(db, ctx.orgId, key)]);
  const shown = [...amounts.filter((a) => a.line === 'netto' || !ctx.kpis.has(a.line)), ...prognoses].filter((a) => ctx.tree.isWithin(a.unit, req.unit, req.period.end));
  const sources = [...new Map(shown.map((a) => [`${a.origin}|${a.source}`, { origin: a.origin, source: a.source }])).values()];
  return {
    unit: req.unit,
    unitName: ctx.tree.nameAt(req.unit, req.period.end),
    period: key,
    periodLabel: formatPeriod(req.period),
    prognosLabel,
    ...table,
    sources,
    investments: investments.filter((i) => ctx.tree.isWithin(i.unit, req.unit, req.period.end)),
    kpiBudgets: await kpiBudgets(db, ctx, req.access, req.unit, req.period, amounts, prognoses, req.suppress),
  };
}

/** The driftsredovisning of a unit over a period with the printed header of its prognos column (the report's Ekonomi table reads it too). */
export async function loadDriftsredovisning(db: Db, ctx: EngineContext, unit: string, period: Period) {
  const [amounts, prognoses] = await Promise.all([loadEconomyAmounts(db, ctx.orgId, period.start, period.end), loadEconomyPrognoses(db, ctx.orgId, periodKey(period))]);
  const table = driftsredovisning({ tree: ctx.tree, unit, period, amounts, prognoses });
  const shownUnits = new Set([...table.units.map((r) => r.unit), ...(table.costTypes.length ? [unit] : [])]);
  const prognosLabel = prognoses.find((p) => p.line === 'netto' && shownUnits.has(p.unit))?.label ?? prognoses.find((p) => shownUnits.has(p.unit))?.label ?? null;
  return { amounts, prognoses, table, prognosLabel };
}

export const economyPeriods = (db: Db, orgId: string): Promise<string[]> => loadEconomyPeriods(db, orgId);
