import { buildRelease, DEFAULT_SUPPRESSION, type Gender, type Release, type ReleasedKpi, type ReleaseObservation } from '@lagesbild/domain';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { listKpis } from '../queries/kpis.js';
import { loadUnits } from '../queries/units.js';
import { releaseKpis, releaseState } from '../schema/index.js';
import { releaseInputsFingerprint } from './fingerprint.js';

export interface ReleaseStatus {
  buildId: number;
  /** The release matches the committed batches: every import since the build rebuilt it. */
  fresh: boolean;
  buildMs: number;
  /** Where a build's time went (only on the status a build returns). */
  parts?: { loadMs: number; computeMs: number; writeMs: number; cells: number };
  /** How the build went (only on the status a build returns): whole, or only the families a change touched. */
  mode?: 'full' | 'incremental';
}

/** The committed batches now, the fingerprint a build records (as the roll-ups do). */
export const FINGERPRINT = (orgId: string) => sql`SELECT max(id) AS mx, count(*) FILTER (WHERE status = 'committed')::int AS n,
         coalesce(sum(id) FILTER (WHERE status = 'committed'), 0)::bigint AS sm
  FROM import_batches WHERE org_id = ${orgId}`;

/**
 * Rebuilds an organisation's protected release whole from its observations
 * in the caller's transaction: the demo seed and generated tenants call it
 * beside the roll-up refresh, imports and rollbacks through updateRelease
 * (incremental.ts) where only part of it cannot be rebuilt exactly, all
 * before their live event can reach a screen. A transaction-scoped advisory lock serialises builds of one
 * organisation, so two writers never interleave their rows; `onlyIfStale`
 * (a read that found it stale) skips the build another reader just made.
 */
export async function rebuildRelease(tx: Db, orgId: string, opts: { onlyIfStale?: boolean } = {}): Promise<ReleaseStatus> {
  const started = performance.now();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`release:${orgId}`}))`);
  // A reader that found it stale: another reader may have rebuilt it while this one waited for the lock.
  if (opts.onlyIfStale) {
    const now = await releaseStatus(tx, orgId);
    if (now?.fresh) return now;
  }
  const [kpis, units, cells] = await Promise.all([listKpis(tx), loadUnits(tx, orgId), releaseCells(tx, orgId)]);
  const loaded = performance.now();
  const release = buildRelease({ kpis, units, observations: cells, rules: DEFAULT_SUPPRESSION });
  const computed = performance.now();
  const buildId = (await storedBuildId(tx, orgId)) + 1;
  await tx.delete(releaseKpis).where(eq(releaseKpis.orgId, orgId));
  await insertReleased(tx, orgId, buildId, Object.values(release.kpis));
  const inputs = releaseInputsFingerprint(kpis, units, DEFAULT_SUPPRESSION);
  const buildMs = await recordBuild(tx, orgId, buildId, release, inputs, started);
  const parts = { loadMs: Math.round(loaded - started), computeMs: Math.round(computed - loaded), writeMs: Math.round(performance.now() - computed), cells: cells.length };
  return { buildId, fresh: true, buildMs, parts, mode: 'full' };
}

async function storedBuildId(tx: Db, orgId: string): Promise<number> {
  const [prev] = await tx.select({ buildId: releaseState.buildId }).from(releaseState).where(eq(releaseState.orgId, orgId));
  return prev?.buildId ?? 0;
}

export async function insertReleased(tx: Db, orgId: string, buildId: number, released: readonly ReleasedKpi[]): Promise<void> {
  const rows = released.map((cells) => ({ orgId, kpiId: cells.kpi, buildId, cells }));
  for (let i = 0; i < rows.length; i += 20) await tx.insert(releaseKpis).values(rows.slice(i, i + 20));
}

/** Records a build as the organisation's current one, with the committed batches it holds; returns its time so far. */
export async function recordBuild(tx: Db, orgId: string, buildId: number, release: Pick<Release, 'periods' | 'first' | 'last'>, inputs: string, started: number): Promise<number> {
  const [fp] = await queryRows<{ mx: number | null; n: number; sm: string }>(tx, FINGERPRINT(orgId));
  const buildMs = Math.round(performance.now() - started);
  const state = {
    buildId,
    periods: { keys: release.periods, first: release.first, last: release.last },
    batchMax: fp?.mx ?? null,
    batchCommitted: fp?.n ?? 0,
    batchSum: Number(fp?.sm ?? 0),
    buildMs,
    inputs,
    builtAt: new Date(),
  };
  await tx
    .insert(releaseState)
    .values({ orgId, ...state })
    .onConflictDoUpdate({ target: releaseState.orgId, set: state });
  return buildMs;
}

/** Every observation of an organisation (or of some KPIs), every age band, with only what the release needs: a narrow row, not the engine's provenance. */
export async function releaseCells(tx: Db, orgId: string, kpiIds?: readonly string[]): Promise<ReleaseObservation[]> {
  if (kpiIds?.length === 0) return [];
  const only = kpiIds
    ? sql`AND o.kpi_id IN (${sql.join(
        kpiIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<{ k: string; u: string; m: string; g: Gender; b: string; n: number; d: number | null }>(
    tx,
    sql`SELECT o.kpi_id AS k, u.code AS u, o.month AS m, o.gender AS g, o.age_band AS b, o.numerator AS n, o.denominator AS d
        FROM observations o JOIN units u ON u.id = o.unit_id
        WHERE o.org_id = ${orgId} AND u.org_id = ${orgId} ${only}`,
  );
  // Every band: the release holds the totals and each age band beside them (band-rows.ts in the domain).
  return rows.map((r) => ({ kpi: r.k, unit: r.u, month: r.m, gender: r.g, ageBand: r.b, numerator: Number(r.n), denominator: r.d === null ? null : Number(r.d) }));
}

/** One index lookup, cheap enough for every request; null when the organisation has never had a release. */
export async function releaseStatus(db: Db, orgId: string): Promise<ReleaseStatus | null> {
  const [row] = await queryRows<{ build_id: number; build_ms: number; fresh: boolean }>(
    db,
    sql`SELECT s.build_id, s.build_ms,
               (s.batch_max IS NOT DISTINCT FROM b.mx AND s.batch_committed = b.n AND s.batch_sum = b.sm) AS fresh
        FROM release_state s, LATERAL (${FINGERPRINT(orgId)}) b
        WHERE s.org_id = ${orgId}`,
  );
  return row ? { buildId: row.build_id, fresh: row.fresh, buildMs: row.build_ms } : null;
}

/** The whole release of a build, or null when another build replaced it meanwhile. */
export async function loadRelease(db: Db, orgId: string, buildId: number): Promise<Release | null> {
  const [state] = await db
    .select()
    .from(releaseState)
    .where(and(eq(releaseState.orgId, orgId), eq(releaseState.buildId, buildId)));
  if (!state) return null;
  const rows = await db.select({ cells: releaseKpis.cells, buildId: releaseKpis.buildId }).from(releaseKpis).where(eq(releaseKpis.orgId, orgId));
  // A partial build leaves the rows it did not touch at their older build; a newer one means a build replaced this one meanwhile.
  if (rows.some((r) => r.buildId > buildId)) return null;
  const kpis: Record<string, ReleasedKpi> = {};
  for (const r of rows) kpis[r.cells.kpi] = r.cells;
  return { periods: state.periods.keys, first: state.periods.first, last: state.periods.last, kpis };
}

/** Forgets an organisation's release, e.g. before its rows are replaced. */
export async function dropRelease(db: Db, orgId: string): Promise<void> {
  await db.delete(releaseKpis).where(eq(releaseKpis.orgId, orgId));
  await db.delete(releaseState).where(eq(releaseState.orgId, orgId));
}
