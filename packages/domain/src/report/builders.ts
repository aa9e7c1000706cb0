import type { ReportDocument, ReportFigure, ReportGoalRow, ReportKpiRow } from './document.js';

// Rows and documents for tests of what renders a report (the dashboard's sections, the PDF and Word files): neutral defaults, the test states what it is about.

/** A figure the suppressed audience may see as it is. */
export const shown = (value: number): ReportFigure => ({ value, hidden: null });

export const reportGoal = (over: Partial<ReportGoalRow> & Pick<ReportGoalRow, 'id' | 'title'>): ReportGoalRow => ({
  parentId: null,
  depth: 1,
  kind: 'resultatmal',
  committees: [],
  status: 'ej-bedomd',
  prognos: 'ej-bedomd',
  comment: '',
  proposal: '',
  decidedBy: null,
  decidedAt: null,
  ...over,
});

export const reportKpi = (over: Partial<ReportKpiRow> & Pick<ReportKpiRow, 'kpi' | 'name'>): ReportKpiRow => ({
  nameEn: over.name,
  unit: 'count',
  decimals: 0,
  direction: 'lower',
  value: { value: null, hidden: null },
  lastYear: { value: null, hidden: null },
  target: null,
  status: 'none',
  forecast: null,
  forecastStatus: 'none',
  monthsWithData: 8,
  monthsInPeriod: 8,
  ...over,
});

/** An empty delårsrapport 2020 of Socialförvaltningen, to be filled by the test. */
export const emptyReport = (over: Partial<ReportDocument> = {}): ReportDocument => ({
  schema: 1,
  orgName: 'Exempelkommun',
  unit: 'SOC',
  unitName: 'Socialförvaltningen',
  period: '2020-D',
  periodKind: 'delar',
  dataThrough: '2020-08',
  generatedAt: '2020-09-10T06:15:00Z',
  summary: '',
  goals: [],
  uppdrag: [],
  volymmatt: [],
  ekonomi: [],
  personal: [],
  atgarder: [],
  risker: [],
  bilaga: [],
  ...over,
});
