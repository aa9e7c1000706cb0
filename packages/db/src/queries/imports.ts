import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { importBatches, importMappings } from '../schema/index.js';
import { firstOrNull, idInOrg } from './rows.js';

export type ImportBatchRow = Omit<typeof importBatches.$inferSelect, 'orgId' | 'sha256' | 'raw'>;
export type ImportMappingRow = typeof importMappings.$inferSelect;

/** An organisation's latest imports, newest first, without their raw files. */
export async function listImportBatches(db: Db, orgId: string, limit: number): Promise<ImportBatchRow[]> {
  return db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      format: importBatches.format,
      status: importBatches.status,
      origin: importBatches.origin,
      rowCount: importBatches.rowCount,
      summary: importBatches.summary,
      createdBy: importBatches.createdBy,
      createdAt: importBatches.createdAt,
    })
    .from(importBatches)
    .where(eq(importBatches.orgId, orgId))
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(limit);
}

/** An organisation's mappings of report rows to KPIs, by section, parent and label. */
export async function listImportMappings(db: Db, orgId: string): Promise<ImportMappingRow[]> {
  return db.select().from(importMappings).where(eq(importMappings.orgId, orgId)).orderBy(asc(importMappings.section), asc(importMappings.parentLabel), asc(importMappings.label));
}

export type ImportMappingValues = Omit<ImportMappingRow, 'id'>;

/** Adds a mapping, or replaces the one of the same organisation, section, parent and label. */
export async function upsertImportMapping(db: Db, values: ImportMappingValues): Promise<ImportMappingRow> {
  const [row] = await db
    .insert(importMappings)
    .values(values)
    .onConflictDoUpdate({ target: [importMappings.orgId, importMappings.section, importMappings.parentLabel, importMappings.label], set: values })
    .returning();
  if (!row) throw new Error('import_mappings: upsert returned no row');
  return row;
}

/** Deletes one of an organisation's mappings and returns it; null when it has no such mapping. */
export function deleteImportMapping(db: Db, orgId: string, id: number): Promise<ImportMappingRow | null> {
  return firstOrNull(db.delete(importMappings).where(idInOrg(importMappings, { orgId, id })).returning());
}
