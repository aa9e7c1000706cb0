import { eq } from 'drizzle-orm';
import { createRandom, importBatches, kpis, latestDataMonth, observations, organisations, refreshRollups, targets, unitLinks, units, type Db } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { addMonths, parsePeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { loadEngineContext, type EngineContext } from '../src/engine/index.js';
import { buildDrilldown, buildOverview, buildSeries, queryValue } from '../src/services/index.js';
import { ALL_UNITS } from '../src/access/scope.js';

/**
 * Property: for random organisations (trees that reorganise, avdelningar that
 * move under other avdelningar, leaves storing K/M, T alone, or both, age
 * bands, null and non-null denominators, several batches and origins), every
 * view computed from roll-ups equals the same view computed from raw cells.
 * Numerators are integers, so sums are exact in any order and equality is exact.
 */
const RUNS = 30;
const START = '2021-01';
const MONTHS = 24;
const base = { description: '', group: 'ekonomi', source: 'test', scale: 1, decimals: 0, validFrom: '2000-01' };
const KPIS = [
  // Its 18-24 cells are a "varav" of the total beside them (band ''): never summed into it, from roll-ups or raw.
  {
    ...base,
    id: 'p-hh',
    name: 'Hushåll',
    nameEn: 'hh',
    unit: 'count',
    direction: 'lower',
    timeAggregation: 'mean',
    genderSplit: true,
    privacyClass: 'small-count',
    ageBands: ['18-24'],
    ageBandKind: 'subset',
  },
  { ...base, id: 'p-kr', name: 'Kronor', nameEn: 'kr', unit: 'kr', direction: 'lower', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' },
  {
    ...base,
    id: 'p-per',
    name: 'Per hushåll',
    nameEn: 'per',
    unit: 'kr',
    direction: 'none',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'small-count',
    ratioNumerator: 'p-kr',
    ratioDenominator: 'p-hh',
    ageBandKind: 'subset',
  },
  {
    ...base,
    id: 'p-sick',
    name: 'Sjuk',
    nameEn: 'sick',
    unit: 'percent',
    scale: 100,
    decimals: 1,
    direction: 'lower',
    timeAggregation: 'sum',
    genderSplit: true,
    privacyClass: 'sick-leave',
  },
  { ...base, id: 'p-hme', name: 'HME', nameEn: 'hme', unit: 'score', direction: 'higher', timeAggregation: 'last', genderSplit: true, privacyClass: 'hme' },
] as const;

async function insertRandomOrg(db: Db, orgId: string, seed: number): Promise<{ leaves: string[]; avd: string[] }> {
  const r = createRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const month = (i: number) => addMonths(START, i);
  await db.insert(organisations).values({ id: orgId, name: orgId });
  const avd = Array.from({ length: int(2, 3) }, (_, i) => `A${i + 1}`);
  const leaves = Array.from({ length: int(2, 6) }, (_, i) => `L${i + 1}`);
  const rows = await db
    .insert(units)
    .values([
      { orgId, code: 'SOC', name: 'SOC', kind: 'forvaltning', validFrom: START },
      ...avd.map((code) => ({ orgId, code, name: code, kind: 'avdelning' as const, validFrom: START })),
      ...leaves.map((code) => ({ orgId, code, name: code, kind: 'enhet' as const, validFrom: START })),
    ])
    .returning({ id: units.id, code: units.code });
  const id = (code: string) => rows.find((u) => u.code === code)?.id ?? -1;
  const links: (typeof unitLinks.$inferInsert)[] = [];
  // The last avdelning may sink under the first for a while: a three-level path that changes.
  const sinkAt = r() < 0.5 ? int(1, MONTHS - 2) : null;
  for (const a of avd) {
    if (a === avd[avd.length - 1] && sinkAt !== null) {
      links.push({ unitId: id(a), parentId: id('SOC'), validFrom: START, validTo: month(sinkAt) });
      links.push({ unitId: id(a), parentId: id('A1'), validFrom: month(sinkAt) });
    } else links.push({ unitId: id(a), parentId: id('SOC'), validFrom: START });
  }
  for (const l of leaves) {
    const from = avd[int(0, avd.length - 1)] ?? 'A1';
    if (r() < 0.5) {
      const at = int(1, MONTHS - 1);
      links.push({ unitId: id(l), parentId: id(from), validFrom: START, validTo: month(at) });
      links.push({ unitId: id(l), parentId: id(avd[int(0, avd.length - 1)] ?? 'A2'), validFrom: month(at) });
    } else links.push({ unitId: id(l), parentId: id(from), validFrom: START });
  }
  await db.insert(unitLinks).values(links);
  const batches = await db
    .insert(importBatches)
    .values([1, 2].map((n) => ({ orgId, fileName: `f${n}`, sha256: `${orgId}-${n}`, format: 'test', origin: 'synthetic' as const, createdBy: 'test' })))
    .returning({ id: importBatches.id });
  const cells = new Map<string, typeof observations.$inferInsert>();
  // Mostly leaves; A1 also stores a few cells of its own.
  for (const u of [...leaves, 'A1']) {
    for (const k of KPIS) {
      if (k.id === 'p-per') continue;
      for (let m = 0; m < MONTHS; m++) {
        if (r() < (u === 'A1' ? 0.8 : 0.25)) continue;
        const mode = k.genderSplit ? (['KM', 'KM', 'T', 'KMT'] as const)[int(0, 3)] : 'T';
        const genders = mode === 'KM' ? ['K', 'M'] : mode === 'T' ? ['T'] : ['K', 'M', 'T'];
        const bands = k.id === 'p-sick' && r() < 0.5 ? ['a', 'b'] : k.id === 'p-hh' && r() < 0.5 ? ['', '18-24'] : [''];
        for (const gender of genders)
          for (const ageBand of bands) {
            const den = k.id === 'p-sick' ? int(0, 300) : r() < 0.1 ? int(0, 5) : null;
            const key = `${u}|${k.id}|${m}|${gender}|${ageBand}`;
            cells.set(key, {
              orgId,
              kpiId: k.id,
              unitId: id(u),
              month: month(m),
              gender: gender as 'K' | 'M' | 'T',
              ageBand,
              numerator: int(0, 40),
              denominator: den,
              origin: r() < 0.3 ? 'reported' : 'synthetic',
              batchId: batches[int(0, 1)]?.id ?? null,
            });
          }
      }
    }
  }
  await db.insert(observations).values([...cells.values()]);
  await db.insert(targets).values([
    { orgId, kpiId: 'p-kr', unitId: id('SOC'), year: 2022, annual: int(1000, 4000), tolerance: 5, origin: 'demo' },
    { orgId, kpiId: 'p-sick', unitId: id('SOC'), year: 2022, annual: 6, tolerance: 1, toleranceKind: 'absolute', origin: 'demo' },
    { orgId, kpiId: 'p-hh', unitId: id('A1'), year: 2022, annual: int(5, 40), tolerance: 1, toleranceKind: 'absolute', origin: 'demo' },
  ]);
  return { leaves, avd };
}

async function views(db: Db, ctx: EngineContext, orgId: string, seed: number, tree: { leaves: string[]; avd: string[] }) {
  const r = createRandom(seed ^ 0x5eed);
  const periods = ['2022-03', '2022-T2', '2022', '2021-11:2022-02', '2022-05-YTD', '2022-08-R12'];
  const p = parsePeriod(periods[Math.floor(r() * periods.length)] ?? '2022');
  const latest = await latestDataMonth(db, orgId);
  const someUnit = [...tree.avd, ...tree.leaves][Math.floor(r() * (tree.avd.length + tree.leaves.length))] ?? 'A1';
  const suppress = r() < 0.5;
  return {
    latest,
    overviewRoot: await buildOverview(db, ctx, 'SOC', p, latest, suppress, ALL_UNITS),
    overviewUnit: await buildOverview(db, ctx, someUnit, p, latest, !suppress, ALL_UNITS),
    drill: await Promise.all(
      KPIS.flatMap((k) =>
        (['T', 'K'] as const).map((gender) => buildDrilldown(db, ctx, { kpi: k.id, unit: someUnit === 'A1' ? 'SOC' : 'A1', period: p, gender, suppress, access: ALL_UNITS })),
      ),
    ),
    seriesUnit: await buildSeries(db, ctx, { kpi: 'p-hh', unit: 'SOC', start: START, end: '2022-12', grain: 'month', split: 'unit', suppress, access: ALL_UNITS }),
    seriesGender: await buildSeries(db, ctx, { kpi: 'p-sick', unit: 'A1', start: START, end: '2022-12', grain: 'tertial', split: 'gender', suppress, access: ALL_UNITS }),
    // A band is read from leaf cells either way; the total beside it from roll-ups or raw.
    seriesBand: await buildSeries(db, ctx, { kpi: 'p-hh', unit: 'SOC', start: START, end: '2022-12', grain: 'tertial', split: 'ageBand', suppress: false, access: ALL_UNITS }),
    seriesRatio: await buildSeries(db, ctx, { kpi: 'p-per', unit: someUnit, start: START, end: '2022-12', grain: 'year', split: 'none', suppress, access: ALL_UNITS }),
    // A suppressed audience is refused a rate over a custom range (the release cannot answer it): asked exactly then.
    query: await queryValue(db, ctx, { kpi: 'p-hme', unit: someUnit, period: p, gender: 'M', compare: true, suppress: suppress && p.kind !== 'range', access: ALL_UNITS }),
  };
}

describe.each(TEST_DB_KINDS)('roll-ups equal raw cells on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => opened.db.insert(kpis).values(KPIS.map((k) => ({ ...k, ageBands: k.id === 'p-hh' ? ['18-24'] : [] }))));

  it(`for ${RUNS} random organisations, every view is the same from roll-ups as from raw cells`, { timeout: 240_000 }, async () => {
    const db = database.db;
    for (let seed = 1; seed <= RUNS; seed++) {
      const orgId = `prop-${seed}`;
      const tree = await insertRandomOrg(db, orgId, seed);
      const raw = await views(db, await loadEngineContext(db, orgId, { rollups: false }), orgId, seed, tree);
      await db.transaction((tx) => refreshRollups(tx, orgId));
      const ctx = await loadEngineContext(db, orgId);
      expect(ctx.rollups, `seed ${seed}`).toBe(true);
      const rolled = await views(db, ctx, orgId, seed, tree);
      expect(rolled, `seed ${seed}`).toEqual(raw);
    }
  });

  it('stops reading roll-ups once a batch is committed or rolled back without a refresh', async () => {
    const db = database.db;
    await insertRandomOrg(db, 'prop-stale', 99);
    await db.transaction((tx) => refreshRollups(tx, 'prop-stale'));
    expect((await loadEngineContext(db, 'prop-stale')).rollups).toBe(true);
    const [b] = await db
      .insert(importBatches)
      .values({ orgId: 'prop-stale', fileName: 'late', sha256: 'late', format: 'test', origin: 'synthetic', createdBy: 'test' })
      .returning();
    expect((await loadEngineContext(db, 'prop-stale')).rollups).toBe(false);
    await db.transaction((tx) => refreshRollups(tx, 'prop-stale'));
    expect((await loadEngineContext(db, 'prop-stale')).rollups).toBe(true);
    await db
      .update(importBatches)
      .set({ status: 'rolled_back' })
      .where(eq(importBatches.id, b?.id ?? -1));
    expect((await loadEngineContext(db, 'prop-stale')).rollups).toBe(false);
  });
});
