import { count, type Def } from './kpi-def.js';

const SOURCE = 'Volymmått i tertial- och delårsrapporter';

/** A volymmått row as a KPI: measured over the volume window (delår: jan–jun, 000 l.239, 004 l.79). */
const volume = (id: string, name: string, en: string, desc: string, extra: Partial<Def> = {}): Def =>
  count(id, name, en, desc, 'barn-unga-vuxna', { windowFamily: 'volume', source: SOURCE, ...extra });

/**
 * The volymmått rows the catalogue had no KPI for (the 17 rows of 000
 * l.245–310, 002 l.26–73, 004 l.80–96, 001 l.427–439). "Pågående" counts and
 * the stocks of permits and contracts are taken at the period's end ('last'):
 * only then do all the printed figures hold (pågående utredningar: 1 402 for
 * jan–jun 2018 but 449 for the whole of 2018).
 */
export const VOLUME_KPI_DEFS: Def[] = [
  volume('ensamkommande', 'Ensamkommande barn och unga', 'Unaccompanied minors', 'Ensamkommande barn och unga med insats, genomsnitt per månad.', {
    descEn: 'Unaccompanied children and young people receiving an intervention, mean per month.',
    group: 'placeringar',
    timeAggregation: 'mean',
  }),
  volume(
    'kontaktfamiljer',
    'Pågående insatser, kontaktfamiljer/kontaktpersoner',
    'Ongoing support, contact families/persons',
    'Pågående insatser med kontaktfamilj, komplementfamilj eller kontaktperson vid periodens slut, flickor (K) och pojkar (M).',
    {
      descEn: 'Ongoing interventions with a contact family, complementary family or contact person at the end of the period, girls (K) and boys (M).',
      timeAggregation: 'last',
      genderSplit: true,
    },
  ),
  volume('spelmissbruk', 'Ärenden spelmissbruk', 'Gambling addiction cases', 'Ärenden om spelmissbruk under perioden (nytt mått 2019).', {
    descEn: 'Gambling addiction cases in the period (a new measure in 2019).',
    validFrom: '2019-01',
  }),
  volume('kvinnofrid', 'Kvinnofridsärenden', 'Cases of violence against women', 'Kvinnofridsärenden (våld i nära relationer) under perioden.', {
    descEn: 'Cases of violence against women (intimate partner violence) in the period.',
  }),
  volume('sociala-kontrakt', 'Sociala kontrakt', 'Social housing contracts', 'Sociala kontrakt (andrahandskontrakt via förvaltningen) vid periodens slut.', {
    descEn: 'Social housing contracts (sublets through the department) at the end of the period.',
    group: 'ekonomiskt-bistand',
    timeAggregation: 'last',
  }),
  volume(
    'serveringstillstand',
    'Stadigvarande serveringstillstånd',
    'Permanent alcohol licences',
    'Stadigvarande serveringstillstånd vid periodens slut (tillstånd, inga personer).',
    { descEn: 'Permanent licences to serve alcohol at the end of the period (licences, not persons).', timeAggregation: 'last', privacyClass: 'none' },
  ),
  volume('pagaende-utredningar', 'Pågående utredningar', 'Ongoing investigations', 'Pågående utredningar vid periodens slut, barn och vuxna.', {
    descEn: 'Ongoing investigations at the end of the period, children and adults.',
    timeAggregation: 'last',
  }),
];
