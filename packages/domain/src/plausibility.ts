/**
 * What a stored monthly value of a KPI can be, read from the KPI's own
 * definition, so that no import can store a figure the dashboard would show
 * as nonsense (196,5 households, 10²³ households, "810,0 %"). Every stored
 * value is one month, so time aggregation changes no bound: it only says how
 * months combine later. Pure; the current month is passed in.
 */
import type { KpiDefinition, MeasureUnit } from './kpi.js';
import { monthIndex, type Month } from './month.js';
import type { CellUnit } from './number-token.js';

export type PlausibilityKpi = Pick<KpiDefinition, 'unit' | 'privacyClass' | 'ratioOf' | 'scale'>;

/** More individuals than live in Sweden in one unit and month is a typo, never a figure. */
export const MAX_INDIVIDUALS = 10_000_000;
/** Amounts: a thousand billion kronor (or tkr, days, hours) is beyond any municipality. */
export const MAX_AMOUNT = 1e12;

export interface ValueRules {
  /** Whole numbers only: people, cases, respondents. */
  integer: boolean;
  nonNegative: boolean;
  /** Largest plausible numerator of one month. */
  max: number;
  /** A rate (Σnum/Σden) needs its denominator; an amount or count must not have one, since it would change what is shown. */
  denominator: 'required' | 'forbidden' | 'optional';
  /** Whole denominators: the respondents of a survey score. */
  integerDenominator: boolean;
  /** Upper bound of num / den × scale (a share is 0–100 %); null when unbounded. */
  maxShare: number | null;
}

export function valueRules(kpi: PlausibilityKpi): ValueRules {
  const base: ValueRules = { integer: false, nonNegative: true, max: MAX_AMOUNT, denominator: 'forbidden', integerDenominator: false, maxShare: null };
  switch (kpi.unit) {
    case 'count':
      return { ...base, integer: true, max: MAX_INDIVIDUALS };
    case 'percent':
      return { ...base, denominator: 'required', maxShare: 100, integerDenominator: kpi.privacyClass === 'small-count' || kpi.privacyClass === 'hme' };
    case 'score':
      return { ...base, denominator: 'required', integerDenominator: true };
    case 'index':
      return { ...base, nonNegative: false, denominator: 'optional' };
    case 'tkr':
      // Deviations from budget and credits are negative in tkr reports.
      return { ...base, nonNegative: false };
    case 'fte':
      return { ...base, max: MAX_INDIVIDUALS };
    case 'kr':
    case 'days':
      return base;
  }
}

export type ValueProblem =
  | { kind: 'negative' }
  | { kind: 'not-integer' }
  | { kind: 'too-large'; max: number }
  | { kind: 'denominator-missing' }
  | { kind: 'denominator-forbidden' }
  | { kind: 'denominator-not-positive' }
  | { kind: 'denominator-not-integer' }
  | { kind: 'share-too-large'; share: number; maxShare: number };

/** The first thing wrong with one month's value, or null when it is plausible. */
export function checkValue(rules: ValueRules, scale: number, numerator: number, denominator: number | null): ValueProblem | null {
  if (rules.nonNegative && numerator < 0) return { kind: 'negative' };
  if (rules.integer && !Number.isInteger(numerator)) return { kind: 'not-integer' };
  if (!(Math.abs(numerator) <= rules.max)) return { kind: 'too-large', max: rules.max };
  if (denominator === null) return rules.denominator === 'required' ? { kind: 'denominator-missing' } : null;
  if (rules.denominator === 'forbidden') return { kind: 'denominator-forbidden' };
  if (!(denominator > 0)) return { kind: 'denominator-not-positive' };
  if (rules.integerDenominator && !Number.isInteger(denominator)) return { kind: 'denominator-not-integer' };
  if (!(denominator <= MAX_AMOUNT)) return { kind: 'too-large', max: MAX_AMOUNT };
  const share = (numerator / denominator) * scale;
  if (rules.maxShare !== null && share > rules.maxShare) return { kind: 'share-too-large', share, maxShare: rules.maxShare };
  return null;
}

/**
 * How a unit written in a cell becomes the KPI's unit: 1 when they are the
 * same, the factor of an unambiguous conversion of amounts to a smaller unit
 * (4 915 tkr in a KPI kept in kr is 4 915 000), or null when the cell's unit
 * is not the KPI's ("8 %" for households) and nothing may be guessed.
 */
export function cellUnitFactor(cell: CellUnit, kpiUnit: MeasureUnit): number | null {
  if (cell === kpiUnit) return 1;
  if (kpiUnit === 'kr' && cell === 'tkr') return 1000;
  if (kpiUnit === 'kr' && cell === 'mnkr') return 1_000_000;
  if (kpiUnit === 'tkr' && cell === 'mnkr') return 1000;
  return null;
}

/** True when `month` is after the current month: figures are reported afterwards, never ahead. */
export function isFutureMonth(month: Month, current: Month): boolean {
  return monthIndex(month) > monthIndex(current);
}

/** The calendar month of an instant in a time zone (default Sweden's), as YYYY-MM. */
export function monthOfDate(at: Date, timeZone = 'Europe/Stockholm'): Month {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  const year = parts.find((p) => p.type === 'year')?.value ?? '0000';
  const month = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
}

/** A value this factor or more from the median of its unit's last months is probably a typo (kr for tkr, a digit too many). */
export const JUMP_FACTOR = 10;
/** Below this absolute difference a jump is noise of small numbers (2 → 0 households), not a typo. */
export const JUMP_MIN_DIFFERENCE = 10;
/** How many earlier months the median is taken over. */
export const JUMP_HISTORY_MONTHS = 12;
/** Fewer stored months than this are no history to judge a value by. */
export const JUMP_MIN_HISTORY = 3;

/** The median of a non-empty list; null for an empty one. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? 0) + hi) / 2;
}

/** True when `value` is JUMP_FACTOR times or more bigger or smaller than the median of the unit's own history. */
export function isJump(value: number, historyMedian: number | null): boolean {
  if (historyMedian === null || historyMedian === 0) return false;
  if (Math.abs(value - historyMedian) < JUMP_MIN_DIFFERENCE) return false;
  const ratio = Math.abs(value / historyMedian);
  return ratio >= JUMP_FACTOR || ratio <= 1 / JUMP_FACTOR;
}
