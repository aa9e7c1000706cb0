import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, parseSwedishNumber } from './format.js';

describe('Swedish formats', () => {
  it('writes numbers as the reports do', () => {
    expect(formatValue(3634873.98, 'kr', 0)).toBe('3 634 874 kr');
    expect(formatValue(6.8, 'percent', 1)).toBe('6,8 %');
    expect(formatValue(-1234.5, 'tkr', 0)).toBe('-1 235 tkr');
    expect(formatValue(604, 'count', 0)).toBe('604');
    expect(formatValue(null, 'count', 0)).toBe('–');
    expect(formatValue(1234.5, 'kr', 1, 'en')).toBe('1,234.5 kr');
  });

  it('reads numbers as they are printed', () => {
    expect(parseSwedishNumber('3 634 873,98')).toBe(3634873.98);
    expect(parseSwedishNumber('8,1%')).toBe(8.1);
    expect(parseSwedishNumber('4 204')).toBe(4204);
    expect(parseSwedishNumber('-12')).toBe(-12);
    for (const bad of ['?', '', '1,2,3', '=1+1', 'abc', '-']) expect(parseSwedishNumber(bad)).toBeNull();
  });

  it('property: what is written can be read back', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        expect(parseSwedishNumber(formatNumber(n, d))).toBeCloseTo(Number(n.toFixed(d)), d);
      }),
    );
  });

  it('property: the parser never throws and returns null or a finite number', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseSwedishNumber(s);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
    );
  });
});
