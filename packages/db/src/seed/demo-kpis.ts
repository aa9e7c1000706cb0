import { personnelKpiDefs } from './demo-kpis-personnel.js';
import { QUALITY_KPI_DEFS } from './demo-kpis-quality.js';
import { QUALITY_2017_KPI_DEFS } from './demo-kpis-quality-2017.js';
import { VOLUME_KPI_DEFS } from './demo-kpis-volumes.js';
import { MONTHLY_REPORT_KPIS } from './demo-kpis-monthly.js';
import { amount, count, FTE_SHAPE, placed, SOURCE_BUV, SOURCE_EB, SOURCE_HME, SOURCE_PERS, sourceEn, VARAV_18_24, type Def } from './kpi-def.js';
import type { DemoKpi } from './types.js';

/** Only the first letter: the names' abbreviations (HVB) and places (Vårnäs) keep their capitals. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Care days, and the persons-placed KPIs of the same care form whose count
 * protects them (the reports print persons placed beside care days); none
 * where the catalogue has no such count (ensamkommande, Vårnäs): estimated.
 */
const vd = (id: string, name: string, en: string, individualsKpis: string[] = []) =>
  count(id, name, en, `Utnyttjade vårddygn under perioden (summa av månaderna): ${lowerFirst(name)}.`, 'placeringar', {
    descEn: `Care days used in the period (sum of the months): ${lowerFirst(en)}.`,
    unit: 'days',
    direction: 'lower',
    individualsKpis,
    windowFamily: 'volume',
    source: 'Volymmått i tertial- och delårsrapporter',
  });

/** A sick-leave share from the HR system: sick hours over ordinary hours, in per cent, protected as sick leave. */
export const sickLeave = (id: string, name: string, en: string, desc: string, ageBands: string[] = [], descEn?: string) =>
  count(id, name, en, desc, 'personal', {
    descEn,
    unit: 'percent',
    decimals: 1,
    direction: 'lower',
    genderSplit: true,
    ageBands,
    privacyClass: 'sick-leave',
    windowFamily: 'sick-leave',
    scale: 100,
    validFrom: '2017-12',
    source: SOURCE_PERS,
  });

const hme = (id: string, name: string, en: string): Def => ({
  id,
  name,
  en,
  desc: `${name}: summan av svaren (1–5) delad med antalet svarande.`,
  descEn: `${en}: the sum of the answers (1–5) divided by the number of respondents.`,
  group: 'medarbetarengagemang',
  unit: 'score',
  decimals: 1,
  direction: 'higher',
  timeAggregation: 'last',
  genderSplit: true,
  privacyClass: 'hme',
  source: SOURCE_HME,
});

const DEFS: Def[] = [
  count(
    'hushall-utbetalt',
    'Hushåll med utbetalt försörjningsstöd',
    'Households paid social assistance',
    'Hushåll som fått utbetalning under månaden, genomsnitt per månad över perioden.',
    'ekonomiskt-bistand',
    {
      descEn: 'Households paid during the month, mean per month over the period.',
      timeAggregation: 'mean',
      genderSplit: true,
      direction: 'lower',
      windowFamily: 'volume',
      source: SOURCE_EB,
      ...VARAV_18_24,
    },
  ),
  count(
    'hushall-totalt',
    'Hushåll med försörjningsstöd totalt',
    'Households with social assistance, total',
    'Alla hushåll med ett ärende om försörjningsstöd, genomsnitt per månad.',
    'ekonomiskt-bistand',
    { descEn: 'All households with a social assistance case, mean per month.', timeAggregation: 'mean', direction: 'lower', source: SOURCE_EB, ...VARAV_18_24 },
  ),
  count(
    'barn-i-hushall',
    'Barn i hushåll med försörjningsstöd',
    'Children in households with assistance',
    'Barn som ingår i hushåll med försörjningsstöd, genomsnitt per månad.',
    'ekonomiskt-bistand',
    { descEn: 'Children in households with social assistance, mean per month.', timeAggregation: 'mean', direction: 'lower', source: SOURCE_EB },
  ),
  amount(
    'utbetalt-forsorjningsstod',
    'Utbetalt försörjningsstöd',
    'Social assistance paid',
    'Utbetalt försörjningsstöd i kronor under perioden. Ej könsuppdelat.',
    'ekonomiskt-bistand',
    'kr',
    SOURCE_EB,
    'Social assistance paid in kronor in the period. Not split by gender.',
  ),
  {
    id: 'utbetalt-per-hushall',
    name: 'Utbetalt per hushåll och månad',
    en: 'Paid per household and month',
    desc: 'Utbetalt försörjningsstöd delat med antalet hushållsmånader med utbetalning (Σ kr / Σ hushåll).',
    descEn: 'Social assistance paid divided by the household-months with a payment (Σ kr / Σ households).',
    group: 'ekonomiskt-bistand',
    unit: 'kr',
    decimals: 0,
    direction: 'none',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'small-count',
    ratioOf: { numerator: 'utbetalt-forsorjningsstod', denominator: 'hushall-utbetalt' },
    windowFamily: 'economy',
    source: SOURCE_EB,
  },
  count(
    'aktualiseringar',
    'Inkomna aktualiseringar',
    'New cases (applications and reports)',
    'Ansökningar och anmälningar som inkommit under perioden, alla verksamheter.',
    'barn-unga-vuxna',
    { descEn: 'Applications and reports received in the period, all services.', windowFamily: 'volume', source: SOURCE_BUV },
  ),
  count('startade-utredningar', 'Startade utredningar', 'Investigations started', 'Utredningar som startats under perioden, alla verksamheter.', 'barn-unga-vuxna', {
    descEn: 'Investigations started in the period, all services.',
    windowFamily: 'volume',
    source: SOURCE_BUV,
    ...VARAV_18_24,
  }),
  count('avslutade-utredningar', 'Avslutade utredningar', 'Investigations closed', 'Utredningar som avslutats under perioden, alla verksamheter.', 'barn-unga-vuxna', {
    descEn: 'Investigations closed in the period, all services.',
    windowFamily: 'volume',
    source: SOURCE_BUV,
  }),
  ...VOLUME_KPI_DEFS,
  vd('varddygn-familjehem-ekb', 'Vårddygn i familjehem, ensamkommande barn och unga', 'Care days in foster homes, unaccompanied minors'),
  vd('varddygn-hvb-ekb', 'Vårddygn i stödboende/HVB, ensamkommande barn och unga', 'Care days in supported housing/HVB, unaccompanied minors'),
  vd('varddygn-familjehem-bu', 'Vårddygn i familjehem, barn och unga exkl. ensamkommande', 'Care days in foster homes, children excl. unaccompanied', [
    'placerade-familjehem-sol',
    'placerade-familjehem-lvu',
  ]),
  vd('varddygn-institution-bu', 'Vårddygn på institution, barn och unga exkl. ensamkommande', 'Care days in institutions, children excl. unaccompanied', [
    'placerade-hvb-sol',
    'placerade-hvb-lvu',
    'placerade-sis-barn',
  ]),
  vd('varddygn-institution-vuxna', 'Vårddygn på institution, vuxna', 'Care days in institutions, adults', ['placerade-hvb-vuxna', 'placerade-lvm-vuxna']),
  vd('varddygn-varnas', 'Vårddygn på Vårnäs, öppet intag', 'Care days at Vårnäs, open admission'),
  // Persons placed: the children's care forms (flickor/pojkar), then the adults' (kvinnor/män).
  ...(
    [
      ['placerade-familjehem-sol', 'Familjehemsplacerade barn < 21 år, SoL', 'Children in foster homes, SoL'],
      ['placerade-familjehem-lvu', 'Familjehemsplacerade barn < 21 år, LVU', 'Children in foster homes, LVU'],
      ['placerade-hvb-sol', 'Barn på HVB < 21 år, SoL', 'Children in HVB, SoL'],
      ['placerade-hvb-lvu', 'Barn på HVB < 21 år, LVU', 'Children in HVB, LVU'],
      ['placerade-sis-barn', 'Barn på SiS < 21 år', 'Children in SiS secure care'],
    ] as const
  ).map(([id, name, en]) => placed(id, name, en)),
  ...(
    [
      ['placerade-hvb-vuxna', 'Vuxna på HVB, SoL', 'Adults in HVB, SoL'],
      ['placerade-lvm-vuxna', 'Vuxna LVM/SiS', 'Adults in LVM/SiS care'],
      ['placerade-familjehem-vuxna', 'Vuxna i familjehem', 'Adults in foster homes'],
    ] as const
  ).map(([id, name, en]) => placed(id, name, en, true)),
  amount(
    'placeringskostnad',
    'Placeringskostnad',
    'Placement costs',
    'Kostnad för köpta placeringar (tkr) mot månadsbudget.',
    'ekonomi',
    'tkr',
    'Uppföljning placeringskostnader (T1 2022, 001)',
    'Cost of purchased placements (tkr) against the monthly budget.',
  ),
  sickLeave(
    'sjukfranvaro',
    'Sjukfrånvaro',
    'Sick leave',
    'Sjukfrånvarotimmar i procent av ordinarie arbetstid (Σ sjuktimmar / Σ ordinarie timmar).',
    ['-29', '30-49', '50-'],
    'Sick-leave hours as a percentage of ordinary working hours (Σ sick hours / Σ ordinary hours).',
  ),
  sickLeave(
    'sjukfranvaro-lang',
    'Andel långtidssjukfrånvaro (≥ 60 dagar)',
    'Long-term share of sick leave (60+ days)',
    'Sjuktimmar i sjukfall om 60 dagar eller mer, i procent av alla sjuktimmar.',
    [],
    'Sick hours in spells of 60 days or more, as a percentage of all sick hours.',
  ),
  {
    id: 'arsarbetare',
    name: 'Årsarbetare',
    en: 'Full-time equivalents',
    desc: 'Omräknade heltider, genomsnitt per månad över perioden.',
    descEn: 'Hours converted to full-time posts, mean per month over the period.',
    ...FTE_SHAPE,
    windowFamily: 'fte',
    validFrom: '2017-12',
    source: SOURCE_PERS,
  },
  ...personnelKpiDefs(),
  hme('hme', 'HME totalt', 'Sustainable employee engagement (HME)'),
  hme('hme-motivation', 'HME delindex motivation', 'HME motivation'),
  hme('hme-ledarskap', 'HME delindex ledarskap', 'HME leadership'),
  hme('hme-styrning', 'HME delindex styrning', 'HME governance'),
  ...MONTHLY_REPORT_KPIS,
  ...QUALITY_KPI_DEFS,
  ...QUALITY_2017_KPI_DEFS,
];

const kindOf = (id: string) => DEFS.find((d) => d.id === id)?.ageBandKind;

export const DEMO_KPIS: DemoKpi[] = DEFS.map((d, i) => ({
  id: d.id,
  name: d.name,
  nameEn: d.en,
  description: d.desc,
  descriptionEn: d.descEn ?? null,
  group: d.group,
  unit: d.unit,
  decimals: d.decimals,
  direction: d.direction,
  timeAggregation: d.timeAggregation,
  ratioOf: d.ratioOf ?? null,
  scale: d.scale ?? 1,
  genderSplit: d.genderSplit,
  ageBands: [...(d.ageBands ?? [])],
  // A ratio's total is band '' on both sides where either side's bands are "varav" (aggregateRatio).
  ageBandKind: d.ageBandKind ?? (d.ratioOf && [d.ratioOf.numerator, d.ratioOf.denominator].some((id) => kindOf(id) === 'subset') ? 'subset' : 'partition'),
  privacyClass: d.privacyClass,
  individualsKpis: d.individualsKpis ?? [],
  windowFamily: d.windowFamily ?? 'calendar',
  source: d.source ?? '',
  sourceEn: sourceEn(d.source ?? ''),
  validFrom: d.validFrom ?? '2018-01',
  sortOrder: i,
}));
