import { makeMonth, monthNumber, yearOf, type Month } from './month.js';
import { formatPeriod, periodKey, tertialOf, type Locale, type Period } from './period.js';

/**
 * One report period holds figures measured over different windows
 * (INVENTORY "Each figure has its own measurement window"). A KPI belongs to
 * one family; the family says which months a report period means for it.
 *
 * - calendar: the report period itself (default).
 * - volume: the volymmått tables, delår = jan–jun (000 l.239, 004 l.79); T1 = jan–apr (002 l.26, 001 l.427).
 * - economy: the driftsredovisning, "per 30/4" and "per 31/8" (004 l.249, 001 l.459): the report period.
 * - sick-leave: 1/12 the year before – 28/2 for T1 (001 l.578, 002 l.217), – 30/6 for delår (000 l.1014, 004).
 * - fte: årsarbetare 1/1–31/3 for T1 (001 l.543), 1/1–31/7 for delår (004 l.326).
 * - headcount: a date, 30/4 for T1 (001 l.545, 002 l.204), 31/8 for delår (004 l.328; 2018 used 31/7, 000 l.986).
 *
 * Only the report periods (tertial, delår, year) have windows; months, year
 * to date, rolling twelve months and custom ranges resolve to themselves, and
 * so do the report periods the reports print no window for (T2, T3, year).
 */
export type WindowFamily = 'calendar' | 'volume' | 'economy' | 'sick-leave' | 'fte' | 'headcount';

export const WINDOW_FAMILIES: readonly WindowFamily[] = ['calendar', 'volume', 'economy', 'sick-leave', 'fte', 'headcount'];

/** How many months a window may start before its report period (sick leave from 1/12 the year before). */
export const MAX_WINDOW_LEAD_MONTHS = 1;

const range = (start: Month, end: Month): Period => ({ kind: 'range', start, end });

/** The months a KPI of this family is measured over when the report period `p` is asked for. */
export function measurementWindow(p: Period, family: WindowFamily = 'calendar'): Period {
  const y = yearOf(p.start);
  const t1 = p.kind === 'tertial' && tertialOf(p.start) === 1;
  const delar = p.kind === 'delar';
  if (!t1 && !delar) return p;
  const decBefore = makeMonth(y - 1, 12);
  switch (family) {
    case 'calendar':
    case 'economy':
      return p;
    case 'volume':
      return delar ? range(p.start, makeMonth(y, 6)) : p;
    case 'sick-leave':
      return range(decBefore, makeMonth(y, delar ? 6 : 2));
    case 'fte':
      return range(p.start, makeMonth(y, delar ? 7 : 3));
    case 'headcount':
      return { kind: 'month', start: p.end, end: p.end };
  }
}

/** Every window some family gives these report periods that is not a period of its own kind (the release holds them). */
export function reportWindows(reportPeriods: readonly Period[]): Period[] {
  const out = new Map<string, Period>();
  for (const p of reportPeriods)
    for (const f of WINDOW_FAMILIES) {
      const w = measurementWindow(p, f);
      if (w.kind === 'range') out.set(`${w.start}:${w.end}`, w);
    }
  return [...out.values()];
}

function lastDay(m: Month): number {
  const y = yearOf(m);
  const n = monthNumber(m);
  if (n === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(n) ? 30 : 31;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function day(d: number, m: Month, locale: Locale): string {
  return locale === 'sv' ? `${d}/${monthNumber(m)}` : `${d} ${MONTHS_EN[monthNumber(m) - 1] ?? ''}`;
}

/**
 * How the reports write a window: "jan–jun 2020" within a year,
 * "1/12 2019–30/6 2020" across a year end, "31/8 2020" for a date (a
 * headcount is taken on the last day of its month); a report period that is
 * its own window keeps its name ("Delår 2020").
 */
export function formatWindow(w: Period, family: WindowFamily = 'calendar', locale: Locale = 'sv'): string {
  if (family === 'headcount' && w.kind === 'month') return `${day(lastDay(w.end), w.end, locale)} ${yearOf(w.end)}`;
  if (w.kind === 'range' && yearOf(w.start) !== yearOf(w.end)) {
    return `${day(1, w.start, locale)} ${yearOf(w.start)}–${day(lastDay(w.end), w.end, locale)} ${yearOf(w.end)}`;
  }
  return formatPeriod(w, locale);
}

/** The window a report period's figure is measured over, as the API sends it beside the value. */
export interface ValueWindow {
  /** The window as a period key (parsePeriod reads it back). */
  period: string;
  label: string;
  labelEn: string;
}

/** The window of a report period for a KPI of this family, named in both languages. */
export function valueWindow(p: Period, family: WindowFamily = 'calendar'): ValueWindow {
  const w = measurementWindow(p, family);
  return { period: periodKey(w), label: formatWindow(w, family, 'sv'), labelEn: formatWindow(w, family, 'en') };
}
