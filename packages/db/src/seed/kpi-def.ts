/** The helpers the KPI catalogue's definitions are written with (demo-kpis.ts and the files it spreads in). */
import type { DemoKpi } from './types.js';

export type Def = Omit<DemoKpi, 'sortOrder' | 'validFrom' | 'ratioOf' | 'scale' | 'ageBands' | 'ageBandKind' | 'nameEn' | 'description' | 'source'> &
  Partial<Pick<DemoKpi, 'validFrom' | 'ratioOf' | 'scale' | 'ageBands' | 'ageBandKind' | 'windowFamily'>> & {
    en: string;
    desc: string;
    source?: string;
    /** English description; absent: shown in Swedish. */ descEn?: string;
  };

export const SOURCE_EB = 'Statistik försörjningsstöd (månadsrapport) och volymmått i tertial- och delårsrapporter';
export const SOURCE_BUV = 'Statistik barn, unga och vuxna (månadsrapport) och volymmått';
export const SOURCE_PERS = 'Personalnyckeltal i tertial- och delårsrapporter (HR-systemet)';
export const SOURCE_HME = 'Medarbetarenkäten HME (svar 1–5), bilaga Uppföljning av indikatorer';

/** The demo catalogue's sources in English, by their Swedish text (one place for every file's SOURCE_ constants). */
const SOURCES_EN: Readonly<Record<string, string>> = {
  [SOURCE_EB]: 'Social assistance statistics (monthly report) and volume measures in the four-month and interim reports',
  [SOURCE_BUV]: 'Children, young people and adults statistics (monthly report) and volume measures',
  [SOURCE_PERS]: 'Personnel key figures in the four-month and interim reports (HR system)',
  [SOURCE_HME]: 'Employee survey HME (answers 1–5), annex on the follow-up of indicators',
  'Volymmått i tertial- och delårsrapporter': 'Volume measures in the four-month and interim reports',
  'Beslutsstatistik – orsak till försörjningsstöd (månadsrapport Statistik försörjningsstöd)':
    'Decision statistics – reason for social assistance (monthly social assistance statistics report)',
  'Statistik barn, unga och vuxna (månadsrapport), avsnitt Familjerätten': 'Children, young people and adults statistics (monthly report), family law section',
  'SKL:s brukarundersökning IFO hösten 2017 (Kvalitetsberättelse 2017)': 'SKL user survey, individual and family care, autumn 2017 (Quality report 2017)',
  'Kommunens kvalitet i korthet (Kvalitetsberättelse 2017)': 'Municipal quality in brief, KKiK (Quality report 2017)',
  'Avvikelser, klagomål och synpunkter (Kvalitetsberättelse 2017)': 'Deviations, complaints and comments (Quality report 2017)',
  'Nämndens ärenden: lex Sarah, rapportering av ej verkställda beslut, kvalitetsberättelse':
    "The committee's matters: lex Sarah, reports of decisions not carried out, quality report",
  'Uppföljning placeringskostnader (T1 2022, 001)': 'Follow-up of placement costs (T1 2022, 001)',
};

/** A source's English text, or null where none is written (the dashboard then shows the Swedish one). */
export const sourceEn = (source: string): string | null => SOURCES_EN[source] ?? null;

/** Full-time equivalents as the demo and the generated catalogue both have them: a monthly mean with one decimal. */
export const FTE_SHAPE = { group: 'personal', unit: 'fte', decimals: 1, direction: 'none', timeAggregation: 'mean', genderSplit: true, privacyClass: 'none' } as const;

export const count = (id: string, name: string, en: string, desc: string, group: DemoKpi['group'], extra: Partial<Def> = {}): Def => ({
  id,
  name,
  en,
  desc,
  group,
  unit: 'count',
  decimals: 0,
  direction: 'none',
  timeAggregation: 'sum',
  genderSplit: false,
  privacyClass: 'small-count',
  ...extra,
});

/** Money paid or spent in the period (kr, tkr), measured per the economy's window: lower is better, not about persons. */
export const amount = (id: string, name: string, en: string, desc: string, group: DemoKpi['group'], unit: 'kr' | 'tkr', source: string, descEn?: string): Def =>
  count(id, name, en, desc, group, { unit, direction: 'lower', privacyClass: 'none', windowFamily: 'economy', source, ...(descEn ? { descEn } : {}) });

export const placed = (id: string, name: string, en: string, adults = false) =>
  count(id, name, en, `Antal placerade per månad (genomsnitt över perioden), ${adults ? 'kvinnor/män' : 'flickor (K) och pojkar (M)'}.`, 'placeringar', {
    descEn: `Number placed per month (mean over the period), ${adults ? 'women/men' : 'girls (K) and boys (M)'}.`,
    timeAggregation: 'mean',
    genderSplit: true,
    source: SOURCE_BUV,
  });

/** The monthly reports' "Varav 18-24 år" rows: a subset of the total, stored as band '18-24' beside it (band ''). */
export const VARAV_18_24: Pick<Def, 'ageBands' | 'ageBandKind'> = { ageBands: ['18-24'], ageBandKind: 'subset' };
