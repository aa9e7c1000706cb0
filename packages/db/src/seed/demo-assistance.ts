import { monthNumber, yearOf, type Month } from '@lagesbild/domain';
import { baselineSeries, DEMO_MONTHS, fitToConstraints, levelAt, SEASON_CASES, type SeriesCell, type SumConstraint } from './fit.js';
import { createRandom, noise, seedOf } from './random.js';
import { HOUSEHOLD_LABELS, monthly, volumeConstraints } from './reported-lookup.js';
import type { DemoObservation } from './types.js';

const EB = 'monthly_economic_assistance';
const UNIT = 'EKBIST';
const byLabel = (label: string) => monthly(EB, (r) => r.row_label === label);

function obs(kpiId: string, month: Month, gender: 'K' | 'M' | 'T', value: number, src?: { source: string; line: number }): DemoObservation {
  return {
    kpiId,
    unitCode: UNIT,
    month,
    gender,
    ageBand: '',
    numerator: value,
    denominator: null,
    origin: src ? 'reported' : 'synthetic',
    sourceFile: src?.source ?? null,
    sourceRow: src?.line ?? null,
  };
}

/**
 * Households paid and kronor over the months the prose of the reports gives.
 * 004 l.100 and l.179: "i snitt 582" households a month jan–aug 2020, 14 fewer
 * than the same period 2019; 004 l.376: 8 529 kr per household jan–aug 2020;
 * 004 l.179: 8 577 kr the same period 2019. The kronor of 2020 are printed
 * month by month (001 l.483: 39 773 tkr jan–aug), so 8 529 kr fixes the
 * household-months at 4 663 (39 773 000 / 4 663 = 8 529,3): a mean of 582,875,
 * which the prose writes as 582 (whole households, the fraction dropped).
 * 2019: 4 663 + 8 × 14 household-months, and 8 577 kr for each.
 */
const HOUSEHOLD_MONTHS_JAN_AUG = { 2020: 4663, 2019: 4663 + 8 * 14 } as const;
const KR_PER_HOUSEHOLD_JAN_AUG_2019 = 8577;

/** Households with a payment (K/M), fitted so the printed monthly means per period come out exactly. */
function households(): { obs: DemoObservation[]; totals: Map<Month, number> } {
  const reportedT = byLabel('Varav antal med utbet. under månaden');
  const reportedK = byLabel('Varav antal med utbet. under månaden / Kvinnor');
  const reportedM = byLabel('Varav antal med utbet. under månaden / Män');
  const constraints = [
    ...volumeConstraints(HOUSEHOLD_LABELS, 'mean'),
    // 000 l.527: "juli 2018 599".
    { start: '2018-07', end: '2018-07', total: 599 },
    { start: '2019-01', end: '2019-08', total: HOUSEHOLD_MONTHS_JAN_AUG[2019] },
    { start: '2020-01', end: '2020-08', total: HOUSEHOLD_MONTHS_JAN_AUG[2020] },
  ];
  const anchors = constraints.map((c): [Month, number] => [c.start, c.total / (monthNumber(c.end) - monthNumber(c.start) + 1)]);
  const base = baselineSeries('hushall-utbetalt', DEMO_MONTHS, (m) => levelAt(anchors, m), SEASON_CASES, 0.03);
  const cells: SeriesCell[] = DEMO_MONTHS.map((month, i) => {
    const r = reportedT.get(month);
    return { month, unit: UNIT, value: r ? r.value : Math.round(base[i] ?? 0), fixed: r !== undefined };
  });
  fitToConstraints(cells, constraints, true);
  const rand = createRandom(seedOf('hushall-utbetalt-kon'));
  const out: DemoObservation[] = [];
  const totals = new Map<Month, number>();
  for (const c of cells) {
    totals.set(c.month, c.value);
    const k = reportedK.get(c.month);
    const m = reportedM.get(c.month);
    if (k && m) {
      out.push(obs('hushall-utbetalt', c.month, 'K', k.value, k), obs('hushall-utbetalt', c.month, 'M', m.value, m));
      continue;
    }
    // Women's share drifts from 41 % (2018) to 46 % (2022), as in the printed months.
    const share = (0.41 + (yearOf(c.month) - 2018) * 0.012) * noise(rand, 0.03);
    const kv = Math.round(c.value * share);
    out.push(obs('hushall-utbetalt', c.month, 'K', kv), obs('hushall-utbetalt', c.month, 'M', c.value - kv));
  }
  return { obs: out, totals };
}

/** A series tied to the paying households by a ratio that drifts between the printed years. */
function related(kpiId: string, label: string, ratios: [Month, number][], totals: Map<Month, number>): DemoObservation[] {
  const reported = byLabel(label);
  const rand = createRandom(seedOf(kpiId));
  return DEMO_MONTHS.map((month) => {
    const r = reported.get(month);
    if (r) return obs(kpiId, month, 'T', r.value, r);
    return obs(kpiId, month, 'T', Math.round((totals.get(month) ?? 0) * levelAt(ratios, month) * noise(rand, 0.02)));
  });
}

/** Kronor paid: exact kr where printed, tkr × 1 000 where only the tkr table has the month. */
function paid(totals: Map<Month, number>): DemoObservation[] {
  const kr = byLabel('Utbetalt försörjningsstöd under månaden');
  const tkr = monthly('monthly_costs_tkr', (r) => r.series === 'forsorjningsstod_utbetalt', 'value_tkr', 1000);
  const rand = createRandom(seedOf('utbetalt-forsorjningsstod'));
  const out = DEMO_MONTHS.map((month) => {
    const r = kr.get(month) ?? tkr.get(month);
    if (r) return obs('utbetalt-forsorjningsstod', month, 'T', r.value, r);
    const perHousehold = levelAt(
      [
        ['2018-01', 7950],
        ['2020-01', 8500],
        ['2022-06', 8700],
      ],
      month,
    );
    return obs('utbetalt-forsorjningsstod', month, 'T', Math.round((totals.get(month) ?? 0) * perHousehold * noise(rand, 0.04)));
  });
  // "Utbetalning av ekonomiskt bistånd var under april 979 tkr lägre än mars" (002 l.301): set first, then held fixed by the refit.
  const march = out.find((o) => o.month === '2019-03');
  const april = out.find((o) => o.month === '2019-04');
  if (march && april && april.origin === 'synthetic') april.numerator = march.numerator - 979_000;
  // 004 l.179: 8 577 kr per household jan–aug 2019 (no month of 2019 is printed).
  return refit(out, [{ start: '2019-01', end: '2019-08', total: KR_PER_HOUSEHOLD_JAN_AUG_2019 * HOUSEHOLD_MONTHS_JAN_AUG[2019] }], ['2019-03', '2019-04']);
}

/** One series' synthetic months scaled so these sums come out exactly; printed months (and the months named) stay as they are. */
function refit(series: DemoObservation[], constraints: SumConstraint[], held: readonly Month[] = []): DemoObservation[] {
  const cells: SeriesCell[] = series.map((o) => ({ month: o.month, unit: UNIT, value: o.numerator, fixed: o.origin === 'reported' || held.includes(o.month) }));
  fitToConstraints(cells, constraints, true);
  return series.map((o, i) => ({ ...o, numerator: cells[i]?.value ?? o.numerator }));
}

/** 001 l.398: "antal barn … har minskat med cirka 120 barn" T1 2022 against T1 2021 (2022's months are printed, 001 l.697). */
function fewerChildrenT1(children: DemoObservation[]): DemoObservation[] {
  const t1 = children.filter((o) => o.month >= '2022-01' && o.month <= '2022-04').reduce((a, o) => a + o.numerator, 0);
  return refit(children, [{ start: '2021-01', end: '2021-04', total: t1 + 4 * 120 }]);
}

export function assistanceObservations(): DemoObservation[] {
  const hh = households();
  return [
    ...hh.obs,
    ...related(
      'hushall-totalt',
      'Totalt antal hushåll försörjningsstöd',
      [
        ['2018-01', 1.36],
        ['2022-01', 1.51],
      ],
      hh.totals,
    ),
    ...fewerChildrenT1(
      related(
        'barn-i-hushall',
        'Antal barn som ingår i försörjningsstöd',
        [
          ['2018-01', 1.46],
          ['2022-01', 1.46],
        ],
        hh.totals,
      ),
    ),
    ...paid(hh.totals),
  ];
}
