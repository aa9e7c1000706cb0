import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_MONTHS } from './limits.js';
import { makeMonth, monthFromIndex, monthIndex, yearOf } from './month.js';
import { containsMonth, monthCount, parsePeriod, periodKey, type Period } from './period.js';
import { customRange, PERIOD_CHOICE_KINDS, periodOfKind, shiftPeriod } from './period-choice.js';

const arbMonth = fc.integer({ min: 1950 * 12, max: 2150 * 12 - 1 }).map(monthFromIndex);
const arbKind = fc.constantFrom(...PERIOD_CHOICE_KINDS);
const arbRange: fc.Arbitrary<Period> = fc
  .tuple(arbMonth, fc.integer({ min: 2, max: MAX_PERIOD_MONTHS }))
  .map(([start, n]) => ({ kind: 'range', start, end: monthFromIndex(monthIndex(start) + n - 1) }));
const arbPeriod = fc.oneof(
  fc.tuple(arbKind, arbMonth).map(([k, m]) => periodOfKind(k, m)),
  arbRange,
);
/** A period written as the URL holds it and read back is the same period. */
const canonical = (p: Period) => expect(parsePeriod(periodKey(p))).toEqual(p);

describe('the period picker’s arithmetic', () => {
  it('gives the period of every kind around a month: holding it (the delår: of its year), canonical, year to date from January and twelve rolling months ending with it', () => {
    fc.assert(
      fc.property(arbKind, arbMonth, (kind, m) => {
        const p = periodOfKind(kind, m);
        expect(p.kind).toBe(kind);
        // The delår is the year's January–August, also for a month after it.
        if (kind === 'delar') expect(yearOf(p.start)).toBe(yearOf(m));
        else expect(containsMonth(p, m)).toBe(true);
        canonical(p);
        if (kind === 'ytd') expect([p.start, p.end]).toEqual([makeMonth(yearOf(m), 1), m]);
        if (kind === 'rolling12') expect([monthCount(p), p.end]).toEqual([12, m]);
      }),
    );
  });

  it('steps to a canonical period of the same kind and back again', () => {
    fc.assert(
      fc.property(arbPeriod, fc.constantFrom<-1 | 1>(-1, 1), (p, step) => {
        const q = shiftPeriod(p, step);
        expect(q.kind).toBe(p.kind);
        canonical(q);
        expect(shiftPeriod(q, step === 1 ? -1 : 1)).toEqual(p);
        // Forward is later, backward earlier; periods of a fixed length keep it.
        expect(Math.sign(monthIndex(q.end) - monthIndex(p.end))).toBe(step);
        if (p.kind !== 'ytd' && p.kind !== 'delar') expect(monthCount(q)).toBe(monthCount(p));
      }),
    );
  });

  it('moves a year to date across new year as January of the new year', () => {
    expect(periodKey(shiftPeriod(parsePeriod('2022-12-YTD'), 1))).toBe('2023-01-YTD');
    expect(shiftPeriod(parsePeriod('2023-01-YTD'), -1)).toEqual({ kind: 'ytd', start: '2022-01', end: '2022-12' });
  });

  it('accepts a custom range exactly when it is in order, within the years and not too long', () => {
    fc.assert(
      fc.property(arbMonth, arbMonth, (a, b) => {
        const r = customRange(a, b);
        const n = monthIndex(b) - monthIndex(a) + 1;
        const inYears = yearOf(a) >= 1900 && yearOf(b) <= 2199;
        if (n < 1) expect(r).toEqual({ problem: 'backwards' });
        else if (!inYears) expect(r).toEqual({ problem: 'outside' });
        else if (n > MAX_PERIOD_MONTHS) expect(r).toEqual({ problem: 'too-long' });
        else if ('period' in r) {
          expect([r.period.start, r.period.end]).toEqual([a, b]);
          expect(r.period.kind).toBe(n === 1 ? 'month' : 'range');
          canonical(r.period);
        } else expect.unreachable(`refused ${a}–${b}: ${r.problem}`);
      }),
    );
    expect(customRange('2022-13', '2022-02')).toEqual({ problem: 'not-months' });
  });
});
