import { listKpis, loadUnits, rollupStatus, type Db, type KpiRecord } from '@lagesbild/db';
import { UnitTree } from '@lagesbild/domain';

/** What every computation needs besides cells: the KPI catalogue and the unit tree with its history. */
export interface EngineContext {
  orgId: string;
  kpis: Map<string, KpiRecord>;
  tree: UnitTree;
  /** The organisation's roll-ups match its committed imports, so values may be read from them. */
  rollups: boolean;
  /** Units that are some unit's parent (in any month): only these have roll-ups; a leaf's cells are its own. */
  parents: ReadonlySet<string>;
}

export async function loadEngineContext(db: Db, orgId: string, opts: { rollups?: boolean } = {}): Promise<EngineContext> {
  const [kpis, units, status] = await Promise.all([listKpis(db), loadUnits(db, orgId), opts.rollups === false ? null : rollupStatus(db, orgId)]);
  return {
    orgId,
    kpis: new Map(kpis.map((k) => [k.id, k])),
    tree: new UnitTree(units),
    rollups: status?.fresh ?? false,
    parents: new Set(units.flatMap((u) => u.parents.map((p) => p.parentCode))),
  };
}
