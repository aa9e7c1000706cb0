import type { AnnualTarget } from '@lagesbild/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { targets, units } from '../schema/index.js';

export interface TargetRecord extends AnnualTarget {
  kpiId: string;
  unit: string;
  origin: 'reported' | 'demo' | 'user';
  source: string | null;
}

/** Targets of some KPIs, for some units or (unitCodes undefined) for every unit of the organisation. */
export async function loadTargets(db: Db, orgId: string, kpiIds: readonly string[], unitCodes?: readonly string[]): Promise<TargetRecord[]> {
  if (kpiIds.length === 0 || unitCodes?.length === 0) return [];
  const rows = await db
    .select({
      kpiId: targets.kpiId,
      unit: units.code,
      year: targets.year,
      annual: targets.annual,
      monthly: targets.monthly,
      tolerance: targets.tolerance,
      toleranceKind: targets.toleranceKind,
      origin: targets.origin,
      source: targets.source,
    })
    .from(targets)
    .innerJoin(units, eq(units.id, targets.unitId))
    .where(and(eq(targets.orgId, orgId), eq(units.orgId, orgId), inArray(targets.kpiId, [...kpiIds]), unitCodes ? inArray(units.code, [...unitCodes]) : undefined));
  return rows.map((r) => ({ ...r, monthly: r.monthly ?? null }));
}
