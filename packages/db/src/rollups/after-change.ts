import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { updateRelease, type ReleaseUpdate } from '../release/incremental.js';
import { refreshRollups, type RollupScope } from './refresh.js';

/**
 * Refreshes the roll-ups in the transaction of an import that has just been
 * committed or rolled back. Refreshing only the KPIs and months it touched is
 * right only when the roll-ups were fresh just before it; otherwise (never
 * built, or an earlier write skipped them) the whole organisation is rebuilt,
 * so a scoped refresh can never mark half-built roll-ups as fresh. Then the
 * protected release is brought up to date (updateRelease: the KPI families
 * the change touched, or all of it when that would not be exact), still
 * before the change's live event is recorded, so no screen is told of data
 * its release does not hold. Returns how the release was built.
 */
export async function refreshRollupsAfter(tx: Db, orgId: string, change: { batchId: number; kind: 'committed' | 'rolled_back' }, scope: RollupScope): Promise<ReleaseUpdate> {
  const [row] = await queryRows<{ state_n: number | null; state_sum: string | null; n: number; sum: string }>(
    tx,
    sql`SELECT s.batch_committed AS state_n, s.batch_sum::text AS state_sum,
               (SELECT count(*)::int FROM import_batches WHERE org_id = ${orgId} AND status = 'committed') AS n,
               (SELECT coalesce(sum(id), 0)::text FROM import_batches WHERE org_id = ${orgId} AND status = 'committed') AS sum
        FROM (SELECT 1) one LEFT JOIN rollup_state s ON s.org_id = ${orgId}`,
  );
  // What the committed batches were before this change.
  const sign = change.kind === 'committed' ? -1 : 1;
  const before = { n: (row?.n ?? 0) + sign, sum: BigInt(row?.sum ?? '0') + BigInt(sign * change.batchId) };
  const freshBefore = row?.state_n !== null && row?.state_n !== undefined && row.state_n === before.n && BigInt(row.state_sum ?? '-1') === before.sum;
  await refreshRollups(tx, orgId, freshBefore ? scope : {});
  return updateRelease(tx, orgId, { ...change, kpis: scope.kpiIds ?? null });
}
