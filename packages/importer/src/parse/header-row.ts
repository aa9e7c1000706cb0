/**
 * Finds the month header of a wide report, which is not always the first row:
 * reports often have a title, a unit name or a date above it, and Excel may
 * save the month headers as dates ("2022-01-31") or, without a date format,
 * as day numbers ("44592"). Pure.
 */
import type { GridRow } from '../read/grid.js';
import { isBlankRow } from '../read/grid.js';
import { MAX_TITLE_ROWS } from '../common/limits.js';
import { isLongHeaderName } from './long-csv.js';
import { parseMonthHeader, serialMonth, type MonthHeader } from './month-headers.js';

export interface HeaderRow {
  row: GridRow;
  /** The month columns are Excel day numbers, read as such in this row only. */
  serialDates: boolean;
}

/** A header cell's month, reading day numbers only where the header row is made of them. */
export function headerMonth(text: string, serialDates: boolean): MonthHeader | null {
  return parseMonthHeader(text) ?? (serialDates ? serialMonth(text) : null);
}

/**
 * Most cells from the first month on are months (a typo in one does not
 * hide the header), so a long CSV's data row ("hushall,E1,2021-01,T,5") is
 * never taken for one.
 */
function monthRow(cells: readonly string[], month: (c: string) => MonthHeader | null): boolean {
  const first = cells.findIndex((c, i) => i > 0 && month(c) !== null);
  if (first < 0) return false;
  let months = 0;
  let filled = 0;
  for (let i = first; i < cells.length; i++) {
    const c = cells[i] ?? '';
    if (c.trim() === '') continue;
    filled++;
    if (month(c) !== null) months++;
  }
  return months * 2 >= filled;
}

/** Day numbers as month headers: at least two, one month after another. */
function serialRow(cells: readonly string[]): boolean {
  const months = cells
    .slice(1)
    .map(serialMonth)
    .filter((m) => m !== null);
  if (months.length < 2) return false;
  const index = months.map((m) => (m.year ?? 0) * 12 + m.month);
  return index.every((v, i) => i === 0 || v > (index[i - 1] ?? v)) && monthRow(cells, serialMonth);
}

/**
 * The header row, or null when the rows are no wide report: of the first
 * MAX_TITLE_ROWS non-blank rows, the one with the most months, where the
 * first row counts when any cell in it is a month (so that its problems,
 * such as a month in the first column, are reported as a wide report's) and
 * the others when they are mostly months. A title with a date ("Export,
 * 2022-05-01") thus loses to the month header below it, and a row of the
 * long layout's column names means the long layout.
 */
export function findHeaderRow(rows: readonly GridRow[]): HeaderRow | null {
  let best: HeaderRow | null = null;
  let bestMonths = 0;
  let seen = 0;
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    if (seen++ >= MAX_TITLE_ROWS) break;
    if (row.cells.filter(isLongHeaderName).length >= 3) return null;
    const named = (seen === 1 && row.cells.some((c) => parseMonthHeader(c) !== null)) || monthRow(row.cells, parseMonthHeader);
    const serialDates = !named && serialRow(row.cells);
    if (!named && !serialDates) continue;
    const months = row.cells.filter((c) => headerMonth(c, serialDates) !== null).length;
    if (months > bestMonths) {
      best = { row, serialDates };
      bestMonths = months;
    }
  }
  return best;
}
