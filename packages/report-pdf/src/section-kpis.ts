import { assessmentOfStatus, figureText, numberText, windowNote, type ReportKpiRow } from '@lagesbild/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { assessmentCell } from './symbols.js';
import { muted, num, table } from './table.js';

function nameCell(r: ReportKpiRow): TableCell {
  const stack: Content[] = [{ text: r.name }];
  const measured = windowNote(r);
  if (measured) stack.push(muted(measured));
  // A period only partly measured says so, as the dashboard does beside its figure.
  if (r.monthsWithData < r.monthsInPeriod) stack.push(muted(`${r.monthsWithData} av ${r.monthsInPeriod} månader med data`));
  return { stack };
}

function kpiRow(r: ReportKpiRow): TableCell[] {
  return [
    nameCell(r),
    num(figureText(r.value, r.unit, r.decimals)),
    num(figureText(r.lastYear, r.unit, r.decimals)),
    num(numberText(r.target, r.unit, r.decimals)),
    assessmentCell(assessmentOfStatus(r.status)),
    num(numberText(r.forecast, r.unit, r.decimals)),
    assessmentCell(assessmentOfStatus(r.forecastStatus)),
  ];
}

/** Volymmått, ekonomi or personal: the period's figure beside last year's, the target and the year-end prognos. */
export function kpiSection(rows: ReportKpiRow[], empty: string): Content[] {
  if (rows.length === 0) return [{ text: empty, italics: true }];
  const headers = ['Nyckeltal', 'Utfall', 'I fjol', 'Mål', 'Status', 'Prognos helår', 'Prognosstatus'];
  return [table(headers, ['*', 58, 58, 58, 80, 58, 80], rows.map(kpiRow), [1, 2, 3, 5], true)];
}
