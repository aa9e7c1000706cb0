import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureUnit, PrivacyClass } from './kpi.js';
import { readNumberToken } from './number-token.js';
import { cellUnitFactor, checkValue, isFutureMonth, isJump, MAX_INDIVIDUALS, median, monthOfDate, valueRules, type PlausibilityKpi } from './plausibility.js';

const UNITS: MeasureUnit[] = ['count', 'kr', 'tkr', 'percent', 'score', 'index', 'days', 'fte'];
const PRIVACY: PrivacyClass[] = ['none', 'small-count', 'sick-leave', 'hme'];
const kpiArb = fc.record({ unit: fc.constantFrom(...UNITS), privacyClass: fc.constantFrom(...PRIVACY), ratioOf: fc.constant(null), scale: fc.constantFrom(1, 100) });
const kpi = (unit: MeasureUnit, extra: Partial<PlausibilityKpi> = {}): PlausibilityKpi => ({ unit, privacyClass: 'small-count', ratioOf: null, scale: 1, ...extra });
const check = (k: PlausibilityKpi, n: number, d: number | null = null) => checkValue(valueRules(k), k.scale, n, d)?.kind ?? null;

describe('numbers are whole tokens', () => {
  it('reads Swedish thousands separators and refuses whitespace elsewhere', () => {
    for (const [text, value] of [
      ['3 634 874', 3634874],
      ['3\u202f634\u202f874', 3634874],
      ['3\u00a0634\u00a0874,5', 3634874.5],
      ['650', 650],
      ['-12', -12],
    ] as const) {
      expect(readNumberToken(text)).toEqual({ kind: 'number', value, unit: null });
    }
    expect(readNumberToken('9 5')).toEqual({ kind: 'split', parts: ['9', '5'] });
    expect(readNumberToken('65\n0')).toEqual({ kind: 'split', parts: ['65', '0'] });
    expect(readNumberToken('1 23')).toMatchObject({ kind: 'split' });
    expect(readNumberToken('12 345 6')).toMatchObject({ kind: 'split' });
    expect(readNumberToken('12 st').kind).toBe('not-number');
    expect(readNumberToken('1e5').kind).toBe('not-number');
  });

  it('reads the unit after a number', () => {
    expect(readNumberToken('4 915 tkr')).toEqual({ kind: 'number', value: 4915, unit: 'tkr' });
    expect(readNumberToken('8 %')).toEqual({ kind: 'number', value: 8, unit: 'percent' });
    expect(readNumberToken('8,1%')).toEqual({ kind: 'number', value: 8.1, unit: 'percent' });
  });

  it('property: a number written with any of the three separators reads back; one with a gap of another size never does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e12 }), fc.constantFrom(' ', '\u00a0', '\u202f'), (n, sep) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(readNumberToken(grouped)).toEqual({ kind: 'number', value: n, unit: null });
        const s = String(n);
        // Cut at a place that does not leave groups of three on the right.
        const cut = s.length % 3 === 1 ? 2 : 1;
        const glued = `${s.slice(0, cut)}${sep}${s.slice(cut)}`;
        if ((s.length - cut) % 3 !== 0) expect(readNumberToken(glued).kind).not.toBe('number');
        expect(readNumberToken(`${s.slice(0, cut)}\n${s.slice(cut)}`).kind).toBe('split');
      }),
    );
  });
});

describe('plausibility from the KPI definition', () => {
  it('counts of individuals are whole, non-negative and below a plausible maximum', () => {
    expect(check(kpi('count'), 196.5)).toBe('not-integer');
    expect(check(kpi('count'), 0.25)).toBe('not-integer');
    expect(check(kpi('count'), -3)).toBe('negative');
    expect(check(kpi('count'), 1e23)).toBe('too-large');
    expect(check(kpi('count'), 820, 5)).toBe('denominator-forbidden');
    expect(check(kpi('count'), 820)).toBeNull();
  });

  it('a rate needs its denominator and a share stays within 0–100 %', () => {
    const share = kpi('percent', { privacyClass: 'sick-leave', scale: 100 });
    expect(check(share, 8.1)).toBe('denominator-missing');
    expect(check(share, 8.1, 1)).toBe('share-too-large');
    expect(check(share, 6.8, 100)).toBeNull();
    expect(check(share, 6.8, 0)).toBe('denominator-not-positive');
    expect(check(kpi('score', { privacyClass: 'hme' }), 40, 10.5)).toBe('denominator-not-integer');
  });

  it('converts only amounts to a smaller unit, and never a share to a count', () => {
    expect(cellUnitFactor('tkr', 'kr')).toBe(1000);
    expect(cellUnitFactor('tkr', 'tkr')).toBe(1);
    expect(cellUnitFactor('kr', 'tkr')).toBeNull();
    expect(cellUnitFactor('percent', 'count')).toBeNull();
  });

  it('property: whatever passes the check is a value the dashboard can show as the KPI', () => {
    fc.assert(
      fc.property(kpiArb, fc.double({ min: -1e25, max: 1e25, noNaN: true }), fc.option(fc.double({ min: -1e25, max: 1e25, noNaN: true })), (k, n, d) => {
        const rules = valueRules(k);
        if (checkValue(rules, k.scale, n, d) !== null) return;
        if (rules.nonNegative) expect(n).toBeGreaterThanOrEqual(0);
        if (k.unit === 'count') expect(Number.isInteger(n) && n <= MAX_INDIVIDUALS).toBe(true);
        if (rules.denominator === 'required') expect(d).not.toBeNull();
        if (rules.denominator === 'forbidden') expect(d).toBeNull();
        if (d !== null) expect(d).toBeGreaterThan(0);
        if (k.unit === 'percent' && d !== null) expect((n / d) * k.scale).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('property: every whole count from 0 to the maximum passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_INDIVIDUALS }), (n) => {
        expect(check(kpi('count'), n)).toBeNull();
      }),
    );
  });
});

describe('months and history', () => {
  it('a month after the current one is in the future; the current month comes from the clock passed in', () => {
    expect(isFutureMonth('2099-12', '2026-12')).toBe(true);
    expect(isFutureMonth('2026-12', '2026-12')).toBe(false);
    expect(monthOfDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(monthOfDate(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-12');
  });

  it('a jump is ×10 or /10 against the median of the history, not noise of small numbers', () => {
    expect(median([603, 610, 590])).toBe(603);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(isJump(6030, 603)).toBe(true);
    expect(isJump(60, 603)).toBe(true);
    expect(isJump(700, 603)).toBe(false);
    expect(isJump(0, 3)).toBe(false);
    expect(isJump(100, null)).toBe(false);
  });

  it('property: a jump is symmetric in scale (×f warns exactly when /f does)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1e6 }), fc.double({ min: 1, max: 100, noNaN: true }), (m, f) => {
        // Off the boundary, where rounding of m × f / m decides.
        fc.pre(Math.abs(f - 10) > 1e-6);
        expect(isJump(m * f, m)).toBe(f > 10);
        expect(isJump(m / f, m)).toBe(f > 10);
      }),
    );
  });
});
