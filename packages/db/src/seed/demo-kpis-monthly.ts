/**
 * The rest of the monthly reports' rows as KPIs, so that "Statistik
 * försörjningsstöd" (2018, 2022) and "Statistik barn, unga och vuxna" (2018)
 * import whole (demo-mappings.ts): 18–24 as a "varav" age band, closed cases,
 * all case types, the Beslutsstatistik (decisions by reason, unique cases and
 * persons), the investigations, placements and Familjerätten rows. Counts of
 * individuals (and of decisions about them) are small-count.
 */
import { DECISION_REASONS } from './decision-reasons.js';
import { count, placed, SOURCE_BUV, SOURCE_EB, VARAV_18_24, type Def } from './kpi-def.js';

const SOURCE_BESLUT = 'Beslutsstatistik – orsak till försörjningsstöd (månadsrapport Statistik försörjningsstöd)';
const SOURCE_FR = 'Statistik barn, unga och vuxna (månadsrapport), avsnitt Familjerätten';

/** Decisions on försörjningsstöd for one reason ("orsak till försörjningsstöd"), with the printed varav 18–24. */
const decision = (slug: string, reason: string, en: string): Def =>
  count(
    `beslut-${slug}`,
    `Beslut, orsak: ${reason}`,
    `Decisions, reason: ${en}`,
    `Beslut om försörjningsstöd under månaden med orsaken "${reason}", och varav 18–24 år.`,
    'ekonomiskt-bistand',
    {
      descEn: `Decisions on social assistance during the month with the reason "${en}", and of which aged 18–24.`,
      source: SOURCE_BESLUT,
      ...VARAV_18_24,
    },
  );

/** A stock of cases or persons, reported per month: a mean over a period. */
const stock = (id: string, name: string, en: string, desc: string, descEn: string, group: Def['group'], source: string, extra: Partial<Def> = {}): Def =>
  count(id, name, en, desc, group, { descEn, timeAggregation: 'mean', source, ...extra });

export const MONTHLY_REPORT_KPIS: Def[] = [
  count(
    'avslutade-arenden',
    'Avslutade ärenden, försörjningsstöd',
    'Closed social assistance cases',
    'Ärenden om försörjningsstöd som avslutats under månaden, och varav 18–24 år.',
    'ekonomiskt-bistand',
    {
      descEn: 'Social assistance cases closed during the month, and of which aged 18–24.',
      source: SOURCE_EB,
      ...VARAV_18_24,
    },
  ),
  stock(
    'arenden-samtliga',
    'Ärenden, samtliga ärendetyper',
    'Cases of all types',
    'Ärenden under månaden av alla typer: försörjningsstöd, andrahandskontrakt och egna medel; genomsnitt per månad.',
    'Cases during the month of every type: social assistance, sublet contracts and managed own funds; mean per month.',
    'ekonomiskt-bistand',
    SOURCE_EB,
  ),
  count(
    'beslut-totalt',
    'Beslut om försörjningsstöd',
    'Decisions on social assistance',
    'Totalt antal beslut under månaden (alla orsaker), och varav 18–24 år.',
    'ekonomiskt-bistand',
    {
      descEn: 'Total number of decisions during the month (all reasons), and of which aged 18–24.',
      source: SOURCE_BESLUT,
      ...VARAV_18_24,
    },
  ),
  ...DECISION_REASONS.map(([slug, , sv, en]) => decision(slug, sv, en)),
  count(
    'beslut-orsak-ej-utskriven',
    'Beslut, orsak ej utskriven',
    'Decisions, reason not printed',
    'Beslut vars orsaksrad saknas i rapportutdraget: bara raden "varav 18–24 år" är utskriven (2022, 001 l.721), så bara åldersgruppen 18–24 har värden.',
    'ekonomiskt-bistand',
    {
      descEn:
        'Decisions whose reason row is missing from the report extract: only the row "of which aged 18–24" is printed (2022, 001 l.721), so only the 18–24 age group has values.',
      source: SOURCE_BESLUT,
      ...VARAV_18_24,
    },
  ),
  stock(
    'unika-arenden',
    'Unika ärenden med beslut',
    'Unique cases with decisions',
    'Antal unika ärenden med beslut under månaden, som tryckt (totalen).',
    'Number of unique cases with a decision during the month, as printed (the total).',
    'ekonomiskt-bistand',
    SOURCE_BESLUT,
  ),
  stock(
    'unika-arenden-kon',
    'Unika ärenden med beslut, kvinnor och män',
    'Unique cases with decisions, women and men',
    'Raderna "varav kvinnor" och "varav män" under unika ärenden; T är deras summa, som kan skilja från den tryckta totalen (februari 2022: 383 mot 384).',
    'The rows "of which women" and "of which men" under unique cases; T is their sum, which can differ from the printed total (February 2022: 383 against 384).',
    'ekonomiskt-bistand',
    SOURCE_BESLUT,
    { genderSplit: true },
  ),
  stock(
    'unika-arendepersoner',
    'Unika ärendepersoner',
    'Unique persons in cases',
    'Antal unika personer i ärenden med beslut under månaden, som tryckt (totalen).',
    'Number of unique persons in cases with a decision during the month, as printed (the total).',
    'ekonomiskt-bistand',
    SOURCE_BESLUT,
  ),
  stock(
    'unika-arendepersoner-kon',
    'Unika ärendepersoner, kvinnor och män',
    'Unique persons in cases, women and men',
    'Raderna "varav kvinnor" och "varav män" under unika ärendepersoner. 2018 är de hela totalen; 2022 är de färre än totalen (173 + 105 av 631 i januari), troligen utan barnen.',
    'The rows "of which women" and "of which men" under unique persons in cases. In 2018 they make up the whole total; in 2022 they are fewer than the total (173 + 105 of 631 in January), probably without the children.',
    'ekonomiskt-bistand',
    SOURCE_BESLUT,
    { genderSplit: true },
  ),
  count('forlangda-utredningar', 'Förlängda utredningar, barn', 'Extended investigations, children', 'Utredningar om barn som förlängts under månaden.', 'barn-unga-vuxna', {
    descEn: 'Investigations concerning children that were extended during the month.',
    source: SOURCE_BUV,
  }),
  placed('vardnadsoverflyttade', 'Vårdnadsöverflyttade barn', 'Children after transfer of custody'),
  placed('placerade-tillfalliga', 'Tillfälliga placeringar, barn', 'Temporary placements, children'),
  stock(
    'klivet-lagenhet-sol',
    'Klivet SoL, lägenhetsboendet (10 platser)',
    'Klivet SoL, flats (10 places)',
    'Barn och unga < 21 år i Klivets lägenhetsboende enligt SoL, genomsnitt per månad.',
    "Children and young people under 21 in Klivet's supported flats under SoL, mean per month.",
    'placeringar',
    SOURCE_BUV,
  ),
  stock(
    'klivet-kollektivet-sol',
    'Klivet SoL, kollektivet (6 platser)',
    'Klivet SoL, group home (6 places)',
    'Barn och unga < 21 år i Klivets kollektiv enligt SoL, genomsnitt per månad.',
    "Children and young people under 21 in Klivet's group home under SoL, mean per month.",
    'placeringar',
    SOURCE_BUV,
  ),
  stock(
    'klivet-kollektivet-lvu',
    'Klivet LVU, kollektivet',
    'Klivet LVU, group home',
    'Barn och unga < 21 år i Klivets kollektiv enligt LVU, genomsnitt per månad.',
    "Children and young people under 21 in Klivet's group home under LVU, mean per month.",
    'placeringar',
    SOURCE_BUV,
  ),
  stock(
    'klivet-kollektivet-jour',
    'Klivet jour, kollektivet',
    'Klivet emergency, group home',
    'Barn och unga < 21 år jourplacerade i Klivets kollektiv, genomsnitt per månad.',
    "Children and young people under 21 in emergency placements in Klivet's group home, mean per month.",
    'placeringar',
    SOURCE_BUV,
  ),
  stock(
    'familjeratt-pagaende-utredningar',
    'Familjerätten: pågående utredningar',
    'Family law: ongoing investigations',
    'Pågående utredningar inklusive samarbetssamtal på uppdrag av tingsrätten, genomsnitt per månad.',
    'Ongoing investigations, including cooperation talks, commissioned by the district court, mean per month.',
    'barn-unga-vuxna',
    SOURCE_FR,
  ),
  stock(
    'familjeratt-samarbetssamtal',
    'Familjerätten: pågående samarbetssamtal',
    'Family law: ongoing cooperation talks',
    'Pågående samarbetssamtal utan uppdrag från tingsrätten, genomsnitt per månad.',
    'Ongoing cooperation talks not commissioned by the district court, mean per month.',
    'barn-unga-vuxna',
    SOURCE_FR,
  ),
  count('familjeratt-avtal', 'Familjerätten: skrivna avtal', 'Family law: agreements written', 'Skrivna avtal om vårdnad, boende och umgänge under månaden.', 'barn-unga-vuxna', {
    descEn: 'Written agreements on custody, residence and contact during the month.',
    source: SOURCE_FR,
  }),
  count('dodsboanmalningar', 'Dödsboanmälningar', 'Estate notifications', 'Dödsboanmälningar under månaden.', 'barn-unga-vuxna', {
    descEn: 'Notifications of the estates of deceased persons during the month.',
    source: SOURCE_FR,
  }),
];
