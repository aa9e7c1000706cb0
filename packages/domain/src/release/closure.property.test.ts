import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRelease } from './build.js';
import { releaseClosure } from './closure.js';
import { testKpiDefinition } from '../test-builders.js';
import { arbOrg, TEST_KPIS } from './release-fixture.js';

// Beside the fixture's KPIs: a ratio that protects no one, whose parts are otherwise apart.
const KPIS = [...TEST_KPIS, testKpiDefinition('flow-per-day', { unit: 'index', privacyClass: 'none', genderSplit: false, ratioOf: { numerator: 'flow', denominator: 'days' } })];
const IDS = KPIS.map((k) => k.id);

describe('the release closure (property)', () => {
  it('rebuilding only the closure of the touched KPIs gives exactly the rows of a full rebuild', () => {
    fc.assert(
      fc.property(arbOrg, fc.subarray(IDS), fc.integer({ min: 1, max: 40 }), fc.boolean(), (org, touched, bump, drop) => {
        // The touched KPIs' cells change (a re-import), or the first one loses all of them (a rollback); every other cell stays.
        const gone = drop ? touched[0] : undefined;
        const observations = org.input.observations
          .filter((o) => o.kpi !== gone)
          .map((o, i) => (touched.includes(o.kpi) && i % 3 === 0 ? { ...o, numerator: (o.numerator + bump) % 9 } : o));
        const before = buildRelease({ ...org.input, kpis: KPIS });
        const input = { ...org.input, kpis: KPIS, observations };
        const full = buildRelease(input);
        // Other months held: every period moves, and the incremental build falls back to a full one.
        fc.pre(full.first !== null && full.last !== null && full.first === before.first && full.last === before.last);
        if (full.first === null || full.last === null) return;
        const closure = releaseClosure(input.kpis, touched);
        const read = observations.filter((o) => closure.reads.has(o.kpi));
        const part = buildRelease({ ...input, observations: read }, { closure, first: full.first, last: full.last });
        expect(part.periods).toEqual(full.periods);
        // The stored release after the partial build: the old rows, the closure's replaced (or gone).
        const merged = { ...before.kpis };
        for (const id of closure.kpis) delete merged[id];
        Object.assign(merged, part.kpis);
        expect(merged).toEqual(full.kpis);
        for (const id of Object.keys(part.kpis)) expect(closure.kpis.has(id)).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it('closes over families, counted individuals and ratios, and leaves the rest alone', () => {
    const of = (touched: string[]) => [...releaseClosure(TEST_KPIS, touched).kpis].sort();
    // 'stock' counts the persons of 'placed-days' and is the denominator of 'per' (with 'kr').
    expect(of(['stock'])).toEqual(['kr', 'per', 'placed-days', 'stock']);
    expect(of(['placed-days'])).toEqual(['placed-days']);
    expect(releaseClosure(TEST_KPIS, ['placed-days']).reads).toEqual(new Set(['placed-days', 'stock']));
    expect(of(['flow'])).toEqual(['flow']);
    expect(of(['per'])).toEqual(['kr', 'per', 'placed-days', 'stock']);
    expect(of([])).toEqual([]);
    const sick2 = { ...TEST_KPIS.find((k) => k.id === 'sick'), id: 'sick-long' } as (typeof TEST_KPIS)[number];
    expect([...releaseClosure([...TEST_KPIS, sick2], ['sick']).kpis].sort()).toEqual(['sick', 'sick-long']);
  });
});
