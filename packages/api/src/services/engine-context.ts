import { listKpis, loadUnits, organisationKpiIds, rollupStatus, type Db, type KpiRecord } from '@lagesbild/db';
import { UnitTree } from '@lagesbild/domain';

/** What every computation needs besides cells: the KPI catalogue and the unit tree with its history. */
export interface EngineContext {
  orgId: string;
  /** The whole catalogue, shared by every organisation: any KPI can be looked up by id. */
  kpis: Map<string, KpiRecord>;
  /** The catalogue's KPIs this organisation uses (data or targets), in catalogue order: what its overview lists. */
  orgKpis: KpiRecord[];
  tree: UnitTree;
  /** The organisation's roll-ups match its committed imports, so values may be read from them. */
  rollups: boolean;
  /** Units that are some unit's parent (in any month): only these have roll-ups; a leaf's cells are its own. */
  parents: ReadonlySet<string>;
}

export async function loadEngineContext(db: Db, orgId: string, opts: { rollups?: boolean } = {}): Promise<EngineContext> {
  const [kpis, units, status] = await Promise.all([listKpis(db), loadUnits(db, orgId), opts.rollups === false ? null : rollupStatus(db, orgId)]);
  const used = await organisationKpiIds(db, orgId, kpis);
  return {
    orgId,
    kpis: new Map(kpis.map((k) => [k.id, k])),
    orgKpis: kpis.filter((k) => used.has(k.id)),
    tree: new UnitTree(units),
    rollups: status?.fresh ?? false,
    parents: new Set(units.flatMap((u) => u.parents.map((p) => p.parentCode))),
  };
}
