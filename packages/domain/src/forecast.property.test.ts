import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCells, type ObservationCell } from './aggregate.js';
import { forecastYearEnd, type MonthlyTotal } from './forecast.js';
import type { TimeAggregation } from './kpi.js';
import { makeMonth } from './month.js';

const AGGS: readonly TimeAggregation[] = ['sum', 'mean', 'last'];

function year(y: number, num: readonly (number | null)[], den?: readonly (number | null)[]): MonthlyTotal[] {
  return num.flatMap((n, i) => (n === null ? [] : [{ month: makeMonth(y, i + 1), numerator: n, denominator: den ? (den[i] ?? null) : null }]));
}
/** Relative closeness, for values that span many magnitudes. */
function close(a: number | null, b: number, rel = 1e-9) {
  expect(a).not.toBeNull();
  expect(Math.abs((a ?? NaN) - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
}

// A seasonal shape within a factor 4 (so the seasonal guard never trips) times any magnitude.
const shape = fc.array(fc.double({ min: 1, max: 4, noNaN: true }), { minLength: 12, maxLength: 12 });
const magnitude = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
const k = fc.double({ min: 0.01, max: 100, noNaN: true });
const asOfMonth = fc.integer({ min: 1, max: 12 });
/** A non-negative monthly figure (normal floats, so scaling is exact enough) or a missing month. */
const figure = fc.option(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e7, noNaN: true })), { freq: 6 });
const years = fc.array(fc.array(figure, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 4 });
/** Any non-negative figure, subnormals and the extremes included. */
const anyFigure = fc.option(fc.double({ min: 0, max: 1e12, noNaN: true }), { freq: 6 });
const anyYears = fc.array(fc.array(anyFigure, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 4 });

describe('forecast properties', () => {
  it('current year = k × an earlier complete year, every month: the seasonal forecast is k × that year, for any asOf', () => {
    fc.assert(
      fc.property(shape, magnitude, k, asOfMonth, fc.constantFrom(...AGGS), (s, mag, kk, m, agg) => {
        const base = s.map((x) => x * mag);
        // Two earlier years with the same shape: the leave-one-out guard sees a season they agree on.
        const series = [
          ...year(
            2020,
            base.map((x) => x * 2),
          ),
          ...year(2021, base),
          ...year(2022, base.map((x) => x * kk).slice(0, m)),
        ];
        const f = forecastYearEnd({ asOf: makeMonth(2022, m), timeAggregation: agg, series });
        const tot = base.reduce((a, b) => a + b, 0);
        const sofar = base.slice(0, m).reduce((a, b) => a + b, 0);
        // Where simple scaling is exact too, the guard rightly keeps the simple method (same value).
        const simpleExact = agg === 'last' ? Math.abs((base[11] ?? 0) - (base[m - 1] ?? 0)) < 1e-9 * tot : Math.abs(sofar / tot - m / 12) < 1e-9;
        if (m === 12) expect(f.method).toBe('actual');
        else if (!simpleExact) expect(f.method).toBe('seasonal');
        const expected = agg === 'sum' ? kk * tot : agg === 'mean' ? (kk * tot) / 12 : kk * (base[11] ?? 0);
        close(f.value, expected);
      }),
    );
  });

  it('the same holds for a ratio KPI: k_num / k_den × the earlier ratio', () => {
    fc.assert(
      fc.property(shape, shape, k, k, asOfMonth, fc.constantFrom(...AGGS), (sn, sd, kn, kd, m, agg) => {
        const series = [
          ...year(2020, sn, sd),
          ...year(2021, sn, sd),
          ...year(
            2022,
            sn.map((x) => x * kn).slice(0, m),
            sd.map((x) => x * kd),
          ),
        ];
        const f = forecastYearEnd({ asOf: makeMonth(2022, m), timeAggregation: agg, series });
        const t = (xs: number[]) => (agg === 'last' ? (xs[11] ?? 0) : xs.reduce((a, b) => a + b, 0));
        close(f.value, ((kn * t(sn)) / (kd * t(sd))) * 1, 1e-8);
      }),
    );
  });

  it('is homogeneous of degree 1: scaling every figure scales the forecast and keeps the method', () => {
    fc.assert(
      fc.property(years, asOfMonth, fc.constantFrom(...AGGS), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (ys, m, agg, c) => {
        const series = ys.flatMap((y, i) => year(2022 - ys.length + 1 + i, y));
        const scaled = series.map((t) => ({ ...t, numerator: t.numerator * c }));
        const asOf = makeMonth(2022, m);
        const a = forecastYearEnd({ asOf, timeAggregation: agg, series });
        const b = forecastYearEnd({ asOf, timeAggregation: agg, series: scaled });
        expect(b.method).toBe(a.method);
        expect(b.basisYears).toEqual(a.basisYears);
        if (a.value === null) expect(b.value).toBeNull();
        else expect(Math.abs((b.value ?? NaN) - c * a.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c * a.value)));
      }),
    );
  });

  it('a ratio forecast is invariant to scaling numerator and denominator together', () => {
    fc.assert(
      fc.property(years, years, asOfMonth, fc.constantFrom(...AGGS), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (yn, yd, m, agg, c) => {
        const series = yn.flatMap((y, i) => year(2022 - yn.length + 1 + i, y, yd[i % yd.length]));
        const scaled = series.map((t) => ({ ...t, numerator: t.numerator * c, denominator: t.denominator == null ? null : t.denominator * c }));
        const asOf = makeMonth(2022, m);
        const a = forecastYearEnd({ asOf, timeAggregation: agg, series, ratio: true });
        const b = forecastYearEnd({ asOf, timeAggregation: agg, series: scaled, ratio: true });
        expect(b.method).toBe(a.method);
        if (a.value === null) expect(b.value).toBeNull();
        else expect(Math.abs((b.value ?? NaN) - a.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.value)));
      }),
    );
  });

  it('asOf December with a complete year: the forecast is the actual, as aggregateCells computes it', () => {
    const full = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e7, noNaN: true })), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(full, fc.option(full, { nil: undefined }), years, fc.constantFrom(...AGGS), fc.double({ min: 0.01, max: 100, noNaN: true }), (cur, den, past, agg, scale) => {
        const series = [...past.flatMap((y, i) => year(2021 - i, y)), ...year(2022, cur, den)];
        const f = forecastYearEnd({ asOf: '2022-12', timeAggregation: agg, scale, series });
        const cells: ObservationCell[] = cur.map((n, i) => ({
          month: makeMonth(2022, i + 1),
          unit: 'u',
          gender: 'T',
          ageBand: '',
          numerator: n,
          denominator: den ? (den[i] ?? null) : null,
        }));
        const actual = aggregateCells({ timeAggregation: agg, scale }, cells, { gender: 'T' }).value;
        if (actual === null) expect(f).toMatchObject({ method: 'none', value: null });
        else {
          expect(f.method).toBe('actual');
          close(f.value, actual);
        }
      }),
    );
  });

  it('never NaN or Infinity for non-negative inputs; non-negative; null only without a method', () => {
    fc.assert(
      fc.property(anyYears, fc.option(anyYears, { nil: undefined }), asOfMonth, fc.constantFrom(...AGGS), fc.integer({ min: 1, max: 4 }), (yn, yd, m, agg, maxBasisYears) => {
        const series = yn.flatMap((y, i) => year(2022 - yn.length + 1 + i, y, yd?.[i % yd.length]));
        const f = forecastYearEnd({ asOf: makeMonth(2022, m), timeAggregation: agg, series, maxBasisYears });
        if (f.value === null) expect(f.method).toBe('none');
        else {
          expect(Number.isFinite(f.value)).toBe(true);
          expect(f.value).toBeGreaterThanOrEqual(0);
          expect(f.method).not.toBe('none');
        }
        expect(f.explanation.length).toBeGreaterThan(0);
        expect(f.explanation).not.toMatch(/NaN|Infinity|undefined/);
        expect(f.explanationEn).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });
});
