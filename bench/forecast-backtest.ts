/**
 * Backtest of the year-end forecast (prognos) on the demo dataset.
 *
 *   npx tsx bench/forecast-backtest.ts
 *
 * For every KPI with data (ratio KPIs from their numerator and denominator
 * KPIs), every year 2019–2022 and every asOf month January–November: forecast
 * the year from that year's months up to asOf plus all earlier years, and
 * compare with the actual year value (the T cells aggregated with
 * aggregateCells / aggregateRatio). The baseline in the same run is the naive
 * forecast without history: run-rate (ytd / n × 12, or the ytd mean) for flows
 * and means, the last value for stocks. Error: absolute percentage error,
 * averaged (MAPE) over cases where the actual is non-zero and both forecasts exist.
 */
import {
  aggregateCells,
  aggregateRatio,
  forecastYearEnd,
  monthlyTotals,
  ratioMonthlyTotals,
  yearOf,
  type Aggregate,
  type ForecastMethod,
  type MonthlyTotal,
  type ObservationCell,
} from '../packages/domain/src/index.js';
import { buildDemoDataset } from '../packages/db/src/seed/index.js';

const YEARS = [2019, 2020, 2021, 2022];
const AS_OF = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

interface Case {
  kpi: string;
  year: number;
  asOf: number;
  method: ForecastMethod;
  ape: number;
  baseApe: number;
}

const data = buildDemoDataset();
const cellsByKpi = new Map<string, ObservationCell[]>();
for (const o of data.observations) {
  const list = cellsByKpi.get(o.kpiId) ?? [];
  list.push({ month: o.month, unit: o.unitCode, gender: o.gender, ageBand: o.ageBand, numerator: o.numerator, denominator: o.denominator });
  cellsByKpi.set(o.kpiId, list);
}

const inYear = (cells: readonly ObservationCell[], y: number) => cells.filter((c) => yearOf(c.month) === y);
const pad = (m: number) => String(m).padStart(2, '0');

const cases: Case[] = [];
const skipped: string[] = [];
for (const kpi of data.kpis) {
  const ratio = kpi.ratioOf;
  const numCells = cellsByKpi.get(ratio ? ratio.numerator : kpi.id) ?? [];
  const denCells = ratio ? (cellsByKpi.get(ratio.denominator) ?? []) : [];
  if (numCells.length === 0 || (ratio && denCells.length === 0)) {
    skipped.push(kpi.id);
    continue;
  }
  const series: MonthlyTotal[] = ratio ? ratioMonthlyTotals(numCells, denCells, { gender: 'T' }) : monthlyTotals(numCells, { gender: 'T' });
  const actualOf = (y: number): Aggregate =>
    ratio ? aggregateRatio(kpi, inYear(numCells, y), inYear(denCells, y), { gender: 'T' }) : aggregateCells(kpi, inYear(numCells, y), { gender: 'T' });
  const opts = { timeAggregation: kpi.timeAggregation, scale: kpi.scale, ratio: ratio !== null || undefined };

  for (const y of YEARS) {
    const actual = actualOf(y).value;
    if (actual === null || actual === 0) continue;
    for (const m of AS_OF) {
      const asOf = `${y}-${pad(m)}`;
      const known = series.filter((t) => t.month <= asOf);
      const f = forecastYearEnd({ asOf, series: known, ...opts });
      const base = forecastYearEnd({ asOf, series: known.filter((t) => yearOf(t.month) === y), ...opts });
      if (f.value === null || base.value === null) continue;
      cases.push({
        kpi: kpi.id,
        year: y,
        asOf: m,
        method: f.method,
        ape: Math.abs(f.value - actual) / Math.abs(actual),
        baseApe: Math.abs(base.value - actual) / Math.abs(actual),
      });
    }
  }
}

// ---- report -----------------------------------------------------------------

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? (s[(n - 1) / 2] ?? NaN) : ((s[n / 2 - 1] ?? 0) + (s[n / 2] ?? 0)) / 2;
};
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');

function table(title: string, header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

function summary(label: string, cs: Case[]): string[] {
  const better = cs.filter((c) => c.ape < c.baseApe - 1e-12).length;
  const worse = cs.filter((c) => c.ape > c.baseApe + 1e-12).length;
  return [
    label,
    String(cs.length),
    pct(mean(cs.map((c) => c.ape))),
    pct(mean(cs.map((c) => c.baseApe))),
    pct(median(cs.map((c) => c.ape))),
    pct(median(cs.map((c) => c.baseApe))),
    `${better}/${worse}`,
  ];
}
const HEAD = ['', 'cases', 'MAPE prognos', 'MAPE baseline', 'MdAPE prognos', 'MdAPE baseline', 'better/worse'];

console.log(`Forecast backtest on the demo dataset: ${cases.length} cases, ${new Set(cases.map((c) => c.kpi)).size} KPIs, years ${YEARS.join(', ')}, asOf jan–nov.`);
if (skipped.length) console.log(`KPIs without data (skipped): ${skipped.join(', ')}`);
console.log('Baseline: the same forecast without history (run-rate; last value for stocks).');

const methods = [...new Set(cases.map((c) => c.method))].sort();
table('By method chosen', HEAD, [
  ...methods.map((m) =>
    summary(
      m,
      cases.filter((c) => c.method === m),
    ),
  ),
  summary('all', cases),
]);
table(
  'By asOf month',
  [...HEAD, 'seasonal'],
  AS_OF.map((m) => {
    const cs = cases.filter((c) => c.asOf === m);
    return [...summary(pad(m), cs), pct(cs.filter((c) => c.method === 'seasonal').length / cs.length)];
  }),
);
table(
  'By year',
  HEAD,
  YEARS.map((y) =>
    summary(
      String(y),
      cases.filter((c) => c.year === y),
    ),
  ),
);
table(
  'By KPI',
  HEAD,
  [...new Set(cases.map((c) => c.kpi))].map((k) =>
    summary(
      k,
      cases.filter((c) => c.kpi === k),
    ),
  ),
);

const [mp, mb] = [mean(cases.map((c) => c.ape)), mean(cases.map((c) => c.baseApe))];
console.log(`\nVerdict: MAPE ${pct(mp)} against the run-rate baseline's ${pct(mb)}: the forecast is ${mp < mb ? 'better' : 'NOT better'} than the baseline on this data.`);
