import type { KpiRecord } from '@lagesbild/db';
import {
  forecastStatus,
  forecastYearEnd,
  formatValue,
  makeMonth,
  monthIndex,
  monthlyTotals,
  ratioMonthlyTotals,
  yearOf,
  yearToDate,
  type ForecastMethod,
  type Gender,
  type Month,
  type Period,
  type Status,
} from '@lagesbild/domain';
import type { EngineContext } from './engine-context.js';
import { cellsWithin, ofGender, targetFor, valueOf, type ComputedValue, type ValueInputs } from './kpi-values.js';

/** How many earlier years the forecast learns the season from (the domain's default). */
const BASIS_YEARS = 3;

export interface ForecastView {
  year: number;
  asOf: Month;
  value: number | null;
  display: string;
  method: ForecastMethod;
  /** How the forecast was made, in Swedish ("säsongsmönster från 2019–2021: …"). */
  explanation: string;
  explanationEn: string;
  annualTarget: number | null;
  annualTargetDisplay: string | null;
}

export interface ComputedForecast {
  forecast: ForecastView;
  status: Status;
  /** The year to date the forecast scales up: published with the other values, so it is suppressed with them. */
  ytd: ComputedValue;
}

/** The month a period's forecast is made in: its last month, or the latest month with data if that is earlier. */
export function forecastAsOf(p: Period, latest: Month | null): Month {
  return latest && monthIndex(latest) < monthIndex(p.end) && yearOf(latest) === yearOf(p.end) ? latest : p.end;
}

/** The first month a forecast made in `asOf` looks at. */
export function forecastStart(asOf: Month): Month {
  return makeMonth(yearOf(asOf) - BASIS_YEARS, 1);
}

/** Which forecast: a KPI for a unit, made in `asOf`, for a gender (and an age band). */
export interface ForecastAsk {
  k: KpiRecord;
  unit: string;
  asOf: Month;
  gender: Gender;
  /** The first month the forecast may learn from (a scoped caller's unit joined her units then); null: no limit. */
  basisFrom: Month | null;
  ageBand?: string | undefined;
}

/**
 * The year-end forecast of a KPI for a unit (rolled up through the tree as it
 * was in each month) and its status against the annual target, from inputs
 * loaded from forecastStart(asOf). The domain's forecastYearEnd does the work.
 */
export function forecastOf(ctx: EngineContext, inputs: ValueInputs, ask: ForecastAsk): ComputedForecast {
  const { k, unit, asOf, gender, basisFrom, ageBand } = ask;
  const cellsOf = (id: string) => ofGender(inputs, cellsWithin(ctx, inputs, id, unit, basisFrom, asOf), gender);
  const genderAvailable = gender === 'T' || k.genderSplit;
  const series = !genderAvailable
    ? []
    : k.ratioOf
      ? ratioMonthlyTotals(cellsOf(k.ratioOf.numerator), cellsOf(k.ratioOf.denominator), { gender, ageBand }, k)
      : monthlyTotals(cellsOf(k.id), { gender, ageBand }, k);
  const f = forecastYearEnd({ asOf, timeAggregation: k.timeAggregation, scale: k.scale, ratio: k.ratioOf ? true : undefined, series, maxBasisYears: BASIS_YEARS });
  const year = yearOf(asOf);
  const target = gender === 'T' ? targetFor(ctx, inputs, k, unit, asOf, year) : null;
  return {
    forecast: {
      year,
      asOf,
      value: f.value,
      display: formatValue(f.value, k.unit, k.decimals),
      method: f.method,
      explanation: f.explanation,
      explanationEn: f.explanationEn,
      annualTarget: target?.annual ?? null,
      annualTargetDisplay: target ? formatValue(target.annual, k.unit, k.decimals) : null,
    },
    status: forecastStatus(f, target, k.direction),
    ytd: valueOf(ctx, inputs, k, unit, yearToDate(asOf), gender),
  };
}

/** The forecast as it may be shown: hidden with its year to date, since a forecast reveals the figures it scales. */
export function publishedForecast(c: ComputedForecast, ytdSuppressed: boolean): { forecast: ForecastView; forecastStatus: Status } {
  if (!ytdSuppressed) return { forecast: c.forecast, forecastStatus: c.status };
  return {
    forecast: {
      ...c.forecast,
      value: null,
      display: 'dold',
      method: 'none',
      explanation: 'prognosen visas inte: den bygger på för få personer',
      explanationEn: 'the forecast is not shown: it rests on too few people',
    },
    forecastStatus: 'none',
  };
}

/** No forecast, because its basis lies partly outside the caller's units: left out, not computed. */
export function outsideForecast(asOf: Month): { forecast: ForecastView; forecastStatus: Status } {
  return {
    forecast: {
      year: yearOf(asOf),
      asOf,
      value: null,
      display: '–',
      method: 'none',
      explanation: 'ingen prognos: enheten hörde inte till dina enheter hela året',
      explanationEn: 'no forecast: the unit was not among your units the whole year',
      annualTarget: null,
      annualTargetDisplay: null,
    },
    forecastStatus: 'none',
  };
}
