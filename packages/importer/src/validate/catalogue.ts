import { listKpis, loadUnits, organisationExists, type Db, type KpiRecord } from '@lagesbild/db';
import { UnitTree, type Month } from '@lagesbild/domain';

/** What a file is checked against: the KPI catalogue and the organisation's unit tree with its history. */
export interface Catalogue {
  orgId: string;
  orgExists: boolean;
  kpis: Map<string, KpiRecord>;
  tree: UnitTree;
  unitIds: Map<string, number>;
  /** The month it is now, passed in (never read from a clock here): later months are refused. */
  currentMonth: Month;
}

export async function loadCatalogue(db: Db, orgId: string, currentMonth: Month): Promise<Catalogue> {
  const [orgExists, kpiList, unitList] = await Promise.all([organisationExists(db, orgId), listKpis(db), loadUnits(db, orgId)]);
  return {
    orgId,
    orgExists,
    kpis: new Map(kpiList.map((k) => [k.id, k])),
    tree: new UnitTree(unitList),
    unitIds: new Map(unitList.map((u) => [u.code, u.id])),
    currentMonth,
  };
}
