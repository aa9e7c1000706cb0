import { STATUS_META, type Assessment, type Status } from '@lagesbild/domain';
import { usePeriodText } from '../composables/usePeriodText.js';
import { STATUS_OF } from '../goals/goal-tree.js';

export type ReportLocale = 'sv' | 'en';

/** The active locale as the domain's report functions take it. */
export function useReportLocale() {
  return usePeriodText().lang;
}

/** A date as the reports print it: 2020-09-15 in Swedish, 15 Sep 2020 in English (Swedish time). */
export function dateText(iso: string, locale: ReportLocale): string {
  const f = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: locale === 'sv' ? 'short' : 'medium', timeZone: 'Europe/Stockholm' });
  return f.format(new Date(iso));
}

/** A KPI status as symbol and words, like an assessment (colour only reinforces them). */
export const statusText = (s: Status, locale: ReportLocale): string => `${STATUS_META[s].symbol} ${STATUS_META[s][locale]}`;

/** The colour class of an assessment or a status: report-mark--green etc. (report.css). */
export const markClass = (s: Status): string => `report-mark report-mark--${s}`;
export const assessmentClass = (a: Assessment): string => markClass(STATUS_OF[a]);
