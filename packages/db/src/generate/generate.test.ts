import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { UnitTree } from '@lagesbild/domain';
import { observationRollups, observations } from '../schema/index.js';
import { TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { rollupStatus } from '../rollups/refresh.js';
import { cellCount, cellsOf, generateOrg, type GenerateSpec } from './dataset.js';
import { generatedKpis } from './kpis.js';
import { loadGeneratedOrg, upsertGeneratedKpis } from './load.js';

const spec: GenerateSpec = { orgs: 2, units: 12, kpis: 8, months: 14, seed: 7 };

describe('generated dataset', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = [...cellsOf(spec, generateOrg(spec, 0))];
    const b = [...cellsOf(spec, generateOrg(spec, 0))];
    const c = [...cellsOf({ ...spec, seed: 8 }, generateOrg({ ...spec, seed: 8 }, 0))];
    expect(a).toEqual(b);
    expect(a.length).toBe(cellCount(spec));
    expect(c.map((x) => x.numerator)).not.toEqual(a.map((x) => x.numerator));
    expect(generateOrg(spec, 1).id).toBe('gen-002');
  });

  it('stores K and M (never T) for split KPIs, T alone otherwise, and nothing for the ratio', () => {
    const cells = [...cellsOf(spec, generateOrg(spec, 0))];
    for (const k of generatedKpis(spec.kpis)) {
      const genders = new Set(cells.filter((x) => x.kpiId === k.id).map((x) => x.gender));
      if (k.ratioOf) expect(genders.size).toBe(0);
      else expect([...genders].sort()).toEqual(k.genderSplit ? ['K', 'M'] : ['T']);
    }
    const rate = cells.filter((x) => x.kpiId === 'gen-sjukfranvaro');
    expect(rate.every((x) => x.denominator !== null && x.denominator > 0 && x.numerator < x.denominator)).toBe(true);
  });

  it('moves some enheter to another avdelning mid-period and renames one', () => {
    const org = generateOrg(spec, 0);
    const tree = new UnitTree(org.units);
    expect(tree.parentAt('E001', '2019-01')).toBe('A01');
    expect(tree.parentAt('E001', '2019-08')).toBe('A02');
    expect(tree.isWithin('E001', 'A01', '2019-07')).toBe(true);
    expect(tree.isWithin('E001', 'A01', '2019-08')).toBe(false);
    expect(tree.nameAt('E001', '2019-01')).not.toBe(tree.nameAt('E001', '2020-02'));
    expect(tree.parentAt('E002', '2020-02')).toBe('A02');
  });
});

describe.each(TEST_DB_KINDS)('loading generated organisations on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('writes each organisation in its own transaction with fresh roll-ups, and a second run replaces it', async () => {
    await upsertGeneratedKpis(database.db, spec.kpis);
    for (let i = 0; i < spec.orgs; i++) await loadGeneratedOrg(database, spec, i, cellCount(spec));
    const again = await loadGeneratedOrg(database, spec, 0, cellCount(spec));
    expect(again.observations).toBe(cellCount(spec));
    const [n] = await database.db.select({ n: count() }).from(observations);
    expect(n?.n).toBe(2 * cellCount(spec));
    expect(await rollupStatus(database.db, 'gen-001')).toMatchObject({ fresh: true, latestMonth: '2020-02', builtAt: expect.any(String) as unknown });
    // The förvaltning's roll-up of a split KPI equals the sum of every leaf cell that month.
    const [raw] = await database.db
      .select({ s: sql<number>`sum(${observations.numerator})` })
      .from(observations)
      .where(and(eq(observations.orgId, 'gen-002'), eq(observations.kpiId, 'gen-hushall'), eq(observations.month, '2019-09')));
    const [rolled] = await database.db
      .select({ s: observationRollups.numerator })
      .from(observationRollups)
      .innerJoin(sql`units u`, sql`u.id = ${observationRollups.unitId}`)
      .where(
        and(
          eq(observationRollups.orgId, 'gen-002'),
          eq(observationRollups.kpiId, 'gen-hushall'),
          eq(observationRollups.month, '2019-09'),
          eq(observationRollups.gender, 'T'),
          sql`u.code = 'SOC'`,
        ),
      );
    expect(rolled?.s).toBeCloseTo(Number(raw?.s), 6);
  });
});
