import { parsePeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import type { DrilldownRow, SeriesLine } from '../api/types.js';
import { legendItems, withHidden } from './chart-legend.js';
import { detailChartOption } from './chart-option.js';
import { chartRange, lastYearRange, pick, splitsOf } from './detail-range.js';
import { detailTable } from './detail-table.js';
import { forecastLine } from './forecast-line.js';
import { DEFAULT_SORT, drilldownTable, parseSort, sortParam, sortRows } from '../drilldown/drilldown-table.js';
import { escapeFormula, fileName, toCsv } from '../lib/table-model.js';

const line = (key: string, label: string, values: [string, number | null, string][], target: number | null = null): SeriesLine => ({
  key,
  label,
  points: values.map(([period, value, display]) => ({
    period,
    periodLabel: period,
    window: { period, label: period, labelEn: period },
    value,
    display,
    target,
    status: target === null ? 'none' : 'red',
    outside: false,
    hidden: value === null && display !== '–' ? { mark: 'primary', noun: 'households', threshold: 5 } : null,
  })),
});

describe('the splits a KPI offers', () => {
  it('offers "Ålder" only for a KPI with age bands', () => {
    expect(splitsOf({ ageBands: ['18-24'] })).toEqual(['none', 'gender', 'unit', 'ageBand']);
    expect(splitsOf({ ageBands: [] })).toEqual(['none', 'gender', 'unit']);
    expect(splitsOf(null)).toEqual(['none', 'gender', 'unit']);
  });
});

describe('the range a detail chart covers', () => {
  it('is the calendar year at month and tertial grain and five years at year grain', () => {
    expect(chartRange(parsePeriod('2022-T1'), 'month')).toEqual({ start: '2022-01', end: '2022-12' });
    expect(chartRange(parsePeriod('2021-05'), 'tertial')).toEqual({ start: '2021-01', end: '2021-12' });
    expect(chartRange(parsePeriod('2022'), 'year')).toEqual({ start: '2018-01', end: '2022-12' });
    expect(lastYearRange({ start: '2022-01', end: '2022-12' }, 'month')).toEqual({ start: '2021-01', end: '2021-12' });
    expect(lastYearRange({ start: '2018-01', end: '2022-12' }, 'year')).toBeNull();
  });
  it('reads only allowed values from the URL', () => {
    expect(pick('tertial', ['month', 'tertial'], 'month')).toBe('tertial');
    expect(pick('week', ['month', 'tertial'], 'month')).toBe('month');
    expect(pick(['tertial'], ['month', 'tertial'], 'month')).toBe('month');
  });
});

describe('the forecast line to year-end', () => {
  const months = (values: (number | null)[]) => values.map((value, i) => ({ period: `2022-${String(i + 1).padStart(2, '0')}`, value }));
  const f = { value: 120, method: 'run-rate', asOf: '2022-04', year: 2022 };
  it('spreads what is left of a summed forecast over the remaining months, joined to the last actual month', () => {
    const line = forecastLine(months([10, 10, 10, 10, null, null, null, null, null, null, null, null]), f, { timeAggregation: 'sum', ratio: false });
    expect(line).toEqual([null, null, null, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
  });
  it('keeps the monthly level of a mean and draws a ratio or stock flat at the forecast', () => {
    const mean = forecastLine(months([120, 120, 140, 140, ...Array<null>(8).fill(null)]), { ...f, value: 130 }, { timeAggregation: 'mean', ratio: false });
    expect(mean.slice(3)).toEqual([140, 130, 130, 130, 130, 130, 130, 130, 130]);
    const ratio = forecastLine(months([8, 8, 8, 9, ...Array<null>(8).fill(null)]), { ...f, value: 8.3 }, { timeAggregation: 'sum', ratio: true });
    expect(ratio.slice(3, 6)).toEqual([9, 8.3, 8.3]);
  });
  it('works per tertial and puts a single point on the year at year grain', () => {
    const tertials = [
      { period: '2022-T1', value: 40 },
      { period: '2022-T2', value: null },
      { period: '2022-T3', value: null },
    ];
    expect(forecastLine(tertials, f, { timeAggregation: 'sum', ratio: false })).toEqual([40, 40, 40]);
    const years = [
      { period: '2021', value: 100 },
      { period: '2022', value: 40 },
    ];
    expect(forecastLine(years, f, { timeAggregation: 'sum', ratio: false })).toEqual([null, 120]);
  });
  it('draws nothing without a forecast, after December, or when a known month is hidden', () => {
    const m = months([10, 10, 10, 10, ...Array<null>(8).fill(null)]);
    expect(forecastLine(m, null, { timeAggregation: 'sum', ratio: false }).every((v) => v === null)).toBe(true);
    expect(forecastLine(m, { ...f, method: 'none', value: null }, { timeAggregation: 'sum', ratio: false }).every((v) => v === null)).toBe(true);
    expect(forecastLine(m, { ...f, asOf: '2022-12' }, { timeAggregation: 'sum', ratio: false }).every((v) => v === null)).toBe(true);
    const hidden = months([10, null, 10, 10, ...Array<null>(8).fill(null)]);
    expect(forecastLine(hidden, f, { timeAggregation: 'sum', ratio: false }).every((v) => v === null)).toBe(true);
    // A tertial that is only partly known (forecast made in March) is not guessed at.
    const tertials = [
      { period: '2022-T1', value: 30 },
      { period: '2022-T2', value: null },
      { period: '2022-T3', value: null },
    ];
    expect(forecastLine(tertials, { ...f, asOf: '2022-03' }, { timeAggregation: 'sum', ratio: false }).every((v) => v === null)).toBe(true);
  });
});

describe('the table under the chart', () => {
  const labels = { period: 'Period', value: 'Värde', target: 'Mål', status: 'Status', lastYear: 'Föregående år' };
  it('shows value, target, status and last year as displayed, with the forecast as the last row', () => {
    const t = detailTable({
      title: 'Placeringskostnad',
      split: 'none',
      lines: [
        line(
          'T',
          'Totalt',
          [
            ['2022-T1', 17567, '17 567 tkr'],
            ['2022-T2', null, '–'],
          ],
          13572,
        ),
      ],
      lastYear: line('T', 'Totalt', [
        ['2021-T1', 15000, '15 000 tkr'],
        ['2021-T2', 16000, '16 000 tkr'],
      ]),
      forecast: { label: 'Prognos helår 2022', display: '52 701 tkr', target: '40 716 tkr', status: 'red', value: 52701, targetValue: 40716 },
      notes: [],
      labels,
      formatTarget: (v) => `${v} tkr`,
      locale: 'sv',
      measure: { unit: 'tkr', decimals: 0 },
    });
    expect(t.headers).toEqual(['Period', 'Värde', 'Mål', 'Status', 'Föregående år']);
    expect(t.rows).toEqual([
      ['T1 2022', '17 567 tkr', '13572 tkr', '■ ej uppfyllt', '15 000 tkr'],
      ['T2 2022', '–', '13572 tkr', '■ ej uppfyllt', '16 000 tkr'],
      ['Prognos helår 2022', '52 701 tkr', '40 716 tkr', '■ ej uppfyllt', ''],
    ]);
    // The same figures as numbers for the spreadsheet; the missing value stays text.
    const tkr = (value: number) => ({ value, numFmt: '#,##0 "tkr"' });
    expect(t.numbers).toEqual([
      [null, tkr(17567), tkr(13572), null, tkr(15000)],
      [null, null, tkr(13572), null, tkr(16000)],
      [null, tkr(52701), tkr(40716), null, null],
    ]);
  });
  it('gives one column per part of a split, keeping hidden values hidden', () => {
    const t = detailTable({
      title: 'Hushåll',
      split: 'gender',
      lines: [line('K', 'Kvinnor', [['2022-01', null, 'färre än 5 hushåll']]), line('M', 'Män', [['2022-01', 212, '212']])],
      lastYear: null,
      forecast: null,
      notes: ['Dolt för att skydda enskilda'],
      labels,
      formatTarget: String,
      locale: 'en',
      measure: { unit: 'count', decimals: 0 },
    });
    expect(t.headers).toEqual(['Period', 'Kvinnor', 'Män']);
    // The file is in the reader's language: the hidden value is worded from its reason.
    expect(t.rows).toEqual([['Jan 2022', 'fewer than 5 households', '212']]);
    expect(t.numbers).toEqual([[null, null, { value: 212, numFmt: '#,##0' }]]);
  });
});

describe('exports', () => {
  it('escapes cells a spreadsheet would run as formulas', () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(escapeFormula('+1')).toBe("'+1");
    expect(escapeFormula('-86 (-16,7 %)')).toBe("'-86 (-16,7 %)");
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('3 634 874 kr')).toBe('3 634 874 kr');
  });
  it('writes semicolon CSV with a byte-order mark, the header row first, quoting what needs it', () => {
    const csv = toCsv({
      title: 'Sjukfrånvaro; T1',
      headers: ['Period', 'Värde'],
      rows: [
        ['T1 2022', '8,3 %'],
        ['Kommentar', 'sa "hej"\nrad 2'],
      ],
      notes: ['=1+1'],
    });
    expect(csv.startsWith('\uFEFFPeriod;Värde\r\nT1 2022;8,3 %\r\n')).toBe(true);
    expect(csv).toContain('Kommentar;"sa ""hej""\nrad 2"');
    // Data only: no title line above the header, no notes under the rows.
    expect(csv).not.toContain('Sjukfrånvaro');
    expect(csv.endsWith('rad 2"\r\n')).toBe(true);
  });
  it('makes file names without spaces or Swedish letters', () => {
    expect(fileName(['hushall-utbetalt', 'SOC', '2022-T1', 'månad'], 'csv')).toBe('hushall-utbetalt_soc_2022-t1_manad.csv');
  });
});

describe('the detail chart option', () => {
  /** The same chart worded in one language or the other. */
  const worded = (w: { total: string; target: string; band: string; forecast: string; month: string }) =>
    detailChartOption({
      kind: 'line',
      categories: [w.month, 'feb'],
      lines: [{ key: 'T', name: w.total, values: [1, 2] }],
      target: { name: w.target, values: [3, 4] },
      band: { name: w.band, lower: [3, 4], upper: [3.5, 4.5] },
      lastYear: { name: '2021', values: [1, 1] },
      forecast: { name: w.forecast, values: [null, 2] },
      formatValue: (v) => `${v} kr`,
      formatAxis: String,
    });
  const option = worded({ total: 'Totalt', target: 'Mål', band: 'Tolerans', forecast: 'Prognos', month: 'jan' });
  type Series = { type: string; name: string; step?: string; data: unknown[]; tooltip?: { show: boolean } };
  it('draws the lines, the stepped target, the band, last year and the forecast, with a legend item for each', () => {
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['Tolerans', 'Tolerans', 'Totalt', '2021', 'Mål', 'Prognos']);
    expect(series[1]?.data).toEqual([0.5, 0.5]);
    expect(series.find((s) => s.name === 'Mål')?.step).toBe('middle');
    expect(legendItems(option).map((i) => [i.name, i.mark])).toEqual([
      ['Tolerans', 'box'],
      ['Totalt', 'solid'],
      ['2021', 'dotted'],
      ['Mål', 'dashed'],
      ['Prognos', 'dashed'],
    ]);
  });
  it('hides a series from its legend item by emptying it in place, so the others keep their index for the tooltip', () => {
    const series = withHidden(option, new Set(['band'])).series as Series[];
    expect(series.map((s) => s.name)).toEqual(['Tolerans', 'Tolerans', 'Totalt', '2021', 'Mål', 'Prognos']);
    expect(series.slice(0, 2).map((s) => [s.data, s.tooltip?.show])).toEqual([
      [[], false],
      [[], false],
    ]);
    expect(series[2]?.data).toEqual([1, 2]);
    // The option it was given is left as it was.
    expect((option.series as Series[])[0]?.data).toEqual([3, 4]);
    expect(withHidden(option, new Set())).toBe(option);
  });
  it('keeps a hidden series hidden when the language changes: legend keys are series ids, not the words shown', () => {
    const english = worded({ total: 'Total', target: 'Target', band: 'Tolerance', forecast: 'Forecast', month: 'Jan' });
    const keys = legendItems(option).map((i) => i.key);
    expect(keys).toEqual(['band', 'line:T', 'last-year', 'target', 'forecast']);
    expect(legendItems(english).map((i) => i.key)).toEqual(keys);
    // Hidden in Swedish (the set holds keys), then shown in English: the same series stay empty.
    const hidden = new Set(
      legendItems(option)
        .filter((i) => i.name === 'Mål' || i.name === 'Tolerans')
        .map((i) => i.key),
    );
    const shown = (withHidden(english, hidden).series as Series[]).map((s) => [s.name, s.data.length > 0]);
    expect(shown).toEqual([
      ['Tolerance', false],
      ['Tolerance', false],
      ['Total', true],
      ['2021', true],
      ['Target', false],
      ['Forecast', true],
    ]);
  });
  it('draws bars at tertial and year grain', () => {
    const option = detailChartOption({
      kind: 'bar',
      categories: ['T1'],
      lines: [
        { key: 'K', name: 'Kvinnor', values: [1] },
        { key: 'M', name: 'Män', values: [2] },
      ],
      target: null,
      band: null,
      lastYear: null,
      forecast: null,
      formatValue: String,
      formatAxis: String,
    });
    expect((option.series as { type: string }[]).map((s) => s.type)).toEqual(['bar', 'bar']);
    expect(legendItems(option).map((i) => i.mark)).toEqual(['box', 'box']);
  });
});

describe('the drill-down table', () => {
  const row = (name: string, value: number | null, status: 'red' | 'yellow' | 'green' | 'none') => ({ name, value, status });
  const rows = [row('Öst', 5, 'green'), row('Avd A', null, 'none'), row('Vuxen', 12, 'red'), row('Barn', 7, 'yellow')];
  it('sorts by name in Swedish order, by value with empty ones last, and by status worst first', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['Avd A', 'Barn', 'Vuxen', 'Öst']);
    expect(sortRows(rows, { key: 'value', dir: 'desc' }).map((r) => r.name)).toEqual(['Vuxen', 'Barn', 'Öst', 'Avd A']);
    expect(sortRows(rows, { key: 'value', dir: 'asc' }).map((r) => r.name)).toEqual(['Öst', 'Barn', 'Vuxen', 'Avd A']);
    expect(sortRows(rows, { key: 'status', dir: 'asc' }).map((r) => r.name)).toEqual(['Vuxen', 'Barn', 'Öst', 'Avd A']);
  });
  it('reads the sort from the URL and writes it back', () => {
    expect(parseSort('value-desc')).toEqual({ key: 'value', dir: 'desc' });
    expect(parseSort('colour-up')).toEqual(DEFAULT_SORT);
    expect(sortParam({ key: 'status', dir: 'asc' })).toBe('status-asc');
  });
  it('gives the rows as shown, with reorganisations and the total last', () => {
    const r = {
      kpi: 'k',
      unit: 'B',
      period: '2021',
      periodLabel: '2021',
      gender: 'T' as const,
      value: null,
      display: 'färre än 5 hushåll',
      hidden: { mark: 'primary', noun: 'households', threshold: 5 },
      target: null,
      targetDisplay: null,
      status: 'none' as const,
      monthsWithData: 12,
      monthsInPeriod: 12,
      origin: null,
      genderAvailable: true,
      suppressed: true,
      name: 'Enhet B',
      hasChildren: false,
      changes: [{ kind: 'moved', from: 'A1', to: 'A2', month: '2021-06' }],
      change: { lastYear: { value: 6, display: '6', hidden: null } },
    } as DrilldownRow;
    const t = drilldownTable(
      'Hushåll',
      [r],
      {
        display: '8',
        targetDisplay: '19',
        status: 'green',
        value: 8,
        target: 19,
        change: { lastYear: { value: null, display: 'färre än 5 hushåll', hidden: { mark: 'primary', noun: 'households', threshold: 5 } } } as DrilldownRow['change'],
      },
      {
        unit: 'Enhet',
        value: 'Värde',
        target: 'Mål',
        status: 'Status',
        changes: 'Omorganisation',
        total: 'Hela SOC',
        lastYear: 'Föregående år',
        genderUnavailable: 'ej könsuppdelad',
        change: (c) => (c.kind === 'moved' ? `Flyttad från ${c.from} till ${c.to} ${c.month}` : c.kind),
      },
      'sv',
      [],
      { unit: 'count', decimals: 0 },
    );
    expect(t.rows).toEqual([
      ['Enhet B', 'färre än 5 hushåll', '–', '○ ej bedömd', 'Flyttad från A1 till A2 2021-06', '6'],
      ['Hela SOC', '8', '19', '● uppfyllt', '', 'färre än 5 hushåll'],
    ]);
    expect(t.headers.at(-1)).toBe('Föregående år');
    // A hidden value stays text in the spreadsheet, last year's too; shown figures are numbers.
    expect(t.numbers).toEqual([
      [null, null, null, null, null, { value: 6, numFmt: '#,##0' }],
      [null, { value: 8, numFmt: '#,##0' }, { value: 19, numFmt: '#,##0' }, null, null, null],
    ]);
  });
});
