import { describe, expect, it } from 'vitest';
import { emptyForm, formFromTarget, monthlySum, readTargetForm } from './target-form.js';

describe('the target form', () => {
  it('reads Swedish numbers and an annual target without months', () => {
    const r = readTargetForm({ ...emptyForm(), annual: '3 634 874', tolerance: '2,5', toleranceKind: 'percent' });
    expect(r).toEqual({ values: { annual: 3_634_874, monthly: null, tolerance: 2.5, toleranceKind: 'percent' }, problems: [] });
  });
  it('reads monthly budgets, blank months as none, and sums them', () => {
    const f = { ...emptyForm(), annual: '12 000', useMonthly: true, monthly: ['1 000', '', '2 000,5', ...Array.from({ length: 9 }, () => '1 000')] };
    expect(readTargetForm(f).values?.monthly).toEqual([1000, null, 2000.5, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    expect(monthlySum(f)).toBe(12_000.5);
  });
  it('names every field that is wrong, and gives no values then', () => {
    const f = { ...emptyForm(), annual: 'sex', tolerance: '-1', useMonthly: true, monthly: ['x', ...Array.from({ length: 11 }, () => '')] };
    const r = readTargetForm(f);
    expect(r.values).toBeNull();
    expect(r.problems).toEqual([
      { field: 'annual', key: 'notANumber' },
      { field: 'tolerance', key: 'negative' },
      { field: 'month-1', key: 'notANumber', month: 1 },
    ]);
    expect(readTargetForm(emptyForm()).problems).toEqual([{ field: 'annual', key: 'required' }]);
    expect(readTargetForm({ ...emptyForm(), annual: '5', tolerance: '120' }).problems).toEqual([{ field: 'tolerance', key: 'tooHigh' }]);
  });
  it('shows a stored target in Swedish style and reads it back unchanged', () => {
    const stored = { annual: 1_234_567, monthly: null, tolerance: 0.5, toleranceKind: 'absolute' as const };
    const f = formFromTarget(stored);
    expect(f.annual).toBe('1 234 567');
    expect(f.tolerance).toBe('0,50');
    expect(readTargetForm(f).values).toEqual(stored);
  });
});
