import type { Month } from '@lagesbild/domain';
import { PERSONNEL_MONTHS, SEASON_FLAT, SEASON_SICK } from './fit.js';
import { fteByMonth, HOURS_PER_FTE, leavesAt, staffShare, unitFactors } from './demo-personnel.js';
import { apportion, fitLevel, fitShare, type G, type NumDen, type Window } from './personnel-fit.js';
import { printedWindows } from './personnel-windows.js';
import type { DemoObservation } from './types.js';

type KM = 'K' | 'M';
const KM: KM[] = ['K', 'M'];
/** Share of the ordinary hours worked by månadsanställda and by tillsvidareanställda (the HR system's populations). */
const MONTHLY_HOURS = 0.97;
const PERMANENT_HOURS = 0.92;

/** The printed windows of a KPI inside the demo's months; a figure on a date ('last') is its end month. */
function windows(kpi: string, onDate = false): Window[] {
  return printedWindows(kpi)
    .filter((w) => w.start >= (PERSONNEL_MONTHS[0] ?? '2017-12'))
    .map((w) => (onDate ? { ...w, start: w.end } : w));
}

function obs(kpiId: string, unitCode: string, month: Month, gender: G, numerator: number, denominator: number | null): DemoObservation {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    kpiId,
    unitCode,
    month,
    gender,
    ageBand: '',
    numerator: r(numerator),
    denominator: denominator === null ? null : r(denominator),
    origin: 'synthetic',
    sourceFile: null,
    sourceRow: null,
  };
}

/** Whole persons where the printed figure allows (within half a tenth of a per cent), else the exact share. */
function wholeIfPrinted(num: Record<KM, NumDen>, w: Window | undefined): Record<KM, number> {
  const whole = { K: Math.round(num.K.num), M: Math.round(num.M.num) };
  if (!w) return whole;
  const near = (n: number, d: number, p: number | undefined) => p === undefined || (d > 0 && Math.abs((100 * n) / d - p) <= 0.05 + 1e-9);
  const ok = near(whole.K, num.K.den, w.K) && near(whole.M, num.M.den, w.M) && near(whole.K + whole.M, num.K.den + num.M.den, w.T);
  return ok ? whole : { K: num.K.num, M: num.M.num };
}

/** Staff weights of the leaves in a month (both genders), for figures printed only for the whole förvaltning. */
const staffWeights = (m: Month, leaves: string[], fte: Map<Month, Record<KM, number>>) =>
  leaves.map((u) => KM.reduce((a, g) => a + staffShare(u, g, m) * (fte.get(m)?.[g] ?? 0), 0));

/** Headcounts on a date and the shares of them (employment forms), whole persons per enhet where the print allows. */
function headcountObservations(out: DemoObservation[]): Map<Month, Record<KM, number[]>> {
  const counts = fitLevel(windows('manadsanstallda', true), KM, 'last', true);
  const perUnit = new Map<Month, Record<KM, number[]>>();
  const permanent = new Map<Month, Record<KM, number[]>>();
  for (const m of PERSONNEL_MONTHS) {
    const leaves = leavesAt(m);
    const split = { K: [] as number[], M: [] as number[] };
    for (const g of KM) {
      split[g] = apportion(
        counts.get(m)?.[g] ?? 0,
        leaves.map((u) => staffShare(u, g, m)),
        true,
      );
      leaves.forEach((u, i) => out.push(obs('manadsanstallda', u, m, g, split[g][i] ?? 0, null)));
    }
    perUnit.set(m, split);
  }
  const headcount = (g: G, m: Month) => counts.get(m)?.[g as KM] ?? 0;
  const fullTime = new Map<Month, Record<KM, number[]>>();
  for (const kpi of ['andel-tillsvidare', 'andel-heltid', 'andel-valt-deltid']) {
    const ws = windows(kpi, true);
    const fitted = fitShare(ws, KM, headcount, SEASON_FLAT);
    for (const m of PERSONNEL_MONTHS) {
      const cell = fitted.get(m);
      const dens = perUnit.get(m);
      if (!cell?.K || !cell.M || !dens) continue;
      const soc = wholeIfPrinted(
        { K: cell.K, M: cell.M },
        ws.find((w) => w.end === m),
      );
      const split = { K: [] as number[], M: [] as number[] };
      const leaves = leavesAt(m);
      for (const g of KM) {
        split[g] = apportion(soc[g], dens[g], Number.isInteger(soc[g]), dens[g]);
        leaves.forEach((u, i) => out.push(obs(kpi, u, m, g, split[g][i] ?? 0, dens[g][i] ?? 0)));
        // Visstidsanställda are the månadsanställda who are not tillsvidare (the two print as complements, 000 l.988–990).
        if (kpi === 'andel-tillsvidare') leaves.forEach((u, i) => out.push(obs('andel-visstid', u, m, g, (dens[g][i] ?? 0) - (split[g][i] ?? 0), dens[g][i] ?? 0)));
      }
      if (kpi === 'andel-heltid') fullTime.set(m, split);
      if (kpi === 'andel-tillsvidare') permanent.set(m, split);
    }
  }
  // Sysselsättningsgrad over those who work part time (månadsanställda − heltid).
  const partTime = (m: Month, g: KM) => (perUnit.get(m)?.[g] ?? []).map((n, i) => n - (fullTime.get(m)?.[g]?.[i] ?? 0));
  const grade = fitShare(windows('sysselsattningsgrad-deltid', true), KM, (g, m) => partTime(m, g as KM).reduce((a, x) => a + x, 0), SEASON_FLAT);
  for (const m of PERSONNEL_MONTHS) {
    const leaves = leavesAt(m);
    for (const g of KM) {
      const dens = partTime(m, g);
      const parts = apportion(grade.get(m)?.[g]?.num ?? 0, dens, false);
      leaves.forEach((u, i) => (dens[i] ?? 0) > 0 && out.push(obs('sysselsattningsgrad-deltid', u, m, g, parts[i] ?? 0, dens[i] ?? 0)));
    }
  }
  return permanent;
}

/** A share fitted at förvaltning level, spread over the enheter by their denominators, each enhet a little off (normalised). */
function spreadShare(
  out: DemoObservation[],
  kpi: string,
  genders: G[],
  fitted: Map<Month, Record<string, NumDen>>,
  weights: (m: Month, g: G, leaves: string[]) => number[],
  vary: boolean,
): void {
  for (const m of PERSONNEL_MONTHS) {
    const leaves = leavesAt(m);
    for (const g of genders) {
      const cell = fitted.get(m)?.[g];
      if (!cell) continue;
      const w = weights(m, g, leaves);
      const f = vary && g !== 'T' ? unitFactors(m, g) : new Map<string, number>();
      const dens = apportion(cell.den, w, false);
      const nums = apportion(
        cell.num,
        leaves.map((u, i) => (dens[i] ?? 0) * (f.get(u) ?? 1)),
        false,
      );
      leaves.forEach((u, i) => out.push(obs(kpi, u, m, g, nums[i] ?? 0, dens[i] ?? 0)));
    }
  }
}

/**
 * Every personnel key figure the reports print beyond sick leave (all
 * employees) and årsarbetare: generated per month so that the engine gives
 * each printed figure over its printed months (personnel-windows.ts), and
 * spread over the enheter of each month.
 */
export function personnelKeyObservations(): DemoObservation[] {
  const out: DemoObservation[] = [];
  const fte = fteByMonth();
  const hours = (g: G, m: Month) => (fte.get(m)?.[g as KM] ?? 0) * HOURS_PER_FTE;
  const byStaff = (m: Month, g: G, leaves: string[]) => (g === 'T' ? staffWeights(m, leaves, fte) : leaves.map((u) => staffShare(u, g, m)));
  const permanent = headcountObservations(out);

  // Hourly-paid share of årsarbetare; the monthly-paid share is the rest of the same hours (000 l.982–984).
  const hourly = fitShare(windows('andel-timanstallda'), KM, (g, m) => fte.get(m)?.[g as KM] ?? 0, SEASON_FLAT);
  spreadShare(out, 'andel-timanstallda', KM, hourly, byStaff, false);
  const monthly = new Map([...hourly].map(([m, c]) => [m, Object.fromEntries(Object.entries(c).map(([g, v]) => [g, { num: v.den - v.num, den: v.den }]))]));
  spreadShare(out, 'andel-manadsanstallda', KM, monthly, byStaff, false);

  const sick: [string, number][] = [
    ['sjukfranvaro-tillsvidare', PERMANENT_HOURS],
    ['sjukfranvaro-manadsanstallda', MONTHLY_HOURS],
    ['sjukfranvaro-kort', 1],
    ['sjukfranvaro-mellan', 1],
    ['sjukfranvaro-over-90', 1],
    ['sjukfranvaro-manadsanstallda-kort', MONTHLY_HOURS],
    ['sjukfranvaro-manadsanstallda-mellan', MONTHLY_HOURS],
    ['sjukfranvaro-manadsanstallda-over-90', MONTHLY_HOURS],
  ];
  for (const [kpi, part] of sick) {
    spreadShare(
      out,
      kpi,
      KM,
      fitShare(windows(kpi), KM, (g, m) => hours(g, m) * part, SEASON_SICK),
      byStaff,
      true,
    );
  }
  // Frisktal: tillsvidareanställda counted in ordinary hours (165 a person) on the date.
  const permanentHours = (g: G, m: Month) => (permanent.get(m)?.[g as KM] ?? []).reduce((a, n) => a + n, 0) * HOURS_PER_FTE;
  const healthy = fitShare(windows('frisktal', true), KM, permanentHours, SEASON_FLAT);
  spreadShare(out, 'frisktal', KM, healthy, (m, g) => (permanent.get(m)?.[g as KM] ?? []).map((n) => n * HOURS_PER_FTE), false);

  // Payroll (tkr) and its sick-pay and overtime shares, printed for the förvaltning only (gender T).
  const payroll = fitLevel(windows('lonekostnad'), ['T'], 'sum', false);
  const pay = (_g: G, m: Month) => payroll.get(m)?.T ?? 0;
  for (const m of PERSONNEL_MONTHS) {
    const leaves = leavesAt(m);
    apportion(pay('T', m), staffWeights(m, leaves, fte), false).forEach((v, i) => out.push(obs('lonekostnad', leaves[i] ?? '', m, 'T', v, null)));
  }
  for (const kpi of ['andel-sjuklon', 'andel-overtid']) {
    spreadShare(out, kpi, ['T'], fitShare(windows(kpi), ['T'], pay, kpi === 'andel-sjuklon' ? SEASON_SICK : SEASON_FLAT), byStaff, false);
  }
  // Whole persons: rehab cases on a date, leavers and retirements over the period.
  for (const [kpi, mode] of [
    ['rehabarenden', 'last'],
    ['rehabbevakning', 'last'],
    ['slutat-egen-begaran', 'sum'],
    ['pension', 'sum'],
  ] as const) {
    const level = fitLevel(windows(kpi, mode === 'last'), ['T'], mode, true);
    for (const m of PERSONNEL_MONTHS) {
      const leaves = leavesAt(m);
      apportion(level.get(m)?.T ?? 0, staffWeights(m, leaves, fte), true).forEach((v, i) => out.push(obs(kpi, leaves[i] ?? '', m, 'T', v, null)));
    }
  }
  return out;
}
