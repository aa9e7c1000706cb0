import { sickLeave } from './demo-kpis.js';
import { count, SOURCE_PERS, type Def } from './kpi-def.js';

/**
 * A share of the staff on a date (the reports' "31/7", "30/4"): Σ counted /
 * Σ månadsanställda in the last month of the period, in per cent. Headcounts
 * and employment forms of staff are the employer's figures, not an
 * individual's sensitive data (the same as årsarbetare): privacy class none.
 */
const staffShare = (id: string, name: string, en: string, desc: string, descEn: string, direction: Def['direction'] = 'none'): Def =>
  count(id, name, en, desc, 'personal', {
    descEn,
    unit: 'percent',
    decimals: 1,
    direction,
    timeAggregation: 'last',
    windowFamily: 'headcount',
    genderSplit: true,
    privacyClass: 'none',
    scale: 100,
    validFrom: '2017-12',
    source: SOURCE_PERS,
  });

/** A share of the payroll (tkr over tkr) over the months of the period. */
const payShare = (id: string, name: string, en: string, desc: string, descEn: string): Def =>
  count(id, name, en, desc, 'personal', {
    descEn,
    unit: 'percent',
    decimals: 1,
    direction: 'lower',
    privacyClass: 'none',
    scale: 100,
    validFrom: '2017-12',
    source: SOURCE_PERS,
  });

/** A count of employees leaving or of rehab cases: individuals, so small counts are protected. */
const people = (id: string, name: string, en: string, desc: string, descEn: string, timeAggregation: Def['timeAggregation']): Def =>
  count(id, name, en, desc, 'personal', {
    descEn,
    timeAggregation,
    windowFamily: timeAggregation === 'last' ? 'headcount' : 'calendar',
    validFrom: '2017-12',
    source: SOURCE_PERS,
  });

const LENGTHS = [
  ['kort', '< 15 dagar', 'under 15 days', 'sjukfall kortare än 15 dagar', 'spells shorter than 15 days'],
  ['mellan', '15–90 dagar', '15–90 days', 'sjukfall om 15–90 dagar', 'spells of 15–90 days'],
  ['over-90', '> 90 dagar', 'over 90 days', 'sjukfall längre än 90 dagar', 'spells longer than 90 days'],
] as const;

/**
 * Every key figure of the reports' personnel tables beyond sick leave and
 * årsarbetare (demo-kpis.ts): headcounts, employment forms, payroll shares,
 * leavers, rehab cases, frisktal, sick leave by population and by length.
 * A function, so demo-kpis.ts can spread it after its own helpers exist.
 */
export function personnelKpiDefs(): Def[] {
  return [
    count('manadsanstallda', 'Månadsanställda', 'Monthly-paid employees', 'Antal månadsanställda personer vid periodens slut (sista dagen i månaden).', 'personal', {
      descEn: 'Number of monthly-paid employees at the end of the period (the last day of the month).',
      timeAggregation: 'last',
      windowFamily: 'headcount',
      genderSplit: true,
      privacyClass: 'none',
      validFrom: '2017-12',
      source: SOURCE_PERS,
    }),
    {
      ...staffShare(
        'andel-manadsanstallda',
        'Månadsanställdas andel av årsarbetarna',
        'Monthly-paid share of FTEs',
        'Månadsanställdas omräknade heltider i procent av alla årsarbetare (Σ / Σ över periodens månader).',
        "Monthly-paid employees' hours converted to full-time posts as a percentage of all full-time equivalents (Σ / Σ over the period's months).",
        'higher',
      ),
      timeAggregation: 'mean',
      windowFamily: 'fte',
    },
    {
      ...staffShare(
        'andel-timanstallda',
        'Timanställdas andel av årsarbetarna',
        'Hourly-paid share of FTEs',
        'Timanställdas omräknade heltider i procent av alla årsarbetare (Σ / Σ över periodens månader).',
        "Hourly-paid employees' hours converted to full-time posts as a percentage of all full-time equivalents (Σ / Σ over the period's months).",
        'lower',
      ),
      timeAggregation: 'mean',
      windowFamily: 'fte',
    },
    staffShare(
      'andel-tillsvidare',
      'Tillsvidareanställda, andel',
      'Permanent employees, share',
      'Tillsvidareanställda i procent av månadsanställda vid periodens slut.',
      'Permanent employees as a percentage of monthly-paid employees at the end of the period.',
      'higher',
    ),
    staffShare(
      'andel-visstid',
      'Visstidsanställda, andel',
      'Fixed-term employees, share',
      'Visstidsanställda i procent av månadsanställda vid periodens slut.',
      'Fixed-term employees as a percentage of monthly-paid employees at the end of the period.',
    ),
    staffShare(
      'andel-heltid',
      'Månadsanställda som arbetar heltid, andel',
      'Monthly-paid working full time, share',
      'Månadsanställda som arbetar heltid i procent av alla månadsanställda vid periodens slut.',
      'Monthly-paid employees working full time as a percentage of all monthly-paid employees at the end of the period.',
      'higher',
    ),
    staffShare(
      'andel-valt-deltid',
      'Heltidsanställda som valt deltid, andel',
      'Full-time employed who chose part time, share',
      'Månadsanställda med heltidsanställning som valt att arbeta deltid, i procent av alla månadsanställda vid periodens slut.',
      'Monthly-paid employees with a full-time contract who have chosen to work part time, as a percentage of all monthly-paid employees at the end of the period.',
    ),
    staffShare(
      'sysselsattningsgrad-deltid',
      'Sysselsättningsgrad vid deltid',
      'Average employment rate, part time',
      'Genomsnittlig sysselsättningsgrad för månadsanställda som arbetar deltid (Σ sysselsättningsgrad / antal deltidsarbetande) vid periodens slut.',
      'Average employment rate of monthly-paid employees working part time (Σ employment rate / number working part time) at the end of the period.',
    ),
    people(
      'rehabarenden',
      'Pågående rehabärenden',
      'Ongoing rehabilitation cases',
      'Antal pågående rehabiliteringsärenden vid periodens slut.',
      'Number of ongoing rehabilitation cases at the end of the period.',
      'last',
    ),
    people(
      'rehabbevakning',
      'Ärenden på rehabbevakning',
      'Cases under rehabilitation watch',
      'Antal ärenden på rehabbevakning vid periodens slut.',
      'Number of cases under rehabilitation watch at the end of the period.',
      'last',
    ),
    people(
      'slutat-egen-begaran',
      'Tillsvidareanställda som slutat på egen begäran',
      'Permanent employees who resigned',
      'Antal tillsvidareanställda som slutat på egen begäran under perioden.',
      'Number of permanent employees who left at their own request in the period.',
      'sum',
    ),
    people(
      'pension',
      'Tillsvidareanställda som gått i pension',
      'Permanent employees who retired',
      'Antal tillsvidareanställda som gått i pension under perioden.',
      'Number of permanent employees who retired in the period.',
      'sum',
    ),
    count('lonekostnad', 'Lönekostnader', 'Payroll costs', 'Lönekostnader totalt (tkr) under perioden.', 'personal', {
      descEn: 'Total payroll costs (tkr) in the period.',
      unit: 'tkr',
      privacyClass: 'none',
      validFrom: '2017-12',
      source: SOURCE_PERS,
    }),
    payShare(
      'andel-sjuklon',
      'Sjuklönekostnad, andel av lönekostnaden',
      'Sick pay, share of payroll',
      'Sjuklönekostnader i procent av lönekostnaderna totalt (Σ tkr / Σ tkr).',
      'Sick pay costs as a percentage of total payroll costs (Σ tkr / Σ tkr).',
    ),
    payShare(
      'andel-overtid',
      'Övertid inkl. mertid, andel av lönekostnaden',
      'Overtime, share of payroll',
      'Kostnad för övertid och mertid i procent av lönekostnaderna totalt (Σ tkr / Σ tkr).',
      'Cost of overtime and additional hours as a percentage of total payroll costs (Σ tkr / Σ tkr).',
    ),
    {
      ...sickLeave(
        'frisktal',
        'Frisktal',
        'Healthy employees (at most 5 sick days)',
        'Tillsvidareanställda som haft högst 5 sjukfrånvarodagar de senaste 12 månaderna, i procent av tillsvidareanställda, vid periodens slut. Personerna räknas i ordinarie timmar (165 per person och månad) så att skyddet räknar anställda som för sjukfrånvaron.',
        [],
        'Permanent employees with at most 5 days of sick leave in the last 12 months, as a percentage of permanent employees, at the end of the period. Persons are counted in ordinary hours (165 per person and month) so that the protection counts employees as it does for sick leave.',
      ),
      direction: 'higher',
      timeAggregation: 'last',
      windowFamily: 'headcount',
    },
    sickLeave(
      'sjukfranvaro-tillsvidare',
      'Sjukfrånvaro, tillsvidareanställda',
      'Sick leave, permanent employees',
      'Tillsvidareanställdas sjukfrånvarotimmar i procent av deras ordinarie arbetstid.',
      [],
      "Permanent employees' sick-leave hours as a percentage of their ordinary working hours.",
    ),
    sickLeave(
      'sjukfranvaro-manadsanstallda',
      'Sjukfrånvaro, månadsanställda',
      'Sick leave, monthly-paid employees',
      'Månadsanställdas sjukfrånvarotimmar i procent av deras ordinarie arbetstid.',
      [],
      "Monthly-paid employees' sick-leave hours as a percentage of their ordinary working hours.",
    ),
    ...LENGTHS.map(([id, sv, en, desc, descEn]) =>
      sickLeave(
        `sjukfranvaro-${id}`,
        `Sjukfrånvaro ${sv}`,
        `Sick leave ${en}`,
        `Sjukfrånvarotimmar i ${desc}, i procent av all ordinarie arbetstid.`,
        [],
        `Sick-leave hours in ${descEn}, as a percentage of all ordinary working hours.`,
      ),
    ),
    ...LENGTHS.map(([id, sv, en, desc, descEn]) =>
      sickLeave(
        `sjukfranvaro-manadsanstallda-${id}`,
        `Sjukfrånvaro ${sv}, månadsanställda`,
        `Sick leave ${en}, monthly-paid`,
        `Månadsanställdas sjukfrånvarotimmar i ${desc}, i procent av deras ordinarie arbetstid.`,
        [],
        `Monthly-paid employees' sick-leave hours in ${descEn}, as a percentage of their ordinary working hours.`,
      ),
    ),
  ];
}
