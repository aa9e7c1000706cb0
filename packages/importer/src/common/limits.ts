/**
 * Bounds on the shape of a file, below the byte limit, where a larger shape
 * is never a report but a wrong file (or an attack): each refused with one
 * message instead of thousands, before the work grows with it.
 */
import { formatNumber } from '@lagesbild/domain';
import { issue, whereEn, whereSv, type ImportIssue, type Place } from './errors.js';
import type { GridRow } from '../read/grid.js';

/** Title rows above a header (a report's name, unit, date): a few; a table further down is no title. */
export const MAX_TITLE_ROWS = 20;

/** Months of 80 years and their labels; Excel itself stops at 16 384. */
export const MAX_COLUMNS = 1000;

/**
 * Cells of a wide report (CSV or all sheets of a workbook): a monthly report
 * has a few thousand; 250 000 is 19 000 rows of twelve months. Its values are
 * held in memory with their places (about 200 MB at this bound, measured by
 * bench/import-file-limits.ts), so the bound is far below what the byte
 * limit admits; the long CSV is streamed and has none.
 */
export const MAX_WIDE_CELLS = 250_000;

/** The columns a row uses: trailing empty cells (what spreadsheets add) do not count. */
export function usedWidth(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] ?? '').trim() === '') n--;
  return n;
}

/** The first row wider than MAX_COLUMNS, if any. */
export function tooWideRow(rows: readonly GridRow[]): { row: GridRow; width: number } | null {
  for (const row of rows) {
    if (row.cells.length <= MAX_COLUMNS) continue;
    const width = usedWidth(row.cells);
    if (width > MAX_COLUMNS) return { row, width };
  }
  return null;
}

export function tooManyColumns(p: Place, width: number): ImportIssue {
  const n = formatNumber(width, 0);
  const max = formatNumber(MAX_COLUMNS, 0);
  return issue(
    'error',
    p,
    `${n} kolumner`,
    `högst ${max} kolumner`,
    `Raden har ${n} kolumner (${whereSv(p)}), men en rapport har högst ${max}: en kolumn per månad och några för radernas rubriker. Kontrollera att det är rätt fil och att rubrikraden och värdena står i var sin rad, eller dela upp filen per år.`,
    `The row has ${width} columns (${whereEn(p)}); a report has at most ${MAX_COLUMNS}. Check the file or split it by year.`,
  );
}

export function tooManyCells(p: Place, atLeast: number): ImportIssue {
  const max = formatNumber(MAX_WIDE_CELLS, 0);
  return issue(
    'error',
    p,
    `mer än ${formatNumber(atLeast - 1, 0)} celler`,
    `högst ${max} celler`,
    `Rapporten har fler än ${max} ifyllda celler (fler än så ${whereSv(p)}), men en månadsrapport har några tusen. Dela upp den, till exempel en fil per år eller per enhet, eller importera värdena som lång CSV (en rad per värde, se "Import" i handboken).`,
    `The report has more than ${MAX_WIDE_CELLS} filled cells (${whereEn(p)}). Split it, or import the values as long CSV.`,
  );
}
