import { formatPeriod, parsePeriod, STATUS_META, type Locale, type Status } from '@lagesbild/domain';
import type { SeriesLine, Split } from '../api/types.js';
import type { TableModel } from './table-model.js';

export interface DetailTableLabels {
  period: string;
  value: string;
  target: string;
  status: string;
  lastYear: string;
}

export interface DetailTableInput {
  title: string;
  split: Split;
  lines: readonly SeriesLine[];
  lastYear: SeriesLine | null;
  /** The year-end forecast as the last row (only without a split, where the total is the line). */
  forecast: { label: string; display: string; target: string | null; status: Status } | null;
  notes: string[];
  labels: DetailTableLabels;
  /** How a target number is written ("3 393 tkr"): the series sends numbers only. */
  formatTarget: (v: number) => string;
  locale: Locale;
}

export const statusText = (s: Status, locale: Locale): string => `${STATUS_META[s].symbol} ${locale === 'en' ? STATUS_META[s].en : STATUS_META[s].sv}`;

export function periodText(key: string, locale: Locale): string {
  try {
    return formatPeriod(parsePeriod(key), locale);
  } catch {
    return key;
  }
}

/**
 * The numbers under the chart, one row per period, as displayed by the
 * server (so hidden values stay "<5" or ".."): without a split the value,
 * target, status and last year; with a split one column per part.
 */
export function detailTable(input: DetailTableInput): TableModel {
  const { labels, locale } = input;
  const periods = [...new Set(input.lines.flatMap((l) => l.points.map((p) => p.period)))];
  const cell = (line: SeriesLine | null | undefined, period: string) => line?.points.find((p) => p.period === period)?.display ?? '–';
  if (input.split === 'none') {
    const line = input.lines[0];
    const lastYearAt = (i: number) => input.lastYear?.points[i]?.display ?? '–';
    const rows = periods.map((period, i) => {
      const p = line?.points.find((x) => x.period === period);
      const row = [periodText(period, locale), p?.display ?? '–', p?.target === null || p?.target === undefined ? '–' : input.formatTarget(p.target), statusText(p?.status ?? 'none', locale)];
      return input.lastYear ? [...row, lastYearAt(i)] : row;
    });
    const headers = [labels.period, labels.value, labels.target, labels.status, ...(input.lastYear ? [labels.lastYear] : [])];
    if (input.forecast) {
      const f = input.forecast;
      rows.push([f.label, f.display, f.target ?? '–', statusText(f.status, locale), ...(input.lastYear ? [''] : [])]);
    }
    return { title: input.title, headers, rows, notes: input.notes };
  }
  return {
    title: input.title,
    headers: [labels.period, ...input.lines.map((l) => l.label)],
    rows: periods.map((period) => [periodText(period, locale), ...input.lines.map((l) => cell(l, period))]),
    notes: input.notes,
  };
}
