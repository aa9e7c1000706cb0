import { aggregateCells, monthIndex, type Gender, type Month } from '@lagesbild/domain';
import { referenceRows } from './reference-csv.js';
import type { DemoKpi, DemoObservation } from './types.js';

/** Which KPI (and age band) each printed measure of the Nyckeltal tables is (000 l.965–1031, 002 l.196–233, 004 l.320–357, 001 l.539–579). */
const MEASURE_KPI: Record<string, { kpi: string; ageBand?: string }> = {
  'Antal årsarbetare totalt (omräknade heltider)': { kpi: 'arsarbetare' },
  'Årsarbetare, antal omräknade heltider': { kpi: 'arsarbetare' },
  'andel månadsanställda': { kpi: 'andel-manadsanstallda' },
  'andel timanställda': { kpi: 'andel-timanstallda' },
  'Timanställda, andel av totalt antal årsarbetare (%)': { kpi: 'andel-timanstallda' },
  'Antal månadsanställda': { kpi: 'manadsanstallda' },
  'Antal månadsanställda personer': { kpi: 'manadsanstallda' },
  'Månadsanställda, antal': { kpi: 'manadsanstallda' },
  'andel tillsvidareanställningar': { kpi: 'andel-tillsvidare' },
  'Tillsvidareanställda, andel av månadsanställda (%)': { kpi: 'andel-tillsvidare' },
  'andel visstidsanställningar': { kpi: 'andel-visstid' },
  'Visstidsanställda, andel av månadsanställda (%)': { kpi: 'andel-visstid' },
  'Andel månadsanställda som arbetar heltid': { kpi: 'andel-heltid' },
  'Månadsanställda som arbetar heltid, andel (%)': { kpi: 'andel-heltid' },
  'Andel månadsanställda som har en heltidsanställning men som har valt att arbeta deltid': { kpi: 'andel-valt-deltid' },
  'Månadsanställda med heltidsanställning som har valt att arbeta deltid, andel (%)': { kpi: 'andel-valt-deltid' },
  'Genomsnittlig sysselsättningsgrad för månadsanställda som arbetar deltid': { kpi: 'sysselsattningsgrad-deltid' },
  'Genomsnittlig sysselsättningsgrad månadsanställda som arbetar deltid (%)': { kpi: 'sysselsattningsgrad-deltid' },
  'Genomsnittlig sysselsättningsgrad, månadsanställda med deltidsanställning': { kpi: 'sysselsattningsgrad-deltid' },
  'Antal pågående rehabärenden': { kpi: 'rehabarenden' },
  'Rehabärenden pågående, antal': { kpi: 'rehabarenden' },
  'Antal ärenden på rehabbevakning': { kpi: 'rehabbevakning' },
  'Total sjukfrånvaro': { kpi: 'sjukfranvaro' },
  'Sjukfrånvaro totalt (%)': { kpi: 'sjukfranvaro' },
  'total sjukfrånvaro, anställda -29 år': { kpi: 'sjukfranvaro', ageBand: '-29' },
  'total sjukfrånvaro, anställda 30-49 år': { kpi: 'sjukfranvaro', ageBand: '30-49' },
  'total sjukfrånvaro, anställda 50- år': { kpi: 'sjukfranvaro', ageBand: '50-' },
  'andel av total sjukfrånvaro som avser långtidssjukfrånvaro (60 dagar eller mer)': { kpi: 'sjukfranvaro-lang' },
  'Sjukfrånvaro tillsvidareanställda': { kpi: 'sjukfranvaro-tillsvidare' },
  'Sjukfrånvaro tillsvidareanställda (%)': { kpi: 'sjukfranvaro-tillsvidare' },
  'Sjukfrånvaro månadsanställda': { kpi: 'sjukfranvaro-manadsanstallda' },
  'varav sjukfrånvaro <15 dagar': { kpi: 'sjukfranvaro-manadsanstallda-kort' },
  'varav sjukfrånvaro 15-90 dagar': { kpi: 'sjukfranvaro-manadsanstallda-mellan' },
  'varav sjukfrånvaro >90 dagar': { kpi: 'sjukfranvaro-manadsanstallda-over-90' },
  'Sjukfrånvaro totalt, varav <15 dagar (%)': { kpi: 'sjukfranvaro-kort' },
  'Sjukfrånvaro totalt, varav 15-90 dagar (%)': { kpi: 'sjukfranvaro-mellan' },
  'Sjukfrånvaro totalt, varav >90 dagar (%)': { kpi: 'sjukfranvaro-over-90' },
  'Sjuklönekostnad som andel av total lönekostnad': { kpi: 'andel-sjuklon' },
  'Sjuklönekostnader, andel av lönekostnader totalt (%)': { kpi: 'andel-sjuklon' },
  'Kostnad övertid inkl mertid som andel av total lönekostnad': { kpi: 'andel-overtid' },
  'Kostnad övertid inkl mertid, andel av lönekostnader totalt (%)': { kpi: 'andel-overtid' },
  'Lönekostnader totalt, tkr': { kpi: 'lonekostnad' },
  'Tillsvidareanställda som slutat på egen begäran, antal': { kpi: 'slutat-egen-begaran' },
  'Tillsvidareanställda som gått i pension, antal': { kpi: 'pension' },
  'Frisktal, tillsvidareanställda som haft högst 5 sjukfrånvarodagar senaste 12 månaderna (%)': { kpi: 'frisktal' },
};

const mm = (year: number, month: number): Month => `${year}-${String(month).padStart(2, '0')}`;

/**
 * The months a printed column covers: "1/12-30/6" in the report of year y is
 * December y−1 to June y, "1/5-30/4" May y−1 to April y, a date ("31/7") its
 * own month (a headcount on that day).
 */
export function windowOf(measurementPeriod: string, year: number): [Month, Month] {
  const [from = '', to] = measurementPeriod.split('-');
  const endMonth = Number((to ?? from).split('/')[1]);
  if (to === undefined) return [mm(year, endMonth), mm(year, endMonth)];
  const startMonth = Number(from.split('/')[1]);
  return [mm(startMonth > endMonth ? year - 1 : year, startMonth), mm(year, endMonth)];
}

/** One printed cell of the Nyckeltal tables: which KPI, gender and months, the value and its printed decimals. */
export interface PrintedFigure {
  measure: string;
  kpi: string;
  ageBand?: string;
  column: string;
  gender: Gender;
  start: Month;
  end: Month;
  value: number | null;
  decimals: number;
  source: string;
  line: number;
  note: string;
}

const GENDER: Record<string, Gender> = { total: 'T', kvinnor: 'K', män: 'M' };

export function printedFigures(): PrintedFigure[] {
  return referenceRows('personnel_key_figures').map((r) => {
    const measure = r.measure_sv ?? '';
    const target = MEASURE_KPI[measure];
    if (!target) throw new Error(`Nyckeltal utan KPI: ${measure}`);
    const year = Number(/\d{4}/.exec(r.report ?? '')?.[0]);
    const [start, end] = windowOf(r.measurement_period ?? '', year);
    const raw = r.value ?? '';
    return {
      measure,
      ...target,
      column: r.report ?? '',
      gender: GENDER[r.gender ?? ''] ?? 'T',
      start,
      end,
      value: raw === '' ? null : Number(raw),
      decimals: raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0,
      source: r.source ?? '',
      line: Number(r.line),
      note: r.note ?? '',
    };
  });
}

/** The printed figures of one KPI (with values), grouped per column and window: T, K and M side by side. */
export function printedWindows(kpi: string, ageBand?: string): { start: Month; end: Month; T?: number; K?: number; M?: number }[] {
  const out = new Map<string, { start: Month; end: Month; T?: number; K?: number; M?: number }>();
  for (const f of printedFigures()) {
    if (f.kpi !== kpi || f.ageBand !== ageBand || f.value === null) continue;
    const key = `${f.start}:${f.end}`;
    const w = out.get(key) ?? { start: f.start, end: f.end };
    w[f.gender] = f.value;
    out.set(key, w);
  }
  return [...out.values()];
}

/**
 * A KPI's figure for the whole förvaltning over a range of months, as the
 * engine computes it from the leaf observations (Σ numerator / Σ denominator,
 * or the numerators combined by the KPI's time aggregation).
 */
export function figureOver(
  kpi: Pick<DemoKpi, 'id' | 'timeAggregation' | 'scale'>,
  observations: readonly DemoObservation[],
  start: Month,
  end: Month,
  gender: Gender,
  ageBand?: string,
): number | null {
  const lo = monthIndex(start);
  const hi = monthIndex(end);
  const cells = observations.filter((o) => o.kpiId === kpi.id && monthIndex(o.month) >= lo && monthIndex(o.month) <= hi).map((o) => ({ ...o, unit: o.unitCode }));
  return aggregateCells(kpi, cells, { gender, ageBand }).value;
}
