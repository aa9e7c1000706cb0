import { listKpis, loadUnits, type Db, type KpiRecord } from '@lagesbild/db';
import { UnitTree } from '@lagesbild/domain';

/** What every computation needs besides cells: the KPI catalogue and the unit tree with its history. */
export interface EngineContext {
  orgId: string;
  kpis: Map<string, KpiRecord>;
  tree: UnitTree;
}

export async function loadEngineContext(db: Db, orgId: string): Promise<EngineContext> {
  const [kpis, units] = await Promise.all([listKpis(db), loadUnits(db, orgId)]);
  return { orgId, kpis: new Map(kpis.map((k) => [k.id, k])), tree: new UnitTree(units) };
}
