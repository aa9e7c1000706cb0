import type { ReportDocument, ReportFigure, ReportGoalRow, ReportKpiRow } from './document.js';
import type { ReportDriftsredovisning } from './drift.js';

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

/** Three rows of 004's driftsredovisning (l.250, l.258, l.259) and their Summa, made up to 31/8 2020. */
export const driftDelar2020 = (): ReportDriftsredovisning => ({
  through: '2020-08',
  prognosLabel: 'Prognos avvikelse per 31/12 2020',
  rows: [
    { unit: 'NAMND', name: 'Socialnämnd', depth: 1, utfall: -861, budget: -934, avvikelse: 73, prognos: 100 },
    { unit: 'BU', name: 'Barn och unga', depth: 2, utfall: -23_250, budget: -19_584, avvikelse: -3_666, prognos: -7_500 },
    { unit: 'BF', name: 'Barn och familj', depth: 2, utfall: -25_376, budget: -20_542, avvikelse: -4_834, prognos: null },
  ],
  total: { utfall: -49_487, budget: -41_060, avvikelse: -8_427, prognos: -7_400 },
});
