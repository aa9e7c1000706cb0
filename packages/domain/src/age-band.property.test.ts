import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCells, aggregateRatio, type ObservationCell } from './aggregate.js';
import { countsInBand, isKpiBand, type AgeBandKind } from './age-band.js';
import { monthlyTotals } from './forecast.js';
import type { Gender, TimeAggregation } from './kpi.js';
import { makeMonth } from './month.js';

const BANDS = ['', '18-24', '25-'] as const;
const count = fc.integer({ min: 0, max: 10_000 });
const cellArb = fc.record({
  month: fc.integer({ min: 1, max: 6 }).map((m) => makeMonth(2022, m)),
  unit: fc.constantFrom('A', 'B'),
  gender: fc.constantFrom<Gender>('K', 'M', 'T'),
  ageBand: fc.constantFrom(...BANDS),
  numerator: count,
  denominator: fc.constant(null),
});
/** At most one cell per unit, month, gender and band, as the table's unique key allows. */
const cellsArb = fc.uniqueArray(cellArb, { selector: (c) => `${c.unit}|${c.month}|${c.gender}|${c.ageBand}`, maxLength: 40 });
const aggArb = fc.constantFrom<TimeAggregation>('sum', 'mean', 'last');
const genderArb = fc.constantFrom<Gender>('K', 'M', 'T');

const kpi = (timeAggregation: TimeAggregation, ageBandKind: AgeBandKind) => ({ timeAggregation, scale: 1, ageBandKind });
const only = (cells: readonly ObservationCell[], band: string) => cells.filter((c) => c.ageBand === band);

describe('age bands: "varav" subsets beside the total, or a partition of it', () => {
  it('a subset KPI\'s total reads band "" only, whatever bands are stored beside it', () => {
    fc.assert(
      fc.property(cellsArb, aggArb, genderArb, (cells, agg, gender) => {
        const total = aggregateCells(kpi(agg, 'subset'), cells, { gender });
        expect(total).toEqual(aggregateCells(kpi(agg, 'partition'), only(cells, ''), { gender }));
        expect(aggregateCells(kpi(agg, 'subset'), cells, { gender, ageBand: '' })).toEqual(total);
      }),
    );
  });

  it("a partition KPI's total is every band together, as before bands had a kind", () => {
    fc.assert(
      fc.property(cellsArb, aggArb, genderArb, (cells, agg, gender) => {
        const relabelled = cells.map((c) => ({ ...c, ageBand: '' }));
        // Relabelling may merge cells that share a key; summed per month it is the same figure.
        const a = aggregateCells(kpi(agg, 'partition'), cells, { gender });
        const b = aggregateCells({ timeAggregation: agg, scale: 1 }, relabelled, { gender });
        if (gender !== 'T') expect(a).toEqual(b);
        expect(a.monthsWithData).toEqual(aggregateCells({ timeAggregation: agg, scale: 1 }, cells, { gender }).monthsWithData);
      }),
    );
  });

  it('a band reads exactly its own cells, for either kind', () => {
    fc.assert(
      fc.property(cellsArb, aggArb, genderArb, fc.constantFrom('18-24', '25-'), fc.constantFrom<AgeBandKind>('subset', 'partition'), (cells, agg, gender, band, kind) => {
        expect(aggregateCells(kpi(agg, kind), cells, { gender, ageBand: band })).toEqual(aggregateCells(kpi(agg, 'partition'), only(cells, band), { gender }));
      }),
    );
  });

  it('adding "varav" cells never changes a subset KPI\'s total, its ratio or its forecast series', () => {
    fc.assert(
      fc.property(cellsArb, cellsArb, genderArb, (cells, extra, gender) => {
        const base = only(cells, '');
        const varav = extra.filter((c) => c.ageBand !== '');
        const k = kpi('sum', 'subset');
        expect(aggregateCells(k, [...base, ...varav], { gender })).toEqual(aggregateCells(k, base, { gender }));
        expect(aggregateRatio(k, [...base, ...varav], [...base, ...varav], { gender })).toEqual(aggregateRatio(k, base, base, { gender }));
        expect(monthlyTotals([...base, ...varav], { gender }, k)).toEqual(monthlyTotals(base, { gender }, k));
      }),
    );
  });

  it('countsInBand: the total is band "" or every band; a band only itself; isKpiBand knows the KPI\'s bands', () => {
    expect(countsInBand({ ageBandKind: 'subset' }, '18-24', undefined)).toBe(false);
    expect(countsInBand({ ageBandKind: 'subset' }, '', '')).toBe(true);
    expect(countsInBand({}, '-29', undefined)).toBe(true);
    expect(countsInBand({ ageBandKind: 'partition' }, '-29', '30-49')).toBe(false);
    expect(isKpiBand({ ageBands: ['18-24'] }, '18-24')).toBe(true);
    expect(isKpiBand({ ageBands: ['18-24'] }, '25-')).toBe(false);
    expect(isKpiBand({ ageBands: [] }, undefined)).toBe(true);
  });
});
