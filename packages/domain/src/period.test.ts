import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, makeMonth, monthFromIndex, monthIndex, monthRange } from './month.js';
import { MAX_PERIOD_MONTHS } from './limits.js';
import { formatPeriod, monthCount, monthsOf, parsePeriod, PeriodParseError, periodKey, rolling12, sameLastYear, tertial, yearToDate } from './period.js';

const arbMonth = fc.integer({ min: 2000 * 12, max: 2100 * 12 - 1 }).map(monthFromIndex);

describe('periods', () => {
  it('parses every form the CLI and the URLs use', () => {
    expect(parsePeriod('2022-03')).toEqual({ kind: 'month', start: '2022-03', end: '2022-03' });
    expect(parsePeriod('2022-T1')).toEqual({ kind: 'tertial', start: '2022-01', end: '2022-04' });
    expect(parsePeriod('2022-t3')).toEqual({ kind: 'tertial', start: '2022-09', end: '2022-12' });
    expect(parsePeriod('2020-D')).toEqual({ kind: 'delar', start: '2020-01', end: '2020-08' });
    expect(parsePeriod('2021')).toEqual({ kind: 'year', start: '2021-01', end: '2021-12' });
    expect(parsePeriod('2019-12:2020-06')).toEqual({ kind: 'range', start: '2019-12', end: '2020-06' });
    expect(parsePeriod('2022-04-YTD')).toEqual({ kind: 'ytd', start: '2022-01', end: '2022-04' });
    expect(parsePeriod('2022-04-R12')).toEqual({ kind: 'rolling12', start: '2021-05', end: '2022-04' });
  });

  it.each(['2022-13', '2022-T4', '2022-06:2022-01', '', 'abc', '22-01'])('rejects "%s" with a Swedish message naming it', (s) => {
    expect(() => parsePeriod(s)).toThrow(PeriodParseError);
    expect(() => parsePeriod(s)).toThrow(`Okänd period "${s}"`);
  });

  it('writes periods as the reports do', () => {
    expect(formatPeriod(parsePeriod('2022-T1'))).toBe('T1 2022');
    expect(formatPeriod(parsePeriod('2020-D'))).toBe('Delår 2020');
    expect(formatPeriod(parsePeriod('2022-01:2022-04'))).toBe('jan–apr 2022');
    expect(formatPeriod(parsePeriod('2022-03'))).toBe('mar 2022');
    expect(formatPeriod(parsePeriod('2022-03'), 'en')).toBe('Mar 2022');
  });

  it('property: month arithmetic round-trips', () => {
    fc.assert(
      fc.property(arbMonth, fc.integer({ min: -500, max: 500 }), (m, n) => {
        expect(monthFromIndex(monthIndex(m))).toBe(m);
        expect(addMonths(addMonths(m, n), -n)).toBe(m);
      }),
    );
  });

  it('property: the canonical key of a period parses back to the same period', () => {
    const arbPeriod = fc.oneof(
      arbMonth.map((m) => periodKey(parsePeriod(m))),
      fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom(1, 2, 3)).map(([y, t]) => `${y}-T${t}`),
      fc.integer({ min: 2000, max: 2099 }).map((y) => `${y}-D`),
      fc.integer({ min: 2000, max: 2099 }).map(String),
      arbMonth.map((m) => `${m}-YTD`),
      arbMonth.map((m) => `${m}-R12`),
      fc.tuple(arbMonth, fc.integer({ min: 0, max: 40 })).map(([m, n]) => `${m}:${addMonths(m, n)}`),
    );
    fc.assert(
      fc.property(arbPeriod, (k) => {
        expect(periodKey(parsePeriod(k))).toBe(k);
      }),
    );
  });

  it('refuses periods longer than the bound or outside its years, in Swedish, naming the limit', () => {
    expect(() => parsePeriod('0001-01:9999-12')).toThrow(PeriodParseError);
    expect(() => parsePeriod('0001-01:9999-12')).toThrow(/utanför åren 1900–2199/);
    expect(() => parsePeriod('2000-01:2020-12')).toThrow(`Perioden är för lång: högst ${MAX_PERIOD_MONTHS} månader`);
    expect(() => parsePeriod('2000-01:2020-12')).toThrow(/Välj en kortare period\./);
    expect(() => parsePeriod('9999')).toThrow(/utanför åren/);
    expect(() => parsePeriod('0001-01-R12')).toThrow(/utanför åren/);
    expect(monthCount(parsePeriod('2013-01:2022-12'))).toBe(MAX_PERIOD_MONTHS);
  });

  it('property: a range parses exactly when it keeps the bound', () => {
    fc.assert(
      fc.property(arbMonth, fc.integer({ min: 0, max: 400 }), (m, n) => {
        const key = `${m}:${addMonths(m, n)}`;
        if (n < MAX_PERIOD_MONTHS) expect(monthCount(parsePeriod(key))).toBe(n + 1);
        else expect(() => parsePeriod(key)).toThrow(/högst 120 månader/);
      }),
    );
  });

  it('property: the three tertials partition the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), (y) => {
        const months = [1, 2, 3].flatMap((t) => monthsOf(tertial(y, t as 1 | 2 | 3)));
        expect(months).toEqual(monthRange(makeMonth(y, 1), makeMonth(y, 12)));
      }),
    );
  });

  it('property: same period last year, rolling 12 and year to date', () => {
    fc.assert(
      fc.property(arbMonth, fc.integer({ min: 0, max: 30 }), (m, n) => {
        const p = { kind: 'range' as const, start: m, end: addMonths(m, n) };
        const ly = sameLastYear(p);
        expect(monthIndex(p.start) - monthIndex(ly.start)).toBe(12);
        expect(monthCount(ly)).toBe(monthCount(p));
        expect(monthCount(rolling12(m))).toBe(12);
        expect(rolling12(m).end).toBe(m);
        expect(yearToDate(m).start.slice(5)).toBe('01');
        expect(monthsOf(p)).toHaveLength(monthCount(p));
      }),
    );
  });
});
