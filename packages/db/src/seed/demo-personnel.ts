import { monthIndex, monthNumber, validAt, type Month } from '@lagesbild/domain';
import { levelAt, PERSONNEL_MONTHS, SEASON_SICK } from './fit.js';
import { DEMO_UNITS, STAFF_SHARE } from './demo-units.js';
import { fitSplit, FTE_MEASURES, monthsOfSplit, printedSplits, SICK_LEAVE_MEASURES } from './personnel-figures.js';
import { createRandom, noise, seedOf } from './random.js';
import type { DemoObservation } from './types.js';

type KM = 'K' | 'M';
const GENDERS: KM[] = ['K', 'M'];
/** Ordinary hours per full-time equivalent and month. */
export const HOURS_PER_FTE = 165;
/**
 * Each age band's share of the ordinary hours and its sick-leave rate, per
 * gender: the rates are Delår 2018's printed bands (000 l.1016–1019), the
 * shares solved so that they add up to the fitted total of that window (K
 * 6,149 %, M 5,849 %) and the bands' T (Σ both genders' hours) land in the
 * printed rounding (4,8 / 4,1 / 9,8). Elsewhere the bands keep these proportions.
 */
const AGE_BANDS = [
  { band: '-29', hours: { K: 0.26, M: 0.25 }, rate: { K: 5.445, M: 2.545 } },
  { band: '30-49', hours: { K: 0.447020345, M: 0.348629825 }, rate: { K: 4.1, M: 3.9 } },
  { band: '50-', hours: { K: 0.292979655, M: 0.401370175 }, rate: { K: 9.9, M: 9.6 } },
];

export const leavesAt = (m: Month) => DEMO_UNITS.filter((u) => STAFF_SHARE[u.code] && validAt(u, m)).map((u) => u.code);

/** Årsarbetare per gender and month: the printed figure for every month of its period, interpolated between. */
export function fteByMonth(): Map<Month, Record<KM, number>> {
  const printed = printedSplits(FTE_MEASURES);
  const out = new Map<Month, Record<KM, number>>();
  const anchors = (g: KM) => printed.map((p): [Month, number] => [p.start, p[g]]);
  for (const m of PERSONNEL_MONTHS) out.set(m, { K: levelAt(anchors('K'), m), M: levelAt(anchors('M'), m) });
  for (const p of printed) for (const m of monthsOfSplit(p)) out.set(m, { K: p.K, M: p.M });
  return out;
}

/** A unit's share of its gender's staff in month m (units that closed hand their staff to the others). */
export function staffShare(unit: string, g: KM, m: Month): number {
  const total = leavesAt(m).reduce((a, u) => a + (STAFF_SHARE[u]?.[g] ?? 0), 0);
  return total > 0 ? (STAFF_SHARE[unit]?.[g] ?? 0) / total : 0;
}

/** Sick-leave percentage per gender and month, fitted so every printed period (T, K, M) comes out. */
function sickRateByMonth(fte: Map<Month, Record<KM, number>>): Map<Month, Record<KM, number>> {
  const printed = printedSplits(SICK_LEAVE_MEASURES).sort((a, b) => monthsOfSplit(a).length - monthsOfSplit(b).length);
  const rate = new Map<Month, Record<KM, number>>();
  const base = (g: KM, m: Month) =>
    levelAt(
      printed.map((p): [Month, number] => [p.start, p[g]]),
      m,
    ) * (SEASON_SICK[monthNumber(m) - 1] ?? 1);
  const locked = new Set<Month>();
  for (const p of printed) {
    const months = monthsOfSplit(p);
    const hours = (g: KM) => months.reduce((a, m) => a + (fte.get(m)?.[g] ?? 0), 0);
    const target = fitSplit(p, hours('K'), hours('M'));
    const free = months.filter((m) => !locked.has(m));
    for (const g of GENDERS) {
      const lockedSick = months.filter((m) => locked.has(m)).reduce((a, m) => a + (rate.get(m)?.[g] ?? 0) * (fte.get(m)?.[g] ?? 0), 0);
      const needSick = Math.max(0, target[g] * hours(g) - lockedSick);
      const shape = free.reduce((a, m) => a + base(g, m) * (fte.get(m)?.[g] ?? 0), 0);
      for (const m of free) {
        const r = rate.get(m) ?? { K: 0, M: 0 };
        r[g] = shape > 0 ? (base(g, m) * needSick) / shape : 0;
        rate.set(m, r);
      }
    }
    for (const m of free) locked.add(m);
  }
  for (const m of PERSONNEL_MONTHS) if (!rate.has(m)) rate.set(m, { K: base('K', m), M: base('M', m) });
  return rate;
}

function row(kpiId: string, unitCode: string, month: Month, gender: KM, ageBand: string, num: number, den: number): DemoObservation {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { kpiId, unitCode, month, gender, ageBand, numerator: r2(num), denominator: r2(den), origin: 'synthetic', sourceFile: null, sourceRow: null };
}

/** Leaf units differ (some have more sick leave); factors are normalised so the förvaltning total is unchanged. */
export function unitFactors(m: Month, g: KM): Map<string, number> {
  const leaves = leavesAt(m);
  const raw = new Map(leaves.map((u) => [u, 0.6 + createRandom(seedOf(`sick-${u}-${Math.floor(monthIndex(m) / 6)}`))() * 0.9]));
  const weighted = leaves.reduce((a, u) => a + (raw.get(u) ?? 1) * staffShare(u, g, m), 0);
  return new Map(leaves.map((u) => [u, (raw.get(u) ?? 1) / weighted]));
}

export function personnelObservations(): DemoObservation[] {
  const fte = fteByMonth();
  const rate = sickRateByMonth(fte);
  const out: DemoObservation[] = [];
  const longShare = { K: 0.239, M: 0.667 };
  for (const m of PERSONNEL_MONTHS) {
    for (const g of GENDERS) {
      const total = fte.get(m)?.[g] ?? 0;
      const factors = unitFactors(m, g);
      for (const u of leavesAt(m)) {
        const unitFte = total * staffShare(u, g, m);
        out.push({ ...row('arsarbetare', u, m, g, '', unitFte, 0), denominator: null });
        const hours = unitFte * HOURS_PER_FTE;
        const sick = (hours * (rate.get(m)?.[g] ?? 0) * (factors.get(u) ?? 1)) / 100;
        const bandNorm = AGE_BANDS.reduce((a, b) => a + b.hours[g] * b.rate[g], 0);
        for (const b of AGE_BANDS) {
          out.push(row('sjukfranvaro', u, m, g, b.band, (sick * b.hours[g] * b.rate[g]) / bandNorm, hours * b.hours[g]));
        }
        out.push(row('sjukfranvaro-lang', u, m, g, '', sick * longShare[g], sick));
      }
    }
  }
  return out;
}

/** HME survey (autumn each year): score sums over respondents per enhet and gender. */
export function hmeObservations(): DemoObservation[] {
  // Printed in the indicator annex of Delår 2020 (004, lines 493–496): T, K, M on the 1–5 scale.
  const printed: Record<string, { T: number; K: number; M: number }> = {
    hme: { T: 4.1, K: 4.0, M: 4.2 },
    'hme-ledarskap': { T: 4.1, K: 4.0, M: 4.4 },
    'hme-motivation': { T: 4.1, K: 4.1, M: 4.2 },
    'hme-styrning': { T: 3.9, K: 3.9, M: 4.2 },
  };
  const fte = fteByMonth();
  const out: DemoObservation[] = [];
  for (const year of [2018, 2019, 2020, 2021, 2022]) {
    const m: Month = `${year}-10`;
    const leaves = leavesAt(m);
    const respondents = (u: string, g: KM) => Math.max(1, Math.round((fte.get(m)?.[g] ?? 0) * staffShare(u, g, m) * 0.88));
    const totalResp = (g: KM) => leaves.reduce((a, u) => a + respondents(u, g), 0);
    for (const [kpiId, p] of Object.entries(printed)) {
      const rand = createRandom(seedOf(`${kpiId}-${year}`));
      // 2019 is the printed survey; other years drift a little around it.
      const shift = year === 2019 ? 0 : (rand() - 0.5) * 0.3;
      const target = fitSplit({ T: p.T + shift, K: p.K + shift, M: p.M + shift }, totalResp('K'), totalResp('M'));
      for (const g of GENDERS) {
        const raw = new Map(leaves.map((u) => [u, noise(rand, 0.05)]));
        const norm = leaves.reduce((a, u) => a + (raw.get(u) ?? 1) * respondents(u, g), 0) / totalResp(g);
        for (const u of leaves) {
          const n = respondents(u, g);
          out.push(row(kpiId, u, m, g, '', (target[g] * (raw.get(u) ?? 1) * n) / norm, n));
        }
      }
    }
  }
  return out;
}
