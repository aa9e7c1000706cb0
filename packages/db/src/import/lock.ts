import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/**
 * Serialises imports and rollbacks of one organisation until the transaction
 * ends, so two imports of overlapping files cannot both diff against the same
 * stored values and then both write. Other organisations are not blocked.
 */
export async function lockOrganisationImports(db: Db, orgId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`lagesbild-import:${orgId}`}))`);
}
