/**
 * One throw-away PostgreSQL database grown with generated organisations
 * gen-001… (pnpm lagesbild generate's path: COPY and roll-ups in one
 * transaction per org), shared by bench/read-latency.ts and
 * bench/dashboard-first-render.ts. Every organisation has the same shape, so
 * gen-001 is the same tenant at every size; what grows is the database
 * around it.
 */
import { cellCount, loadGeneratedOrg, sql, upsertGeneratedKpis, type GenerateSpec } from '../../packages/db/src/index.js';
import { openTestDatabase, type TestDatabase } from '../../packages/db/src/testing/index.js';

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

/** A fresh database with the generated KPI catalogue; dispose() it when done. */
export async function openGeneratedDatabase(spec: GenerateSpec = GENERATED_SPEC): Promise<GeneratedDatabase> {
  const database = await openTestDatabase('postgres');
  const perOrg = cellCount(spec);
  let orgs = 0;
  let kpisWritten = false;
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
