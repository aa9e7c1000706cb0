import { listKpis, loadUnits, reportedKpiIds, rollupStatus, withRatioKpis, type Db, type KpiRecord, type RollupStatus } from '@lagesbild/db';
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

interface TreeFrame {
  tree: UnitTree;
  parents: ReadonlySet<string>;
}

/**
 * Each tenant's unit tree, kept for as long as its roll-ups are the same
 * build. The tree changes only together with a full roll-up rebuild (a moved
 * enhet moves every sum above it), so rollup_state.built_at versions it, and
 * every request still reads that version fresh. Stale or missing roll-ups:
 * nothing is kept, the tree is read each time.
 */
const TREES_KEPT = 1000;
const trees = new WeakMap<Db, Map<string, { builtAt: string; frame: TreeFrame }>>();

async function treeFrame(db: Db, orgId: string, status: RollupStatus | null): Promise<TreeFrame> {
  let byOrg = trees.get(db);
  if (!byOrg) trees.set(db, (byOrg = new Map<string, { builtAt: string; frame: TreeFrame }>()));
  const kept = byOrg.get(orgId);
  if (status?.fresh && kept?.builtAt === status.builtAt) return kept.frame;
  const units = await loadUnits(db, orgId);
  const frame = { tree: new UnitTree(units), parents: new Set(units.flatMap((u) => u.parents.map((p) => p.parentCode))) };
  byOrg.delete(orgId);
  if (status?.fresh) {
    byOrg.set(orgId, { builtAt: status.builtAt, frame });
    // The oldest entry goes first, so memory stays bounded however many tenants a server sees.
    if (byOrg.size > TREES_KEPT) byOrg.delete(byOrg.keys().next().value ?? '');
  }
  return frame;
}

export async function loadEngineContext(db: Db, orgId: string, opts: { rollups?: boolean } = {}): Promise<EngineContext> {
  const [kpis, status, reported] = await Promise.all([listKpis(db), opts.rollups === false ? null : rollupStatus(db, orgId), reportedKpiIds(db, orgId)]);
  const { tree, parents } = await treeFrame(db, orgId, status);
  const used = withRatioKpis(reported, kpis);
  return {
    orgId,
    kpis: new Map(kpis.map((k) => [k.id, k])),
    orgKpis: kpis.filter((k) => used.has(k.id)),
    tree,
    rollups: status?.fresh ?? false,
    parents,
  };
}
