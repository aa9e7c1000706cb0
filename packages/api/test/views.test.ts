import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { parsePeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { loadEngineContext } from '../src/engine/index.js';
import { buildDrilldown, buildOverview, buildSeries, queryValue } from '../src/services/index.js';
import { insertFixture } from './fixture.js';
import { ALL_UNITS } from '../src/access/scope.js';

describe.each(TEST_DB_KINDS)('series, drill-down and comparison on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => insertFixture(opened.db));
  const ctx = () => loadEngineContext(database.db, 'test-org');
  // Every query here is for the whole organisation, exact and without comparison unless it says otherwise.
  type Whole<Q> = Omit<Q, 'access' | 'suppress' | 'compare'> & { suppress?: boolean; compare?: boolean };
  const series = async (q: Whole<Parameters<typeof buildSeries>[2]>) => buildSeries(database.db, await ctx(), { suppress: false, access: ALL_UNITS, ...q });
  const drill = async (q: Whole<Parameters<typeof buildDrilldown>[2]>) => buildDrilldown(database.db, await ctx(), { suppress: false, access: ALL_UNITS, ...q });
  const value = async (q: Whole<Parameters<typeof queryValue>[2]>) => queryValue(database.db, await ctx(), { compare: false, suppress: false, access: ALL_UNITS, ...q });

  it('compares with the same period last year, in absolute terms and per cent', async () => {
    const v = await value({ kpi: 'kr', unit: 'SOC', period: parsePeriod('2021'), gender: 'T', compare: true });
    expect(v.value).toBe(24_000);
    expect(v.importBatches).toHaveLength(1);
    expect(v.origin).toBe('synthetic');
    expect(v.change?.lastYear).toMatchObject({ period: '2020', value: 19_200 });
    expect(v.change?.absolute).toBe(4_800);
    expect(v.change?.percent).toBeCloseTo(25, 9);
    expect(v.change?.display).toBe('+4 800 kr (+25,0 %)');
  });

  it('gives a series at tertial grain, split by the child units as the tree was in each month', async () => {
    const s = await series({ kpi: 'kr', unit: 'SOC', start: '2021-01', end: '2021-12', grain: 'tertial', split: 'unit' });
    const byUnit = Object.fromEntries(s.series.map((x) => [x.key, x.points.map((p) => p.value)]));
    // B moves from A1 to A2 in June: A1 has B for January–May.
    expect(byUnit.A1).toEqual([8_000, 5_000, 4_000]);
    expect(byUnit.A2).toEqual([null, 3_000, 4_000]);
    expect(s.series[0]?.points.map((p) => p.period)).toEqual(['2021-T1', '2021-T2', '2021-T3']);
  });

  it('splits by gender, or says the KPI has no gender split', async () => {
    const hh = await series({ kpi: 'hh', unit: 'SOC', start: '2021-01', end: '2021-12', grain: 'year', split: 'gender' });
    expect(hh.series.map((x) => [x.key, x.points[0]?.value])).toEqual([
      ['K', 8],
      ['M', 12],
    ]);
    const kr = await series({ kpi: 'kr', unit: 'SOC', start: '2021-01', end: '2021-12', grain: 'year', split: 'gender' });
    expect(kr.unsplit).toBe('gender');
    expect(kr.series.map((x) => x.key)).toEqual(['T']);
  });

  it('drills down to the child units that existed, says which were reorganised, and gives the breadcrumb', async () => {
    const d = await drill({ kpi: 'kr', unit: 'A2', period: parsePeriod('2021'), gender: 'T' });
    expect(d.path.map((p) => p.code)).toEqual(['SOC', 'A2']);
    expect(d.children.map((c) => c.unit)).toEqual(['B']);
    expect(d.children[0]?.changes).toContainEqual({ kind: 'moved', from: 'Avdelning 1', to: 'Avdelning 2', month: '2021-06' });
    const early = await drill({ kpi: 'kr', unit: 'A2', period: parsePeriod('2021-T1'), gender: 'T' });
    expect(early.children).toEqual([]);
    const top = await drill({ kpi: 'kr', unit: 'SOC', period: parsePeriod('2021'), gender: 'T' });
    expect(top.children.map((c) => [c.unit, c.value])).toEqual([
      ['A1', 17_000],
      ['A2', 7_000],
    ]);
    expect(top.parent.value).toBe(24_000);
  });

  it('hides small groups and what would reveal them when suppressing, and never sends the people count', async () => {
    // Women's households per month: B has 4 (moved to A2 in June), C has 4 (in A1); SOC has 8.
    const q = { kpi: 'hh', unit: 'SOC', period: parsePeriod('2021'), gender: 'K' as const };
    const exact = await drill(q);
    expect(exact.children.map((c) => [c.unit, c.display])).toEqual([
      ['A1', '6'],
      ['A2', '4'],
    ]);
    const safe = await drill({ ...q, suppress: true });
    const a2 = safe.children.find((c) => c.unit === 'A2');
    expect(a2).toMatchObject({ value: null, display: 'färre än 5 hushåll', suppressed: true, hidden: { mark: 'primary', noun: 'households', threshold: 5 } });
    // A1 alone beside the parent would give A2 back by subtraction: hidden too.
    expect(safe.children.find((c) => c.unit === 'A1')).toMatchObject({ value: null, display: '..', suppressed: true });
    expect(safe.parent.value).toBe(8);
    for (const row of [safe.parent, ...safe.children, ...exact.children]) expect(row).not.toHaveProperty('protectingCount');
    const v = await value({ kpi: 'hh', unit: 'A2', period: parsePeriod('2021-T3'), gender: 'K', compare: true, suppress: true });
    expect(v).toMatchObject({ value: null, display: 'färre än 5 hushåll', suppressed: true });
    expect(v.change?.absolute).toBeNull();
  });

  it('suppresses a gender split together with the total shown elsewhere: K 4 is "färre än 5 hushåll", and M is hidden so T − M cannot give it back', async () => {
    const q = { kpi: 'hh', unit: 'B', start: '2021-01', end: '2021-03', grain: 'month' as const, split: 'gender' as const };
    const exact = await series(q);
    expect(exact.series.map((s) => [s.key, s.points.map((p) => p.display)])).toEqual([
      ['K', ['4', '4', '4']],
      ['M', ['6', '6', '6']],
    ]);
    const safe = await series({ ...q, suppress: true });
    expect(safe.series.map((s) => [s.key, s.points.map((p) => p.display)])).toEqual([
      ['K', ['färre än 5 hushåll', 'färre än 5 hushåll', 'färre än 5 hushåll']],
      ['M', ['..', '..', '..']],
    ]);
    expect(safe.series.flatMap((s) => s.points.map((p) => p.value))).toEqual([null, null, null, null, null, null]);
    // The total itself is not small and stays visible in its own series.
    const total = await series({ ...q, split: 'none', suppress: true });
    expect(total.series[0]?.points.map((p) => p.display)).toEqual(['10', '10', '10']);
  });

  it('forecasts the year end from the year to date, says how, and judges it against the annual target', async () => {
    const v = await value({ kpi: 'kr', unit: 'SOC', period: parsePeriod('2021-06'), gender: 'T' });
    // One earlier year (2020) cannot prove a season, so jan–jun is scaled up: 6 × 2 000 × 2 = 24 000.
    expect(v.forecast).toMatchObject({ year: 2021, asOf: '2021-06', value: 24_000, display: '24 000 kr', method: 'run-rate', annualTarget: 24_000 });
    expect(v.forecast.explanation).toContain('jan–jun uppräknat till helår (6 av 12 månader)');
    expect(v.forecastStatus).toBe('green');
    const whole = await value({ kpi: 'kr', unit: 'SOC', period: parsePeriod('2021'), gender: 'T' });
    expect(whole.forecast).toMatchObject({ method: 'actual', value: 24_000 });
    const overview = await buildOverview(database.db, await ctx(), 'SOC', parsePeriod('2021-06'), '2021-12', false, ALL_UNITS);
    const card = overview.cards.find((c) => c.kpi === 'kr');
    expect(card?.forecast.value).toBe(24_000);
    expect(card?.forecastStatus).toBe('green');
    // Households have a target of 19 (±1); the forecast mean of 20 is within tolerance: yellow.
    expect(overview.cards.find((c) => c.kpi === 'hh')).toMatchObject({ forecastStatus: 'yellow' });
  });

  it('hides a forecast built on too few people, since it would reveal the year to date', async () => {
    const v = await value({ kpi: 'hh', unit: 'B', period: parsePeriod('2021-03'), gender: 'K', suppress: true });
    expect(v.forecast).toMatchObject({ value: null, method: 'none', display: 'dold' });
    expect(v.forecastStatus).toBe('none');
    const exact = await value({ kpi: 'hh', unit: 'B', period: parsePeriod('2021-03'), gender: 'K' });
    expect(exact.forecast.value).toBe(4);
  });
});
