/**
 * The wide monthly reports as a format: one or more grids (a CSV file, or the
 * sheets of a workbook) → labelled rows → SourceRows through the mappings.
 * Pure: the mappings are loaded by the caller.
 */
import { append } from '../common/append.js';
import type { ImportIssue } from '../common/errors.js';
import { tooManyColumns, tooWideRow } from '../common/limits.js';
import { mergedValueIssues } from '../read/merged-cells.js';
import { noReportRows } from '../read/sheet-messages.js';
import type { Grid } from '../read/grid.js';
import type { MappingIndex } from './mappings.js';
import { yearFromFileName } from './month-headers.js';
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
  let headerLine: number | undefined;
  for (const grid of grids) {
    const wide = tooWideRow(grid.rows);
    if (wide !== null) {
      issues.push(tooManyColumns({ file, sheet: grid.sheet, row: wide.row.line, column: null }, wide.width));
      continue;
    }
    const layout = readWideTable(grid, year);
    if (layout.table === null) {
      append(issues, layout.issues);
      continue;
    }
    // Merged cells first: they explain what the layout makes of them (an empty header, a month twice).
    append(issues, mergedValueIssues(grid, layout.table));
    append(issues, layout.issues);
    tableRows += layout.table.rows.length;
    headerLine ??= layout.table.headerLine + 1;
    const resolved = resolveWideTable(layout.table, ctx.mappings, { unitCode: ctx.unitCode, skipMissingMarks: ctx.skipMissingMarks });
    append(issues, resolved.issues);
    append(rows, resolved.rows);
  }
  // A workbook of one sheet names it, as every XLSX message does.
  const only = grids.length === 1 ? grids[0] : undefined;
  if (tableRows === 0 && !issues.some((i) => i.severity === 'error')) issues.push(noReportRows(file, only?.sheet ?? null, headerLine ?? 1));
  return { format, rows, issues };
}
