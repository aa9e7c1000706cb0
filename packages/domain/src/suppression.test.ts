import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedUnknowns } from './linear-recovery.js';
import { protectingCount } from './protecting-count.js';
import { isPrimarySuppressed, suppressedDisplay, suppressTable, type AdditiveRelation, type TableCell } from './suppression.js';

const count = (id: string, n: number): TableCell => ({ id, protectingCount: n, privacyClass: 'small-count' });

describe('primary suppression', () => {
  it('hides counts 1–4 as "<5" but shows 0 and 5', () => {
    expect(isPrimarySuppressed(count('a', 3))).toBe(true);
    expect(isPrimarySuppressed(count('a', 4))).toBe(true);
    expect(isPrimarySuppressed(count('a', 5))).toBe(false);
    expect(isPrimarySuppressed(count('a', 0))).toBe(false);
    expect(suppressedDisplay('primary', count('a', 3))).toBe('<5');
  });
  it('hides sick leave for 10 employees or fewer and HME below 5 respondents', () => {
    expect(isPrimarySuppressed({ id: 's', protectingCount: 10, privacyClass: 'sick-leave' })).toBe(true);
    expect(isPrimarySuppressed({ id: 's', protectingCount: 11, privacyClass: 'sick-leave' })).toBe(false);
    expect(isPrimarySuppressed({ id: 'h', protectingCount: 4, privacyClass: 'hme' })).toBe(true);
    expect(isPrimarySuppressed({ id: 'h', protectingCount: 5, privacyClass: 'hme' })).toBe(false);
  });
  it('hides an amount paid to 3 households, never a value not about people', () => {
    expect(isPrimarySuppressed({ id: 'kr', protectingCount: 3, privacyClass: 'small-count' })).toBe(true);
    expect(isPrimarySuppressed({ id: 'kr', protectingCount: null, privacyClass: 'none' })).toBe(false);
  });
});

describe('secondary suppression', () => {
  it('three girls in HVB: K shows "<5", and the total or the boys are hidden too so 3 cannot be recovered', () => {
    const marks = suppressTable([count('K', 3), count('M', 12), count('T', 15)], [{ total: 'T', parts: ['K', 'M'] }]);
    expect(marks.get('K')).toBe('primary');
    expect(marks.size).toBe(2);
    expect(marks.has('M') || marks.has('T')).toBe(true);
  });
  it('a parent minus its other children', () => {
    const marks = suppressTable([count('P', 40), count('A', 2), count('B', 18), count('C', 20)], [{ total: 'P', parts: ['A', 'B', 'C'] }]);
    expect(marks.get('A')).toBe('primary');
    expect(marks.get('B')).toBe('secondary');
    expect(marks.has('P')).toBe(false);
  });
  it('a period minus its other months', () => {
    const marks = suppressTable([count('T1', 30), count('jan', 9), count('feb', 3), count('mar', 8), count('apr', 10)], [{ total: 'T1', parts: ['jan', 'feb', 'mar', 'apr'] }]);
    expect(marks.get('feb')).toBe('primary');
    expect(marks.get('mar')).toBe('secondary');
  });
  it('shows everything when nothing is small', () => {
    expect(suppressTable([count('K', 30), count('M', 12), count('T', 42)], [{ total: 'T', parts: ['K', 'M'] }]).size).toBe(0);
  });
});

/** A units × {K, M, T} table with a parent row: the shape of a drill-down by gender. */
const arbTable = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 6 }).map((units) => {
  const cells: TableCell[] = [];
  const relations: AdditiveRelation[] = [];
  let pk = 0;
  let pm = 0;
  units.forEach(([k, m], i) => {
    cells.push(count(`u${i}K`, k), count(`u${i}M`, m), count(`u${i}T`, k + m));
    relations.push({ total: `u${i}T`, parts: [`u${i}K`, `u${i}M`] });
    pk += k;
    pm += m;
  });
  cells.push(count('PK', pk), count('PM', pm), count('PT', pk + pm));
  relations.push({ total: 'PT', parts: ['PK', 'PM'] });
  for (const g of ['K', 'M', 'T']) relations.push({ total: `P${g}`, parts: units.map((_, i) => `u${i}${g}`) });
  return { cells, relations };
});

describe('property: an attacker cannot recover a hidden cell from what is shown', () => {
  it('hides every small group, leaves no relation with one hidden member, and no hidden cell is determined', () => {
    fc.assert(
      fc.property(arbTable, ({ cells, relations }) => {
        const marks = suppressTable(cells, relations);
        for (const c of cells) if (isPrimarySuppressed(c)) expect(marks.get(c.id)).toBe('primary');
        for (const r of relations) expect([r.total, ...r.parts].filter((id) => marks.has(id)).length).not.toBe(1);
        expect(
          determinedUnknowns(
            relations.map((r) => [r.total, ...r.parts]),
            [...marks.keys()].sort(),
          ),
        ).toEqual([]);
        expect(suppressTable(cells, relations)).toEqual(marks);
      }),
      { numRuns: 300 },
    );
  });

  it('the recovery check itself finds a cell left alone in a relation', () => {
    expect(determinedUnknowns([['T', 'K', 'M']], ['K'])).toEqual(['K']);
    expect(determinedUnknowns([['T', 'K', 'M']], ['K', 'M'])).toEqual([]);
    // Two relations sharing hidden cells: a + b and a + c known, b + c known → all three follow.
    expect(
      determinedUnknowns(
        [
          ['x', 'a', 'b'],
          ['y', 'a', 'c'],
          ['z', 'b', 'c'],
        ],
        ['a', 'b', 'c'],
      ),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('the people behind a value', () => {
  const agg = (value: number | null, denominator: number | null, months = 1) => ({
    value,
    numerator: 0,
    denominator,
    monthsWithData: Array.from({ length: months }, (_, i) => `2022-0${i + 1}`),
  });
  it('counts households, persons placed, employees and respondents', () => {
    expect(protectingCount({ privacyClass: 'small-count', unit: 'count', ratioOf: null }, agg(3, null))).toBe(3);
    // 60 care days in one month is two persons placed.
    expect(protectingCount({ privacyClass: 'small-count', unit: 'days', ratioOf: null }, agg(60.8, null))).toBeCloseTo(2, 9);
    // 1 650 ordinary hours a month for three months is ten employees: hidden.
    const sick = protectingCount({ privacyClass: 'sick-leave', unit: 'percent', ratioOf: null }, agg(5, 4950, 3));
    expect(sick).toBeCloseTo(10, 9);
    expect(isPrimarySuppressed({ id: 's', protectingCount: sick, privacyClass: 'sick-leave' })).toBe(true);
    expect(protectingCount({ privacyClass: 'hme', unit: 'score', ratioOf: null }, agg(4.1, 4))).toBe(4);
    expect(protectingCount({ privacyClass: 'small-count', unit: 'kr', ratioOf: { numerator: 'a', denominator: 'b' } }, agg(8000, null), 3)).toBe(3);
    expect(protectingCount({ privacyClass: 'none', unit: 'kr', ratioOf: null }, agg(8000, null))).toBeNull();
  });
});
