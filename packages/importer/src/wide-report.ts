/**
 * The wide monthly reports as a format: one or more grids (a CSV file, or the
 * sheets of a workbook) → labelled rows → SourceRows through the mappings.
 * Pure: the mappings are loaded by the caller.
 */
import type { ImportIssue } from './errors.js';
import type { Grid } from './grid.js';
import type { MappingIndex } from './mappings.js';
import { yearFromFileName } from './month-headers.js';
import { noDataRows } from './parse-messages.js';
import type { ParseOutcome, SourceRow } from './source-row.js';
import { readWideTable } from './wide-layout.js';
import { fileNameYear } from './wide-messages.js';
import { resolveWideTable } from './wide-resolve.js';

export interface WideContext {
  /** The year of month columns without one ("Januari"); else taken from the file name. */
  year: number | null;
  unitCode: string | null;
  skipMissingMarks: boolean;
  mappings: MappingIndex;
}

export function parseWideGrids(file: string, format: string, grids: readonly Grid[], ctx: WideContext): ParseOutcome {
  const issues: ImportIssue[] = [];
  const fromName = yearFromFileName(file);
  if (ctx.year !== null && fromName !== null && fromName !== ctx.year) issues.push(fileNameYear(file, fromName, ctx.year));
  const year = ctx.year ?? fromName;
  const rows: SourceRow[] = [];
  let tableRows = 0;
  for (const grid of grids) {
    const layout = readWideTable(grid, year);
    issues.push(...layout.issues);
    if (layout.table === null) continue;
    tableRows += layout.table.rows.length;
    const resolved = resolveWideTable(layout.table, ctx.mappings, { unitCode: ctx.unitCode, skipMissingMarks: ctx.skipMissingMarks });
    issues.push(...resolved.issues);
    rows.push(...resolved.rows);
  }
  if (tableRows === 0 && !issues.some((i) => i.severity === 'error')) issues.push(noDataRows(file, true));
  return { format, rows, issues };
}
