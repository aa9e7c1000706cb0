import { monthFromIndex, monthIndex, yearOf, type Month } from '../month.js';
import { reportWindows } from '../measurement-window.js';
import { delar, monthPeriod, rolling12, tertial, yearPeriod, yearToDate, type Period } from '../period.js';

/**
 * The periods a suppressed audience can ask for, over the months first..last
 * with data: every month, tertial, delår and year, and the year to date and
 * rolling twelve months ending at each month. "Last year" is one of these,
 * twelve months earlier, and the measurement windows of the report periods
 * (measurement-window.ts: sick leave 1/12–30/6 for delår, …), since a KPI's
 * value for a report period is its value over its window. Other custom ranges
 * are not held.
 */
export function heldPeriods(first: Month, last: Month): Period[] {
  const months: Period[] = [];
  const ytd: Period[] = [];
  const r12: Period[] = [];
  for (let i = monthIndex(first); i <= monthIndex(last); i++) {
    const m = monthPeriod(monthFromIndex(i));
    months.push(m);
    ytd.push(yearToDate(m.start));
    r12.push(rolling12(m.start));
  }
  const years: Period[] = [];
  for (let y = yearOf(first); y <= yearOf(last); y++) years.push(tertial(y, 1), tertial(y, 2), tertial(y, 3), delar(y), yearPeriod(y));
  return [...months, ...years, ...ytd, ...r12, ...reportWindows(years)];
}
