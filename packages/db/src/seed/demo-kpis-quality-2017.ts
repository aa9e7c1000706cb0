import type { Gender, Month } from '@lagesbild/domain';
import type { KoladaValueInput } from '../queries/kolada.js';
import { count, type Def } from './kpi-def.js';
import type { DemoObservation } from './types.js';

/**
 * The kvalitetsberättelse 2017 (003 l.1925–2148) as KPIs: SKL's brukarundersökning of September 2017, the two
 * KKiK measures it discusses, and the year's avvikelser, klagomål and synpunkter. Every figure is 003's; the unit
 * tree reaches back to January 2016 for them (demo-units.ts). A yearly figure sits on the month it was measured
 * (the survey: September, 003 l.1943) or, as a year's count or mean, on December.
 */
const FILE = '003_af67799fa5bd8c53.txt';
const SOURCE_SURVEY = 'SKL:s brukarundersökning IFO hösten 2017 (Kvalitetsberättelse 2017)';
const SOURCE_KKIK = 'Kommunens kvalitet i korthet (Kvalitetsberättelse 2017)';
const SOURCE_DEVIATIONS = 'Avvikelser, klagomål och synpunkter (Kvalitetsberättelse 2017)';

/** Positive answers and respondents, by gender where 003 prints a split (then T is their sum), else the total. */
type Answers = { T: [number, number] } | { K: [number, number]; M: [number, number] };

interface SurveyRow {
  id: string;
  name: string;
  en: string;
  question: string;
  questionEn: string;
  group: Def['group'];
  unit: string;
  line: number;
  answers: Answers;
  /** The printed "jfr … i riket", stored as the Kolada comparison (municipality 0000). */
  riket?: number;
}

/**
 * 003 l.1957–1959 (ekonomiskt bistånd, 99 of 131 answered) and l.1978–1980 (vårdnadshavare, 31 of 41), on the enhet
 * the answers concern: Ekonomiskt bistånd, and for the vårdnadshavare Bistånd barn, unga och vuxna (the report gives
 * the myndighetsavdelning, no enhet). Whole counts that give the printed shares: 80 % of 31 cannot be (25/31 is
 * 81 %), so 30 answered that question; 003 l.1980's 93 % with 91 % of the men cannot go with 93 % of the women
 * (quality-demo.test.ts says why), the women read 94 %.
 */
const SURVEY: SurveyRow[] = [
  {
    id: 'brukar-eb-svarande',
    name: 'Brukarundersökning ek. bistånd: svarsfrekvens',
    en: 'Client survey, social assistance: response rate',
    question: 'Andel av de erbjudna brukarna som besvarade enkäten',
    questionEn: 'Share of the clients offered the survey who answered it',
    group: 'ekonomiskt-bistand',
    unit: 'EKBIST',
    line: 1957,
    answers: { T: [99, 131] },
  },
  {
    id: 'brukar-eb-kontakt',
    name: 'Brukarundersökning ek. bistånd: lätt att få kontakt',
    en: 'Client survey, social assistance: easy to get in touch',
    question: 'Andel positiva svar på frågan hur lätt det är att få kontakt med sin socialsekreterare',
    questionEn: "Share of positive answers to the question how easy it is to get in touch with one's social worker",
    group: 'ekonomiskt-bistand',
    unit: 'EKBIST',
    line: 1957,
    answers: { T: [98, 99] },
    riket: 85,
  },
  {
    id: 'brukar-eb-nojd',
    name: 'Brukarundersökning ek. bistånd: nöjd sammantaget',
    en: 'Client survey, social assistance: satisfied overall',
    question: 'Andel som sammantaget är nöjda med stödet från socialtjänsten',
    questionEn: 'Share who are satisfied overall with the support from the social services',
    group: 'ekonomiskt-bistand',
    unit: 'EKBIST',
    line: 1959,
    answers: { T: [88, 99] },
    riket: 83,
  },
  {
    id: 'brukar-eb-forstaelse',
    name: 'Brukarundersökning ek. bistånd: förståelse',
    en: 'Client survey, social assistance: understanding',
    question: 'Andel positiva svar på frågan hur stor förståelse socialsekreteraren visar för ens situation',
    questionEn: "Share of positive answers to the question how much understanding the social worker shows for one's situation",
    group: 'ekonomiskt-bistand',
    unit: 'EKBIST',
    line: 1959,
    answers: { K: [44, 52], M: [44, 47] },
  },
  {
    id: 'brukar-vh-svarande',
    name: 'Brukarundersökning vårdnadshavare: svarsfrekvens',
    en: 'Client survey, guardians: response rate',
    question: 'Andel av de erbjudna vårdnadshavarna som besvarade enkäten',
    questionEn: 'Share of the guardians offered the survey who answered it',
    group: 'barn-unga-vuxna',
    unit: 'BU',
    line: 1978,
    answers: { T: [31, 41] },
  },
  {
    id: 'brukar-vh-kontakt',
    name: 'Brukarundersökning vårdnadshavare: lätt att få kontakt',
    en: 'Client survey, guardians: easy to get in touch',
    question: 'Andel positiva svar på frågan hur lätt det är att få kontakt med sin socialsekreterare',
    questionEn: "Share of positive answers to the question how easy it is to get in touch with one's social worker",
    group: 'barn-unga-vuxna',
    unit: 'BU',
    line: 1978,
    answers: { T: [24, 30] },
    riket: 90,
  },
  {
    id: 'brukar-vh-nojd',
    name: 'Brukarundersökning vårdnadshavare: nöjd sammantaget',
    en: 'Client survey, guardians: satisfied overall',
    question: 'Andel som sammantaget är nöjda med stödet från socialtjänsten',
    questionEn: 'Share who are satisfied overall with the support from the social services',
    group: 'barn-unga-vuxna',
    unit: 'BU',
    line: 1980,
    answers: { K: [17, 18], M: [10, 11] },
  },
  {
    id: 'brukar-vh-forstaelse',
    name: 'Brukarundersökning vårdnadshavare: förståelse',
    en: 'Client survey, guardians: understanding',
    question: 'Andel positiva svar på frågan hur stor förståelse socialsekreteraren visar för ens situation',
    questionEn: "Share of positive answers to the question how much understanding the social worker shows for one's situation",
    group: 'barn-unga-vuxna',
    unit: 'BU',
    line: 1980,
    answers: { K: [17, 18], M: [13, 13] },
    riket: 87,
  },
];

/** 003 l.1999 and l.2007: yearly means in days, 2016 and 2017 (the report names no counts behind them). */
const KKIK = [
  {
    id: 'kkik-vantetid-forsorjningsstod',
    name: 'Väntetid försörjningsstöd (KKiK)',
    en: 'Waiting time for social assistance (KKiK)',
    what: 'Genomsnittlig väntetid i dagar från första kontakt till beslut om försörjningsstöd',
    whatEn: 'Average waiting time in days from the first contact to a decision on social assistance',
    group: 'ekonomiskt-bistand',
    unit: 'EKBIST',
    line: 1999,
    days: { 2016: 23, 2017: 11 },
  },
  {
    id: 'kkik-utredningstid-barn',
    name: 'Utredningstid barn och unga (KKiK)',
    en: 'Investigation time, children and young people (KKiK)',
    what: 'Genomsnittlig utredningstid i dagar för barn och unga',
    whatEn: 'Average investigation time in days for children and young people',
    group: 'barn-unga-vuxna',
    unit: 'BU',
    line: 2007,
    days: { 2016: 76, 2017: 105 },
  },
] as const;

/** 003 l.2052–2064 (avvikelser by category), l.2116–2146 (klagomål direct and via IVO, each by category; synpunkter): the year 2017. */
const COUNTS: { id: string; name: string; en: string; line: number; n: number }[] = [
  { id: 'avvikelser', name: 'Avvikelser totalt', en: 'Deviations, total', line: 2064, n: 54 },
  { id: 'avvikelser-verksamhetssystem', name: 'Avvikelser: brister i verksamhetssystemet', en: 'Deviations: case-management system', line: 2054, n: 14 },
  { id: 'avvikelser-lokal-utrustning', name: 'Avvikelser: lokal eller utrustning', en: 'Deviations: premises or equipment', line: 2055, n: 8 },
  { id: 'avvikelser-dokumentation', name: 'Avvikelser: dokumentation', en: 'Deviations: documentation', line: 2056, n: 7 },
  { id: 'avvikelser-tolktjanst', name: 'Avvikelser: tolktjänst', en: 'Deviations: interpreting service', line: 2057, n: 5 },
  { id: 'avvikelser-insats', name: 'Avvikelser: försenad eller utebliven insats', en: 'Deviations: delayed or missed intervention', line: 2058, n: 5 },
  { id: 'avvikelser-utskick', name: 'Avvikelser: felaktigt utskickad information', en: 'Deviations: information sent wrongly', line: 2059, n: 4 },
  { id: 'avvikelser-bemotande', name: 'Avvikelser: bemötande och information till enskild', en: 'Deviations: treatment of and information to clients', line: 2060, n: 4 },
  { id: 'avvikelser-annan-myndighet', name: 'Avvikelser: kommunikation med annan vårdgivare/myndighet', en: 'Deviations: communication with other agencies', line: 2061, n: 4 },
  { id: 'avvikelser-rutiner', name: 'Avvikelser: interna rutiner', en: 'Deviations: internal routines', line: 2062, n: 2 },
  { id: 'avvikelser-chefsstod', name: 'Avvikelser: chefsstöd', en: 'Deviations: managerial support', line: 2063, n: 1 },
  { id: 'klagomal', name: 'Klagomål totalt', en: 'Complaints, total', line: 2116, n: 37 },
  { id: 'klagomal-direkt', name: 'Klagomål direkt till verksamheten', en: 'Complaints made directly', line: 2126, n: 10 },
  { id: 'klagomal-via-ivo', name: 'Klagomål via IVO', en: 'Complaints via IVO', line: 2139, n: 27 },
  { id: 'klagomal-direkt-handlaggare', name: 'Klagomål direkt: handläggare', en: 'Direct complaints: case worker', line: 2120, n: 3 },
  { id: 'klagomal-direkt-insats', name: 'Klagomål direkt: insats', en: 'Direct complaints: intervention', line: 2121, n: 3 },
  { id: 'klagomal-direkt-dodsbo', name: 'Klagomål direkt: dödsboanmälan', en: 'Direct complaints: estate notification', line: 2122, n: 1 },
  { id: 'klagomal-direkt-ersattning', name: 'Klagomål direkt: fel ersättning', en: 'Direct complaints: wrong payment', line: 2123, n: 1 },
  { id: 'klagomal-direkt-handlaggning', name: 'Klagomål direkt: handläggning och bemötande', en: 'Direct complaints: handling and treatment', line: 2124, n: 1 },
  { id: 'klagomal-direkt-journal', name: 'Klagomål direkt: felaktig uppgift i journal', en: 'Direct complaints: wrong record entry', line: 2125, n: 1 },
  { id: 'klagomal-ivo-barnarenden', name: 'Klagomål via IVO: handläggning i barnärenden', en: 'Complaints via IVO: children’s cases', line: 2132, n: 13 },
  {
    id: 'klagomal-ivo-ekonomiskt-bistand',
    name: 'Klagomål via IVO: ekonomiskt bistånd och bemötande',
    en: 'Complaints via IVO: social assistance and treatment',
    line: 2133,
    n: 5,
  },
  { id: 'klagomal-ivo-bemotande', name: 'Klagomål via IVO: bemötande', en: 'Complaints via IVO: treatment', line: 2134, n: 3 },
  { id: 'klagomal-ivo-boende', name: 'Klagomål via IVO: handläggning boendeärende', en: 'Complaints via IVO: housing cases', line: 2135, n: 3 },
  { id: 'klagomal-ivo-missbruk', name: 'Klagomål via IVO: handläggning missbruk', en: 'Complaints via IVO: substance abuse cases', line: 2136, n: 1 },
  { id: 'klagomal-ivo-handlingar', name: 'Klagomål via IVO: handlingar som skickats fel', en: 'Complaints via IVO: documents sent wrongly', line: 2137, n: 1 },
  { id: 'klagomal-ivo-journal', name: 'Klagomål via IVO: felaktiga uppgifter i journal', en: 'Complaints via IVO: wrong record entries', line: 2138, n: 1 },
  { id: 'synpunkter', name: 'Synpunkter på verksamheten', en: 'Comments on the service', line: 2146, n: 3 },
];

const surveyDef = (r: SurveyRow): Def =>
  count(
    r.id,
    r.name,
    r.en,
    `${r.question}, i procent (positiva svar / svarande), ${'T' in r.answers ? 'totalt' : 'kvinnor (K) och män (M)'}.${r.riket === undefined ? '' : ` Riket: ${r.riket} % (Kolada-jämförelsen).`} Under fem svarande visas inget, som i undersökningen.`,
    r.group,
    {
      unit: 'percent',
      direction: 'higher',
      timeAggregation: 'last',
      genderSplit: !('T' in r.answers),
      privacyClass: 'hme',
      scale: 100,
      validFrom: '2017-01',
      source: SOURCE_SURVEY,
      descEn: `${r.questionEn}, in per cent (positive answers / respondents), ${'T' in r.answers ? 'total' : 'women (K) and men (M)'}.${r.riket === undefined ? '' : ` Sweden as a whole: ${r.riket} % (the Kolada comparison).`} Nothing is shown under five respondents, as in the survey.`,
    },
  );

export const QUALITY_2017_KPI_DEFS: Def[] = [
  ...SURVEY.map(surveyDef),
  ...KKIK.map((k) =>
    count(k.id, k.name, k.en, `${k.what}, årsmedel (på årets december).`, k.group, {
      unit: 'days',
      direction: 'lower',
      timeAggregation: 'last',
      privacyClass: 'none',
      validFrom: '2016-01',
      source: SOURCE_KKIK,
      descEn: `${k.whatEn}, yearly mean (on the year's December).`,
    }),
  ),
  ...COUNTS.map((c) =>
    count(c.id, c.name, c.en, `${c.name} under året (på årets december), förvaltningen som helhet.`, 'barn-unga-vuxna', {
      descEn: `${c.en}, counted over the year (on the year's December), the department as a whole.`,
      validFrom: '2017-01',
      source: SOURCE_DEVIATIONS,
    }),
  ),
];

const obs = (kpiId: string, unitCode: string, month: Month, gender: Gender, numerator: number, denominator: number | null, sourceRow: number): DemoObservation => ({
  kpiId,
  unitCode,
  month,
  gender,
  ageBand: '',
  numerator,
  denominator,
  origin: 'reported',
  sourceFile: FILE,
  sourceRow,
});

/** The counts are the förvaltning's, kept on its ledning (as the lex Sarah anmälan of 2022, demo-kpis-quality.ts). */
export function quality2017Observations(): DemoObservation[] {
  return [
    ...SURVEY.flatMap((r) => Object.entries(r.answers).map(([g, [p, n]]) => obs(r.id, r.unit, '2017-09', g as Gender, p, n, r.line))),
    ...KKIK.flatMap((k) => Object.entries(k.days).map(([year, d]) => obs(k.id, k.unit, `${year}-12`, 'T', d, null, k.line))),
    ...COUNTS.map((c) => obs(c.id, 'LEDN', '2017-12', 'T', c.n, null, c.line)),
  ];
}

/** The survey's printed Katrineholm shares (0483, T and K/M where printed) beside Riket (0000), for 2017: demo Kolada KPIs and mappings. */
export function quality2017Kolada(own: string, riket: string) {
  const rows = SURVEY.filter((r) => r.riket !== undefined);
  // One riket figure per printed line, so the line names the demo id (as demo-kolada.ts's D + line, with the file).
  const koladaId = (r: SurveyRow) => `D003-${r.line}`;
  const share = (cells: [number, number][]) => Math.round((cells.reduce((a, [p]) => a + p, 0) / cells.reduce((a, [, n]) => a + n, 0)) * 100);
  const values: KoladaValueInput[] = rows.flatMap((r) => {
    const kpi = koladaId(r);
    const v = (municipality: string, gender: Gender, value: number): KoladaValueInput => ({ kpi, municipality, year: 2017, gender, value, count: 1, status: '' });
    const split = 'T' in r.answers ? [] : [v(own, 'K', share([r.answers.K])), v(own, 'M', share([r.answers.M]))];
    const ownValues = [v(own, 'T', share(Object.values(r.answers))), ...split];
    return [...ownValues, v(riket, 'T', r.riket ?? 0)];
  });
  return {
    values,
    kpis: rows.map((r) => ({ id: koladaId(r), title: r.name, description: `Demo: som i Kvalitetsberättelse 2017, 003 rad ${r.line}.`, dividedByGender: !('T' in r.answers) })),
    mappings: rows.map((r) => ({
      kpiId: r.id,
      koladaKpi: koladaId(r),
      note: 'Riket enligt Kvalitetsberättelse 2017 (jfr … i riket); Katrineholm som tryckt där.',
      noteEn: 'Sweden as a whole as in the Quality report 2017 (compare … nationally); Katrineholm as printed there.',
    })),
  };
}
