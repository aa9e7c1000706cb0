import type { Locale, Status, UnitChange } from '@lagesbild/domain';
import type { DrilldownRow } from '../api/types.js';
import { statusText, valueText } from '../kpi-detail/detail-table.js';
import { cellNumber, type TableModel } from '../lib/table-model.js';

export type SortKey = 'name' | 'value' | 'status';
type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: Sort = { key: 'name', dir: 'asc' };

/** "value-desc" from the URL; anything else is the default (by name). */
export function parseSort(raw: unknown): Sort {
  if (typeof raw !== 'string') return DEFAULT_SORT;
  const [key, dir] = raw.split('-');
  return (key === 'name' || key === 'value' || key === 'status') && (dir === 'asc' || dir === 'desc') ? { key, dir } : DEFAULT_SORT;
}

export const sortParam = (s: Sort): string => `${s.key}-${s.dir}`;

/** Worst first when sorting by status ascending: what needs attention comes to the top. */
const STATUS_RANK: Record<Status, number> = { red: 0, yellow: 1, green: 2, none: 3 };

/**
 * Rows in the chosen order. Units without a value (no data, or hidden) go
 * last whichever the direction, so "highest first" starts with a real number;
 * ties keep the name order, Swedish collation (å, ä, ö after z).
 */
export function sortRows<T extends Pick<DrilldownRow, 'name' | 'value' | 'status'>>(rows: readonly T[], s: Sort): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'sv');
  const sign = s.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (s.key === 'name') return sign * byName(a, b);
    if (s.key === 'status') return sign * (STATUS_RANK[a.status] - STATUS_RANK[b.status]) || byName(a, b);
    if (a.value === null || b.value === null) return a.value === b.value ? byName(a, b) : a.value === null ? 1 : -1;
    return sign * (a.value - b.value) || byName(a, b);
  });
}

export interface DrilldownLabels {
  unit: string;
  value: string;
  target: string;
  status: string;
  changes: string;
  total: string;
  lastYear: string;
  /** A value asked for by gender of a KPI that has no gender split. */
  genderUnavailable: string;
  /** A reorganisation in the reader's language (unit-change-text.ts). */
  change: (c: UnitChange) => string;
}

/** The drill-down as the table shows it (and as it is exported): the units in order, then the parent's total. */
export function drilldownTable(
  title: string,
  rows: readonly DrilldownRow[],
  parent: Pick<DrilldownRow, 'display' | 'targetDisplay' | 'status' | 'value' | 'target'> & Partial<Pick<DrilldownRow, 'hidden' | 'change'>>,
  labels: DrilldownLabels,
  locale: Locale,
  notes: string[] = [],
  /** The KPI's unit and decimals, for the spreadsheet's number cells (text only without). */
  measure: { unit: string; decimals: number } | null = null,
): TableModel {
  type Figures = Pick<DrilldownRow, 'value' | 'target'> & Partial<Pick<DrilldownRow, 'hidden' | 'change'>>;
  const num = (v: number | null) => (measure ? cellNumber(v, measure.unit, measure.decimals) : null);
  const ly = (r: Partial<Pick<DrilldownRow, 'change'>>) => r.change?.lastYear;
  const figures = (r: Figures) => [null, r.hidden ? null : num(r.value), num(r.target), null, null, ly(r)?.hidden ? null : num(ly(r)?.value ?? null)];
  const line = (
    name: string,
    r: Pick<DrilldownRow, 'display' | 'value' | 'target' | 'targetDisplay' | 'status'> & Partial<Pick<DrilldownRow, 'hidden' | 'change' | 'genderAvailable'>>,
    changes: string,
  ) => [
    name,
    r.genderAvailable === false ? labels.genderUnavailable : valueText(r, locale, measure),
    r.target === null ? (r.targetDisplay ?? '–') : valueText({ display: r.targetDisplay ?? '–', value: r.target }, locale, measure),
    statusText(r.status, locale),
    changes,
    valueText(ly(r), locale, measure),
  ];
  return {
    title,
    // Last year after the reorganisations: the first five columns stay where they were in earlier files.
    headers: [labels.unit, labels.value, labels.target, labels.status, labels.changes, labels.lastYear],
    rows: [...rows.map((r) => line(r.name, r, r.changes.map(labels.change).join('; '))), line(labels.total, parent, '')],
    numbers: [...rows.map(figures), figures(parent)],
    notes,
  };
}
