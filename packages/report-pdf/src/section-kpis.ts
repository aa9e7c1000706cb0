import { driftHead, driftTextRows, type ReportDocument, type ReportKpiRow } from '@lagesbild/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { KPI_FIGURE_COLUMNS, KPI_HEADERS, kpiCells, nameNotes } from './kpi-columns.js';
import { assessmentCell } from './symbols.js';
import { muted, num, table } from './table.js';

function nameCell(r: ReportKpiRow): TableCell {
  const stack: Content[] = [{ text: r.name }];
  for (const note of nameNotes(r)) stack.push(muted(note));
  return { stack };
}

const kpiRow = (r: ReportKpiRow): TableCell[] => [nameCell(r), ...kpiCells<TableCell>(r, num, assessmentCell)];

/** Volymmått, ekonomi or personal: the period's figure beside last year's, the target and the year-end prognos. */
export function kpiSection(rows: ReportKpiRow[], empty: string): Content[] {
  if (rows.length === 0) return [{ text: empty, italics: true }];
  return [table(KPI_HEADERS, ['*', 58, 58, 58, 80, 58, 80], rows.map(kpiRow), KPI_FIGURE_COLUMNS, true)];
}

/** The driftsredovisning: net cost per unit, budget, utfall, avvikelse and prognos helår in tkr (004 l.248), the Summa in bold. */
export function driftSection(doc: ReportDocument): Content[] {
  const d = doc.driftsredovisning;
  if (!d) return [];
  const rows = driftTextRows(d).map((r): TableCell[] => [{ text: r.name, bold: r.total, margin: [r.depth * 8, 0, 0, 0] }, ...r.cells.map((c) => ({ ...num(c), bold: r.total }))]);
  return [{ text: 'Driftsredovisning, nettoresultat (tkr)', style: 'h3' }, table(driftHead(d), ['*', 70, 70, 70, 80], rows, [1, 2, 3, 4], true)];
}
