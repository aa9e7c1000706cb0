import { monthIndex, monthNumber, monthRange, type Month } from '@lagesbild/domain';
import { levelAt, PERSONNEL_MONTHS } from './fit.js';
import { fitSplit } from './personnel-figures.js';

export type G = 'K' | 'M' | 'T';
/** A printed window of one KPI: its months and the printed T, K, M (any may be missing). */
export interface Window {
  start: Month;
  end: Month;
  T?: number;
  K?: number;
  M?: number;
}
export type PerGender = Partial<Record<G, number>>;
export interface NumDen {
  num: number;
  den: number;
}

const byLength = (a: Window, b: Window) => monthIndex(a.end) - monthIndex(a.start) - (monthIndex(b.end) - monthIndex(b.start));

/** The printed value the fit aims at per stored gender: K and M chosen so T comes out (fitSplit), or T where only T is stored or printed. */
function targets(w: Window, genders: readonly G[], weight: (g: G) => number): PerGender {
  if (!genders.includes('K')) return { T: w.T ?? 0 };
  const k = w.K ?? w.T ?? 0;
  const m = w.M ?? w.T ?? 0;
  if (w.T === undefined || w.K === undefined || w.M === undefined) return { K: k, M: m };
  return fitSplit({ T: w.T, K: k, M: m }, weight('K'), weight('M'));
}

/**
 * Numerators for a share KPI at förvaltning level: in every printed window
 * Σ num / Σ den × 100 is the fitted printed figure (shortest windows first;
 * their months are then locked for the longer windows that contain them);
 * other months follow the printed level, interpolated, times `season`.
 */
export function fitShare(windows: readonly Window[], genders: readonly G[], den: (g: G, m: Month) => number, season: readonly number[]): Map<Month, Record<string, NumDen>> {
  const out = new Map<Month, Record<string, NumDen>>();
  const sorted = [...windows].sort(byLength);
  const anchors = new Map(genders.map((g) => [g, sorted.map((w): [Month, number] => [w.start, w[g] ?? w.T ?? 0])]));
  const base = (g: G, m: Month) => (levelAt(anchors.get(g) ?? [], m) / 100) * (season[monthNumber(m) - 1] ?? 1);
  const set = (m: Month, g: G, num: number) => {
    const cell = out.get(m) ?? {};
    cell[g] = { num: Math.max(0, num), den: den(g, m) };
    out.set(m, cell);
  };
  for (const w of sorted) {
    const months = monthRange(w.start, w.end);
    const t = targets(w, genders, (g) => months.reduce((a, m) => a + den(g, m), 0));
    for (const g of genders) {
      const free = months.filter((m) => out.get(m)?.[g] === undefined);
      const locked = months.filter((m) => !free.includes(m)).reduce((a, m) => a + (out.get(m)?.[g]?.num ?? 0), 0);
      const need = ((t[g] ?? 0) / 100) * months.reduce((a, m) => a + den(g, m), 0) - locked;
      const shape = free.reduce((a, m) => a + base(g, m) * den(g, m), 0);
      for (const m of free) set(m, g, shape > 0 ? (need * base(g, m) * den(g, m)) / shape : need / free.length);
    }
  }
  for (const m of PERSONNEL_MONTHS) for (const g of genders) if (out.get(m)?.[g] === undefined) set(m, g, base(g, m) * den(g, m));
  return out;
}

/**
 * A level at förvaltning level: a stock ('last') is the printed figure in
 * the window's month and interpolated between; a flow ('sum') spreads each
 * window's printed total over its months and runs at the neighbouring
 * windows' monthly rate elsewhere. Integer series stay whole.
 */
export function fitLevel(windows: readonly Window[], genders: readonly G[], mode: 'last' | 'sum', integer: boolean): Map<Month, PerGender> {
  const out = new Map<Month, PerGender>();
  for (const g of genders) {
    const rate = (w: Window) => (w[g] ?? 0) / (mode === 'sum' ? monthRange(w.start, w.end).length : 1);
    const anchors = windows.map((w): [Month, number] => [w.end, rate(w)]);
    const inWindow = new Map<Month, number>();
    for (const w of windows) {
      const months = monthRange(w.start, w.end);
      const parts =
        mode === 'sum'
          ? apportion(
              w[g] ?? 0,
              months.map(() => 1),
              integer,
            )
          : months.map((m) => (m === w.end ? (w[g] ?? 0) : levelAt(anchors, m)));
      months.forEach((m, i) => inWindow.set(m, parts[i] ?? 0));
    }
    let carry = 0;
    for (const m of PERSONNEL_MONTHS) {
      const cell = out.get(m) ?? {};
      const fixed = inWindow.get(m);
      if (fixed !== undefined) cell[g] = fixed;
      else if (!integer) cell[g] = levelAt(anchors, m);
      else if (mode === 'last') cell[g] = Math.round(levelAt(anchors, m));
      else {
        // Whole leavers per month whose running total follows the rate.
        carry += levelAt(anchors, m);
        cell[g] = Math.floor(carry);
        carry -= Math.floor(carry);
      }
      out.set(m, cell);
    }
  }
  return out;
}

/**
 * Splits `total` in proportion to `weights`; whole numbers (largest
 * remainder) when `integer`, never more than a cap where one is given.
 */
export function apportion(total: number, weights: readonly number[], integer: boolean, caps?: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / Math.max(1, weights.length)));
  if (!integer) return exact;
  const out = exact.map(Math.floor);
  let rest = Math.round(total) - out.reduce((a, x) => a + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let pass = 0; rest > 0 && pass < 3; pass++) {
    for (const [, i] of order) {
      if (rest <= 0) break;
      if (caps && (out[i] ?? 0) + 1 > (caps[i] ?? Number.POSITIVE_INFINITY)) continue;
      out[i] = (out[i] ?? 0) + 1;
      rest--;
    }
  }
  return out;
}
