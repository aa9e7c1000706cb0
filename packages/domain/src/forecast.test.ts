import { describe, expect, it } from 'vitest';
import { aggregateCells, type ObservationCell } from './aggregate.js';
import { forecastStatus, forecastYearEnd, monthlyTotals, ratioMonthlyTotals, type ForecastInput, type MonthlyTotal } from './forecast.js';
import { makeMonth } from './month.js';
import type { AnnualTarget } from './status.js';
import { testCell } from './test-builders.js';

/** Twelve monthly figures of a year as totals, optionally with denominators. */
function year(y: number, num: readonly (number | null)[], den?: readonly number[]): MonthlyTotal[] {
  return num.flatMap((n, i) => (n === null ? [] : [{ month: makeMonth(y, i + 1), numerator: n, denominator: den ? (den[i] ?? null) : null }]));
}
const times = (xs: readonly number[], k: number) => xs.map((x) => x * k);
const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// Flat, with a summer dip (semester): 1 080 a year.
const SUMMER_DIP = [100, 100, 100, 100, 100, 80, 40, 60, 100, 100, 100, 100];
const history = [...year(2019, SUMMER_DIP), ...year(2020, SUMMER_DIP), ...year(2021, SUMMER_DIP)];

const sumKpi = (asOf: string, series: MonthlyTotal[], extra: Partial<ForecastInput> = {}) => forecastYearEnd({ asOf, timeAggregation: 'sum', series, ...extra });

describe('forecastYearEnd: seasonal', () => {
  it('a year 10 % above earlier years every month forecasts exactly 10 % above their total, for every asOf', () => {
    const series = [...history, ...year(2022, times(SUMMER_DIP, 1.1))];
    for (let m = 1; m <= 11; m++) {
      const f = sumKpi(makeMonth(2022, m), series);
      expect(f.method).toBe('seasonal');
      expect(f.basisYears).toEqual([2019, 2020, 2021]);
      expect(f.value).toBeCloseTo(1.1 * total(SUMMER_DIP), 9);
      expect(f.monthsUsed).toHaveLength(m);
    }
  });

  it('says how it was made, in Swedish and English', () => {
    const f = sumKpi('2022-04', [...history, ...year(2022, times(SUMMER_DIP, 1.1))]);
    // jan–apr = 400 of 1 080 = 37 %
    expect(f.explanation).toBe('säsongsmönster från 2019–2021: jan–apr brukar vara 37 % av året');
    expect(f.explanationEn).toBe('seasonal pattern from 2019–2021: Jan–Apr is usually 37% of the year');
    expect(f.ytdValue).toBeCloseTo(440, 9);
    expect(f.monthsUsed).toEqual(['2022-01', '2022-02', '2022-03', '2022-04']);
  });

  it('differs from the naive run-rate when the rest of the year is seasonal', () => {
    const f = sumKpi('2022-05', [...history, ...year(2022, times(SUMMER_DIP, 1.1))]);
    const runRate = sumKpi('2022-05', year(2022, times(SUMMER_DIP, 1.1)));
    expect(runRate.method).toBe('run-rate');
    expect(runRate.value).toBeCloseTo(1.1 * 100 * 12, 9);
    expect(f.value).toBeCloseTo(1188, 9);
  });

  it('weights the basis years equally (average share), using only the latest complete ones', () => {
    const flat = Array<number>(12).fill(100);
    const h = [4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]; // January is 4/15 of the year
    const series = [
      ...year(2017, h), // too old with maxBasisYears 2
      ...year(2018, [3, ...flat.slice(1).map(() => 1)]), // January 3/14
      ...year(2019, times(h, 50)), // January 4/15
      ...year(2020, [...flat.slice(0, 11), null]), // incomplete: skipped
      ...year(2021, [30]),
    ];
    const f = sumKpi('2021-01', series, { maxBasisYears: 2 });
    expect(f.basisYears).toEqual([2018, 2019]);
    const share = (3 / 14 + 4 / 15) / 2;
    expect(f.value).toBeCloseTo(30 / share, 9);
    expect(f.explanation).toMatch(/^säsongsmönster från 2018–2019: jan brukar vara 24 % av året$/);
  });

  it('falls back to run-rate when the earlier years disagree on the season (leave-one-out)', () => {
    const flat = Array<number>(12).fill(100);
    const h = [4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const series = [...year(2019, flat), ...year(2020, times(h, 50)), ...year(2021, [30])];
    const f = sumKpi('2021-01', series);
    expect(f.method).toBe('run-rate');
    expect(f.value).toBeCloseTo(360, 9);
    expect(f.explanation).toContain('säsongsmönstret har inte gett bättre prognoser än enkel uppräkning för tidigare år');
  });

  it('needs two earlier years to prove a season: one is not enough', () => {
    const series = [...year(2020, SUMMER_DIP), ...year(2021, times(SUMMER_DIP, 1.1).slice(0, 3))];
    const f = sumKpi('2021-03', series);
    expect(f.method).toBe('run-rate');
  });

  it('never looks at months after asOf', () => {
    const series = [...history, ...year(2022, [...times(SUMMER_DIP, 1.1).slice(0, 3), 9e9, 9e9, 9e9, 9e9, 9e9, 9e9, 9e9, 9e9, 9e9])];
    expect(sumKpi('2022-03', series).value).toBeCloseTo(1188, 9);
  });

  it('uses the shares of the same months when a month of the year to date is missing', () => {
    const cur = times(SUMMER_DIP, 1.1);
    const series = [...history, ...year(2022, [cur[0] ?? 0, null, cur[2] ?? 0, cur[3] ?? 0])];
    const f = sumKpi('2022-04', series);
    expect(f.method).toBe('seasonal');
    expect(f.monthsUsed).toEqual(['2022-01', '2022-03', '2022-04']);
    expect(f.value).toBeCloseTo(1188, 9);
    expect(f.explanation).toContain('jan, mar, apr brukar vara');
  });

  it('a mean KPI forecasts the mean of the year', () => {
    const f = forecastYearEnd({ asOf: '2022-06', timeAggregation: 'mean', series: [...history, ...year(2022, times(SUMMER_DIP, 1.1))] });
    expect(f.method).toBe('seasonal');
    expect(f.value).toBeCloseTo((1.1 * total(SUMMER_DIP)) / 12, 9);
    expect(f.ytdValue).toBeCloseTo((1.1 * 580) / 6, 9);
    // Full-year mean 90 against the jan–jun mean 96.67: 6.9 % lower.
    expect(f.explanation).toBe('säsongsmönster från 2019–2021: helårssnittet brukar vara 6,9 % lägre än snittet jan–jun');
  });

  it('a stock KPI scales the latest value by the usual December / month ratio', () => {
    const stock = [50, 52, 54, 56, 58, 60, 62, 64, 66, 68, 70, 72]; // grows all year
    const series = [...year(2020, stock), ...year(2021, stock), ...year(2022, [60, 62, 64, 66])];
    const f = forecastYearEnd({ asOf: '2022-04', timeAggregation: 'last', series });
    expect(f.method).toBe('seasonal');
    expect(f.value).toBeCloseTo((66 * 72) / 56, 9);
    expect(f.ytdValue).toBe(66);
    expect(f.explanation).toBe('säsongsmönster från 2020–2021: december brukar vara 29 % högre än april');
  });

  it('applies the KPI scale as aggregateCells does', () => {
    const f = sumKpi('2022-04', [...history, ...year(2022, times(SUMMER_DIP, 1.1))], { scale: 100 });
    expect(f.value).toBeCloseTo(118800, 6);
  });
});

describe('forecastYearEnd: ratio KPIs', () => {
  // Cost (numerator) dips in summer, households (denominator) are flat.
  const HH = Array<number>(12).fill(10);
  const ratioHistory = [...year(2020, SUMMER_DIP, HH), ...year(2021, SUMMER_DIP, HH)];

  it('forecasts numerator and denominator separately and divides', () => {
    const series = [...ratioHistory, ...year(2022, times(SUMMER_DIP, 1.1).slice(0, 4), HH)];
    const f = forecastYearEnd({ asOf: '2022-04', timeAggregation: 'sum', series });
    expect(f.method).toBe('seasonal');
    // Numerator 1 188, denominator 120: 9.9 per household-month, not the year-to-date 11.
    expect(f.value).toBeCloseTo(1188 / 120, 9);
    expect(f.ytdValue).toBeCloseTo(11, 9);
    expect(f.explanation).toBe('täljare och nämnare var för sig, säsongsmönster från 2020–2021: jan–apr brukar vara 37 % resp. 33 % av året');
  });

  it('is not a ratio of averages when the denominator is seasonal too', () => {
    const den = [10, 10, 10, 10, 10, 5, 2, 3, 10, 10, 10, 10];
    const series = [...year(2020, SUMMER_DIP, den), ...year(2021, SUMMER_DIP, den), ...year(2022, [100, 100], [20, 20])];
    const f = forecastYearEnd({ asOf: '2022-02', timeAggregation: 'mean', series });
    const fn = 200 / (200 / 1080);
    const fd = 40 / (20 / 100);
    expect(f.value).toBeCloseTo(fn / fd, 9);
  });

  it('run-rate of a ratio is the year-to-date ratio; zero denominator gives no forecast', () => {
    const f = forecastYearEnd({ asOf: '2022-02', timeAggregation: 'sum', series: year(2022, [30, 50], [4, 6]) });
    expect(f.method).toBe('run-rate');
    expect(f.value).toBeCloseTo(8, 9);
    expect(f.explanation).toBe('kvoten för jan–feb antas gälla hela året; inget tidigare helår att hämta säsongsmönster från');
    const z = forecastYearEnd({ asOf: '2022-02', timeAggregation: 'sum', series: year(2022, [30, 50], [0, 0]) });
    expect(z).toMatchObject({ method: 'none', value: null });
  });

  it('ignores months where one side is missing', () => {
    const series: MonthlyTotal[] = [
      { month: '2022-01', numerator: 10, denominator: 2 },
      { month: '2022-02', numerator: 999, denominator: null },
    ];
    const f = forecastYearEnd({ asOf: '2022-02', timeAggregation: 'sum', series });
    expect(f.monthsUsed).toEqual(['2022-01']);
    expect(f.value).toBe(5);
  });
});

describe('forecastYearEnd: fallbacks', () => {
  it('without history: run-rate for flows and means, last value for stocks', () => {
    const series = year(2022, [10, 20, 30]);
    expect(sumKpi('2022-03', series)).toMatchObject({ method: 'run-rate', value: 240, basisYears: [] });
    expect(sumKpi('2022-03', series).explanation).toBe('jan–mar uppräknat till helår (3 av 12 månader); inget tidigare helår att hämta säsongsmönster från');
    expect(forecastYearEnd({ asOf: '2022-03', timeAggregation: 'mean', series })).toMatchObject({ method: 'run-rate', value: 20 });
    const last = forecastYearEnd({ asOf: '2022-03', timeAggregation: 'last', series });
    expect(last).toMatchObject({ method: 'last-value', value: 30 });
    expect(last.explanation).toBe('senaste värdet (mar 2022) antas gälla vid årets slut; inget tidigare helår att hämta säsongsmönster från');
  });

  it('an incomplete earlier year is not history', () => {
    const f = sumKpi('2022-03', [...year(2021, SUMMER_DIP.slice(0, 11)), ...year(2022, [10, 20, 30])]);
    expect(f.method).toBe('run-rate');
  });

  it('falls back when earlier years have nothing in the same months', () => {
    const f = sumKpi('2022-02', [...year(2021, [0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]), ...year(2022, [3, 4])]);
    expect(f.method).toBe('run-rate');
    expect(f.explanation).toContain('tidigare år saknar användbara värden för samma månader');
  });

  it('guards against shares near zero', () => {
    // January was 0.1 % of the year: scaling 7 up by ×1000 would be noise.
    const f = sumKpi('2022-01', [...year(2021, [1, ...Array<number>(11).fill(90.8181)]), ...year(2022, [7])]);
    expect(f.method).toBe('run-rate');
    expect(f.value).toBe(84);
    expect(f.explanation).toContain('säsongsmönstret från tidigare år är för ojämnt');
  });

  it('guards a stock against a wild December ratio', () => {
    const f = forecastYearEnd({ asOf: '2022-01', timeAggregation: 'last', series: [...year(2021, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 40]), ...year(2022, [5])] });
    expect(f).toMatchObject({ method: 'last-value', value: 5 });
  });

  it('no data this year: no forecast', () => {
    const f = sumKpi('2022-05', history);
    expect(f).toMatchObject({ method: 'none', value: null, ytdValue: null, monthsUsed: [] });
    expect(f.explanation).toBe('ingen prognos: inga värden för 2022 ännu');
  });
});

describe('forecastYearEnd: a complete year', () => {
  it('returns the actual, as aggregateCells computes it', () => {
    const cur = times(SUMMER_DIP, 1.3);
    const cells: ObservationCell[] = cur.map((n, i) => ({ month: makeMonth(2022, i + 1), unit: 'u', gender: 'T', ageBand: '', numerator: n, denominator: null }));
    for (const agg of ['sum', 'mean', 'last'] as const) {
      const f = forecastYearEnd({ asOf: '2022-12', timeAggregation: agg, series: [...history, ...year(2022, cur)] });
      expect(f.method).toBe('actual');
      expect(f.value).toBeCloseTo(aggregateCells({ timeAggregation: agg, scale: 1 }, cells, { gender: 'T' }).value ?? NaN, 9);
      expect(f.explanation).toBe('utfall för hela 2022');
    }
  });

  it('a December with a gap still forecasts the missing month', () => {
    const f = sumKpi('2022-12', [...history, ...year(2022, [...times(SUMMER_DIP, 2).slice(0, 6), null, ...times(SUMMER_DIP, 2).slice(7)])]);
    expect(f.method).toBe('seasonal');
    expect(f.value).toBeCloseTo(2160, 9);
  });
});

describe('forecastStatus', () => {
  const target: AnnualTarget = { year: 2022, annual: 1100, monthly: null, tolerance: 5, toleranceKind: 'percent' };

  it('compares the forecast with the ANNUAL target through assessStatus', () => {
    const f = sumKpi('2022-04', [...history, ...year(2022, times(SUMMER_DIP, 1.1))]); // 1 188
    expect(forecastStatus(f, target, 'lower')).toBe('red'); // 8 % over, tolerance 5 %
    expect(forecastStatus(f, { ...target, annual: 1150 }, 'lower')).toBe('yellow');
    expect(forecastStatus(f, { ...target, annual: 1200 }, 'lower')).toBe('green');
    expect(forecastStatus(f, target, 'higher')).toBe('green');
  });

  it('is not assessed without forecast, target, direction, or for another year', () => {
    const f = sumKpi('2022-04', [...history, ...year(2022, times(SUMMER_DIP, 1.1))]);
    expect(forecastStatus(f, null, 'lower')).toBe('none');
    expect(forecastStatus(f, target, 'none')).toBe('none');
    expect(forecastStatus(f, { ...target, year: 2021 }, 'lower')).toBe('none');
    expect(forecastStatus(sumKpi('2022-04', history), target, 'lower')).toBe('none');
  });
});

describe('monthly totals from cells', () => {
  const cell = (month: string, gender: 'K' | 'M' | 'T', numerator: number, unit = 'a', denominator: number | null = null) => testCell(month, gender, numerator, denominator, unit);

  it('sums units, takes T as K + M where split and T alone where not', () => {
    const cells = [cell('2022-01', 'K', 3), cell('2022-01', 'M', 4), cell('2022-01', 'T', 99), cell('2022-01', 'T', 5, 'b'), cell('2022-02', 'K', 1, 'a', 10)];
    expect(monthlyTotals(cells, { gender: 'T' })).toEqual([
      { month: '2022-01', numerator: 12, denominator: null },
      { month: '2022-02', numerator: 1, denominator: 10 },
    ]);
  });

  it('pairs a ratio KPI numerator and denominator on months where both have data', () => {
    const num = [cell('2022-01', 'T', 100), cell('2022-02', 'T', 200)];
    const den = [cell('2022-02', 'T', 4), cell('2022-03', 'T', 5)];
    expect(ratioMonthlyTotals(num, den, { gender: 'T' })).toEqual([{ month: '2022-02', numerator: 200, denominator: 4 }]);
  });
});
