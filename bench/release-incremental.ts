/**
 * What an import pays for the protected release (docs/privacy.md,
 * Incremental rebuild): the whole rebuild every change used to run, against
 * the incremental one (updateRelease: only the KPI families the change
 * touched), in the same run on the same database (PostgreSQL at 127.0.0.1:5432).
 *
 *   npx tsx bench/release-incremental.ts [--quick]
 *
 * 1. The demo: full rebuild (median of 3), then an import of one KPI's last
 *    month for every KPI with cells in turn (the release part of each, as
 *    updateRelease times it: lock, loads, build, write).
 * 2. A generated organisation of 306 000 observations (250 enheter, 12 KPIs,
 *    72 months; --quick: 60 enheter, 73 440): the same.
 * After each, the stored release is checked equal to a full rebuild's.
 */
import { isDeepStrictEqual } from 'node:util';
import { DEMO_ORG, listKpis, loadRelease, queryRows, rebuildRelease, releaseStatus, seedDemo, sql, type Db, type ReleaseStatus } from '../packages/db/src/index.js';
import { importOneKpi, openTestDatabase } from '../packages/db/src/testing/index.js';
import { releaseClosure } from '../packages/domain/src/index.js';
import { GENERATED_SPEC, openGeneratedDatabase } from './lib/generated-db.js';

const quick = process.argv.includes('--quick');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number) => `${Math.round(x)} ms`;
const split = (s: ReleaseStatus) => (s.parts ? `load ${s.parts.loadMs} + compute ${s.parts.computeMs} + write ${s.parts.writeMs}` : '');

async function compare(db: Db, org: string, label: string, fullRuns: number): Promise<void> {
  const fulls: ReleaseStatus[] = [];
  for (let i = 0; i < fullRuns; i++) fulls.push(await db.transaction((tx) => rebuildRelease(tx, org)));
  const full = median(fulls.map((s) => s.buildMs));
  console.log(`${label}: full rebuild (baseline, every change paid it) median ${ms(full)} over ${fullRuns} (${fulls.map((s) => `${s.buildMs}: ${split(s)}`).join('; ')} ms)`);

  const kpis = await listKpis(db);
  const withCells = await queryRows<{ kpi_id: string }>(db, sql`SELECT DISTINCT kpi_id FROM observations WHERE org_id = ${org} ORDER BY kpi_id`);
  const runs: { kpi: string; rebuilt: number; s: ReleaseStatus }[] = [];
  for (const { kpi_id: kpi } of withCells) {
    const s = await importOneKpi(db, org, kpi, { delta: 1 });
    if (s.mode !== 'incremental') throw new Error(`${label}: the import of ${kpi} rebuilt the whole release`);
    runs.push({ kpi, rebuilt: releaseClosure(kpis, [kpi]).kpis.size, s });
  }
  const times = runs.map((r) => r.s.buildMs);
  const slowest = runs.reduce((a, b) => (b.s.buildMs > a.s.buildMs ? b : a));
  console.log(
    `${label}: incremental after an import of one KPI's last month, each of ${runs.length} KPIs in turn: median ${ms(median(times))}, min ${ms(Math.min(...times))}, max ${ms(slowest.s.buildMs)} ` +
      `(${slowest.kpi}, ${slowest.rebuilt} KPIs rebuilt: ${split(slowest.s)} ms); KPIs rebuilt per import median ${median(runs.map((r) => r.rebuilt))} of ${Object.keys((await stored(db, org))?.kpis ?? {}).length}; ` +
      `×${(full / median(times)).toFixed(1)} faster at the median`,
  );
  for (const r of runs) console.log(`    ${r.kpi}: ${r.s.buildMs} ms, ${r.rebuilt} KPIs rebuilt (${split(r.s)} ms)`);
  const incremental = await stored(db, org);
  const again = await db.transaction((tx) => rebuildRelease(tx, org));
  const whole = await loadRelease(db, org, again.buildId);
  if (!incremental || !isDeepStrictEqual(incremental, whole)) throw new Error(`${label}: the incremental release differs from a full rebuild`);
  console.log(`${label}: the release after ${runs.length} incremental builds equals a full rebuild's`);
}

async function stored(db: Db, org: string) {
  const s = await releaseStatus(db, org);
  return s && (await loadRelease(db, org, s.buildId));
}

async function demo(): Promise<void> {
  const database = await openTestDatabase('postgres');
  try {
    const t = performance.now();
    const seeded = await seedDemo(database.db);
    console.log(`demo: ${seeded.observations} observations, seeded in ${ms(performance.now() - t)}`);
    await compare(database.db, DEMO_ORG.id, 'demo', 3);
  } finally {
    await database.dispose();
  }
}

async function generated(): Promise<void> {
  const spec = quick ? { ...GENERATED_SPEC, units: 60 } : GENERATED_SPEC;
  const g = await openGeneratedDatabase(spec);
  try {
    console.log(`generated organisation: ${g.perOrg} observations (${spec.units} enheter, ${spec.kpis} KPIs, ${spec.months} months)`);
    await g.grow(g.perOrg);
    await compare(g.database.db, 'gen-001', `generated ${g.perOrg}`, 2);
  } finally {
    await g.database.dispose();
  }
}

await demo();
await generated();
