import { monthNumber, type Month } from '@lagesbild/domain';
import { baselineSeries, DEMO_MONTHS, fitToConstraints, levelAt, SEASON_FLAT, type SeriesCell } from './fit.js';
import { createRandom, seedOf } from './random.js';
import { monthly, volumeConstraints } from './reported-lookup.js';
import type { DemoObservation } from './types.js';

const syn = (kpiId: string, unitCode: string, month: Month, gender: 'K' | 'M' | 'T', value: number): DemoObservation => ({
  kpiId,
  unitCode,
  month,
  gender,
  ageBand: '',
  numerator: value,
  denominator: null,
  origin: 'synthetic',
  sourceFile: null,
  sourceRow: null,
});

/**
 * Care days for jan–aug 2020 printed in the indicator annex of Delår 2020
 * (004 l.446–448, "Avser årets åtta första månader"): institution, vuxna 3 414;
 * institution, barn och unga 7 185, which counts every institution placement
 * of children, so the HVB days of ensamkommande too (jan–jun: 3 890 + 2 564,
 * 004 l.83, l.85); its July–August days are split in the jan–jun proportion.
 */
const CARE_DAYS_JAN_AUG_2020: Record<string, number> = {
  'varddygn-institution-vuxna': 3414,
  'varddygn-institution-bu': 3890 + Math.round(((7185 - 3890 - 2564) * 3890) / (3890 + 2564)),
  'varddygn-hvb-ekb': 2564 + (7185 - 3890 - 2564) - Math.round(((7185 - 3890 - 2564) * 3890) / (3890 + 2564)),
};

/** Care days: no printed month, so every month is synthetic, fitted to the printed period sums. */
function careDays(kpiId: string, labels: string[], unit: string): DemoObservation[] {
  const janAug = CARE_DAYS_JAN_AUG_2020[kpiId];
  const constraints = [...volumeConstraints(labels, 'sum'), ...(janAug === undefined ? [] : [{ start: '2020-01', end: '2020-08', total: janAug }])];
  const anchors = constraints.map((c): [Month, number] => [c.start, c.total / (monthNumber(c.end) - monthNumber(c.start) + 1)]);
  const base = baselineSeries(kpiId, DEMO_MONTHS, (m) => levelAt(anchors, m), SEASON_FLAT, 0.1);
  const cells: SeriesCell[] = DEMO_MONTHS.map((month, i) => ({ month, unit, value: Math.round(base[i] ?? 0), fixed: false }));
  fitToConstraints(cells, constraints, true);
  return cells.map((c) => syn(kpiId, unit, c.month, 'T', c.value));
}

/** Numbers placed (K = flickor/kvinnor, M = pojkar/män): the printed Jan–Feb 2018, then a random walk around that level. */
function placed(kpiId: string, category: string, unit: string, adults: boolean): DemoObservation[] {
  const out: DemoObservation[] = [];
  const rand = createRandom(seedOf(kpiId));
  const groups: ['K' | 'M', string][] = adults
    ? [
        ['K', 'Kvinnor'],
        ['M', 'Män'],
      ]
    : [
        ['K', 'Flickor'],
        ['M', 'Pojkar'],
      ];
  for (const [gender, group] of groups) {
    const reported = monthly('monthly_children_adults', (r) => r.category === category && r.group === group);
    const printed = [...reported.values()].map((f) => f.value);
    const start = printed.length ? printed.reduce((a, b) => a + b, 0) / printed.length : 2;
    let level = start;
    for (const month of DEMO_MONTHS) {
      const r = reported.get(month);
      if (r) {
        out.push({ ...syn(kpiId, unit, month, gender, r.value), origin: 'reported', sourceFile: r.source, sourceRow: r.line });
        continue;
      }
      // Mean-reverting walk so small groups stay small (and sometimes zero) as in real life.
      level = Math.max(0, level + (rand() - 0.5) * Math.max(1, start * 0.15) + (start - level) * 0.1);
      out.push(syn(kpiId, unit, month, gender, Math.round(level)));
    }
  }
  return out;
}

/** Placement costs (tkr) on the placing enhet: printed 2021–2022 months, synthetic before. */
function costs(): DemoObservation[] {
  const reported = monthly('monthly_costs_tkr', (r) => r.series === 'placeringar_kostnad', 'value_tkr');
  const base = baselineSeries(
    'placeringskostnad',
    DEMO_MONTHS,
    (m) =>
      levelAt(
        [
          ['2018-01', 5200],
          ['2020-06', 5900],
          ['2022-06', 6300],
        ],
        m,
      ),
    SEASON_FLAT,
    0.12,
  );
  const cells: SeriesCell[] = DEMO_MONTHS.map((month, i) => {
    const r = reported.get(month);
    return r ? { month, unit: 'BU', value: r.value, fixed: true, source: r.source, line: r.line } : { month, unit: 'BU', value: Math.round(base[i] ?? 0), fixed: false };
  });
  // T1 2019's placements cost 24 054 tkr (002 l.267: köpt huvudverksamhet).
  fitToConstraints(cells, [{ start: '2019-01', end: '2019-04', total: 24_054 }], true);
  return cells.map((c) =>
    c.fixed
      ? { ...syn('placeringskostnad', 'BU', c.month, 'T', c.value), origin: 'reported' as const, sourceFile: c.source ?? null, sourceRow: c.line ?? null }
      : syn('placeringskostnad', 'BU', c.month, 'T', c.value),
  );
}

export function placementObservations(): DemoObservation[] {
  const vd = (label: string) => [label, label.replace('vårddygn', 'vårdygn')];
  return [
    ...careDays(
      'varddygn-familjehem-ekb',
      [...vd('Antal utnyttjade vårddygn i familjehem, ensamkommande barn och unga'), 'Vårddygn i familjehem, ensamkommande barn och unga'],
      'BU',
    ),
    ...careDays(
      'varddygn-hvb-ekb',
      [
        'Antal utnyttjade vårdygn i stödboende/HVB, ensamkommande barn och unga',
        'Antal utnyttjade vårddygn i stödboende/HVB, ensamkommande barn och unga',
        'Vårddygn i stödboende/HVB, ensamkommande barn och unga',
      ],
      'BU',
    ),
    ...careDays(
      'varddygn-familjehem-bu',
      ['Antal utnyttjade vårddygn i familjehem, barn och unga exkl ensamkommande', 'Vårddygn i familjehem, barn och unga exkl ensamkommande'],
      'BU',
    ),
    ...careDays(
      'varddygn-institution-bu',
      ['Antal utnyttjade vårddygn på institution, barn och unga exkl ensamkommande', 'Vårddygn på institution, barn och unga exkl ensamkommande'],
      'BU',
    ),
    ...careDays('varddygn-institution-vuxna', ['Antal utnyttjade vårddygn på institution, vuxna', 'Antal utnyttjande vårddygn på institution, vuxna'], 'VUXEN'),
    ...careDays('varddygn-varnas', ['Antal utnyttjade vårddygn på Vårnäs, öppet intag'], 'VUXEN'),
    ...placed('placerade-familjehem-sol', 'Familjehemsplacerade <21 år SoL', 'BU', false),
    ...placed('placerade-familjehem-lvu', 'Familjehemsplacerade < 21 år LVU', 'BU', false),
    ...placed('placerade-hvb-sol', 'Barn HVB /SoL < 21 år', 'BU', false),
    ...placed('placerade-hvb-lvu', 'Barn HVB /LVU < 21 år', 'BU', false),
    ...placed('placerade-sis-barn', 'Barn SIS < 21 år', 'BU', false),
    ...placed('placerade-hvb-vuxna', 'Vuxna HVB/SOL', 'VUXEN', true),
    ...placed('placerade-lvm-vuxna', 'Vuxna LVM/SIS', 'VUXEN', true),
    ...placed('placerade-familjehem-vuxna', 'Vuxna, familjehemsplacering', 'VUXEN', true),
    ...costs(),
  ];
}
