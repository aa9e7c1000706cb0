import { selectGender, type CellFilter, type ObservationCell } from './aggregate.js';
import { cellsOfBand } from './age-band.js';
import type { Direction, KpiDefinition, TimeAggregation } from './kpi.js';
import { makeMonth, monthNumber, yearOf, type Month } from './month.js';
import { assessStatus, type AnnualTarget, type Status } from './status.js';

/**
 * The year-end forecast (prognos): what a KPI will come out at for the whole
 * year, from the year-to-date months and the seasonal shape of earlier years.
 * Pure: the caller passes the monthly totals and the month the forecast is
 * made in (`asOf`); months of the forecast year after `asOf` are ignored.
 *
 * Methods, best first:
 * - `actual`: the year is complete (all twelve months; for a stock, December),
 *   so the "forecast" is the outcome, computed as aggregateCells does.
 * - `seasonal`: earlier complete years (the latest `maxBasisYears`, weighted
 *   equally) say how large a share of the year the same months usually are.
 *   Flow (sum): year = ytd / average share. Mean: the same year total / 12, i.e.
 *   ytd mean × n / (12 × average share) = ytd mean × (full-year mean / same-months
 *   mean), so the sum and mean views of one KPI never disagree. Stock (last):
 *   latest value × average ratio December / that month in earlier years.
 * - `run-rate` (flows and means): ytd / n × 12, i.e. the ytd mean holds all year.
 * - `last-value` (stocks): the latest value holds at year end.
 * - `none`: no figure yet this year (or a ratio whose denominator is zero).
 *
 * The seasonal method falls back when there is no earlier complete year, when
 * the earlier years have no positive figures for the same months, or when the
 * pattern is too uneven to scale up safely (the months so far usually carry
 * under a fifth of an even share of the year; a stock's December/month ratio
 * outside 0.2–5).
 *
 * A ratio KPI (a denominator is present) forecasts numerator and denominator
 * separately, each as above, and divides: never a ratio of averages.
 */
export type ForecastMethod = 'seasonal' | 'run-rate' | 'last-value' | 'actual' | 'none';

/** One month's total, already summed over units, genders and age bands. */
export interface MonthlyTotal {
  month: Month;
  numerator: number;
  /** Present on ratio KPIs (and KPIs stored with a denominator); null or absent otherwise. */
  denominator?: number | null;
}

export interface ForecastInput {
  /** The last month known when the forecast is made; its year is the year forecast. */
  asOf: Month;
  timeAggregation: TimeAggregation;
  /** KpiDefinition.scale, applied to the value as aggregateCells does. Default 1. */
  scale?: number;
  /**
   * Forecast numerator and denominator separately and divide. Default: true
   * when any month of the year to date has a denominator. In ratio mode a
   * month counts only where both sides have a figure (as aggregateRatio).
   */
  ratio?: boolean;
  /** Monthly totals of the forecast year (up to asOf) and of earlier years; any order. */
  series: readonly MonthlyTotal[];
  /** How many of the latest earlier complete years to learn the seasonal shape from. Default 3. */
  maxBasisYears?: number;
}

export interface Forecast {
  year: number;
  asOf: Month;
  /** The forecast year-end value in the KPI's terms (scale applied); null only when method is 'none'. */
  value: number | null;
  method: ForecastMethod;
  /** Short Swedish account of how the value was made, for "Prognos 2 450 (…)". */
  explanation: string;
  explanationEn: string;
  /** Earlier years whose seasonal shape was used (ascending); empty for other methods. */
  basisYears: number[];
  /** Months of the forecast year, up to asOf, that had data and were used. */
  monthsUsed: Month[];
  /** The year-to-date value (same aggregation and scale), null without data. */
  ytdValue: number | null;
}

/** Months so far must usually carry at least this fraction of an even share (n/12) of the year. */
const MIN_SHARE_OF_EVEN = 0.2;
/** A stock's usual December / latest-month ratio must lie within these bounds. */
const STOCK_RATIO_MIN = 0.2;
const STOCK_RATIO_MAX = 5;
const DEFAULT_BASIS_YEARS = 3;
/** The seasonal method must at least halve the simple method's leave-one-out error on earlier years. */
const SEASONAL_MARGIN = 0.5;

type Side = 'num' | 'den';
/** Twelve slots (January first), null where the month has no figure. */
type YearFigures = Record<Side, (number | null)[]>;

const MONTHS = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const MONTHS_LONG = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function forecastYearEnd(input: ForecastInput): Forecast {
  const { asOf, timeAggregation: agg } = input;
  const scale = input.scale ?? 1;
  const year = yearOf(asOf);
  const asOfIdx = monthNumber(asOf) - 1;
  const maxBasis = Math.max(1, Math.floor(input.maxBasisYears ?? DEFAULT_BASIS_YEARS));
  const ratio = input.ratio ?? input.series.some((t) => yearOf(t.month) === year && monthNumber(t.month) - 1 <= asOfIdx && t.denominator != null);
  const sides: Side[] = ratio ? ['num', 'den'] : ['num'];
  const years = byYear(input.series, ratio);

  const current = years.get(year);
  const used = current ? range12().filter((i) => i <= asOfIdx && has(current, i, ratio)) : [];
  const monthsUsed = used.map((i) => makeMonth(year, i + 1));
  const base = { year, asOf, monthsUsed };

  if (!current || used.length === 0) {
    return {
      ...base,
      value: null,
      ytdValue: null,
      method: 'none',
      basisYears: [],
      ...say(`ingen prognos: inga värden för ${year} ännu`, `no forecast: no figures for ${year} yet`),
    };
  }

  const stock = agg === 'last';
  const lastIdx = used[used.length - 1] as number;
  /** Year-to-date figure per side: Σ over the months used, or the latest value for a stock. */
  const ytd = (s: Side) => (stock ? (current[s][lastIdx] ?? 0) : sumAt(current[s], used));
  const ytdValue = combine(agg, ratio, scale, ytd('num'), ytd('den'), used.length);
  const complete = stock ? lastIdx === 11 : used.length === 12;

  const finish = (method: ForecastMethod, basisYears: number[], f: (s: Side) => number, sv: string, en: string): Forecast => {
    // f gives the full-year figure per side: Σ over twelve months, or the December stock.
    const value = combine(agg, ratio, scale, f('num'), f('den'), 12);
    if (value === null) return { ...base, value: null, ytdValue, method: 'none', basisYears: [], ...say(NO_DENOMINATOR.sv, NO_DENOMINATOR.en) };
    return { ...base, value, ytdValue, method, basisYears, ...say(sv, en) };
  };

  if (complete) {
    const v = ytdValue;
    return v === null
      ? { ...base, value: null, ytdValue, method: 'none', basisYears: [], ...say(NO_DENOMINATOR.sv, NO_DENOMINATOR.en) }
      : { ...base, value: v, ytdValue, method: 'actual', basisYears: [], ...say(`utfall för hela ${year}`, `actual for the whole of ${year}`) };
  }

  // Whether seasonal predictors beat the naive one over these basis years (see earnsItsPlace).
  const proves = (usable: [number, YearFigures][], p: Predictors) =>
    earnsItsPlace(
      usable.map(([, f]) => f),
      agg,
      ratio,
      scale,
      sides,
      p,
    );

  // Earlier complete years, latest first, at most maxBasis of them.
  const complete12 = [...years.entries()]
    .filter(([y, f]) => y < year && range12().every((i) => has(f, i, ratio)))
    .sort((a, b) => b[0] - a[0])
    .slice(0, maxBasis);

  let reason: { sv: string; en: string };
  if (complete12.length === 0) {
    reason = { sv: 'inget tidigare helår att hämta säsongsmönster från', en: 'no earlier complete year to take a seasonal pattern from' };
  } else if (stock) {
    // Per basis year and side: December / the latest month used.
    const usable = complete12.filter(([, f]) => sides.every((s) => (f[s][lastIdx] ?? 0) > 0 && (f[s][11] ?? 0) >= 0));
    const factor = (s: Side) => mean(usable.map(([, f]) => (f[s][11] ?? 0) / (f[s][lastIdx] ?? 1)));
    if (usable.length === 0) {
      reason = { sv: 'tidigare år saknar användbara värden för samma månad', en: 'earlier years have no usable figures for the same month' };
    } else if (sides.some((s) => !(factor(s) >= STOCK_RATIO_MIN && factor(s) <= STOCK_RATIO_MAX))) {
      reason = unevenReason;
    } else if (
      !proves(usable, {
        full: (f, s) => f[s][11] ?? 0,
        seasonal: (f, s, others) => (f[s][lastIdx] ?? 0) * mean(others.map((o) => (o[s][11] ?? 0) / (o[s][lastIdx] ?? 1))),
        naive: (f, s) => f[s][lastIdx] ?? 0,
      })
    ) {
      reason = unprovenReason;
    } else {
      const basisYears = usable.map(([y]) => y).sort((a, b) => a - b);
      const yl = yearsLabel(basisYears);
      const mSv = MONTHS_LONG.sv[lastIdx] as string;
      const mEn = MONTHS_LONG.en[lastIdx] as string;
      const [sv, en] = ratio
        ? [
            `täljare och nämnare var för sig, säsongsmönster från ${yl}: december brukar ligga på ${pct(factor('num'), 'sv')} resp. ${pct(factor('den'), 'sv')} av ${mSv}`,
            `numerator and denominator separately, seasonal pattern from ${yl}: December is usually ${pct(factor('num'), 'en')} and ${pct(factor('den'), 'en')} of ${mEn}`,
          ]
        : [
            `säsongsmönster från ${yl}: december brukar vara ${change(factor('num'), 'sv')} ${mSv}`,
            `seasonal pattern from ${yl}: December is usually ${change(factor('num'), 'en')} ${mEn}`,
          ];
      return finish('seasonal', basisYears, (s) => ytd(s) * factor(s), sv, en);
    }
  } else {
    // Per basis year and side: the share of the year the months used make up.
    const usable = complete12.filter(([, f]) => sides.every((s) => sumAt(f[s], used) > 0 && sumAt(f[s], range12()) > 0));
    const share = (s: Side) => mean(usable.map(([, f]) => sumAt(f[s], used) / sumAt(f[s], range12())));
    if (usable.length === 0) {
      reason = { sv: 'tidigare år saknar användbara värden för samma månader', en: 'earlier years have no usable figures for the same months' };
    } else if (sides.some((s) => !(share(s) >= (MIN_SHARE_OF_EVEN * used.length) / 12))) {
      reason = unevenReason;
    } else if (
      !proves(usable, {
        full: (f, s) => sumAt(f[s], range12()),
        seasonal: (f, s, others) => sumAt(f[s], used) / mean(others.map((o) => sumAt(o[s], used) / sumAt(o[s], range12()))),
        naive: (f, s) => (sumAt(f[s], used) / used.length) * 12,
      })
    ) {
      reason = unprovenReason;
    } else {
      const basisYears = usable.map(([y]) => y).sort((a, b) => a - b);
      const yl = yearsLabel(basisYears);
      const ms = { sv: monthsLabel(used, 'sv'), en: monthsLabel(used, 'en') };
      let sv: string;
      let en: string;
      if (ratio) {
        sv = `täljare och nämnare var för sig, säsongsmönster från ${yl}: ${ms.sv} brukar vara ${pct(share('num'), 'sv')} resp. ${pct(share('den'), 'sv')} av året`;
        en = `numerator and denominator separately, seasonal pattern from ${yl}: ${ms.en} is usually ${pct(share('num'), 'en')} and ${pct(share('den'), 'en')} of the year`;
      } else if (agg === 'mean') {
        // Full-year mean / same-months mean = n / (12 × share).
        const r = used.length / (12 * share('num'));
        sv = `säsongsmönster från ${yl}: helårssnittet brukar vara ${change(r, 'sv')} snittet ${ms.sv}`;
        en = `seasonal pattern from ${yl}: the full-year mean is usually ${change(r, 'en')} the ${ms.en} mean`;
      } else {
        sv = `säsongsmönster från ${yl}: ${ms.sv} brukar vara ${pct(share('num'), 'sv')} av året`;
        en = `seasonal pattern from ${yl}: ${ms.en} is usually ${pct(share('num'), 'en')} of the year`;
      }
      return finish('seasonal', basisYears, (s) => ytd(s) / share(s), sv, en);
    }
  }

  // Fallbacks.
  const why = (sv: string, en: string) => [`${sv}; ${reason.sv}`, `${en}; ${reason.en}`] as const;
  if (stock) {
    const mSv = `${MONTHS.sv[lastIdx]} ${year}`;
    const mEn = `${MONTHS.en[lastIdx]} ${year}`;
    const [sv, en] = ratio
      ? why(`senaste kvoten (${mSv}) antas gälla vid årets slut`, `the latest ratio (${mEn}) is assumed to hold at year end`)
      : why(`senaste värdet (${mSv}) antas gälla vid årets slut`, `the latest value (${mEn}) is assumed to hold at year end`);
    return finish('last-value', [], ytd, sv, en);
  }
  const ms = { sv: monthsLabel(used, 'sv'), en: monthsLabel(used, 'en') };
  const [sv, en] = ratio
    ? why(`kvoten för ${ms.sv} antas gälla hela året`, `the ${ms.en} ratio is assumed to hold for the whole year`)
    : agg === 'mean'
      ? why(`snittet ${ms.sv} antas gälla hela året`, `the ${ms.en} mean is assumed to hold for the whole year`)
      : why(`${ms.sv} uppräknat till helår (${used.length} av 12 månader)`, `${ms.en} scaled up to a full year (${used.length} of 12 months)`);
  return finish('run-rate', [], (s) => (ytd(s) / used.length) * 12, sv, en);
}

/**
 * The prognos status: the year-end forecast judged against the ANNUAL target
 * (not the year-to-date budget), with the one status rule (assessStatus). A
 * percentage tolerance scales with the annual value; an absolute one is the
 * annual tolerance as set. 'none' without a forecast value, without a target,
 * for a target of another year, or without a direction.
 */
export function forecastStatus(forecast: Forecast, annualTarget: AnnualTarget | null, direction: Direction): Status {
  if (annualTarget === null || annualTarget.year !== forecast.year) return 'none';
  return assessStatus(forecast.value, { value: annualTarget.annual, tolerance: annualTarget.tolerance, toleranceKind: annualTarget.toleranceKind }, direction);
}

/** Monthly totals of a KPI's cells for one gender (T = K + M where split) and optional age band. */
export function monthlyTotals(cells: readonly ObservationCell[], f: CellFilter, kpi: Pick<KpiDefinition, 'ageBandKind'> = {}): MonthlyTotal[] {
  const banded = cellsOfBand(kpi, cells, f.ageBand);
  const byMonth = new Map<Month, MonthlyTotal>();
  for (const c of selectGender(banded, f.gender)) {
    const t = byMonth.get(c.month) ?? { month: c.month, numerator: 0, denominator: null };
    t.numerator += c.numerator;
    if (c.denominator !== null) t.denominator = (t.denominator ?? 0) + c.denominator;
    byMonth.set(c.month, t);
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** Monthly totals of a ratio KPI: Σ numerator-KPI cells over Σ denominator-KPI cells, months where both have data. */
export function ratioMonthlyTotals(
  numeratorCells: readonly ObservationCell[],
  denominatorCells: readonly ObservationCell[],
  f: CellFilter,
  kpi: Pick<KpiDefinition, 'ageBandKind'> = {},
): MonthlyTotal[] {
  const den = new Map(monthlyTotals(denominatorCells, f, kpi).map((t) => [t.month, t.numerator]));
  return monthlyTotals(numeratorCells, f, kpi).flatMap((t) => {
    const d = den.get(t.month);
    return d === undefined ? [] : [{ month: t.month, numerator: t.numerator, denominator: d }];
  });
}

// ---------------------------------------------------------------------------

const NO_DENOMINATOR = { sv: 'ingen prognos: nämnaren är noll', en: 'no forecast: the denominator is zero' };
const unprovenReason = {
  sv: 'säsongsmönstret har inte gett bättre prognoser än enkel uppräkning för tidigare år',
  en: 'the seasonal pattern has not forecast earlier years better than simple scaling',
};
const unevenReason = { sv: 'säsongsmönstret från tidigare år är för ojämnt', en: 'the seasonal pattern of earlier years is too uneven' };

const range12 = () => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function byYear(series: readonly MonthlyTotal[], ratio: boolean): Map<number, YearFigures> {
  const out = new Map<number, YearFigures>();
  for (const t of series) {
    if (!Number.isFinite(t.numerator)) continue;
    const d = t.denominator ?? null;
    if (ratio && (d === null || !Number.isFinite(d))) continue;
    const y = yearOf(t.month);
    const i = monthNumber(t.month) - 1;
    const f = out.get(y) ?? { num: Array<number | null>(12).fill(null), den: Array<number | null>(12).fill(null) };
    f.num[i] = (f.num[i] ?? 0) + t.numerator;
    if (ratio && d !== null) f.den[i] = (f.den[i] ?? 0) + d;
    out.set(y, f);
  }
  return out;
}

interface Predictors {
  /** The year's actual full-year figure for one side. */
  full: (f: YearFigures, s: Side) => number;
  /** The seasonal forecast of that figure, with the pattern learnt from the other years only. */
  seasonal: (f: YearFigures, s: Side, others: YearFigures[]) => number;
  /** The simple forecast (run-rate or last value). */
  naive: (f: YearFigures, s: Side) => number;
}

/**
 * The guard that keeps the seasonal method honest: it is used only when, for
 * the earlier years themselves, it would have beaten the simple method (each
 * year forecast from the pattern of the others: leave-one-out). A season that
 * the years do not agree on is noise, and scaling by it adds error. Needs at
 * least two earlier years, so short history falls back to the simple method.
 */
function earnsItsPlace(basis: YearFigures[], agg: TimeAggregation, ratio: boolean, scale: number, sides: Side[], p: Predictors): boolean {
  if (basis.length < 2) return false;
  let seasonalError = 0;
  let naiveError = 0;
  for (const [i, f] of basis.entries()) {
    const others = basis.filter((_, j) => j !== i);
    const value = (g: (s: Side) => number) => combine(agg, ratio, scale, g('num'), sides.includes('den') ? g('den') : 0, 12);
    const actual = value((s) => p.full(f, s));
    const seasonal = value((s) => p.seasonal(f, s, others));
    const naive = value((s) => p.naive(f, s));
    if (actual === null || seasonal === null || naive === null || actual === 0) return false;
    seasonalError += Math.abs(seasonal - actual) / Math.abs(actual);
    naiveError += Math.abs(naive - actual) / Math.abs(actual);
  }
  // A clear margin: on the demo data a bare win still lost out of sample (bench/forecast-backtest.ts).
  return seasonalError < SEASONAL_MARGIN * naiveError;
}

function has(f: YearFigures, i: number, ratio: boolean): boolean {
  return f.num[i] != null && (!ratio || f.den[i] != null);
}

function sumAt(xs: (number | null)[], idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += xs[i] ?? 0;
  return s;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The KPI value from (numerator, denominator) figures, as aggregateCells computes it. */
function combine(agg: TimeAggregation, ratio: boolean, scale: number, num: number, den: number, months: number): number | null {
  const v = ratio ? (den === 0 ? null : (num / den) * scale) : agg === 'mean' ? (num / months) * scale : num * scale;
  return v !== null && Number.isFinite(v) ? v : null;
}

function say(explanation: string, explanationEn: string) {
  return { explanation, explanationEn };
}

/** "jan–apr", "jan", or "jan, mar, apr" when months are missing. */
function monthsLabel(idx: readonly number[], locale: 'sv' | 'en'): string {
  const names = MONTHS[locale];
  const first = idx[0] ?? 0;
  const last = idx[idx.length - 1] ?? 0;
  if (idx.length === 1) return names[first] as string;
  if (last - first + 1 === idx.length) return `${names[first]}–${names[last]}`;
  return idx.map((i) => names[i]).join(', ');
}

/** "2019–2021" for consecutive years, else "2018, 2020". */
function yearsLabel(ys: readonly number[]): string {
  const first = ys[0] ?? 0;
  const last = ys[ys.length - 1] ?? 0;
  if (ys.length === 1) return String(first);
  if (last - first + 1 === ys.length) return `${first}–${last}`;
  return ys.join(', ');
}

function pct(x: number, locale: 'sv' | 'en'): string {
  const p = x * 100;
  const decimals = Math.abs(p) < 10 ? 1 : 0;
  const s = p.toFixed(decimals);
  return locale === 'sv' ? `${s.replace('.', ',')} %` : `${s}%`;
}

/** "8 % högre än", "3 % lower than", "ungefär som". */
function change(r: number, locale: 'sv' | 'en'): string {
  const d = r - 1;
  if (Math.abs(d) < 0.005) return locale === 'sv' ? 'ungefär som' : 'about the same as';
  const amount = pct(Math.abs(d), locale);
  if (locale === 'sv') return `${amount} ${d > 0 ? 'högre än' : 'lägre än'}`;
  return `${amount} ${d > 0 ? 'higher than' : 'lower than'}`;
}
