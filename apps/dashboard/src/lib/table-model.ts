/**
 * A table as the user sees it: headers and cells as displayed strings. The
 * on-screen table, the CSV and the XLSX are all made from the same model, so
 * an export holds exactly what the screen shows, suppression included.
 */
export interface TableModel {
  /** What the table is about, e.g. "Placeringskostnad — Socialförvaltningen — 2022, per månad". */
  title: string;
  headers: string[];
  rows: string[][];
  /** Notes printed under the table (and under the XLSX's rows). */
  notes: string[];
  /**
   * The figures behind the displayed cells, row by row and column by column,
   * for a spreadsheet to hold as numbers; null (or absent) where a cell is
   * text, or a value is hidden ("<5" stays text).
   */
  numbers?: (CellNumber | null)[][];
}

/** A figure as a spreadsheet keeps it: the number and its Excel number format. */
export interface CellNumber {
  value: number;
  /** In the file's own notation: '#,##0' and '0.0 %' show as "# ##0" and "0,0 %" in a Swedish Excel. */
  numFmt: string;
}

/**
 * A KPI value as a spreadsheet number in the KPI's unit: thousands grouped,
 * the KPI's decimals, "kr"/"tkr" after the number, a percentage as a true
 * fraction (6,8 % is 0.068) with a per cent format. Excel writes format codes
 * with "," for grouping and "." for decimals whatever its language; a Swedish
 * Excel shows them with space and comma.
 */
export function cellNumber(value: number | null | undefined, unit: string, decimals: number): CellNumber | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  if (unit === 'percent') return { value: value / 100, numFmt: `0${fraction} %` };
  const suffix = unit === 'kr' || unit === 'tkr' ? ` "${unit}"` : '';
  return { value, numFmt: `#,##0${fraction}${suffix}` };
}

/** A column of an on-screen table: its name, and whether it holds figures (right-aligned) or is sorted by (aria-sort). */
export type Column = string | { label: string; num?: boolean; sort?: 'ascending' | 'descending' | 'none' };

/** Column `i`'s name, e.g. for a cell's data-label in the card layout; '' past the last column. */
export function columnLabel(columns: readonly Column[], i: number): string {
  const c = columns[i];
  return typeof c === 'string' ? c : (c?.label ?? '');
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Cells that a spreadsheet would run as a formula get a leading apostrophe, which shows them as text. */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function csvField(cell: string): string {
  const safe = escapeFormula(cell);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV as Swedish Excel opens it by double-click: semicolons (the comma is the
 * decimal mark), CRLF, and a byte-order mark so that å, ä, ö survive. Data
 * only: the header row first and then the rows, so any program reads it as a
 * table (the title is in the file name, the notes on screen and in the XLSX).
 */
export function toCsv(t: TableModel): string {
  const lines = [t.headers, ...t.rows];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** A file name from the parts of a view: lowercase, no spaces or characters that file systems dislike. */
export function fileName(parts: readonly string[], ext: string): string {
  const base = parts
    .filter((p) => p !== '')
    .join('_')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .toLowerCase();
  return `${base}.${ext}`;
}
