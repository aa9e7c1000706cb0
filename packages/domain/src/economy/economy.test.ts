import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delar, tertial } from '../period.js';
import { UnitTree, type UnitNode } from '../unit-tree.js';
import { accumulated } from './accumulated.js';
import { driftRow, sumRows } from './row.js';
import { driftsredovisning, type EconomyAmount } from './table.js';

const node = (code: string, kind: UnitNode['kind'], parent: string | null, moves: [string, string, string | null][] = []): UnitNode => ({
  code,
  name: code,
  kind,
  validFrom: '2018-01',
  validTo: null,
  names: [{ name: `Enhet ${code}`, validFrom: '2018-01', validTo: null }],
  parents: moves.length
    ? moves.map(([parentCode, validFrom, validTo]) => ({ parentCode, validFrom, validTo }))
    : parent
      ? [{ parentCode: parent, validFrom: '2018-01', validTo: null }]
      : [],
});

// ROOT → AVD1 (E1), AVD2 (E2); E3 moves from AVD1 to AVD2 in 2020-06, as myndighet vuxen did (004 l.71–74).
const tree = new UnitTree([
  node('ROOT', 'forvaltning', null),
  node('AVD1', 'avdelning', 'ROOT'),
  node('AVD2', 'avdelning', 'ROOT'),
  node('E1', 'enhet', 'AVD1'),
  node('E2', 'enhet', 'AVD2'),
  node('E3', 'enhet', null, [
    ['AVD1', '2018-01', '2020-06'],
    ['AVD2', '2020-06', null],
  ]),
]);

describe('driftRow', () => {
  it('gives the deviation as the reports print it: Socialnämnd Delår 2020, −861 against −934 is +73 (004 l.250)', () => {
    expect(driftRow(-861, -934, 100)).toEqual({ utfall: -861, budget: -934, avvikelse: 73, prognosAvvikelse: 100, prognosHelar: null });
  });
  it('adds the prognos deviation to a known annual budget for the expected full year', () => {
    expect(driftRow(-17_567, -13_572, -10_567, -40_716).prognosHelar).toBe(-51_283);
  });
  it('sums a table: Delår 2020 prognos column adds to the printed −29 000 (004 l.250–263)', () => {
    const prognoses = [100, -17_000, 650, 350, 900, 0, -900, 600, -7_500, -5_250, -1_800, 350, 500];
    expect(sumRows(prognoses.map((p) => driftRow(0, 0, p))).prognosAvvikelse).toBe(-29_000);
    expect(sumRows([driftRow(-1, -2), driftRow(-3, -1, 5)])).toEqual({ utfall: -4, budget: -3, avvikelse: -1, prognosAvvikelse: 5, prognosHelar: null });
  });
});

const amount = fc.record({
  unit: fc.constantFrom('ROOT', 'AVD1', 'AVD2', 'E1', 'E2', 'E3'),
  line: fc.constantFrom('netto', 'netto', 'intakter', 'placeringar', 'personal'),
  month: fc.constantFrom('2020-01', '2020-04', '2020-06', '2020-08', '2020-09'),
  kind: fc.constantFrom('utfall' as const, 'budget' as const),
  amount: fc.integer({ min: -100_000, max: 100_000 }),
});

describe('driftsredovisning (property)', () => {
  const period = delar(2020);
  const inPeriod = (a: EconomyAmount) => a.month <= '2020-08';
  const sum = (xs: EconomyAmount[], kind: 'utfall' | 'budget') => xs.filter((a) => a.kind === kind).reduce((s, a) => s + a.amount, 0);

  it('the Summa is every net amount of the period below the unit, and avvikelse = utfall − budget', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => {
        const d = driftsredovisning({ tree, unit: 'ROOT', period, amounts, prognoses: [] });
        const net = amounts.filter((a) => a.line === 'netto' && inPeriod(a));
        expect(d.total?.utfall ?? 0).toBe(sum(net, 'utfall'));
        expect(d.total?.budget ?? 0).toBe(sum(net, 'budget'));
        for (const r of [...d.units, ...d.costTypes]) expect(r.avvikelse).toBe(r.utfall - r.budget);
        const last = d.accumulated[d.accumulated.length - 1];
        expect(last?.utfall ?? 0).toBe(sum(net, 'utfall'));
      }),
    );
  });

  it('the avdelningar split the förvaltning: their totals add up to its own row plus everything below, month by month in the tree of that month', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => {
        const whole = driftsredovisning({ tree, unit: 'ROOT', period, amounts, prognoses: [] });
        const parts = ['AVD1', 'AVD2'].map((u) => driftsredovisning({ tree, unit: u, period, amounts, prognoses: [] }).total?.utfall ?? 0);
        const rootOwn = whole.units.find((r) => r.unit === 'ROOT')?.utfall ?? 0;
        expect(parts.reduce((a, b) => a + b, 0) + rootOwn).toBe(whole.total?.utfall ?? 0);
      }),
    );
  });

  it('the cost types add up: Summa = intäkter + Verksamhetens kostnader', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => {
        const rows = driftsredovisning({ tree, unit: 'ROOT', period, amounts, prognoses: [] }).costTypes;
        const get = (line: string) => rows.find((r) => r.line === line);
        if (rows.length === 0) return;
        expect(get('summa')?.utfall).toBe((get('intakter')?.utfall ?? 0) + (get('kostnader')?.utfall ?? 0));
        expect(get('kostnader')?.budget).toBe((get('placeringar')?.budget ?? 0) + (get('personal')?.budget ?? 0));
      }),
    );
  });
});

describe('driftsredovisning', () => {
  it('lists each unit with its own net result in tree order, named and placed as in the period, with its prognos', () => {
    const amounts: EconomyAmount[] = [
      { unit: 'E3', line: 'netto', month: '2020-03', kind: 'utfall', amount: -10 },
      { unit: 'E3', line: 'netto', month: '2020-07', kind: 'utfall', amount: -5 },
      { unit: 'AVD2', line: 'netto', month: '2020-02', kind: 'budget', amount: -7 },
      { unit: 'E1', line: 'netto', month: '2020-12', kind: 'utfall', amount: -99 },
    ];
    const d = driftsredovisning({ tree, unit: 'ROOT', period: delar(2020), amounts, prognoses: [{ unit: 'E3', line: 'netto', deviation: -2 }] });
    expect(d.units.map((r) => [r.unit, r.name, r.depth, r.utfall, r.budget, r.prognosAvvikelse])).toEqual([
      ['AVD2', 'Enhet AVD2', 1, 0, -7, null],
      ['E3', 'Enhet E3', 2, -15, 0, -2],
    ]);
    // E3 was under AVD1 until May: AVD1 holds its March cost, AVD2 its July cost.
    expect(driftsredovisning({ tree, unit: 'AVD1', period: delar(2020), amounts, prognoses: [] }).total?.utfall).toBe(-10);
    expect(driftsredovisning({ tree, unit: 'AVD2', period: tertial(2020, 2), amounts, prognoses: [] }).total?.utfall).toBe(-5);
    expect(d.accumulated.map((p) => [p.month, p.utfall, p.budget, p.avvikelse])).toEqual([
      ['2020-02', 0, -7, 7],
      ['2020-03', -10, -7, -3],
      ['2020-07', -15, -7, -8],
    ]);
  });

  it('accumulates in month order whatever order the months come in', () => {
    const acc = accumulated([
      { month: '2018-02', utfall: -2, budget: -1 },
      { month: '2018-01', utfall: -3, budget: -4 },
    ]);
    expect(acc.map((p) => p.avvikelse)).toEqual([1, 0]);
  });
});
