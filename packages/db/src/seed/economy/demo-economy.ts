import { monthRange } from '@lagesbild/domain';
import { monthly } from '../reported-lookup.js';
import { referenceRows } from '../reference-csv.js';
import type { DemoObservation } from '../types.js';
import { operatingResult } from './operating-result.js';
import type { DemoEconomy, DemoEconomyAmount, DemoInvestment, DemoPrognos } from './types.js';

const FS = 'utbetalt-forsorjningsstod';
const PLACEMENTS = 'placeringskostnad';

const budget = (unitCode: string, line: string, month: string, amountTkr: number, origin: 'reported' | 'demo', source: string): DemoEconomyAmount => ({
  unitCode,
  line,
  month,
  kind: 'budget',
  amountTkr,
  origin,
  source,
});

const prognos = (unitCode: string, line: string, period: string, deviationTkr: number, source: string, label: string): DemoPrognos => ({
  unitCode,
  line,
  period,
  deviationTkr,
  label,
  origin: 'reported',
  source,
});

/**
 * The budgets of two KPIs the reports follow month by month, on the enhet whose cells they are:
 * försörjningsstöd 3 514 tkr a month in 2022 (001 l.477); placements as printed for 2021 and 2022
 * (001 l.496, 498), T1 2019's 12 805 tkr (002 l.267) spread over jan–apr, and for 2020, where no
 * budget is printed, a demo budget set so that jan–aug comes out 14 255 tkr over it (004 l.279).
 */
function kpiBudgets(observations: readonly DemoObservation[]): DemoEconomyAmount[] {
  const out: DemoEconomyAmount[] = monthRange('2022-01', '2022-12').map((m) =>
    budget('EKBIST', FS, m, 3_514, 'reported', 'Tertialrapport T1 2022, 001 rad 477: budgetnivå 3 514 tkr per månad'),
  );
  for (const [month, f] of monthly('monthly_costs_tkr', (r) => r.series === 'placeringar_budget', 'value_tkr'))
    out.push(budget('BU', PLACEMENTS, month, f.value, 'reported', `Tertialrapport T1 2022, ${f.source.slice(0, 3)} rad ${f.line}`));
  for (const m of monthRange('2019-01', '2019-04'))
    out.push(budget('BU', PLACEMENTS, m, 12_805 / 4, 'reported', 'Tertialrapport T1 2019, 002 rad 267: budget 12 805 tkr jan–apr, fördelat på månaderna'));
  const janAug = observations.filter((o) => o.kpiId === PLACEMENTS && o.month >= '2020-01' && o.month <= '2020-08').reduce((a, o) => a + o.numerator, 0);
  const monthly2020 = (janAug - 14_255) / 8;
  for (const m of monthRange('2020-01', '2020-12'))
    out.push(budget('BU', PLACEMENTS, m, monthly2020, 'demo', 'Demo: ingen månadsbudget tryckt för 2020; satt så att jan–aug blir 14 255 tkr över budget (004 rad 279)'));
  return out;
}

const KPI_PROGNOSES: DemoPrognos[] = [
  prognos('EKBIST', FS, '2022-T1', -5_000, 'Tertialrapport T1 2022, 001 rad 477', 'Prognosen för helår'),
  prognos('BU', PLACEMENTS, '2019-T1', -23_000, 'Tertialrapport T1 2019, 002 rad 267', 'Prognos budgetavvikelse helår 2019'),
  prognos('BU', PLACEMENTS, '2020-D', -19_000, 'Delårsrapport 2020, 004 rad 279', 'Prognosen för placeringar på helår'),
  prognos('BU', PLACEMENTS, '2022-T1', -10_567, 'Tertialrapport T1 2022, 001 rad 491', 'Prognosen för helår'),
];

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** The investeringsredovisning of each report, as printed (reference/investments_tkr.csv, transcribed with seed lines). */
function investmentRows(): DemoInvestment[] {
  return referenceRows('investments_tkr').map((r, i) => ({
    unitCode: 'SOC',
    period: r.period ?? '',
    project: r.project ?? '',
    sortOrder: i,
    utfallTkr: Number(r.utfall),
    budgetTkr: Number(r.budget),
    budgetLabel: r.budget_label ?? '',
    deviationTkr: Number(r.avvikelse),
    prognosTkr: num(r.prognos),
    prognosLabel: r.prognos_label || null,
    totalBudgetTkr: num(r.total_budget),
    accumulatedTkr: num(r.accumulated),
    completes: r.completes === '' ? null : r.completes === 'ja',
    origin: 'reported',
    source: `${r.report}, ${(r.source ?? '').slice(0, 3)} rad ${r.line}`,
  }));
}

/** Everything economic of the demo: the four driftsredovisningar, the KPI budgets and prognoses, the investments. */
export function demoEconomy(observations: readonly DemoObservation[]): DemoEconomy {
  const operating = operatingResult();
  return {
    amounts: [...operating.amounts, ...kpiBudgets(observations)],
    prognoses: [...operating.prognoses, ...KPI_PROGNOSES],
    investments: investmentRows(),
  };
}
