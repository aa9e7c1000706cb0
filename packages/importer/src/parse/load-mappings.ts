import { importMappings, type Db } from '@lagesbild/db';
import { asc, eq } from 'drizzle-orm';
import { MappingIndex, type LabelMapping } from './mappings.js';

/** The organisation's mappings from the database, ready for lookups. */
export async function loadMappings(db: Db, orgId: string): Promise<MappingIndex> {
  const rows = await db
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
  return new MappingIndex(rows satisfies LabelMapping[]);
}
