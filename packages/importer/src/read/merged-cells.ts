/**
 * Merged cells among a wide report's values: exceljs (like Excel) shows the
 * first cell's value in every cell of a merge, so May's figure merged over
 * June would be imported for June too; and months merged in the header give
 * one month's header to two columns. Merges in the label columns (a section
 * name over several rows, a heading across the row) are read as headings.
 */
import { maxOf } from '../common/append.js';
import type { ImportIssue } from '../common/errors.js';
import type { Grid } from './grid.js';
import { columnLetter } from '../parse/month-headers.js';
import { mergedHeaderCells, mergedValueCells } from './sheet-messages.js';
import type { WideTable } from '../parse/wide-layout.js';

export function mergedValueIssues(grid: Grid, table: WideTable): ImportIssue[] {
  const merges = grid.merges ?? [];
  if (merges.length === 0 || table.months.length === 0) return [];
  const firstValueColumn = -maxOf(
    table.months.map((m) => -m.index),
    -Infinity,
  );
  const out: ImportIssue[] = [];
  for (const m of merges) {
    // Below the header, a merge that starts in the label columns is a heading (its text is in the label only);
    // in the header row, months merged over two columns would give one month's header to both.
    const inHeader = m.top <= table.headerLine && m.bottom >= table.headerLine && m.right > m.left;
    if (m.right < firstValueColumn || m.bottom < table.headerLine || (!inHeader && m.left < firstValueColumn)) continue;
    const range = `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
    const column = table.months.find((c) => c.index === m.left)?.name ?? columnLetter(m.left);
    const p = { file: grid.file, sheet: grid.sheet, row: inHeader ? table.headerLine : Math.max(m.top, table.headerLine + 1), column };
    out.push(inHeader ? mergedHeaderCells(p, range) : mergedValueCells(p, range));
  }
  return out;
}
