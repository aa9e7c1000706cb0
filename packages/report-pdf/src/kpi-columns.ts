import { assessmentOfStatus, figureText, numberText, prognosNote, windowNote, type Assessment, type ReportKpiRow } from '@lagesbild/domain';

// The volymmått, ekonomi and personal tables as both the PDF and the Word document print them.

export const KPI_HEADERS = ['Nyckeltal', 'Utfall', 'I fjol', 'Mål', 'Status', 'Prognos helår', 'Prognosstatus'];
/** The columns of figures, right-aligned. */
export const KPI_FIGURE_COLUMNS = [1, 2, 3, 5];

/**
 * The lines under a KPI's name: its measurement window where it is not the
 * report period, and, for a KPI only partly measured, how many months have
 * data (as the dashboard says beside its figure), and the förvaltning's own prognos for the year with where it came from.
 */
export function nameNotes(r: ReportKpiRow): string[] {
  const notes: string[] = [];
  const measured = windowNote(r);
  if (measured) notes.push(measured);
  if (r.monthsWithData < r.monthsInPeriod) notes.push(`${r.monthsWithData} av ${r.monthsInPeriod} månader med data`);
  const prognos = prognosNote(r.prognos, r.unit, r.decimals);
  if (prognos) notes.push(prognos);
  return notes;
}

/** A KPI row's cells after its name (utfall, i fjol, mål, status, prognos helår, prognosstatus), made by the format's own cell makers. */
export function kpiCells<C>(r: ReportKpiRow, figure: (text: string) => C, assessment: (a: Assessment) => C): C[] {
  return [
    figure(figureText(r.value, r.unit, r.decimals)),
    figure(figureText(r.lastYear, r.unit, r.decimals)),
    figure(numberText(r.target, r.unit, r.decimals)),
    assessment(assessmentOfStatus(r.status)),
    figure(numberText(r.forecast, r.unit, r.decimals)),
    assessment(assessmentOfStatus(r.forecastStatus)),
  ];
}
