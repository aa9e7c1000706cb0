import type { Assessment, GoalKind } from '../goals.js';
import type { Direction, MeasureUnit } from '../kpi.js';
import type { ValueWindow } from '../measurement-window.js';
import type { HiddenReason } from '../release/labels.js';
import type { Status } from '../status.js';
import type { ReportDriftsredovisning } from './drift.js';

/**
 * The nämnd's tertial- or delårsrapport as data: what the live report shows,
 * what a fastställd version freezes (stored as JSON), and what the PDF and the
 * print view render. Figures are numbers, never finished text, so the dashboard
 * (sv/en) and the PDF format them with the same functions (report/text.ts).
 */
export const REPORT_SCHEMA = 1;

/** The sections in the reports' own order (004: sammantagen bedömning first, the indicator annex last). */
export const REPORT_SECTIONS = ['sammantagen', 'malbedomning', 'uppdrag', 'volymmatt', 'ekonomi', 'personal', 'atgardsplan', 'risker', 'bilaga'] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_META: Record<ReportSectionId, { sv: string; en: string }> = {
  sammantagen: { sv: 'Sammantagen bedömning', en: 'Overall assessment' },
  malbedomning: { sv: 'Målbedömning med prognos', en: 'Goal assessment with forecast' },
  uppdrag: { sv: 'Uppdrag', en: 'Assignments' },
  volymmatt: { sv: 'Volymmått', en: 'Volume measures' },
  ekonomi: { sv: 'Ekonomi', en: 'Economy' },
  personal: { sv: 'Personal', en: 'Personnel' },
  atgardsplan: { sv: 'Åtgärdsplan', en: 'Action plan' },
  risker: { sv: 'Risker', en: 'Risks' },
  bilaga: { sv: 'Bilaga: Uppföljning av indikatorer', en: 'Annex: Indicator follow-up' },
};

/** A figure as the suppressed audience may see it: a value, or why it is hidden. */
export interface ReportFigure {
  value: number | null;
  hidden: HiddenReason | null;
}

/** The förvaltning's own prognos of a KPI for a year ("Prognos 2020" in the volymmått table): not a target, not the computed forecast. */
export interface KpiPrognosFigure {
  value: number;
  year: number;
  origin: 'reported' | 'user' | 'demo';
  /** The document and line it was read from, or null. */
  source: string | null;
}

/** One KPI in the volymmått, ekonomi or personal table, in the period's measurement window. */
export interface ReportKpiRow {
  kpi: string;
  name: string;
  nameEn: string;
  unit: MeasureUnit;
  decimals: number;
  direction: Direction;
  value: ReportFigure;
  /** The same window a year earlier. */
  lastYear: ReportFigure;
  target: number | null;
  status: Status;
  /** Year-end forecast and its status against the annual target (the reports' "Prognos"). */
  forecast: number | null;
  forecastStatus: Status;
  /** The förvaltning's prognos for the year, printed as "Prognos", never as "Mål"; absent in versions fastställda before it. */
  prognos?: KpiPrognosFigure | null;
  monthsWithData: number;
  monthsInPeriod: number;
  /**
   * The months the figure is measured over where they are not the report
   * period (volymmått delår: jan–jun; sick leave 1/12–30/6), printed under
   * its name; absent or null: the period itself (and in versions fastställda
   * before windows).
   */
  window?: ValueWindow | null;
}

export interface ReportGoalRow {
  id: number;
  parentId: number | null;
  /** 0 for a kommunplan area, 1 for its goals, 2 for sub-goals. */
  depth: number;
  kind: GoalKind;
  title: string;
  committees: string[];
  status: Assessment;
  prognos: Assessment;
  comment: string;
  /** The rule's proposal for status, in words ("2 av 3 indikatorer uppfyllda"). */
  proposal: string;
  /** Who decided the målbedömning, or null when it is only proposed. */
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ReportUppdragRow {
  id: number;
  title: string;
  status: 'ej-paborjat' | 'pagar' | 'klart' | 'avslutat';
  comments: { date: string; body: string }[];
}

export interface ReportAtgardRow {
  id: number;
  avvikelse: string;
  title: string;
  expectedEffect: string;
  owner: string;
  dueDate: string | null;
  status: 'planerad' | 'pagar' | 'klar' | 'avbruten';
  /** What it answers: a goal's title or a KPI's name. */
  about: string;
}

export interface ReportRiskRow {
  id: number;
  risk: string;
  orsak: string;
  konsekvenser: string;
  hantering: string;
}

/** Riket (or another comparison) with where it came from: "Kolada (RKA) 2020" or the report it was printed in. */
export interface ReportComparison {
  value: number;
  source: string;
  year: number | null;
}

export interface ReportAnnexRow {
  goalId: number;
  goalTitle: string;
  name: string;
  /** The indicator's measure: a KPI's unit, or a manual indicator's printed unit ('percent', 'count', …). */
  unit: string | null;
  decimals: number;
  total: ReportFigure;
  women: ReportFigure;
  men: ReportFigure;
  riket: ReportComparison | null;
  status: Assessment;
}

export interface ReportDocument {
  schema: typeof REPORT_SCHEMA;
  orgName: string;
  unit: string;
  unitName: string;
  /** Canonical period key: 2020-T1, 2020-D, 2020. */
  period: string;
  periodKind: 'tertial' | 'delar' | 'year';
  /** The newest month with data when the report was made (YYYY-MM), or null. */
  dataThrough: string | null;
  /** ISO 8601, UTC: when these figures were read. */
  generatedAt: string;
  /** The sammantagen bedömning written by the förvaltning. */
  summary: string;
  goals: ReportGoalRow[];
  uppdrag: ReportUppdragRow[];
  volymmatt: ReportKpiRow[];
  ekonomi: ReportKpiRow[];
  /**
   * The Ekonomi section's driftsredovisning (net cost per unit, budget, utfall, avvikelse, prognos helår, tkr)
   * over the period's economy window; null when the period has none, absent in versions fastställda before it.
   */
  driftsredovisning?: ReportDriftsredovisning | null;
  personal: ReportKpiRow[];
  atgarder: ReportAtgardRow[];
  risker: ReportRiskRow[];
  bilaga: ReportAnnexRow[];
}

/** A fastställd version as listed beside the live report. */
export interface ReportVersionInfo {
  version: number;
  faststalldBy: string;
  /** ISO 8601, UTC. */
  faststalldAt: string;
}
