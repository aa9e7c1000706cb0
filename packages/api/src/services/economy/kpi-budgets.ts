import type { Db, EconomyAmountRecord, EconomyPrognosRecord } from '@lagesbild/db';
import { driftRow, monthPeriod, monthsOf, type DriftRow, type Month, type Period } from '@lagesbild/domain';
import type { UnitAccess } from '../../access/scope.js';
import type { EngineContext } from '../../engine/engine-context.js';
import { loadValueInputs, valueOf } from '../../engine/kpi-values.js';
import { loadTargetInputs, releasedValue, releaseFor } from '../../engine/released.js';

export interface KpiBudget {
  kpi: string;
  name: string;
  /** The unit whose cells and budget these are (the enhet that pays). */
  unit: string;
  unitName: string;
  /** Per month, in tkr as a cost (positive): the KPI's value and its budget. */
  months: { month: Month; utfall: number | null; budget: number }[];
  /** The period as a driftsredovisning row (signed as printed: a cost negative; avvikelse = budget − cost). */
  row: DriftRow;
  budget: { origin: string; source: string | null }[];
  prognos: { origin: string; source: string | null; label: string | null } | null;
}

const distinct = <T>(xs: T[], key: (x: T) => string): T[] => [...new Map(xs.map((x) => [key(x), x])).values()];

/** The budgets of KPIs (försörjningsstöd, placements) against the KPI's own monthly values, for budgets on units the caller has. */
export async function kpiBudgets(
  db: Db,
  ctx: EngineContext,
  access: UnitAccess,
  unit: string,
  period: Period,
  amounts: readonly EconomyAmountRecord[],
  prognoses: readonly EconomyPrognosRecord[],
  suppress: boolean,
): Promise<KpiBudget[]> {
  const months = new Set(monthsOf(period));
  const budgets = amounts.filter(
    (a) => a.kind === 'budget' && ctx.kpis.has(a.line) && months.has(a.month) && ctx.tree.isWithin(a.unit, unit, period.end) && access.allowsPeriod(a.unit, period),
  );
  const keys = distinct(budgets, (b) => `${b.line}|${b.unit}`);
  const out: KpiBudget[] = [];
  for (const key of keys) {
    const k = ctx.kpis.get(key.line);
    if (!k) continue;
    const own = budgets.filter((b) => b.line === key.line && b.unit === key.unit);
    // A suppressed audience reads the KPI's months from the protected release, never from cells.
    const [inputs, release] = suppress
      ? await Promise.all([loadTargetInputs(db, ctx, [k], period.start, period.end, [key.unit]), releaseFor(db, ctx.orgId)])
      : [await loadValueInputs(db, ctx, [k], period.start, period.end, [key.unit]), null];
    const scale = k.unit === 'kr' ? 1 / 1000 : 1;
    const rows = own
      .sort((a, b) => a.month.localeCompare(b.month))
      .map((b) => {
        const p = monthPeriod(b.month);
        const v = (release ? releasedValue(ctx, release, inputs, k, key.unit, p, 'T') : valueOf(ctx, inputs, k, key.unit, p, 'T')).value;
        return { month: b.month, utfall: v === null ? null : v * scale, budget: b.amount };
      });
    const p = prognoses.find((x) => x.line === key.line && x.unit === key.unit) ?? null;
    const cost = rows.reduce((a, r) => a + (r.utfall ?? 0), 0);
    const budget = rows.reduce((a, r) => a + r.budget, 0);
    out.push({
      kpi: k.id,
      name: k.name,
      unit: key.unit,
      unitName: ctx.tree.nameAt(key.unit, period.end),
      months: rows,
      row: driftRow(-cost, -budget, p?.deviation ?? null),
      budget: distinct(own, (b) => `${b.origin}|${b.source}`).map((b) => ({ origin: b.origin, source: b.source })),
      prognos: p && { origin: p.origin, source: p.source, label: p.label },
    });
  }
  return out;
}
