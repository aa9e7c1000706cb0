import type { UnitNode } from '@lagesbild/domain';
import { eq } from 'drizzle-orm';
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
    parents: linkRows
      .filter((l) => l.unitId === u.id)
      .map((l) => ({ parentCode: codeById.get(l.parentId) ?? '?', validFrom: l.validFrom, validTo: l.validTo })),
  }));
}
