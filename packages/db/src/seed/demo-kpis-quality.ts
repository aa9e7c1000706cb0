import type { DemoObservation } from './types.js';
import { count, type Def } from './kpi-def.js';

const SOURCE_QUALITY = 'Nämndens ärenden: lex Sarah, rapportering av ej verkställda beslut, kvalitetsberättelse';

/**
 * What the nämnd is told about quality besides the reports' tables: lex Sarah cases and the quarterly report of
 * gynnande beslut not verkställda within three months (16 kap. 6 h § SoL). Both are counts of a few persons:
 * small-count, hidden from every suppressed audience as any count of individuals.
 */
export const QUALITY_KPI_DEFS: Def[] = [
  count(
    'lex-sarah-arenden',
    'Lex Sarah-ärenden till nämnden',
    'Lex Sarah cases to the committee',
    'Utredningar och anmälningar enligt lex Sarah (14 kap. SoL) som redovisats för socialnämnden under perioden, per sammanträdets månad.',
    'barn-unga-vuxna',
    {
      descEn:
        'Investigations and reports under Lex Sarah (chapter 14 of the Social Services Act, SoL) presented to the social services committee in the period, by the month of the meeting.',
      source: SOURCE_QUALITY,
      validFrom: '2017-12',
    },
  ),
  count(
    'ej-verkstallda-beslut',
    'Ej verkställda gynnande beslut',
    'Favourable decisions not implemented',
    'Gynnande biståndsbeslut enligt 4 kap. 1 § SoL som inte verkställts inom tre månader, enligt kvartalsrapporten (på kvartalets sista månad), flickor/kvinnor (K) och pojkar/män (M). Ett beslut som fortfarande inte är verkställt rapporteras igen nästa kvartal.',
    'barn-unga-vuxna',
    {
      descEn:
        'Favourable decisions on assistance under chapter 4, section 1 of the Social Services Act (SoL) not implemented within three months, according to the quarterly report (on the last month of the quarter), girls/women (K) and boys/men (M). A decision still not implemented is reported again the next quarter.',
      genderSplit: true,
      source: SOURCE_QUALITY,
      validFrom: '2017-12',
    },
  ),
];

const reported = (kpiId: string, unitCode: string, month: string, gender: DemoObservation['gender'], n: number, sourceFile: string, sourceRow: number): DemoObservation => ({
  kpiId,
  unitCode,
  month,
  gender,
  ageBand: '',
  numerator: n,
  denominator: null,
  origin: 'reported',
  sourceFile,
  sourceRow,
});

/**
 * The printed cases, on the leaf unit they concern: 003 l.711 (the lex Sarah utredning SOCN/2017:66 the nämnd took a
 * position on at its meeting of 21 March 2018, 003 l.9; it concerns Barn, unga och familj, l.719), 001 l.10 (the
 * "Lex Sarah anmälan" on the agenda of May 2022, 001 l.253: secret, so no unit is printed; the demo keeps it on the
 * förvaltning's ledning), and 001 l.284–287 (the first quarter of 2022: one beslut on a kontaktfamilj for a boy, on
 * Barn, where the demo keeps kontaktfamiljer).
 */
export function qualityObservations(): DemoObservation[] {
  return [
    reported('lex-sarah-arenden', 'BF', '2018-03', 'T', 1, '003_af67799fa5bd8c53.txt', 711),
    reported('lex-sarah-arenden', 'LEDN', '2022-05', 'T', 1, '001_a6b4f7c84ad1bf86.txt', 10),
    reported('ej-verkstallda-beslut', 'BF', '2022-03', 'K', 0, '001_a6b4f7c84ad1bf86.txt', 287),
    reported('ej-verkstallda-beslut', 'BF', '2022-03', 'M', 1, '001_a6b4f7c84ad1bf86.txt', 287),
  ];
}

/** Texts the nämnd was given with these figures, as comments on their KPI, unit and period (what the KPI detail shows). */
export const QUALITY_COMMENTS: readonly { kpiId: string; unitCode: string; period: string; author: string; body: string }[] = [
  {
    kpiId: 'lex-sarah-arenden',
    unitCode: 'SOC',
    period: '2018-03',
    author: 'Socialförvaltningen (Kvalitetsberättelse 2017, 003 l.1845–2160)',
    body: [
      'Kvalitetsberättelse 2017, lagd till handlingarna av socialnämnden 21 mars 2018.',
      'Avvikelser 2017: 54 (brister i verksamhetssystemet Treserva 14, lokal eller utrustning 8, dokumentation 7, tolktjänst 5, försenad eller utebliven insats 5, felaktigt utskickad information 4, bemötande och information till enskild 4, kommunikation med annan vårdgivare eller myndighet 4, interna rutiner 2, chefsstöd 1).',
      'Klagomål 2017: 37 (10 direkt till verksamheten, 27 via IVO) och 3 synpunkter.',
      'Lex Sarah: en anmälan till IVO den 14 juni 2017 om påtaglig risk för missförhållande vid enheten Barn, unga och vuxna; IVO avslutade ärendet den 12 december 2017.',
    ].join('\n'),
  },
  {
    kpiId: 'ej-verkstallda-beslut',
    unitCode: 'SOC',
    period: '2022-T1',
    author: 'Socialförvaltningen (rapportering kvartal 1 2022, 001 l.267–287)',
    body: 'Ett gynnande beslut enligt 4 kap. 1 § SoL har inte verkställts inom tre månader: kontaktfamilj, 1 (pojke), beslutsdatum 2021-10-21, anmält till IVO 2022-04-26.',
  },
];
