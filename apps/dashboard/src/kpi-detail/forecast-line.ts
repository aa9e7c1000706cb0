import { monthIndex, monthNumber, monthsOf, parsePeriod, yearOf, type Month, type TimeAggregation } from '@lagesbild/domain';

export interface ForecastLineInput {
  /** The year-end forecast (a year's value, as the KPI aggregates a year). */
  value: number | null;
  method: string;
  /** The last month the forecast knows. */
  asOf: Month;
  year: number;
}

export interface ForecastKpi {
  timeAggregation: TimeAggregation;
  /** Ratio KPIs (Σ a / Σ b, percentages) cannot be split into months, so their forecast is drawn flat. */
  ratio: boolean;
}

/**
 * The forecast as a line over the chart's periods, aligned with `points`:
 * null where nothing is drawn, the last actual value (so the dashed line
 * starts where the solid one ends), then each remaining period of the year.
 *
 * The server gives one number for the whole year; what the remaining periods
 * must add up to follows from it and the periods already known:
 * - sum: (forecast − Σ known) spread over the remaining months;
 * - mean: (12 × forecast − Σ known monthly values) per remaining month;
 * - last value and ratios: the forecast itself (a level, not an amount).
 * At year grain the forecast is a single point on its year. Nothing is drawn
 * when the forecast is missing, is just the actual year, or a known period is
 * hidden (its value would be needed to split the rest).
 */
export function forecastLine(points: readonly { period: string; value: number | null }[], f: ForecastLineInput | null, kpi: ForecastKpi): (number | null)[] {
  const none = points.map(() => null);
  if (!f || f.value === null || f.method === 'none' || f.method === 'actual') return none;
  const spans = points.map((p) => parsePeriod(p.period));
  if (spans.some((s) => s.kind === 'year')) return spans.map((s) => (yearOf(s.start) === f.year ? f.value : null));
  const asOf = monthIndex(f.asOf);
  const inYear = spans.map((s) => yearOf(s.start) === f.year);
  const known = spans.map((s, i) => inYear[i] === true && monthIndex(s.end) <= asOf);
  const future = spans.map((s, i) => inYear[i] === true && monthIndex(s.start) > asOf);
  // A period that straddles the forecast month is half known: leave the line out rather than guess.
  if (spans.some((s, i) => inYear[i] && !known[i] && !future[i])) return none;
  const remainingMonths = 12 - monthNumber(f.asOf);
  if (remainingMonths <= 0 || !future.some(Boolean)) return none;
  const lastKnown = known.lastIndexOf(true);

  let perMonth: number | null = null;
  if (!kpi.ratio && kpi.timeAggregation !== 'last') {
    let sum = 0;
    for (let i = 0; i < points.length; i++) {
      if (!known[i]) continue;
      const v = points[i]?.value ?? null;
      if (v === null) return none;
      const months = monthsOf(spans[i] ?? parsePeriod(f.asOf)).length;
      sum += kpi.timeAggregation === 'sum' ? v : v * months;
    }
    const total = kpi.timeAggregation === 'sum' ? f.value : f.value * 12;
    perMonth = (total - sum) / remainingMonths;
  }
  return spans.map((s, i) => {
    if (i === lastKnown) return points[i]?.value ?? null;
    if (!future[i]) return null;
    if (perMonth === null) return f.value;
    return kpi.timeAggregation === 'sum' ? perMonth * monthsOf(s).length : perMonth;
  });
}
