import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cellCount, type GenerateSpec } from '../generate/dataset.js';
import { loadGeneratedOrg, upsertGeneratedKpis } from '../generate/load.js';
import { importBatches, kpis, releaseKpis, units } from '../schema/index.js';
import { importOneKpi, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { loadRelease, rebuildRelease } from './rebuild.js';
import type { Db } from '../client.js';

const spec: GenerateSpec = { orgs: 1, units: 12, kpis: 8, months: 14, seed: 11 };
const ORG = 'gen-001';

async function rowBuilds(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ kpiId: releaseKpis.kpiId, buildId: releaseKpis.buildId }).from(releaseKpis).where(eq(releaseKpis.orgId, ORG));
  return new Map(rows.map((r) => [r.kpiId, r.buildId]));
}

/** The release as a full rebuild gives it now, and the one stored before that rebuild. */
async function againInFull(db: Db, buildId: number) {
  const stored = await loadRelease(db, ORG, buildId);
  const full = await db.transaction((tx) => rebuildRelease(tx, ORG));
  return { stored, full: await loadRelease(db, ORG, full.buildId) };
}

describe.each(TEST_DB_KINDS)('incremental release builds on %s', (kind) => {
  const database = useTestDatabase(kind, async (d) => {
    await upsertGeneratedKpis(d.db, spec.kpis);
    await loadGeneratedOrg(d, spec, 0, cellCount(spec));
  });

  it('after an import of one KPI rebuilds only its families, keeps the other rows at their build, and equals a full rebuild', async () => {
    const db = database.db;
    const before = await rowBuilds(db);
    // Households: the denominator of kr per household, so kr paid and the ratio are rebuilt with it.
    const s = await importOneKpi(db, ORG, 'gen-hushall', { delta: -3, every: 2, months: 2 });
    expect(s).toMatchObject({ mode: 'incremental', fresh: true });
    const after = await rowBuilds(db);
    expect(after.get('gen-hushall')).toBe(s.buildId);
    for (const id of ['gen-aktualiseringar', 'gen-sjukfranvaro', 'gen-varddygn']) expect(after.get(id)).toBe(before.get(id));
    const { stored, full } = await againInFull(db, s.buildId);
    expect(stored).not.toBeNull();
    expect(stored).toEqual(full);
  });

  it('rebuilds whole when the catalogue, the unit tree or the months changed, or the release was stale', async () => {
    const db = database.db;
    expect(await importOneKpi(db, ORG, 'gen-aktualiseringar', { delta: 2, every: 3 })).toMatchObject({ mode: 'incremental' });
    await db.update(kpis).set({ decimals: 2 }).where(eq(kpis.id, 'gen-arsarbetare'));
    const catalogue = await importOneKpi(db, ORG, 'gen-aktualiseringar', { delta: 1, every: 2 });
    expect(catalogue).toMatchObject({ mode: 'full', fullBecause: 'inputs' });
    expect(new Set((await rowBuilds(db)).values())).toEqual(new Set([catalogue.buildId]));
    // The fingerprint is stored with the full build: the next import is incremental again.
    expect(await importOneKpi(db, ORG, 'gen-aktualiseringar', { delta: 1, every: 5 })).toMatchObject({ mode: 'incremental' });
    await db
      .update(units)
      .set({ name: 'Omdöpt enhet' })
      .where(and(eq(units.orgId, ORG), eq(units.code, 'E003')));
    expect(await importOneKpi(db, ORG, 'gen-hushall', { delta: 1 })).toMatchObject({ mode: 'full', fullBecause: 'inputs' });
    // A committed batch whose writer did not rebuild the release: stale before the next import.
    await db.insert(importBatches).values({ orgId: ORG, fileName: 'x', sha256: 'x', format: 'test', origin: 'reported', createdBy: 'test' });
    expect(await importOneKpi(db, ORG, 'gen-hushall', { delta: 1 })).toMatchObject({ mode: 'full', fullBecause: 'stale' });
    // A month before the first: every period moves.
    await db.execute(sql`UPDATE observations SET month = '2018-12' WHERE id = (SELECT min(id) FROM observations WHERE org_id = ${ORG} AND kpi_id = 'gen-kostnad')`);
    const months = await importOneKpi(db, ORG, 'gen-kostnad', { delta: 5 });
    expect(months).toMatchObject({ mode: 'full', fullBecause: 'months' });
    const { stored, full } = await againInFull(db, months.buildId);
    expect(stored).toEqual(full);
    expect(full?.first).toBe('2018-12');
  });
});
