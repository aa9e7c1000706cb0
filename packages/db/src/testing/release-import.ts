import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import type { ReleaseUpdate } from '../release/incremental.js';
import { refreshRollupsAfter } from '../rollups/after-change.js';
import { importBatches } from '../schema/index.js';

/**
 * What an import of one KPI does to the release, without a file: a new
 * committed batch that changes every `every`-th cell of the KPI in its last
 * `months` months (by `delta`, kept at or above zero), then the same
 * refresh an import runs in its transaction; returns how the release was built. For the release tests and
 * bench/release-incremental.ts.
 */
export async function importOneKpi(db: Db, orgId: string, kpiId: string, opts: { delta: number; every?: number; months?: number }): Promise<ReleaseUpdate> {
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(importBatches)
      .values({ orgId, fileName: `test-${kpiId}.xlsx`, sha256: `test-${Date.now()}-${kpiId}`, format: 'test', origin: 'reported', rowCount: 0, createdBy: 'test' })
      .returning({ id: importBatches.id });
    if (!batch) throw new Error('no import batch');
    const [span] = await queryRows<{ last: string | null }>(tx, sql`SELECT max(month) AS last FROM observations WHERE org_id = ${orgId} AND kpi_id = ${kpiId}`);
    const months = await queryRows<{ month: string }>(
      tx,
      sql`SELECT DISTINCT month FROM observations WHERE org_id = ${orgId} AND kpi_id = ${kpiId} AND month <= ${span?.last ?? ''} ORDER BY month DESC LIMIT ${opts.months ?? 1}`,
    );
    const ms = months.map((m) => m.month);
    await tx.execute(sql`UPDATE observations SET numerator = greatest(0, numerator + ${opts.delta}), batch_id = ${batch.id}, updated_at = now()
      WHERE org_id = ${orgId} AND kpi_id = ${kpiId} AND month IN (${sql.join(
        ms.map((m) => sql`${m}`),
        sql`, `,
      )}) AND id % ${opts.every ?? 1} = 0`);
    const sorted = [...ms].sort();
    return refreshRollupsAfter(tx, orgId, { batchId: batch.id, kind: 'committed' }, { kpiIds: [kpiId], start: sorted[0], end: sorted[sorted.length - 1] });
  });
}
