import { formatValue } from '../format.js';
import { ASSESSMENTS, ASSESSMENT_META, type Assessment } from '../goals.js';
import type { MeasureUnit } from '../kpi.js';
import { parsePeriod } from '../period.js';
import { hiddenText } from '../release/labels.js';
import type { KpiPrognosFigure, ReportDocument, ReportFigure, ReportKpiRow } from './document.js';

type Locale = 'sv' | 'en';

const MEASURE_UNITS: readonly string[] = ['count', 'kr', 'tkr', 'percent', 'score', 'index', 'days', 'fte'];
const asMeasure = (u: string | null): MeasureUnit => (u !== null && MEASURE_UNITS.includes(u) ? (u as MeasureUnit) : 'count');

/** A figure as printed: the number in the locale's format, the words for why it is hidden, or "–" when there is none. */
export function figureText(f: ReportFigure, unit: string | null, decimals: number, locale: Locale = 'sv'): string {
  if (f.hidden) return hiddenText(f.hidden, locale);
  if (f.value === null) return '–';
  return formatValue(f.value, asMeasure(unit), decimals, locale);
}

/** The note under a KPI's name that says its window ("Mätperiod 1/12 2019–30/6 2020"), or null when it is the report period. */
export function windowNote(r: Pick<ReportKpiRow, 'window'>, locale: Locale = 'sv'): string | null {
  if (!r.window) return null;
  return locale === 'sv' ? `Mätperiod ${r.window.label}` : `Measured ${r.window.labelEn}`;
}

const PROGNOS_ORIGIN: Record<KpiPrognosFigure['origin'], { sv: string; en: string }> = {
  reported: { sv: 'enligt rapport', en: 'as reported' },
  user: { sv: 'angiven i Lägesbild', en: 'entered in Lägesbild' },
  demo: { sv: 'demovärde', en: 'demo value' },
};

/** "Förvaltningens prognos 2020: 600 (enligt rapport)": the card, the KPI detail and the report say the same; null when there is none. */
export function prognosNote(p: KpiPrognosFigure | null | undefined, unit: string | null, decimals: number, locale: Locale = 'sv'): string | null {
  if (!p) return null;
  const value = formatValue(p.value, asMeasure(unit), decimals, locale);
  const origin = PROGNOS_ORIGIN[p.origin][locale];
  return locale === 'sv' ? `Förvaltningens prognos ${p.year}: ${value} (${origin})` : `Administration's forecast ${p.year}: ${value} (${origin})`;
}

export const numberText = (v: number | null, unit: string | null, decimals: number, locale: Locale = 'sv'): string =>
  figureText({ value: v, hidden: null }, unit, decimals, locale);

/** "Delårsrapport 2020", "Tertialrapport 1 2020", "Verksamhetsberättelse 2020" (the reports' own names). */
export function reportTitle(doc: Pick<ReportDocument, 'period' | 'periodKind'>, locale: Locale = 'sv'): string {
  const p = parsePeriod(doc.period);
  const year = p.start.slice(0, 4);
  if (doc.periodKind === 'tertial') {
    const t = doc.period.slice(-1);
    return locale === 'sv' ? `Tertialrapport ${t} ${year}` : `Four-month report ${t} ${year}`;
  }
  if (doc.periodKind === 'delar') return locale === 'sv' ? `Delårsrapport ${year}` : `Interim report ${year}`;
  return locale === 'sv' ? `Verksamhetsberättelse ${year}` : `Annual report ${year}`;
}

/** The symbol and the words, so colour is never the only carrier: "◆ delvis uppfyllt". */
export const assessmentText = (a: Assessment, locale: Locale = 'sv'): string => `${ASSESSMENT_META[a].symbol} ${ASSESSMENT_META[a][locale]}`;

/** How many goals (areas not counted) have each status and prognos: the sammantagen bedömning's tally. */
export function goalTally(doc: Pick<ReportDocument, 'goals'>): { status: Record<Assessment, number>; prognos: Record<Assessment, number> } {
  const zero = () => Object.fromEntries(ASSESSMENTS.map((a) => [a, 0])) as Record<Assessment, number>;
  const out = { status: zero(), prognos: zero() };
  for (const g of doc.goals) {
    if (g.kind === 'area') continue;
    out.status[g.status] += 1;
    out.prognos[g.prognos] += 1;
  }
  return out;
}
