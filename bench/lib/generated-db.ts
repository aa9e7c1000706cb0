/**
 * One throw-away PostgreSQL database grown with generated organisations
 * gen-001… (pnpm lagesbild generate's path: COPY and roll-ups in one
 * transaction per org), shared by bench/read-latency.ts and
 * bench/dashboard-first-render.ts. Every organisation has the same shape, so
 * gen-001 is the same tenant at every size; what grows is the database
 * around it.
 */
import { cellCount, loadGeneratedOrg, openPostgres, queryRows, sql, upsertGeneratedKpis, type GenerateSpec } from '../../packages/db/src/index.js';
import { openTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../../packages/db/src/testing/index.js';

/** 250 enheter, 12 KPIs, 72 months from 2019-01: 306 000 observations per organisation. */
export const GENERATED_SPEC: GenerateSpec = { orgs: 1, units: 250, kpis: 12, months: 72, seed: 1 };

export interface GeneratedDatabase {
  database: TestDatabase;
  /** Observations per organisation. */
  perOrg: number;
  /** Organisations written so far. */
  orgs(): number;
  /** Adds organisations until `size` observations are reached, then ANALYZE; returns the observations held. */
  grow(size: number): Promise<number>;
}

/**
 * A database kept between runs under `name` (created if missing, never dropped):
 * generating 10 M observations takes about an hour on a loaded 2-core machine,
 * so it can be grown while other work runs and measured later on a quiet machine.
 */
async function openKeptDatabase(name: string): Promise<TestDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`--keep: ${name} is not a plain database name (a-z, 0-9, _)`);
  const admin = await openPostgres(TEST_POSTGRES_URL);
  const exists = await queryRows(admin.db, sql`SELECT 1 FROM pg_database WHERE datname = ${name}`);
  if (exists.length === 0) await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  await admin.close();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  await database.migrate();
  return { ...database, url: url.toString(), dispose: () => database.close() };
}

/** A fresh database with the generated KPI catalogue (or the kept one named `keep`, resumed); dispose() it when done. */
export async function openGeneratedDatabase(spec: GenerateSpec = GENERATED_SPEC, keep?: string): Promise<GeneratedDatabase> {
  const database = keep ? await openKeptDatabase(keep) : await openTestDatabase('postgres');
  const perOrg = cellCount(spec);
  // Each organisation is written in one transaction, so the kept database holds whole ones only.
  const [held] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM organisations WHERE id LIKE 'gen-%'`);
  let orgs = held?.n ?? 0;
  let kpisWritten = orgs > 0;
  if (orgs > 0) console.log(`kept database ${keep ?? ''}: ${orgs} organisations already written`);
  return {
    database,
    perOrg,
    orgs: () => orgs,
    async grow(size: number): Promise<number> {
      if (!kpisWritten) {
        await upsertGeneratedKpis(database.db, spec.kpis);
        kpisWritten = true;
      }
      const want = Math.ceil(size / perOrg);
      const t = performance.now();
      let written = 0;
      for (; orgs < want; orgs++) {
        const r = await loadGeneratedOrg(database, spec, orgs, perOrg);
        written += r.observations;
        console.log(`  ${r.orgId}: ${Math.round(r.ms)} ms, of which roll-ups ${Math.round(r.rollupMs)} ms, release ${Math.round(r.releaseMs)} ms`);
      }
      const s = (performance.now() - t) / 1000;
      console.log(`generated ${written} observations in ${s.toFixed(0)} s (${Math.round(written / s)} rows/s incl. roll-ups); ${orgs} organisations`);
      await database.db.execute(sql`ANALYZE`);
      return orgs * perOrg;
    },
  };
}
