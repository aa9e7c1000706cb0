import { monthIndex, monthNumber, monthRange, type Gender, type Month } from '@lagesbild/domain';
import { createRandom, noise, seedOf } from './random.js';
import type { DemoObservation } from './types.js';

/** A monthly value being generated; reported ones are fixed and never changed. */
export interface SeriesCell {
  month: Month;
  unit: string;
  value: number;
  fixed: boolean;
  source?: string;
  line?: number;
}

/** A fitted cell as a demo observation: a printed month is 'reported' with its source line, the rest 'synthetic'. */
export function cellObservation(kpiId: string, c: SeriesCell, gender: Gender = 'T'): DemoObservation {
  return {
    kpiId,
    unitCode: c.unit,
    month: c.month,
    gender,
    ageBand: '',
    numerator: c.value,
    denominator: null,
    origin: c.fixed ? 'reported' : 'synthetic',
    sourceFile: c.source ?? null,
    sourceRow: c.line ?? null,
  };
}

/** "The figures over these months add up to this total" (a mean constraint is passed as mean × months). */
export interface SumConstraint {
  start: Month;
  end: Month;
  total: number;
}

/**
 * Scales the free cells of each constraint so that its total comes out
 * exactly, shortest constraints first (the reports' periods are nested or
 * disjoint: jan–apr inside the year). Cells fitted to one constraint are
 * locked for the longer ones. Integer series stay integers.
 */
export function fitToConstraints(cells: SeriesCell[], constraints: SumConstraint[], integer: boolean): void {
  const locked = new Set<SeriesCell>(cells.filter((c) => c.fixed));
  const sorted = [...constraints].sort((a, b) => monthIndex(a.end) - monthIndex(a.start) - (monthIndex(b.end) - monthIndex(b.start)));
  for (const con of sorted) {
    const lo = monthIndex(con.start);
    const hi = monthIndex(con.end);
    const inside = cells.filter((c) => monthIndex(c.month) >= lo && monthIndex(c.month) <= hi);
    const free = inside.filter((c) => !locked.has(c));
    if (free.length === 0) continue;
    const lockedSum = inside.filter((c) => locked.has(c)).reduce((a, c) => a + c.value, 0);
    const need = Math.max(0, con.total - lockedSum);
    const freeSum = free.reduce((a, c) => a + c.value, 0);
    for (const c of free) c.value = freeSum > 0 ? (c.value * need) / freeSum : need / free.length;
    if (integer) roundKeepingSum(free, Math.round(need));
    for (const c of free) locked.add(c);
  }
}

/** Rounds to integers while keeping the exact sum, giving the remainder to the largest cells. */
function roundKeepingSum(cells: SeriesCell[], sum: number): void {
  for (const c of cells) c.value = Math.floor(c.value);
  let rest = sum - cells.reduce((a, c) => a + c.value, 0);
  const bySize = [...cells].sort((a, b) => b.value - a.value);
  for (let i = 0; rest > 0 && bySize.length > 0; i = (i + 1) % bySize.length, rest--) {
    const c = bySize[i];
    if (c) c.value += 1;
  }
}

/** Level over time: linear between anchor points (month → level), flat beyond them. */
export function levelAt(anchors: [Month, number][], m: Month): number {
  const pts = [...anchors].sort((a, b) => monthIndex(a[0]) - monthIndex(b[0]));
  const x = monthIndex(m);
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last) return 0;
  if (x <= monthIndex(first[0])) return first[1];
  if (x >= monthIndex(last[0])) return last[1];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (!a || !b) continue;
    const xa = monthIndex(a[0]);
    const xb = monthIndex(b[0]);
    if (x <= xb) return a[1] + ((b[1] - a[1]) * (x - xa)) / (xb - xa);
  }
  return last[1];
}

/** A plausible monthly series: level × seasonal factor × noise, deterministic per name. */
export function baselineSeries(name: string, months: Month[], level: (m: Month) => number, seasonal: readonly number[], amplitude = 0.06): number[] {
  const rand = createRandom(seedOf(name));
  return months.map((m) => Math.max(0, level(m) * (seasonal[monthNumber(m) - 1] ?? 1) * noise(rand, amplitude)));
}

export const DEMO_MONTHS = monthRange('2018-01', '2022-12');
export const PERSONNEL_MONTHS = monthRange('2017-12', '2022-12');

/** Summer dip (holidays) and winter peak, typical of municipal case volumes. */
export const SEASON_CASES = [1.05, 1.0, 1.05, 1.0, 0.98, 0.95, 0.85, 0.92, 1.02, 1.05, 1.03, 1.0];
export const SEASON_FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
/** Sick leave peaks in winter (infections) and dips in summer. */
export const SEASON_SICK = [1.2, 1.25, 1.1, 1.0, 0.9, 0.85, 0.7, 0.8, 0.95, 1.05, 1.1, 1.15];
