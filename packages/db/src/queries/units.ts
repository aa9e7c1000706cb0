import type { UnitNode } from '@lagesbild/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { unitLinks, unitNames, units } from '../schema/index.js';

export interface UnitRecord extends UnitNode {
  id: number;
}

/** The whole unit tree of an organisation with every parent link and name it has had. */
export async function loadUnits(db: Db, orgId: string): Promise<UnitRecord[]> {
  const [unitRows, linkRows, nameRows] = await Promise.all([
    db.select().from(units).where(eq(units.orgId, orgId)),
    db
      .select({ unitId: unitLinks.unitId, parentId: unitLinks.parentId, validFrom: unitLinks.validFrom, validTo: unitLinks.validTo })
      .from(unitLinks)
      .innerJoin(units, eq(units.id, unitLinks.unitId))
      .where(eq(units.orgId, orgId)),
    db
      .select({ unitId: unitNames.unitId, name: unitNames.name, validFrom: unitNames.validFrom, validTo: unitNames.validTo })
      .from(unitNames)
      .innerJoin(units, eq(units.id, unitNames.unitId))
      .where(eq(units.orgId, orgId)),
  ]);
  const codeById = new Map(unitRows.map((u) => [u.id, u.code]));
  return unitRows.map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    validFrom: u.validFrom,
    validTo: u.validTo,
    names: nameRows.filter((n) => n.unitId === u.id).map((n) => ({ name: n.name, validFrom: n.validFrom, validTo: n.validTo })),
    parents: linkRows.filter((l) => l.unitId === u.id).map((l) => ({ parentCode: codeById.get(l.parentId) ?? '?', validFrom: l.validFrom, validTo: l.validTo })),
  }));
}

/** The id of the organisation's unit with this code, or null. */
export async function findUnitId(db: Db, orgId: string, code: string): Promise<number | null> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.code, code)))
    .limit(1);
  return row?.id ?? null;
}

/** The ids of those of these unit codes the organisation has, by code. */
export async function unitIdsByCode(db: Db, orgId: string, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(and(eq(units.orgId, orgId), inArray(units.code, [...codes])));
  return new Map(rows.map((r) => [r.code, r.id]));
}
