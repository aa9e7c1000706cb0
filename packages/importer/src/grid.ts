/**
 * A sheet as rows of cell texts, whatever it was read from (CSV text or an
 * XLSX worksheet), so the wide-report layout logic is written once.
 */
export interface GridRow {
  /** 1-based line (CSV) or row number (XLSX) as the user's program shows it. */
  line: number;
  cells: string[];
}

export interface Grid {
  file: string;
  /** Worksheet name for XLSX; null for CSV. */
  sheet: string | null;
  rows: GridRow[];
}

export const isBlankRow = (r: GridRow): boolean => r.cells.every((c) => c.trim() === '');
