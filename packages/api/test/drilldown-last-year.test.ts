import { findUnitId, observations } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { parsePeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { ALL_UNITS, scopeGuard } from '../src/access/scope.js';
import { loadEngineContext } from '../src/engine/index.js';
import { buildDrilldown } from '../src/services/index.js';
import { insertFixture } from './fixture.js';

/** 2020's women's households: 2 in B and 2 in C (both under A1 then), so A1 and SOC have 4, under the threshold of 5. */
async function households2020(db: Parameters<typeof insertFixture>[0]): Promise<void> {
  const ids = await Promise.all(['B', 'C'].map((code) => findUnitId(db, 'test-org', code)));
  const rows = ids.flatMap((id) =>
    Array.from({ length: 12 }, (_, i) => ({
      orgId: 'test-org',
      unitId: id ?? -1,
      month: `2020-${String(i + 1).padStart(2, '0')}`,
      kpiId: 'hh',
      gender: 'K' as const,
      numerator: 2,
      origin: 'synthetic' as const,
    })),
  );
  await db.insert(observations).values(rows);
}

describe.each(TEST_DB_KINDS)('the drill-down with last year per child on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertFixture(db);
    await households2020(db);
  });
  const drill = async (q: Omit<Parameters<typeof buildDrilldown>[2], 'access' | 'suppress'> & { suppress?: boolean; access?: Parameters<typeof buildDrilldown>[2]['access'] }) =>
    buildDrilldown(database.db, await loadEngineContext(database.db, 'test-org'), { suppress: false, access: ALL_UNITS, ...q });

  it('gives each child and the parent the same period a year earlier, as the tree was then', async () => {
    const d = await drill({ kpi: 'kr', unit: 'SOC', period: parsePeriod('2021'), gender: 'T' });
    const a1 = d.children.find((c) => c.unit === 'A1');
    // 2020: B and C were both under A1, 800 kr a month each.
    expect(a1?.change.lastYear).toMatchObject({ period: '2020', value: 19_200 });
    expect(a1?.change.absolute).toBe(17_000 - 19_200);
    expect(d.parent.change.lastYear.value).toBe(19_200);
  });

  it('keeps a hidden last year hidden for a suppressed audience, read from the protected release', async () => {
    const q = { kpi: 'hh', unit: 'SOC', period: parsePeriod('2021'), gender: 'K' as const };
    const exact = await drill(q);
    expect(exact.children.find((c) => c.unit === 'A1')?.change.lastYear.value).toBe(4);
    const safe = await drill({ ...q, suppress: true });
    const a1 = safe.children.find((c) => c.unit === 'A1');
    expect(a1?.change.lastYear).toMatchObject({ value: null, hidden: { mark: 'primary' } });
    expect(a1?.change.absolute).toBeNull();
    expect(safe.parent.change.lastYear).toMatchObject({ value: null, hidden: { mark: 'primary' } });
    expect(JSON.stringify(safe)).not.toContain('protectingCount');
  });

  it('leaves last year empty for a child that was not the caller’s then', async () => {
    const ctx = await loadEngineContext(database.db, 'test-org');
    const access = scopeGuard({ kind: 'units', units: ['A2'] }, ctx.tree);
    // B is A2's from June 2021; in T3 2020 it was under A1, outside her units.
    const d = await drill({ kpi: 'kr', unit: 'A2', period: parsePeriod('2021-T3'), gender: 'T', access });
    expect(d.children.map((c) => [c.unit, c.value])).toEqual([['B', 4_000]]);
    expect(d.children[0]?.change.lastYear).toMatchObject({ period: '2020-T3', value: null, display: '–', hidden: null });
    const all = await drill({ kpi: 'kr', unit: 'A2', period: parsePeriod('2021-T3'), gender: 'T' });
    expect(all.children[0]?.change.lastYear.value).toBe(3_200);
  });
});
