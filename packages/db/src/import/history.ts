import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { importBatches } from '../schema/index.js';

/** Whether the organisation has a committed (not rolled back) import of the same bytes. */
export async function importCommittedBefore(db: Db, orgId: string, sha256: string): Promise<boolean> {
  const rows = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.orgId, orgId), eq(importBatches.sha256, sha256), eq(importBatches.status, 'committed')))
    .limit(1);
  return rows.length > 0;
}
