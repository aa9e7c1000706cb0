/**
 * Turns an import preview (diff rows plus errors and warnings) into the rows of
 * the preview table: every problem sits on the cell it is about, rows with
 * errors become "rejected" rows (the importer gives no diff when there are
 * errors), and problems sort first. Pure: no Vue, no I/O.
 */
import { formatMonth, formatNumber, isMonth } from '@lagesbild/domain';
import type { ImportAnswer, ImportDiffRow, ImportIssue } from '../api/import.js';

export type RowStatus = 'new' | 'changed' | 'unchanged' | 'rejected';
/** The table's cells a problem can sit on; 'row' when it is about the whole row or file. */
export type CellField = 'kpi' | 'unit' | 'month' | 'gender' | 'value' | 'row';
export type Locale = 'sv' | 'en';

interface CellMark {
  severity: 'error' | 'warning';
  text: string;
}

export interface PreviewRow {
  key: string;
  /** 1-based line in the file (the header is line 1). */
  line: number;
  sheet: string | null;
  kpi: string;
  unit: string;
  month: string;
  /** K, M or T for diff rows; what the file said for rejected rows. */
  gender: string;
  oldValue: string | null;
  newValue: string | null;
  status: RowStatus;
  marks: Partial<Record<CellField, CellMark[]>>;
}

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
}

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTH_NAMES_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month (1–12) a column header of a wide report names: "Mars", "Jan 2022", "2022-03"; null when it names none. */
export function monthOfHeader(header: string): number | null {
  const h = header.normalize('NFC').trim().toLowerCase();
  const iso = /^(\d{4})-(\d{2})$/.exec(h);
  if (iso && isMonth(h)) return Number(iso[2]);
  const word = /^[a-zåäö]+/.exec(h)?.[0] ?? '';
  // At least three letters, and a prefix of a month's name, so "Marknad" is no month.
  if (word.length < 3) return null;
  for (const names of [MONTH_NAMES, MONTH_NAMES_EN]) {
    const i = names.findIndex((n) => n.startsWith(word));
    if (i >= 0) return i + 1;
  }
  return null;
}

/** Header names of the long CSV format (and their Swedish forms), as the importer accepts them. */
const LONG_FIELDS: Record<string, CellField> = {
  kpi: 'kpi',
  nyckeltal: 'kpi',
  kpi_id: 'kpi',
  unit: 'unit',
  enhet: 'unit',
  enhetskod: 'unit',
  period: 'month',
  månad: 'month',
  month: 'month',
  gender: 'gender',
  kön: 'gender',
  value: 'value',
  värde: 'value',
  täljare: 'value',
  numerator: 'value',
  denominator: 'value',
  nämnare: 'value',
};

/** Which cell of the table an issue's column is about, and for a month column of a wide report, which month. */
export function fieldOfColumn(column: string | null): { field: CellField; month: number | null } {
  if (column === null) return { field: 'row', month: null };
  const name = column
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const long = LONG_FIELDS[name];
  if (long) return { field: long, month: null };
  const month = monthOfHeader(column);
  if (month !== null) return { field: 'value', month };
  // A spreadsheet column letter is the row label of a wide report: the label says which KPI the row is.
  if (/^[a-z]{1,3}$/.test(name)) return { field: 'kpi', month: null };
  return { field: 'row', month: null };
}

/** "604", "3 634 873,98", "12 / 1 009" (numerator over denominator). */
export function cellText(v: { numerator: number; denominator: number | null } | null, locale: Locale): string | null {
  if (v === null) return null;
  const num = (n: number) => formatNumber(n, decimalsOf(n), locale);
  return v.denominator === null ? num(v.numerator) : `${num(v.numerator)} / ${num(v.denominator)}`;
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : Math.min(4, s.length - dot - 1);
}

const placeKey = (sheet: string | null, line: number) => `${sheet ?? ''}\u0000${line}`;
const textOf = (i: ImportIssue, locale: Locale) => (locale === 'en' && i.messageEn ? i.messageEn : i.message);

function addMark(marks: PreviewRow['marks'], field: CellField, mark: CellMark): void {
  (marks[field] ??= []).push(mark);
}

/** One row per file row with errors, its cells filled with what the file said where the errors point. */
function rejectedRows(errors: readonly ImportIssue[], locale: Locale): PreviewRow[] {
  const byPlace = new Map<string, PreviewRow>();
  for (const e of errors) {
    const key = placeKey(e.sheet, e.row);
    let row = byPlace.get(key);
    if (!row) {
      row = { key: `rejected:${key}`, line: e.row, sheet: e.sheet, kpi: '', unit: '', month: '', gender: '', oldValue: null, newValue: null, status: 'rejected', marks: {} };
      byPlace.set(key, row);
    }
    const { field, month } = fieldOfColumn(e.column);
    if (field === 'value') {
      row.newValue = e.found;
      if (month !== null && e.column !== null && row.month === '') row.month = e.column;
    } else if (field !== 'row') {
      row[field] = e.found;
    }
    addMark(row.marks, field, { severity: 'error', text: textOf(e, locale) });
  }
  return [...byPlace.values()];
}

/** The warnings of one diff row: same line, and for a month column of a wide report, the same month. */
function warningMarks(d: ImportDiffRow, warnings: readonly ImportIssue[], locale: Locale): PreviewRow['marks'] {
  const marks: PreviewRow['marks'] = {};
  const month = Number(d.month.slice(5, 7));
  for (const w of warnings) {
    if (w.row !== d.row) continue;
    const f = fieldOfColumn(w.column);
    if (f.month !== null && f.month !== month) continue;
    addMark(marks, f.field, { severity: 'warning', text: textOf(w, locale) });
  }
  return marks;
}

const hasMarks = (r: PreviewRow) => Object.keys(r.marks).length > 0;
const ORDER: Record<RowStatus, number> = { rejected: 0, changed: 1, new: 2, unchanged: 3 };

/**
 * The preview table: rejected rows, then rows with warnings, then changed,
 * new and unchanged cells, each in file order, so what needs reading comes first.
 */
export function previewRows(result: Pick<ImportAnswer, 'diff' | 'errors' | 'warnings'>, kpiNames: ReadonlyMap<string, string>, locale: Locale): PreviewRow[] {
  const rows: PreviewRow[] = rejectedRows(result.errors, locale);
  // The importer only diffs a file without errors; warnings are matched by line, so index them once.
  const warningsByLine = new Map<number, ImportIssue[]>();
  for (const w of result.warnings) warningsByLine.set(w.row, [...(warningsByLine.get(w.row) ?? []), w]);
  for (const d of result.diff) {
    rows.push({
      key: `${d.kpi}|${d.unit}|${d.month}|${d.gender}|${d.ageBand}|${d.row}`,
      line: d.row,
      sheet: null,
      kpi: `${kpiNames.get(d.kpi) ?? d.kpi}${d.ageBand ? ` (${d.ageBand})` : ''}`,
      unit: d.unit,
      month: isMonth(d.month) ? formatMonth(d.month, locale) : d.month,
      gender: d.gender,
      oldValue: cellText(d.old, locale),
      newValue: cellText(d.new, locale),
      status: d.kind,
      marks: warningMarks(d, warningsByLine.get(d.row) ?? [], locale),
    });
  }
  const rank = (r: PreviewRow) => (r.status === 'rejected' ? 0 : hasMarks(r) ? 0.5 : ORDER[r.status]);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.r.line - b.r.line || a.i - b.i)
    .map(({ r }) => r);
}

/** nya, ändrade, oförändrade from the importer's summary; avvisade = file rows with at least one error. */
export function importCounts(result: Pick<ImportAnswer, 'summary' | 'errors'>): ImportCounts {
  const rejected = new Set(result.errors.map((e) => placeKey(e.sheet, e.row))).size;
  return { new: result.summary.new, changed: result.summary.changed, unchanged: result.summary.unchanged, rejected };
}

export type RowFilter = 'all' | 'problems' | RowStatus;

export function filterRows(rows: readonly PreviewRow[], filter: RowFilter): PreviewRow[] {
  if (filter === 'all') return [...rows];
  if (filter === 'problems') return rows.filter((r) => r.status === 'rejected' || hasMarks(r));
  return rows.filter((r) => r.status === filter);
}

const PAGE_SIZE = 50;

export interface Page<T> {
  rows: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based, inclusive: "rows 51–100 of 140". */
  from: number;
  to: number;
  total: number;
}

export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = p * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: p, pages, from: slice.length ? start + 1 : 0, to: start + slice.length, total: rows.length };
}

/** What a stored batch counted (the importer keeps { inserted, updated, unchanged }); null when the summary says nothing readable. */
export function batchCounts(summary: Record<string, unknown> | null): { inserted: number; updated: number; unchanged: number } | null {
  if (!summary) return null;
  const n = (k: string): number | null => {
    const v = summary[k];
    return typeof v === 'number' ? v : null;
  };
  const inserted = n('inserted');
  const updated = n('updated');
  const unchanged = n('unchanged');
  if (inserted === null || updated === null || unchanged === null) return null;
  return { inserted, updated, unchanged };
}
