import { formatPeriod, hiddenText, parsePeriod, STATUS_META, type HiddenReason, type Locale, type Status } from '@lagesbild/domain';
import type { SeriesLine, Split } from '../api/types.js';
import { figure } from '../overview/card-text.js';
import { cellNumber, type CellNumber, type TableModel } from '../lib/table-model.js';

interface DetailTableLabels {
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
  forecast: { label: string; display: string; target: string | null; status: Status; value: number | null; targetValue: number | null } | null;
  notes: string[];
  labels: DetailTableLabels;
  /** How a target number is written ("3 393 tkr"): the series sends numbers only. */
  formatTarget: (v: number) => string;
  locale: Locale;
  /** The KPI's unit and decimals, for the spreadsheet's number cells; null while the catalogue is not loaded (text only). */
  measure: { unit: string; decimals: number } | null;
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
/**
 * A value in the reader's language: a hidden one from its reason (its
 * structured mark, never its text), a shown one written from its number
 * (overview/card-text.ts); the server's Swedish display only while the KPI's
 * unit is not yet known.
 */
export function valueText(
  v: { display: string; value?: number | null; hidden?: HiddenReason | null } | null | undefined,
  locale: Locale,
  measure: { unit: string; decimals: number } | null = null,
): string {
  if (!v) return '–';
  if (v.hidden) return hiddenText(v.hidden, locale);
  if (measure && typeof v.value === 'number') return figure(v.value, { measureUnit: measure.unit, decimals: measure.decimals }, locale);
  return v.display;
}

export function detailTable(input: DetailTableInput): TableModel {
  const { labels, locale, measure } = input;
  /** A shown value as a number cell; hidden ones (no value sent) stay text. */
  const num = (v: { value: number | null; hidden?: HiddenReason | null } | number | null | undefined): CellNumber | null => {
    if (!measure || v === null || v === undefined) return null;
    if (typeof v === 'number') return cellNumber(v, measure.unit, measure.decimals);
    return v.hidden ? null : cellNumber(v.value, measure.unit, measure.decimals);
  };
  const periods = [...new Set(input.lines.flatMap((l) => l.points.map((p) => p.period)))];
  const cell = (line: SeriesLine | null | undefined, period: string) =>
    valueText(
      line?.points.find((p) => p.period === period),
      locale,
      measure,
    );
  if (input.split === 'none') {
    const line = input.lines[0];
    const lastYearAt = (i: number) => valueText(input.lastYear?.points[i], locale, measure);
    const rows = periods.map((period, i) => {
      const p = line?.points.find((x) => x.period === period);
      const row = [
        periodText(period, locale),
        valueText(p, locale, measure),
        p?.target === null || p?.target === undefined ? '–' : input.formatTarget(p.target),
        statusText(p?.status ?? 'none', locale),
      ];
      return input.lastYear ? [...row, lastYearAt(i)] : row;
    });
    const numbers = periods.map((period, i) => {
      const p = line?.points.find((x) => x.period === period);
      return [null, num(p), num(p?.target), null, ...(input.lastYear ? [num(input.lastYear.points[i])] : [])];
    });
    const headers = [labels.period, labels.value, labels.target, labels.status, ...(input.lastYear ? [labels.lastYear] : [])];
    if (input.forecast) {
      const f = input.forecast;
      rows.push([f.label, valueText(f, locale, measure), f.target ?? '–', statusText(f.status, locale), ...(input.lastYear ? [''] : [])]);
      numbers.push([null, num(f.value), num(f.targetValue), null, ...(input.lastYear ? [null] : [])]);
    }
    return { title: input.title, headers, rows, notes: input.notes, numbers };
  }
  return {
    title: input.title,
    headers: [labels.period, ...input.lines.map((l) => l.label)],
    rows: periods.map((period) => [periodText(period, locale), ...input.lines.map((l) => cell(l, period))]),
    numbers: periods.map((period) => [null, ...input.lines.map((l) => num(l.points.find((p) => p.period === period)))]),
    notes: input.notes,
  };
}
