import { MAX_PERIOD_MONTHS, MAX_PERIOD_YEAR, MIN_PERIOD_YEAR } from './limits.js';
import { addMonths, isMonth, makeMonth, monthIndex, monthNumber, monthRange, yearOf, type Month } from './month.js';

/**
 * The municipality's own periods. Every period is an inclusive month range;
 * `kind` only decides how it is named and what "the same period last year" is.
 */
export type PeriodKind = 'month' | 'tertial' | 'delar' | 'year' | 'ytd' | 'rolling12' | 'range';

export interface Period {
  kind: PeriodKind;
  start: Month;
  end: Month;
}

export class PeriodParseError extends Error {
  constructor(
    readonly input: string,
    message = `Okänd period "${input}". Använd ÅÅÅÅ-MM, ÅÅÅÅ-T1..T3, ÅÅÅÅ-D (delår), ÅÅÅÅ, ÅÅÅÅ-MM:ÅÅÅÅ-MM, ÅÅÅÅ-MM-YTD eller ÅÅÅÅ-MM-R12.`,
  ) {
    super(message);
    this.name = 'PeriodParseError';
  }
}

/**
 * The bounds every period must keep (limits.ts): a period is work — every
 * view computes each of its months — so one request cannot ask for centuries.
 */
function withinBounds(input: string, p: Period): Period {
  if (yearOf(p.start) < MIN_PERIOD_YEAR || yearOf(p.end) > MAX_PERIOD_YEAR) {
    throw new PeriodParseError(input, `Perioden "${input}" ligger utanför åren ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}. Välj en period inom dem.`);
  }
  if (monthCount(p) > MAX_PERIOD_MONTHS) {
    throw new PeriodParseError(
      input,
      `Perioden är för lång: högst ${MAX_PERIOD_MONTHS} månader (${MAX_PERIOD_MONTHS / 12} år), "${input}" har ${monthCount(p)}. Välj en kortare period.`,
    );
  }
  return p;
}

export const monthPeriod = (m: Month): Period => ({ kind: 'month', start: m, end: m });

export function tertial(year: number, t: 1 | 2 | 3): Period {
  const start = makeMonth(year, (t - 1) * 4 + 1);
  return { kind: 'tertial', start, end: addMonths(start, 3) };
}

/** Delår: January–August, the municipal interim report. */
export const delar = (year: number): Period => ({ kind: 'delar', start: makeMonth(year, 1), end: makeMonth(year, 8) });

export const yearPeriod = (year: number): Period => ({ kind: 'year', start: makeMonth(year, 1), end: makeMonth(year, 12) });

/** Year to date: January up to and including `m`. */
export const yearToDate = (m: Month): Period => ({ kind: 'ytd', start: makeMonth(yearOf(m), 1), end: m });

/** The twelve months ending with `m`. */
export const rolling12 = (m: Month): Period => ({ kind: 'rolling12', start: addMonths(m, -11), end: m });

export function monthsOf(p: Period): Month[] {
  return monthRange(p.start, p.end);
}

export function monthCount(p: Period): number {
  return monthIndex(p.end) - monthIndex(p.start) + 1;
}

export function tertialOf(m: Month): 1 | 2 | 3 {
  return (Math.floor((monthNumber(m) - 1) / 4) + 1) as 1 | 2 | 3;
}

/** The same period shifted back twelve months, keeping its kind. */
export function sameLastYear(p: Period): Period {
  return { kind: p.kind, start: addMonths(p.start, -12), end: addMonths(p.end, -12) };
}

export function containsMonth(p: Period, m: Month): boolean {
  const i = monthIndex(m);
  return i >= monthIndex(p.start) && i <= monthIndex(p.end);
}

/**
 * Parses the period forms of the CLI and the URLs:
 * 2022-03, 2022-T1, 2022-D, 2022, 2022-01:2022-06, 2022-04-YTD, 2022-04-R12.
 */
export function parsePeriod(input: string): Period {
  return withinBounds(input, parseUnbounded(input));
}

function parseUnbounded(input: string): Period {
  const s = input.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if (isMonth(s)) return monthPeriod(s);
  if ((m = /^(\d{4})-T([1-3])$/.exec(s))) return tertial(Number(m[1]), Number(m[2]) as 1 | 2 | 3);
  if ((m = /^(\d{4})-D$/.exec(s))) return delar(Number(m[1]));
  if ((m = /^(\d{4})$/.exec(s))) return yearPeriod(Number(m[1]));
  if ((m = /^(\d{4}-\d{2})-YTD$/.exec(s)) && m[1] && isMonth(m[1])) return yearToDate(m[1]);
  if ((m = /^(\d{4}-\d{2})-R12$/.exec(s)) && m[1] && isMonth(m[1])) return rolling12(m[1]);
  if ((m = /^(\d{4}-\d{2}):(\d{4}-\d{2})$/.exec(s)) && m[1] && m[2] && isMonth(m[1]) && isMonth(m[2])) {
    if (monthIndex(m[2]) < monthIndex(m[1])) throw new PeriodParseError(input);
    return { kind: 'range', start: m[1], end: m[2] };
  }
  throw new PeriodParseError(input);
}

/** The canonical string form, the inverse of parsePeriod. */
export function periodKey(p: Period): string {
  const y = yearOf(p.start);
  switch (p.kind) {
    case 'month':
      return p.start;
    case 'tertial':
      return `${y}-T${tertialOf(p.start)}`;
    case 'delar':
      return `${y}-D`;
    case 'year':
      return String(y);
    case 'ytd':
      return `${p.end}-YTD`;
    case 'rolling12':
      return `${p.end}-R12`;
    case 'range':
      return `${p.start}:${p.end}`;
  }
}

const MONTHS_SV = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type Locale = 'sv' | 'en';

export function formatMonth(m: Month, locale: Locale = 'sv'): string {
  const names = locale === 'sv' ? MONTHS_SV : MONTHS_EN;
  return `${names[monthNumber(m) - 1]} ${yearOf(m)}`;
}

/** How the reports write periods: "T1 2022", "Delår 2020", "jan–apr 2022". */
export function formatPeriod(p: Period, locale: Locale = 'sv'): string {
  const y = yearOf(p.start);
  const names = locale === 'sv' ? MONTHS_SV : MONTHS_EN;
  const short = (m: Month) => names[monthNumber(m) - 1] ?? m;
  switch (p.kind) {
    case 'month':
      return formatMonth(p.start, locale);
    case 'tertial':
      return `T${tertialOf(p.start)} ${y}`;
    case 'delar':
      return locale === 'sv' ? `Delår ${y}` : `Interim ${y}`;
    case 'year':
      return String(y);
    case 'ytd':
      return locale === 'sv' ? `jan–${short(p.end)} ${y}` : `Jan–${short(p.end)} ${y}`;
    case 'rolling12':
      return locale === 'sv' ? `12 mån t.o.m. ${formatMonth(p.end, locale)}` : `12 months to ${formatMonth(p.end, locale)}`;
    case 'range':
      return yearOf(p.end) === y ? `${short(p.start)}–${short(p.end)} ${y}` : `${formatMonth(p.start, locale)}–${formatMonth(p.end, locale)}`;
  }
}
