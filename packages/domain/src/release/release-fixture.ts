import fc from 'fast-check';
import type { Gender, KpiDefinition } from '../kpi.js';
import { addMonths, type Month } from '../month.js';
import { DEFAULT_SUPPRESSION } from '../suppression.js';
import type { UnitNode } from '../unit-tree.js';
import { testKpiDefinition } from '../test-builders.js';
import type { ReleaseInput, ReleaseObservation } from './types.js';

/** Test-only generators for release inputs: a root, two avdelningar, enheter that move between them. */
const FIRST: Month = '2021-10';

const kpi = testKpiDefinition;

export const TEST_KPIS: KpiDefinition[] = [
  kpi('flow', {}),
  kpi('stock', { timeAggregation: 'mean', name: 'Hushåll' }),
  kpi('days', { unit: 'days', genderSplit: false }),
  // Care days whose persons are stored (the households of 'stock' stand in for persons placed): counted, not estimated.
  kpi('placed-days', { unit: 'days', genderSplit: false, individualsKpis: ['stock'] }),
  kpi('kr', { unit: 'kr', privacyClass: 'none', genderSplit: false }),
  kpi('per', { unit: 'kr', ratioOf: { numerator: 'kr', denominator: 'stock' }, genderSplit: false }),
  kpi('sick', { unit: 'percent', decimals: 1, scale: 100, privacyClass: 'sick-leave' }),
  kpi('hme', { unit: 'score', decimals: 1, timeAggregation: 'last', privacyClass: 'hme' }),
];

const unit = (code: string, parents: UnitNode['parents'], kind: UnitNode['kind'] = 'enhet'): UnitNode => ({
  code,
  name: code,
  kind,
  validFrom: '2000-01',
  validTo: null,
  names: [],
  parents,
});

export interface GeneratedOrg {
  input: ReleaseInput;
  months: Month[];
}

export const arbOrg: fc.Arbitrary<GeneratedOrg> = fc
  .record({
    months: fc.integer({ min: 3, max: 8 }),
    enheter: fc.array(fc.record({ moveAt: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }), startB: fc.boolean(), splitOff: fc.boolean() }), {
      minLength: 1,
      maxLength: 4,
    }),
    seed: fc.array(fc.nat({ max: 40 }), { minLength: 600, maxLength: 600 }),
    small: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ months, enheter, seed, small }) => {
    const ms = Array.from({ length: months }, (_, i) => addMonths(FIRST, i));
    const units: UnitNode[] = [
      unit('R', [], 'forvaltning'),
      unit('A', [{ parentCode: 'R', validFrom: '2000-01', validTo: null }], 'avdelning'),
      unit('B', [{ parentCode: 'R', validFrom: '2000-01', validTo: null }], 'avdelning'),
    ];
    enheter.forEach((e, i) => {
      const from = e.startB ? 'B' : 'A';
      const to = e.startB ? 'A' : 'B';
      const at = e.moveAt !== null && e.moveAt < months ? ms[e.moveAt] : undefined;
      units.push(
        unit(
          `E${i}`,
          at
            ? [
                { parentCode: from, validFrom: '2000-01', validTo: at },
                { parentCode: to, validFrom: at, validTo: null },
              ]
            : [{ parentCode: from, validFrom: '2000-01', validTo: null }],
        ),
      );
    });
    let s = 0;
    const next = () => seed[s++ % seed.length] ?? 0;
    // Small numbers often: the point is to have primaries to protect.
    const n = () => (next() / 40 < small ? next() % 5 : 5 + next());
    const observations: ReleaseObservation[] = [];
    enheter.forEach((e, i) => {
      for (const m of ms) {
        const code = `E${i}`;
        const genders: Gender[] = e.splitOff ? ['T'] : ['K', 'M'];
        for (const g of genders) {
          observations.push({ kpi: 'flow', unit: code, month: m, gender: g, numerator: n(), denominator: null });
          observations.push({ kpi: 'stock', unit: code, month: m, gender: g, numerator: n(), denominator: null });
          const staff = 3 + (next() % 20);
          observations.push({ kpi: 'sick', unit: code, month: m, gender: g, numerator: next() % 60, denominator: staff * 165 });
          if (m === ms[ms.length - 1]) observations.push({ kpi: 'hme', unit: code, month: m, gender: g, numerator: next() * 2, denominator: 2 + (next() % 8) });
        }
        observations.push({ kpi: 'days', unit: code, month: m, gender: 'T', numerator: n() * 25, denominator: null });
        // Drawn apart from 'stock', so the days' estimate and the stored count often disagree.
        observations.push({ kpi: 'placed-days', unit: code, month: m, gender: 'T', numerator: n() * 25, denominator: null });
        observations.push({ kpi: 'kr', unit: code, month: m, gender: 'T', numerator: 1000 * next(), denominator: null });
      }
    });
    return { input: { kpis: TEST_KPIS, units, observations, rules: DEFAULT_SUPPRESSION }, months: ms };
  });

/**
 * The stored count of individuals behind a cell of a KPI that names its
 * counting KPIs (placed-days → stock), computed straight from the
 * observations over the months the cell has data: Σ numerators / months for a
 * mean KPI. Null where it names none or a month lacks the count (estimated then).
 */
export function storedIndividuals(input: ReleaseInput, k: KpiDefinition, unit: string, months: readonly Month[], within: (code: string, m: Month) => boolean): number | null {
  const ids = k.individualsKpis ?? [];
  if (ids.length === 0 || months.length === 0) return null;
  let total = 0;
  for (const id of ids) {
    const c = input.kpis.find((x) => x.id === id);
    if (!c) return null;
    const cells = input.observations.filter((o) => o.kpi === id && months.includes(o.month) && within(o.unit, o.month));
    if (months.some((m) => !cells.some((o) => o.month === m))) return null;
    const n = cells.reduce((a, o) => a + o.numerator, 0);
    total += c.timeAggregation === 'mean' ? n / months.length : n;
  }
  const own = input.observations.filter((o) => o.kpi === k.id && months.includes(o.month) && within(o.unit, o.month)).reduce((a, o) => a + o.numerator, 0);
  return total <= 1e-9 && own !== 0 ? null : total;
}
