import { sickLeave } from './demo-kpis.js';
import { count, SOURCE_PERS, type Def } from './kpi-def.js';

/**
 * A share of the staff on a date (the reports' "31/7", "30/4"): Σ counted /
 * Σ månadsanställda in the last month of the period, in per cent. Headcounts
 * and employment forms of staff are the employer's figures, not an
 * individual's sensitive data (the same as årsarbetare): privacy class none.
 */
const staffShare = (id: string, name: string, en: string, desc: string, direction: Def['direction'] = 'none'): Def =>
  count(id, name, en, desc, 'personal', {
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
const payShare = (id: string, name: string, en: string, desc: string): Def =>
  count(id, name, en, desc, 'personal', {
    unit: 'percent',
    decimals: 1,
    direction: 'lower',
    privacyClass: 'none',
    scale: 100,
    validFrom: '2017-12',
    source: SOURCE_PERS,
  });

/** A count of employees leaving or of rehab cases: individuals, so small counts are protected. */
const people = (id: string, name: string, en: string, desc: string, timeAggregation: Def['timeAggregation']): Def =>
  count(id, name, en, desc, 'personal', { timeAggregation, windowFamily: timeAggregation === 'last' ? 'headcount' : 'calendar', validFrom: '2017-12', source: SOURCE_PERS });

const LENGTHS = [
  ['kort', '< 15 dagar', 'under 15 days', 'sjukfall kortare än 15 dagar'],
  ['mellan', '15–90 dagar', '15–90 days', 'sjukfall om 15–90 dagar'],
  ['over-90', '> 90 dagar', 'over 90 days', 'sjukfall längre än 90 dagar'],
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
        'lower',
      ),
      timeAggregation: 'mean',
      windowFamily: 'fte',
    },
    staffShare('andel-tillsvidare', 'Tillsvidareanställda, andel', 'Permanent employees, share', 'Tillsvidareanställda i procent av månadsanställda vid periodens slut.', 'higher'),
    staffShare('andel-visstid', 'Visstidsanställda, andel', 'Fixed-term employees, share', 'Visstidsanställda i procent av månadsanställda vid periodens slut.'),
    staffShare(
      'andel-heltid',
      'Månadsanställda som arbetar heltid, andel',
      'Monthly-paid working full time, share',
      'Månadsanställda som arbetar heltid i procent av alla månadsanställda vid periodens slut.',
      'higher',
    ),
    staffShare(
      'andel-valt-deltid',
      'Heltidsanställda som valt deltid, andel',
      'Full-time employed who chose part time, share',
      'Månadsanställda med heltidsanställning som valt att arbeta deltid, i procent av alla månadsanställda vid periodens slut.',
    ),
    staffShare(
      'sysselsattningsgrad-deltid',
      'Sysselsättningsgrad vid deltid',
      'Average employment rate, part time',
      'Genomsnittlig sysselsättningsgrad för månadsanställda som arbetar deltid (Σ sysselsättningsgrad / antal deltidsarbetande) vid periodens slut.',
    ),
    people('rehabarenden', 'Pågående rehabärenden', 'Ongoing rehabilitation cases', 'Antal pågående rehabiliteringsärenden vid periodens slut.', 'last'),
    people('rehabbevakning', 'Ärenden på rehabbevakning', 'Cases under rehabilitation watch', 'Antal ärenden på rehabbevakning vid periodens slut.', 'last'),
    people(
      'slutat-egen-begaran',
      'Tillsvidareanställda som slutat på egen begäran',
      'Permanent employees who resigned',
      'Antal tillsvidareanställda som slutat på egen begäran under perioden.',
      'sum',
    ),
    people('pension', 'Tillsvidareanställda som gått i pension', 'Permanent employees who retired', 'Antal tillsvidareanställda som gått i pension under perioden.', 'sum'),
    count('lonekostnad', 'Lönekostnader', 'Payroll costs', 'Lönekostnader totalt (tkr) under perioden.', 'personal', {
      unit: 'tkr',
      privacyClass: 'none',
      validFrom: '2017-12',
      source: SOURCE_PERS,
    }),
    payShare('andel-sjuklon', 'Sjuklönekostnad, andel av lönekostnaden', 'Sick pay, share of payroll', 'Sjuklönekostnader i procent av lönekostnaderna totalt (Σ tkr / Σ tkr).'),
    payShare(
      'andel-overtid',
      'Övertid inkl. mertid, andel av lönekostnaden',
      'Overtime, share of payroll',
      'Kostnad för övertid och mertid i procent av lönekostnaderna totalt (Σ tkr / Σ tkr).',
    ),
    {
      ...sickLeave(
        'frisktal',
        'Frisktal',
        'Healthy employees (at most 5 sick days)',
        'Tillsvidareanställda som haft högst 5 sjukfrånvarodagar de senaste 12 månaderna, i procent av tillsvidareanställda, vid periodens slut. Personerna räknas i ordinarie timmar (165 per person och månad) så att skyddet räknar anställda som för sjukfrånvaron.',
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
    ),
    sickLeave(
      'sjukfranvaro-manadsanstallda',
      'Sjukfrånvaro, månadsanställda',
      'Sick leave, monthly-paid employees',
      'Månadsanställdas sjukfrånvarotimmar i procent av deras ordinarie arbetstid.',
    ),
    ...LENGTHS.map(([id, sv, en, desc]) =>
      sickLeave(`sjukfranvaro-${id}`, `Sjukfrånvaro ${sv}`, `Sick leave ${en}`, `Sjukfrånvarotimmar i ${desc}, i procent av all ordinarie arbetstid.`),
    ),
    ...LENGTHS.map(([id, sv, en, desc]) =>
      sickLeave(
        `sjukfranvaro-manadsanstallda-${id}`,
        `Sjukfrånvaro ${sv}, månadsanställda`,
        `Sick leave ${en}, monthly-paid`,
        `Månadsanställdas sjukfrånvarotimmar i ${desc}, i procent av deras ordinarie arbetstid.`,
      ),
    ),
  ];
}
