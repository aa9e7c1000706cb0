import type { Month } from '@lagesbild/domain';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';

/** Which part of an organisation's roll-ups to rebuild; everything when empty (after a tree change). */
export interface RollupScope {
  kpiIds?: readonly string[];
  start?: Month;
  end?: Month;
}

function scopeFilter(scope: RollupScope): SQL {
  const parts: SQL[] = [];
  if (scope.kpiIds)
    parts.push(
      scope.kpiIds.length
        ? sql`AND kpi_id IN (${sql.join(
            scope.kpiIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`AND false`,
    );
  if (scope.start) parts.push(sql`AND month >= ${scope.start}`);
  if (scope.end) parts.push(sql`AND month <= ${scope.end}`);
  return sql.join(parts, sql` `);
}

/**
 * The cells that count in a KPI's total: all but the "varav" bands of a KPI
 * whose age bands are subsets (domain countsInBand with no band asked). Roll-ups
 * and the protected release hold totals only; a band is read from leaf cells.
 */
export const TOTAL_CELLS = sql`(age_band = '' OR kpi_id NOT IN (SELECT id FROM kpis WHERE age_band_kind = 'subset'))`;

/**
 * Rebuilds an organisation's roll-ups from its observations, in the caller's
 * transaction (an import calls it with the KPIs and months it wrote, before
 * commit, so readers never see cells and roll-ups disagree). A leaf counts
 * under an ancestor in month m when the parent links valid in m lead there,
 * exactly as UnitTree.isWithin walks them; T follows selectGender per leaf,
 * unit, month and age band. Only units that are some unit's parent get rows:
 * a leaf's own cells are its total already, and are most of the data.
 * Returns the number of roll-up rows written.
 */
export async function refreshRollups(db: Db, orgId: string, scope: RollupScope = {}): Promise<number> {
  const filter = scopeFilter(scope);
  // The sorts and hashes below hold a whole organisation; the default 4 MB spills them to disk.
  await db.execute(sql`SET LOCAL work_mem = '256MB'`);
  // A tenant new since the last ANALYZE is estimated at one row, and the planner then loops
  // every cell over the tree closure (minutes at 10 M rows); hash joins are right for any size here.
  await db.execute(sql`SET LOCAL enable_nestloop = off`);
  // That setting prices the plan so high that JIT compiles it: 0.5 s of a one-month refresh's 0.6 s.
  await db.execute(sql`SET LOCAL jit = off`);
  await db.execute(sql`DELETE FROM observation_rollups WHERE org_id = ${orgId} ${filter}`);
  const [inserted] = await queryRows<{ n: number }>(
    db,
    sql`WITH RECURSIVE closure (leaf, anc, vfrom, vto, depth) AS (
        SELECT id, id, ''::text, NULL::text, 0 FROM units WHERE org_id = ${orgId}
        UNION ALL
        SELECT c.leaf, l.parent_id, greatest(c.vfrom, l.valid_from),
               CASE WHEN c.vto IS NULL THEN l.valid_to WHEN l.valid_to IS NULL THEN c.vto ELSE least(c.vto, l.valid_to) END,
               c.depth + 1
        FROM closure c JOIN unit_links l ON l.unit_id = c.anc
        WHERE (l.valid_to IS NULL OR l.valid_to > c.vfrom) AND (c.vto IS NULL OR l.valid_from < c.vto) AND c.depth < 63
      ),
      cells AS (
        SELECT kpi_id, unit_id, month, gender, numerator, denominator, origin, batch_id,
               bool_or(gender <> 'T') OVER (PARTITION BY kpi_id, unit_id, month, age_band) AS split
        FROM observations WHERE org_id = ${orgId} ${filter} AND ${TOTAL_CELLS}
      ),
      parents AS (SELECT DISTINCT l.parent_id AS id FROM unit_links l JOIN units u ON u.id = l.unit_id WHERE u.org_id = ${orgId}),
      placed AS MATERIALIZED (
        SELECT c.*, cl.anc FROM cells c
        JOIN closure cl ON cl.leaf = c.unit_id AND c.month >= cl.vfrom AND (cl.vto IS NULL OR c.month < cl.vto)
        JOIN parents p ON p.id = cl.anc
      ),
      sums AS (
        -- K and M count for themselves and for T; a T row only where the leaf stores no split.
        SELECT p.kpi_id, p.anc, p.month, g.gender, sum(p.numerator) AS num, sum(p.denominator) AS den, count(*)::int AS n
        FROM placed p
        CROSS JOIN LATERAL (SELECT p.gender AS gender WHERE p.gender <> 'T' OR NOT p.split UNION ALL SELECT 'T' WHERE p.gender <> 'T') g
        GROUP BY p.kpi_id, p.anc, p.month, g.gender
      ),
      prov AS (
        SELECT kpi_id, anc, month, bool_or(origin = 'reported') AS reported, bool_or(origin = 'synthetic') AS synthetic,
               coalesce((array_agg(DISTINCT batch_id ORDER BY batch_id DESC) FILTER (WHERE batch_id IS NOT NULL))[1:20], '{}') AS batch_ids
        FROM placed GROUP BY kpi_id, anc, month
      ),
      ins AS (
        INSERT INTO observation_rollups (org_id, kpi_id, unit_id, month, gender, numerator, denominator, cells, reported, synthetic, batch_ids)
        SELECT ${orgId}, s.kpi_id, s.anc, s.month, s.gender, s.num, s.den, s.n, p.reported, p.synthetic, p.batch_ids
        FROM sums s JOIN prov p USING (kpi_id, anc, month)
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM ins`,
  );
  await db.execute(sql`RESET enable_nestloop`);
  await db.execute(sql`RESET jit`);
  await db.execute(sql`RESET work_mem`);
  await db.execute(sql`
    INSERT INTO rollup_state (org_id, batch_max, batch_committed, batch_sum, latest_month, built_at)
    SELECT ${orgId}, max(id), count(*) FILTER (WHERE status = 'committed'), coalesce(sum(id) FILTER (WHERE status = 'committed'), 0),
           -- Per KPI down the (org_id, kpi_id, month) index to its first committed cell: 1 ms, not a scan of the tenant.
           (SELECT max(x.month) FROM kpis k CROSS JOIN LATERAL (
              SELECT o.month FROM observations o JOIN import_batches b ON b.id = o.batch_id
              WHERE o.org_id = ${orgId} AND o.kpi_id = k.id AND b.status = 'committed' ORDER BY o.month DESC LIMIT 1) x),
           now()
    FROM import_batches WHERE org_id = ${orgId}
    ON CONFLICT (org_id) DO UPDATE SET batch_max = excluded.batch_max, batch_committed = excluded.batch_committed,
      batch_sum = excluded.batch_sum, latest_month = excluded.latest_month, built_at = excluded.built_at`);
  return inserted?.n ?? 0;
}

export interface RollupStatus {
  /** The roll-ups match the committed batches: every import since the build refreshed them. */
  fresh: boolean;
  latestMonth: Month | null;
  /** When they were built: a version of everything a full rebuild follows, the unit tree included. */
  builtAt: string;
}

/** One index lookup on rollup_state and import_batches (a row per import), cheap enough for every request. */
export async function rollupStatus(db: Db, orgId: string): Promise<RollupStatus | null> {
  const [row] = await queryRows<{ fresh: boolean; latest_month: string | null; built_at: string }>(
    db,
    sql`SELECT s.latest_month, s.built_at::text AS built_at,
               (s.batch_max IS NOT DISTINCT FROM b.mx AND s.batch_committed = b.n AND s.batch_sum = b.sm) AS fresh
        FROM rollup_state s,
             LATERAL (SELECT max(id) AS mx, count(*) FILTER (WHERE status = 'committed')::int AS n,
                             coalesce(sum(id) FILTER (WHERE status = 'committed'), 0)::bigint AS sm
                      FROM import_batches WHERE org_id = s.org_id) b
        WHERE s.org_id = ${orgId}`,
  );
  return row ? { fresh: row.fresh, latestMonth: row.latest_month, builtAt: row.built_at } : null;
}

/** Forgets an organisation's roll-ups, e.g. before its rows are replaced. */
export async function dropRollups(db: Db, orgId: string): Promise<void> {
  await db.execute(sql`DELETE FROM observation_rollups WHERE org_id = ${orgId}`);
  await db.execute(sql`DELETE FROM rollup_state WHERE org_id = ${orgId}`);
}
