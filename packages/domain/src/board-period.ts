import { compareMonths, type Month } from './month.js';
import { periodKey, tertial, tertialOf, yearToDate } from './period.js';
import { yearOf } from './month.js';

/**
 * A wall board's period rules: a slide shows "the latest month", "year to
 * date", "the current tertial" or a fixed period key. The rules follow the
 * data, not the calendar — the newest month with data, so a wall on 2 January
 * shows last year rather than an empty one — but never run ahead of today:
 * the clock is passed in (the domain has none), and a row dated in the
 * future does not move a wall into it.
 */
export const BOARD_PERIOD_RULES = ['latest', 'ytd', 'tertial'] as const;
export type BoardPeriodRule = (typeof BOARD_PERIOD_RULES)[number];

/** What the rules are resolved against: the newest month with data (null: none yet) and today's month. */
export interface BoardClock {
  latestMonth: Month | null;
  today: Month;
}

export const isBoardPeriodRule = (p: string): p is BoardPeriodRule => (BOARD_PERIOD_RULES as readonly string[]).includes(p);

/** The month the rules count from: the newest with data, at most today's; null before there is data. */
export function boardReferenceMonth(at: BoardClock): Month | null {
  if (at.latestMonth === null) return null;
  return compareMonths(at.latestMonth, at.today) > 0 ? at.today : at.latestMonth;
}

/**
 * The period key a slide's rule shows now: "latest" the reference month,
 * "ytd" January to it (2022-05-YTD), "tertial" the tertial it falls in
 * (2022-T2, measured as the reports measure a tertial); a fixed key as
 * written. Undefined while a rule has no data to follow.
 */
export function resolveBoardPeriod(period: string, at: BoardClock): string | undefined {
  if (!isBoardPeriodRule(period)) return period;
  const m = boardReferenceMonth(at);
  if (m === null) return undefined;
  if (period === 'latest') return m;
  if (period === 'ytd') return periodKey(yearToDate(m));
  return periodKey(tertial(yearOf(m), tertialOf(m)));
}
