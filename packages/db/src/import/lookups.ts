/** What an import reads besides the catalogue (listKpis, loadUnits): the organisation, its mappings, a month's cells. */
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { importMappings, observations as o, organisations, units } from '../schema/index.js';

export async function organisationExists(db: Db, orgId: string): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId));
  return rows.length > 0;
}

/** The organisation's wide-report mappings, in the order they were made. */
export async function importMappingRows(db: Db, orgId: string) {
  return db
    .select({
      section: importMappings.section,
      parentLabel: importMappings.parentLabel,
      label: importMappings.label,
      kpiId: importMappings.kpiId,
      gender: importMappings.gender,
      ageBand: importMappings.ageBand,
      unitCode: importMappings.unitCode,
    })
    .from(importMappings)
    .where(eq(importMappings.orgId, orgId))
    .orderBy(asc(importMappings.id));
}

/** A stored cell by codes, as a long CSV names it. */
export interface MonthCell {
  kpi: string;
  unit: string;
  gender: 'K' | 'M' | 'T';
  ageBand: string;
  numerator: number;
  denominator: number | null;
}

/**
 * Every cell of `month` on units that still exist in `existingIn`, ordered by
 * KPI, unit, gender and age band: what demo-live builds its next month from.
 */
export async function monthCellsByCode(db: Db, orgId: string, month: string, existingIn: string): Promise<MonthCell[]> {
  return db
    .select({ kpi: o.kpiId, unit: units.code, gender: o.gender, ageBand: o.ageBand, numerator: o.numerator, denominator: o.denominator })
    .from(o)
    .innerJoin(units, eq(units.id, o.unitId))
    .where(and(eq(o.orgId, orgId), eq(o.month, month), or(isNull(units.validTo), gt(units.validTo, existingIn))))
    .orderBy(asc(o.kpiId), asc(units.code), asc(o.gender), asc(o.ageBand));
}
