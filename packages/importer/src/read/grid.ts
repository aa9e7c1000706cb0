/**
 * A sheet as rows of cell texts, whatever it was read from (CSV text or an
 * XLSX worksheet), so the wide-report layout logic is written once.
 */
export interface GridRow {
  /** 1-based line (CSV) or row number (XLSX) as the user's program shows it. */
  line: number;
  cells: string[];
}

/** A block of merged cells: lines as GridRow.line, columns 0-based as in GridRow.cells. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  file: string;
  /** Worksheet name for XLSX; null for CSV. */
  sheet: string | null;
  rows: GridRow[];
  /** Merged cells (XLSX only). */
  merges?: readonly CellRange[];
}

/** Grows the range of the merge whose first cell is `master` to take in one more cell. */
export function extendRange(ranges: Map<string, CellRange>, master: string, line: number, column: number): void {
  const r = ranges.get(master);
  if (r === undefined) ranges.set(master, { top: line, left: column, bottom: line, right: column });
  else {
    r.top = Math.min(r.top, line);
    r.bottom = Math.max(r.bottom, line);
    r.left = Math.min(r.left, column);
    r.right = Math.max(r.right, column);
  }
}

export const isBlankRow = (r: GridRow): boolean => r.cells.every((c) => c.trim() === '');
