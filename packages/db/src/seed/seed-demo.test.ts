import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rollupStatus } from '../rollups/refresh.js';
import { observationRollups, observations, targets, units } from '../schema/index.js';
import { TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { buildDemoDataset } from './demo-dataset.js';
import { seedDemo } from './seed-demo.js';

describe.each(TEST_DB_KINDS)('seedDemo on %s', (kind) => {
  const database = useTestDatabase(kind);

  const counts = async () => {
    const [o] = await database.db.select({ n: count() }).from(observations);
    const [u] = await database.db.select({ n: count() }).from(units);
    const [t] = await database.db.select({ n: count() }).from(targets);
    return { observations: o?.n, units: u?.n, targets: t?.n };
  };

  it('writes the whole dataset, and seeding twice gives the same database', async () => {
    const data = buildDemoDataset();
    const started = performance.now();
    const summary = await seedDemo(database.db);
    console.log(`seedDemo on ${kind}: ${Math.round(performance.now() - started)} ms for ${summary.observations} observations`);
    expect(summary).toEqual({ units: data.units.length, kpis: data.kpis.length, observations: data.observations.length, targets: data.targets.length });
    const first = await counts();
    expect(first).toEqual({ observations: data.observations.length, units: data.units.length, targets: data.targets.length });
    await seedDemo(database.db);
    expect(await counts()).toEqual(first);
    // The dashboards' roll-ups are built with it, so the first request reads them.
    expect(await rollupStatus(database.db, data.organisation.id)).toMatchObject({ fresh: true, latestMonth: '2022-12', builtAt: expect.any(String) as unknown });
    // Two whole seeds of about 29 000 observations (every personnel key figure per enhet and month) with their roll-ups and release.
  }, 180_000);

  it('keeps provenance: a printed figure is stored as reported with its source line', async () => {
    const [row] = await database.db
      .select({
        numerator: observations.numerator,
        origin: observations.origin,
        sourceFile: observations.sourceFile,
        sourceRow: observations.sourceRow,
        batchId: observations.batchId,
      })
      .from(observations)
      .innerJoin(units, eq(units.id, observations.unitId))
      .where(and(eq(observations.kpiId, 'hushall-utbetalt'), eq(observations.month, '2022-01'), eq(observations.gender, 'K'), eq(units.code, 'EKBIST')));
    expect(row).toMatchObject({ numerator: 196, origin: 'reported', sourceFile: '001_a6b4f7c84ad1bf86.txt', sourceRow: 703 });
    expect(row?.batchId).not.toBeNull();
  });

  it("reads the roll-ups' batch ids as an array of numbers (drizzle parses them; postgres.js fetches no array types)", async () => {
    await seedDemo(database.db);
    const rows = await database.db
      .select({ batchIds: observationRollups.batchIds })
      .from(observationRollups)
      .where(sql`cardinality(${observationRollups.batchIds}) > 0`)
      .limit(5);
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(Array.isArray(r.batchIds)).toBe(true);
      for (const id of r.batchIds) expect(Number.isInteger(id)).toBe(true);
    }
  });
});
