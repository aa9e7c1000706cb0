import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWindow, measurementWindow, reportWindows, valueWindow, WINDOW_FAMILIES, MAX_WINDOW_LEAD_MONTHS, type WindowFamily } from './measurement-window.js';
import { addMonths, monthFromIndex, monthIndex } from './month.js';
import { delar, parsePeriod, periodKey, rolling12, sameLastYear, tertial, yearPeriod, yearToDate, type Period } from './period.js';

const arbMonth = fc.integer({ min: 1950 * 12, max: 2150 * 12 - 1 }).map(monthFromIndex);
const arbYear = fc.integer({ min: 1950, max: 2150 });
const arbFamily = fc.constantFrom<WindowFamily>(...WINDOW_FAMILIES);
const arbReport: fc.Arbitrary<Period> = fc.oneof(
  fc.tuple(arbYear, fc.constantFrom<1 | 2 | 3>(1, 2, 3)).map(([y, t]) => tertial(y, t)),
  arbYear.map(delar),
  arbYear.map(yearPeriod),
);
const arbCalendar: fc.Arbitrary<Period> = fc.oneof(
  arbMonth.map((m): Period => ({ kind: 'month', start: m, end: m })),
  arbMonth.map(yearToDate),
  arbMonth.map(rolling12),
  fc.tuple(arbMonth, fc.integer({ min: 0, max: 40 })).map(([m, n]): Period => ({ kind: 'range', start: m, end: addMonths(m, n) })),
);

describe('measurement windows', () => {
  it('plain calendar periods (months, YTD, R12, custom ranges) resolve to themselves in every family', () => {
    fc.assert(
      fc.property(arbCalendar, arbFamily, (p, f) => {
        expect(measurementWindow(p, f)).toBe(p);
      }),
    );
  });

  it('the calendar and economy families are the report period itself', () => {
    fc.assert(
      fc.property(arbReport, fc.constantFrom<WindowFamily>('calendar', 'economy'), (p, f) => {
        expect(measurementWindow(p, f)).toBe(p);
      }),
    );
  });

  it('a window lies within its report period, starting at most MAX_WINDOW_LEAD_MONTHS before it, and is never empty', () => {
    fc.assert(
      fc.property(arbReport, arbFamily, (p, f) => {
        const w = measurementWindow(p, f);
        expect(monthIndex(w.start)).toBeGreaterThanOrEqual(monthIndex(p.start) - MAX_WINDOW_LEAD_MONTHS);
        expect(monthIndex(w.end)).toBeLessThanOrEqual(monthIndex(p.end));
        expect(monthIndex(w.end)).toBeGreaterThanOrEqual(monthIndex(w.start));
      }),
    );
  });

  it('"the same period last year" is windowed like the period: the window moves back twelve months', () => {
    fc.assert(
      fc.property(arbReport, arbFamily, (p, f) => {
        const w = measurementWindow(p, f);
        const ly = measurementWindow(sameLastYear(p), f);
        expect([ly.start, ly.end]).toEqual([addMonths(w.start, -12), addMonths(w.end, -12)]);
      }),
    );
  });

  it('a window names itself as a period key that reads back to the same months', () => {
    fc.assert(
      fc.property(arbReport, arbFamily, (p, f) => {
        const w = measurementWindow(p, f);
        const back = parsePeriod(valueWindow(p, f).period);
        expect([back.start, back.end]).toEqual([w.start, w.end]);
      }),
    );
  });

  it('every window other than a period of its own kind is among the report windows the release holds', () => {
    fc.assert(
      fc.property(arbYear, arbFamily, (y, f) => {
        const reports = [tertial(y, 1), tertial(y, 2), tertial(y, 3), delar(y), yearPeriod(y)];
        const held = new Set(reportWindows(reports).map(periodKey));
        for (const p of reports) {
          const w = measurementWindow(p, f);
          if (w.kind === 'range') expect(held.has(periodKey(w))).toBe(true);
        }
      }),
    );
  });

  it('gives each family the window its reports print', () => {
    const d2020 = delar(2020);
    const t1 = tertial(2022, 1);
    // 004 l.79: volymmått "Utfall jan-jun 2020"; 001 l.427: "Utfall jan-april 2022".
    expect(valueWindow(d2020, 'volume')).toEqual({ period: '2020-01:2020-06', label: 'jan–jun 2020', labelEn: 'Jan–Jun 2020' });
    expect(valueWindow(t1, 'volume').period).toBe('2022-T1');
    // 004 l.249: "Utfall per 31/8 2020".
    expect(valueWindow(d2020, 'economy')).toEqual({ period: '2020-D', label: 'Delår 2020', labelEn: 'Interim 2020' });
    // personnel_key_figures.csv: sjukfrånvaro 1/12-30/6 (Delår 2020), 1/12-28/2 (T1 2022, 001 l.578).
    expect(valueWindow(d2020, 'sick-leave')).toEqual({ period: '2019-12:2020-06', label: '1/12 2019–30/6 2020', labelEn: '1 Dec 2019–30 Jun 2020' });
    expect(valueWindow(t1, 'sick-leave').label).toBe('1/12 2021–28/2 2022');
    expect(valueWindow(tertial(2020, 1), 'sick-leave').label).toBe('1/12 2019–29/2 2020');
    // 001 l.543: årsarbetare 1/1-31/3; 004 l.326: 1/1-31/7.
    expect(valueWindow(t1, 'fte').label).toBe('jan–mar 2022');
    expect(valueWindow(d2020, 'fte').label).toBe('jan–jul 2020');
    // 001 l.545: månadsanställda 30/4; 004 l.328: 31/8.
    expect(valueWindow(t1, 'headcount')).toEqual({ period: '2022-04', label: '30/4 2022', labelEn: '30 Apr 2022' });
    expect(valueWindow(d2020, 'headcount').label).toBe('31/8 2020');
    // No report prints a window for T2, T3 or the year.
    expect(measurementWindow(tertial(2020, 2), 'sick-leave')).toEqual(tertial(2020, 2));
    expect(formatWindow(yearPeriod(2021), 'volume')).toBe('2021');
  });
});
