import { committedCellMonths, latestDataMonth, latestMonthByKpi, targetYearsOfUnits, withRatioKpis, type Db, type KpiRecord } from '@lagesbild/db';
import { monthRange, type Month, type UnitTree } from '@lagesbild/domain';
import type { ScopeGuard } from './scope.js';
import type { EngineContext } from '../engine/engine-context.js';

/** What a caller's defaults and catalogues are computed from: her latest month with data, and the KPIs she has data or targets for. */
export interface ScopedUse {
  latestMonth: Month | null;
  /** In catalogue order. */
  kpis: KpiRecord[];
  /** Each KPI's own newest month with data, as she sees it (a ratio KPI: the older of its two parts'); absent when none. Asked only by views that use it. */
  latestByKpi: () => Promise<ReadonlyMap<string, Month>>;
}

/** A ratio KPI's newest month is the older of its parts': both must be there for a value. */
function withRatioMonths(months: Map<string, Month>, kpis: readonly KpiRecord[]): Map<string, Month> {
  for (const k of kpis) {
    if (!k.ratioOf) continue;
    const [a, b] = [months.get(k.ratioOf.numerator), months.get(k.ratioOf.denominator)];
    if (a !== undefined && b !== undefined) months.set(k.id, a < b ? a : b);
  }
  return months;
}

/** The months the tree can change in: between two of them, every parent link and validity holds still. */
function changeMonths(tree: UnitTree): Month[] {
  const out = new Set<Month>();
  for (const u of tree.all()) {
    out.add(u.validFrom);
    if (u.validTo) out.add(u.validTo);
    for (const p of u.parents) {
      out.add(p.validFrom);
      if (p.validTo) out.add(p.validTo);
    }
  }
  return [...out];
}

function coversEverything(tree: UnitTree, guard: ScopeGuard): boolean {
  const months = changeMonths(tree);
  return tree.all().every((u) => months.every((m) => !tree.exists(u.code, m) || guard.allows(u.code, m)));
}

/** Every unit that lies within the caller's scope in some month: the only units whose cells can count for her. */
export function unitsEverInScope(tree: UnitTree, guard: ScopeGuard): string[] {
  const months = changeMonths(tree);
  return tree
    .all()
    .map((u) => u.code)
    .filter((code) => months.some((m) => guard.allows(code, m)));
}

/**
 * The latest month and the KPIs as a caller sees them. Someone who reads
 * everything gets the organisation's; a scoped caller only what her units
 * held in the months they were hers, so an import on another enhet moves
 * neither her default period nor her catalogue.
 */
export async function scopedUse(db: Db, engine: EngineContext, guard: ScopeGuard): Promise<ScopedUse> {
  // A caller whose units hold the whole tree in every month (a screen on the förvaltning) sees what the organisation sees.
  if (guard.roots === null || coversEverything(engine.tree, guard)) {
    const stored = engine.orgKpis.filter((k) => !k.ratioOf).map((k) => k.id);
    const latestByKpi = async () => withRatioMonths(await latestMonthByKpi(db, engine.orgId, stored), engine.orgKpis);
    return { latestMonth: await latestDataMonth(db, engine.orgId), kpis: engine.orgKpis, latestByKpi };
  }
  const codes = unitsEverInScope(engine.tree, guard);
  if (codes.length === 0) return { latestMonth: null, kpis: [], latestByKpi: () => Promise.resolve(new Map()) };
  const [cells, targetRows] = await Promise.all([committedCellMonths(db, engine.orgId, codes), targetYearsOfUnits(db, engine.orgId, codes)]);
  let latestMonth: Month | null = null;
  const used = new Set<string>();
  const byKpi = new Map<string, Month>();
  for (const c of cells) {
    if (!guard.allows(c.unit, c.month)) continue;
    used.add(c.kpiId);
    if (latestMonth === null || c.month > latestMonth) latestMonth = c.month;
    const seen = byKpi.get(c.kpiId);
    if (seen === undefined || c.month > seen) byKpi.set(c.kpiId, c.month);
  }
  for (const t of targetRows) {
    if (monthRange(`${t.year}-01`, `${t.year}-12`).some((m) => guard.allows(t.unit, m))) used.add(t.kpiId);
  }
  const catalogue = [...engine.kpis.values()];
  const withRatios = withRatioKpis(used, catalogue);
  const kpis = catalogue.filter((k) => withRatios.has(k.id));
  const months = withRatioMonths(byKpi, kpis);
  return { latestMonth, kpis, latestByKpi: () => Promise.resolve(months) };
}
