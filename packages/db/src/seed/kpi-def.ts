/** The helpers the KPI catalogue's definitions are written with (demo-kpis.ts and the files it spreads in). */
import type { DemoKpi } from './types.js';

export type Def = Omit<DemoKpi, 'sortOrder' | 'validFrom' | 'ratioOf' | 'scale' | 'ageBands' | 'ageBandKind' | 'nameEn' | 'description' | 'source'> &
  Partial<Pick<DemoKpi, 'validFrom' | 'ratioOf' | 'scale' | 'ageBands' | 'ageBandKind' | 'windowFamily'>> & { en: string; desc: string; source?: string };

export const SOURCE_EB = 'Statistik försörjningsstöd (månadsrapport) och volymmått i tertial- och delårsrapporter';
export const SOURCE_BUV = 'Statistik barn, unga och vuxna (månadsrapport) och volymmått';
export const SOURCE_PERS = 'Personalnyckeltal i tertial- och delårsrapporter (HR-systemet)';
export const SOURCE_HME = 'Medarbetarenkäten HME (svar 1–5), bilaga Uppföljning av indikatorer';

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
export const amount = (id: string, name: string, en: string, desc: string, group: DemoKpi['group'], unit: 'kr' | 'tkr', source: string): Def =>
  count(id, name, en, desc, group, { unit, direction: 'lower', privacyClass: 'none', windowFamily: 'economy', source });

export const placed = (id: string, name: string, en: string, adults = false) =>
  count(id, name, en, `Antal placerade per månad (genomsnitt över perioden), ${adults ? 'kvinnor/män' : 'flickor (K) och pojkar (M)'}.`, 'placeringar', {
    timeAggregation: 'mean',
    genderSplit: true,
    source: SOURCE_BUV,
  });

/** The monthly reports' "Varav 18-24 år" rows: a subset of the total, stored as band '18-24' beside it (band ''). */
export const VARAV_18_24: Pick<Def, 'ageBands' | 'ageBandKind'> = { ageBands: ['18-24'], ageBandKind: 'subset' };
