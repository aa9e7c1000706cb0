import { buildRelease, DEFAULT_SUPPRESSION, releaseClosure, type ReleasedKpi } from '@lagesbild/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { listKpis } from '../queries/kpis.js';
import { loadUnits } from '../queries/units.js';
import { releaseKpis, releaseState } from '../schema/index.js';
import { canonicalJson, releaseInputsFingerprint } from './fingerprint.js';
import { FINGERPRINT, insertReleased, rebuildRelease, recordBuild, releaseCells, type ReleaseStatus } from './rebuild.js';

/** A change of an organisation's cells: the batch committed or rolled back, and the KPIs whose cells it wrote (unknown: null). */
export interface ReleaseChange {
  batchId: number;
  kind: 'committed' | 'rolled_back';
  kpis: readonly string[] | null;
}

/** Why a change rebuilt the whole release instead of the families it touched. */
export type FullReason = 'no-kpis' | 'missing' | 'stale' | 'inputs' | 'months';

export type ReleaseUpdate = ReleaseStatus & { fullBecause?: FullReason };

/**
 * Brings an organisation's release up to date after one change of its cells,
 * in the change's transaction (refreshRollupsAfter). Only the KPI families
 * the change touched are rebuilt (releaseClosure: the other families' cells
 * and hidden cells cannot move); their rows that come out the same keep
 * their build number, as do all the others. The whole release is rebuilt
 * when that would not be exact: the touched KPIs are unknown, the stored
 * release is missing or was stale before this change (a write that did not
 * rebuild it), the catalogue, unit tree or rules changed since it was built
 * (their fingerprint is stored with it), or the months held moved (every
 * period does).
 */
export async function updateRelease(tx: Db, orgId: string, change: ReleaseChange): Promise<ReleaseUpdate> {
  const started = performance.now();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`release:${orgId}`}))`);
  const full = async (fullBecause: FullReason): Promise<ReleaseUpdate> => ({ ...(await rebuildRelease(tx, orgId)), fullBecause });
  if (!change.kpis) return full('no-kpis');
  const [state] = await tx.select().from(releaseState).where(eq(releaseState.orgId, orgId));
  if (!state?.inputs || state.periods.first === null || state.periods.last === null) return full('missing');
  const [now] = await queryRows<{ n: number; sm: string }>(tx, FINGERPRINT(orgId));
  // The committed batches before this change: the release must have held exactly those.
  const sign = change.kind === 'committed' ? -1 : 1;
  const before = { n: (now?.n ?? 0) + sign, sum: BigInt(now?.sm ?? '0') + BigInt(sign * change.batchId) };
  if (state.batchCommitted !== before.n || BigInt(state.batchSum) !== before.sum) return full('stale');
  const [kpis, units, span] = await Promise.all([listKpis(tx), loadUnits(tx, orgId), monthSpan(tx, orgId)]);
  const inputs = releaseInputsFingerprint(kpis, units, DEFAULT_SUPPRESSION);
  if (inputs !== state.inputs) return full('inputs');
  if (span.first !== state.periods.first || span.last !== state.periods.last) return full('months');

  const closure = releaseClosure(kpis, change.kpis);
  const cells = await releaseCells(tx, orgId, [...closure.reads]);
  const loaded = performance.now();
  const release = buildRelease({ kpis, units, observations: cells, rules: DEFAULT_SUPPRESSION }, { closure, first: span.first, last: span.last });
  const computed = performance.now();
  const buildId = state.buildId + 1;
  await writeChanged(tx, orgId, buildId, [...closure.kpis], Object.values(release.kpis));
  const periods = { periods: state.periods.keys, first: span.first, last: span.last };
  const buildMs = await recordBuild(tx, orgId, buildId, periods, inputs, started);
  const parts = { loadMs: Math.round(loaded - started), computeMs: Math.round(computed - loaded), writeMs: Math.round(performance.now() - computed), cells: cells.length };
  return { buildId, fresh: true, buildMs, parts, mode: 'incremental' };
}

/** The first and last month with cells, as the build derives them. */
async function monthSpan(tx: Db, orgId: string): Promise<{ first: string | null; last: string | null }> {
  const [row] = await queryRows<{ first: string | null; last: string | null }>(tx, sql`SELECT min(month) AS first, max(month) AS last FROM observations WHERE org_id = ${orgId}`);
  return { first: row?.first ?? null, last: row?.last ?? null };
}

/**
 * Replaces the rebuilt KPIs' rows: a row that came out as it was stays with
 * its build number, one that changed is written anew, one the build no
 * longer gives (a KPI that lost all its cells) is removed.
 */
async function writeChanged(tx: Db, orgId: string, buildId: number, rebuilt: readonly string[], released: readonly ReleasedKpi[]): Promise<void> {
  if (rebuilt.length === 0) return;
  const stored = await tx
    .select({ kpiId: releaseKpis.kpiId, cells: releaseKpis.cells })
    .from(releaseKpis)
    .where(and(eq(releaseKpis.orgId, orgId), inArray(releaseKpis.kpiId, [...rebuilt])));
  const before = new Map(stored.map((r) => [r.kpiId, canonicalJson(r.cells)]));
  // Compared as JSON with sorted keys: jsonb keeps no key order (and, like JSON, no -0).
  const changed = released.filter((k) => before.get(k.kpi) !== canonicalJson(k));
  const gone = [...before.keys()].filter((id) => !released.some((k) => k.kpi === id));
  const replaced = [...gone, ...changed.map((k) => k.kpi)];
  if (replaced.length) await tx.delete(releaseKpis).where(and(eq(releaseKpis.orgId, orgId), inArray(releaseKpis.kpiId, replaced)));
  await insertReleased(tx, orgId, buildId, changed);
}
