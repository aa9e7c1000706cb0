import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessStatus, isRate, STATUS_META, targetForMonths, targetKind, type AnnualTarget } from './status.js';

const t = (value: number, tolerance: number, toleranceKind: 'absolute' | 'percent' = 'absolute') => ({ value, tolerance, toleranceKind });

describe('status', () => {
  it('compares with the target in the KPI direction', () => {
    expect(assessStatus(6, t(6, 0.5), 'lower')).toBe('green');
    expect(assessStatus(6.4, t(6, 0.5), 'lower')).toBe('yellow');
    expect(assessStatus(6.6, t(6, 0.5), 'lower')).toBe('red');
    expect(assessStatus(4.0, t(4.0, 0.1), 'higher')).toBe('green');
    expect(assessStatus(3.95, t(4.0, 0.1), 'higher')).toBe('yellow');
    expect(assessStatus(103, t(100, 5, 'percent'), 'lower')).toBe('yellow');
    expect(assessStatus(106, t(100, 5, 'percent'), 'lower')).toBe('red');
  });

  it('is not assessed without a value, a target or a direction', () => {
    expect(assessStatus(null, t(1, 0), 'lower')).toBe('none');
    expect(assessStatus(1, null, 'lower')).toBe('none');
    expect(assessStatus(1, t(1, 0), 'none')).toBe('none');
  });

  it('has a symbol and a Swedish word for every status', () => {
    expect(STATUS_META.green).toMatchObject({ symbol: '●', sv: 'uppfyllt' });
    expect(STATUS_META.yellow).toMatchObject({ symbol: '◆', sv: 'delvis uppfyllt' });
    expect(STATUS_META.red).toMatchObject({ symbol: '■', sv: 'ej uppfyllt' });
    expect(STATUS_META.none.sv).toBe('ej bedömd');
  });

  it('property: for lower-is-better, a higher value never gets a better status', () => {
    const rank = { green: 0, yellow: 1, red: 2, none: 3 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (a, d, target, tol) => {
          expect(rank[assessStatus(a + d, t(target, tol), 'lower')]).toBeGreaterThanOrEqual(rank[assessStatus(a, t(target, tol), 'lower')]);
          expect(rank[assessStatus(a, t(target, tol), 'higher')]).toBeGreaterThanOrEqual(rank[assessStatus(a + d, t(target, tol), 'higher')]);
        },
      ),
    );
  });

  const budget: AnnualTarget = { year: 2022, annual: 1200, monthly: [100, 110, 120, 130, 100, 100, 100, 100, 100, 100, 100, 40], tolerance: 2, toleranceKind: 'percent' };

  it("sums a tertial's monthly budgets for a sum KPI, pro-rates an annual target, and averages for rates", () => {
    expect(targetForMonths(['2022-01', '2022-02', '2022-03', '2022-04'], 'sum', () => budget)?.value).toBe(460);
    const annual: AnnualTarget = { ...budget, monthly: null };
    expect(targetForMonths(['2022-01', '2022-02', '2022-03', '2022-04'], 'sum', () => annual)?.value).toBe(400);
    expect(targetForMonths(['2022-01', '2022-02'], 'ratio', () => ({ ...annual, annual: 6 }))?.value).toBe(6);
    expect(targetForMonths(['2021-12', '2022-01'], 'sum', (y) => (y === 2022 ? budget : null))).toBeNull();
  });

  it('treats percentages, scores and ratio KPIs as rates', () => {
    expect(isRate({ unit: 'percent', ratioOf: null })).toBe(true);
    expect(isRate({ unit: 'kr', ratioOf: { numerator: 'a', denominator: 'b' } })).toBe(true);
    expect(isRate({ unit: 'count', ratioOf: null })).toBe(false);
  });

  it('calls the target of money that adds up a budget, and every other a mål', () => {
    // Placeringskostnad (tkr per month against a monthly budget) and utbetalt försörjningsstöd (kr).
    expect(targetKind({ unit: 'tkr', ratioOf: null, timeAggregation: 'sum' })).toBe('budget');
    expect(targetKind({ unit: 'kr', ratioOf: null, timeAggregation: 'sum' })).toBe('budget');
    // Kr per household is a ratio; sick leave a rate; households a count.
    expect(targetKind({ unit: 'kr', ratioOf: { numerator: 'a', denominator: 'b' }, timeAggregation: 'sum' })).toBe('target');
    expect(targetKind({ unit: 'percent', ratioOf: null, timeAggregation: 'sum' })).toBe('target');
    expect(targetKind({ unit: 'count', ratioOf: null, timeAggregation: 'mean' })).toBe('target');
  });
});
