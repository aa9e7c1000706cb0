import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCells, aggregateRatio } from './aggregate.js';
import { testCell } from './test-builders.js';

const cell = testCell;
const sum = { timeAggregation: 'sum' as const, scale: 1 };
const mean = { timeAggregation: 'mean' as const, scale: 1 };
const last = { timeAggregation: 'last' as const, scale: 1 };
const pct = { timeAggregation: 'sum' as const, scale: 100 };

describe('the aggregation rule Σ numerator / Σ denominator', () => {
  it('computes sick leave from hours, not as a mean of percentages (Delår 2020: 7,1 % and 5,5 % give 6,8 %)', () => {
    // Women work 81 % of the ordinary hours.
    const cells = [cell('2020-03', 'K', 7.1 * 810, 100 * 810), cell('2020-03', 'M', 5.5 * 190, 100 * 190)];
    const t = aggregateCells(pct, cells, { gender: 'T' }).value ?? 0;
    expect(t).toBeCloseTo(6.796, 3);
    expect(Math.round(t * 10) / 10).toBe(6.8);
    expect(Math.round(t * 10) / 10).not.toBe(6.3);
    expect(aggregateCells(pct, cells, { gender: 'K' }).value).toBeCloseTo(7.1, 9);
  });

  it('means a stock over months of K + M (households Jan–Apr 2022 → 430,75)', () => {
    const k = [196, 193, 216, 199];
    const m = [234, 219, 239, 227];
    const cells = k.flatMap((v, i) => [cell(`2022-0${i + 1}`, 'K', v), cell(`2022-0${i + 1}`, 'M', m[i] ?? 0)]);
    expect(aggregateCells(mean, cells, { gender: 'T' }).value).toBe(430.75);
    expect(aggregateCells(mean, cells, { gender: 'K' }).value).toBe(201);
  });

  it('sums flows and takes the last month of a stock', () => {
    const cells = [cell('2022-01', 'T', 10), cell('2022-02', 'T', 20), cell('2022-03', 'T', 5)];
    expect(aggregateCells(sum, cells, { gender: 'T' }).value).toBe(35);
    expect(aggregateCells(last, cells, { gender: 'T' }).value).toBe(5);
  });

  it('uses a stored T only where a unit and month has no K/M split', () => {
    const cells = [cell('2022-01', 'K', 4), cell('2022-01', 'M', 6), cell('2022-01', 'T', 999), cell('2022-01', 'T', 7, null, 'B')];
    expect(aggregateCells(sum, cells, { gender: 'T' }).value).toBe(17);
  });

  it('gives null for no data and for a zero denominator', () => {
    expect(aggregateCells(sum, [], { gender: 'T' }).value).toBeNull();
    expect(aggregateCells(pct, [cell('2022-01', 'T', 0, 0)], { gender: 'T' }).value).toBeNull();
  });

  it('computes kr per household-month from the sums, over months both sides have (8 304 kr in January 2022)', () => {
    const kr = [cell('2022-01', 'T', 3_570_891), cell('2022-02', 'T', 3_807_596)];
    const hh = [cell('2022-01', 'K', 196), cell('2022-01', 'M', 234)];
    expect(Math.round(aggregateRatio({ scale: 1 }, kr, hh, { gender: 'T' }).value ?? 0)).toBe(8304);
  });

  const arbCells = fc.array(
    fc.record({
      month: fc.constantFrom('2022-01', '2022-02', '2022-03'),
      unit: fc.constantFrom('A', 'B', 'C'),
      gender: fc.constantFrom<'K' | 'M'>('K', 'M'),
      ageBand: fc.constant(''),
      numerator: fc.integer({ min: 0, max: 10_000 }),
      denominator: fc.integer({ min: 1, max: 10_000 }),
    }),
    { minLength: 1, maxLength: 30 },
  );

  it('property: the value does not depend on the order of the cells', () => {
    fc.assert(
      fc.property(arbCells, fc.integer(), (cells, seed) => {
        const shuffled = [...cells].sort((a, b) => ((a.numerator * 31 + seed) % 7) - ((b.numerator * 31 + seed) % 7));
        const a = aggregateCells(pct, cells, { gender: 'T' }).value ?? 0;
        const b = aggregateCells(pct, shuffled, { gender: 'T' }).value ?? 0;
        expect(b).toBeCloseTo(a, 9);
      }),
    );
  });

  it('property: the ratio of a union lies between the ratios of its parts', () => {
    fc.assert(
      fc.property(arbCells, (cells) => {
        const t = aggregateCells(pct, cells, { gender: 'T' }).value ?? 0;
        const parts = cells.map((c) => (c.numerator / c.denominator) * 100);
        expect(t).toBeGreaterThanOrEqual(Math.min(...parts) - 1e-9);
        expect(t).toBeLessThanOrEqual(Math.max(...parts) + 1e-9);
      }),
    );
  });

  it('property: T of a sum KPI is K + M', () => {
    fc.assert(
      fc.property(arbCells, (cells) => {
        const plain = cells.map((c) => ({ ...c, denominator: null }));
        const t = aggregateCells(sum, plain, { gender: 'T' }).value ?? 0;
        const k = aggregateCells(sum, plain, { gender: 'K' }).value ?? 0;
        const m = aggregateCells(sum, plain, { gender: 'M' }).value ?? 0;
        expect(t).toBe(k + m);
      }),
    );
  });
});
