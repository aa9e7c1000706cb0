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
  /** Notes printed under the table (and as the last lines of an export). */
  notes: string[];
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
 * decimal mark), CRLF, and a byte-order mark so that å, ä, ö survive.
 */
export function toCsv(t: TableModel): string {
  const lines = [[t.title], [], t.headers, ...t.rows, ...(t.notes.length > 0 ? [[], ...t.notes.map((n) => [n])] : [])];
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
