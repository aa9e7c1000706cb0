import type { KpiDefinition } from '../kpi.js';
import { compareMonths, monthIndex, type Month } from '../month.js';
import { periodKey, type Period } from '../period.js';
import { UnitTree } from '../unit-tree.js';
import type { ReleaseClosure } from './closure.js';
import { isComplement, parseRowId } from './band-rows.js';
import { families } from './families.js';
import { countingKpis, individualsIn, individualsNoun, isPrimary } from './individuals.js';
import { monthTable, type MonthTable } from './month-table.js';
import { heldPeriods } from './periods.js';
import { protectTable, type TableEntry } from './protect.js';
import { kpiSums, monthFrames, type KpiSums, type MonthlyRow } from './sums.js';
import type { CellMark, IndividualsNoun, Release, ReleaseInput, ReleasedKpi, ReleasedRow } from './types.js';

/**
 * The protected release of one organisation: every KPI × unit (in the tree as
 * it was each month) × gender × held period, rounded to display precision and
 * marked shown / primary / secondary. See docs/privacy.md for the method.
 *
 * Why months first: a period cell is a sum of its months, and months share no
 * underlying cells, so if a period is shown only when every one of its months
 * is, everything shown is spanned by the shown month cells, the month tables
 * are independent linear systems, and a hidden period (some hidden month in
 * it) stays undetermined because that month does. Each month table is then
 * protected exactly (protectTable) and small enough for dense elimination.
 */
export function buildRelease(input: ReleaseInput, part?: ReleasePart): Release {
  const used = new Set(input.observations.map((o) => o.kpi));
  const months = [...new Set(input.observations.map((o) => o.month))].sort(compareMonths);
  const first = part ? part.first : months[0];
  const last = part ? part.last : months[months.length - 1];
  if (first === undefined || last === undefined) return { periods: [], first: null, last: null, kpis: {} };
  const count = monthIndex(last) - monthIndex(first) + 1;
  const frames = monthFrames(new UnitTree(input.units), first, count);
  const catalogue = new Map(input.kpis.map((k) => [k.id, k]));
  const periods = heldPeriods(first, last);
  const base0 = monthIndex(first);
  // Month indexes of every period, computed once: constituents() runs for every row and period.
  const bounds = periods.map((p): [number, number] => [Math.max(0, monthIndex(p.start) - base0), Math.min(count - 1, monthIndex(p.end) - base0)]);
  const ctx: Ctx = { input, first, count, periods, bounds, catalogue, counters: new Map() };

  const byKpi = new Map<string, (typeof input.observations)[number][]>();
  for (const o of input.observations) {
    const list = byKpi.get(o.kpi);
    if (list) list.push(o);
    else byKpi.set(o.kpi, [o]);
  }
  const base = input.kpis.filter((k) => !k.ratioOf && used.has(k.id) && (!part || part.closure.reads.has(k.id)));
  const sums = new Map(base.map((k) => [k.id, kpiSums(k, byKpi.get(k.id) ?? [], frames, first)]));
  for (const k of base) {
    const by = countingKpis(k, catalogue)?.map((c) => sums.get(c.id));
    if (by?.every((c) => c !== undefined)) ctx.counters.set(k.id, by);
  }
  const hidden = new Map<string, Set<string>[]>();
  const kpis: Record<string, ReleasedKpi> = {};
  for (const family of families(base, input.kpis)) {
    // A counting KPI read for another's primaries: its own rows are not part of this build.
    if (part && !family.some((k) => part.closure.kpis.has(k.id))) continue;
    const members = family.flatMap((k) => sums.get(k.id) ?? []);
    const h = protectFamily(ctx, members, frames);
    for (const [id, sets] of h) hidden.set(id, sets);
    for (const s of members) if (!part || part.closure.kpis.has(s.kpi.id)) kpis[s.kpi.id] = releaseKpi(ctx, s, h.get(s.kpi.id) ?? [], members);
  }
  for (const k of input.kpis) {
    if (!k.ratioOf || (part && !part.closure.kpis.has(k.id))) continue;
    const num = sums.get(k.ratioOf.numerator);
    const den = sums.get(k.ratioOf.denominator);
    if (num && den) kpis[k.id] = releaseRatio(ctx, k, num, den, hidden);
  }
  return { periods: periods.map(periodKey), first, last, kpis };
}

/**
 * A partial build (incremental.ts in the db): only the rows of a closure's
 * KPIs, over the months the whole release holds. Equal to those rows of the
 * full build when the input holds the cells of `closure.reads` (others are ignored).
 */
export interface ReleasePart {
  closure: ReleaseClosure;
  first: Month;
  last: Month;
}

interface Ctx {
  input: ReleaseInput;
  first: Month;
  count: number;
  periods: Period[];
  /** [first, last] month index of each period, clipped to the release's months. */
  bounds: [number, number][];
  catalogue: Map<string, KpiDefinition>;
  /** KPI → the sums of the KPIs that count its individuals (care days → persons placed), where all of them have data. */
  counters: Map<string, (KpiSums | undefined)[]>;
}

/** The months of a period a row's value is made of: those with data, or only the last for a stock. */
function constituents(ctx: Ctx, k: KpiDefinition, r: MonthlyRow, pi: number): number[] {
  const [lo, hi] = ctx.bounds[pi] ?? [0, -1];
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) if (r.has[i] === 1) out.push(i);
  if (k.timeAggregation === 'last' && out.length > 1) return out.slice(-1);
  return out;
}

function sumsOver(r: MonthlyRow, idx: readonly number[]): { n: number; d: number; months: number } {
  let n = 0;
  let d = Number.NaN;
  for (const i of idx) {
    n += r.n[i] ?? 0;
    const di = r.d[i] ?? Number.NaN;
    if (!Number.isNaN(di)) d = Number.isNaN(d) ? di : d + di;
  }
  return { n, d, months: idx.length };
}

/** Whether row `id` over period `pi` counts too few individuals, by the family's largest count (familyCount). */
function primaryInPeriod(ctx: Ctx, family: readonly KpiSums[], nouns: Map<string, IndividualsNoun | null>, pi: number, id: string): boolean {
  return familyCount(
    ctx,
    family,
    nouns,
    (m, mr) => constituents(ctx, m.kpi, mr, pi),
    (m) => m.rows.get(id),
  ).primary;
}

/**
 * Individuals behind a cell, the largest count any member of the family
 * gives (the same group of people), and whether that many are too few under
 * the rule of the member that counts them (kr paid counts its households).
 */
function familyCount(
  ctx: Ctx,
  members: readonly KpiSums[],
  nouns: Map<string, IndividualsNoun | null>,
  idx: (s: KpiSums, r: MonthlyRow) => number[],
  rowOf: (s: KpiSums) => MonthlyRow | undefined,
): { count: number | null; primary: boolean } {
  let best: number | null = null;
  let by: KpiDefinition | null = null;
  for (const s of members) {
    const r = rowOf(s);
    if (!r) continue;
    const months = idx(s, r);
    const c = storedCount(ctx, s, months, rowOf) ?? individualsIn(s.kpi, nouns.get(s.kpi.id) ?? null, sumsOver(r, months));
    if (c !== null && (best === null || c > best)) {
      best = c;
      by = s.kpi;
    }
  }
  return { count: best, primary: by !== null && isPrimary(by, best, ctx.input.rules) };
}

/**
 * The stored count of a cell's individuals (persons placed beside care days):
 * Σ of the counting KPIs' same row over the same months. Null where the
 * definition names none or one of them lacks a month, or no one is counted
 * beside days that were used: then it is estimated.
 */
function storedCount(ctx: Ctx, s: KpiSums, months: readonly number[], rowOf: (s: KpiSums) => MonthlyRow | undefined): number | null {
  const by = ctx.counters.get(s.kpi.id);
  if (!by || months.length === 0) return null;
  let total = 0;
  for (const c of by) {
    const r = c ? rowOf(c) : undefined;
    if (!c || !r || months.some((i) => r.has[i] !== 1)) return null;
    total += individualsIn(c.kpi, individualsNoun(c.kpi, ctx.catalogue), sumsOver(r, months)) ?? 0;
  }
  const own = rowOf(s);
  return total <= 1e-9 && own !== undefined && sumsOver(own, months).n !== 0 ? null : total;
}

function protectFamily(ctx: Ctx, members: readonly KpiSums[], frames: ReturnType<typeof monthFrames>): Map<string, Set<string>[]> {
  const nouns = new Map(members.map((s) => [s.kpi.id, individualsNoun(s.kpi, ctx.catalogue)]));
  const tables = new Map<string, MonthTable[]>();
  for (const s of members)
    tables.set(
      s.kpi.id,
      frames.map((f, i) => monthTable(s, f, i)),
    );
  const ownRow = (s: KpiSums, id: string) => (id.startsWith('own:') ? s.own.get(id.slice(4)) : s.rows.get(id));
  const entries = new Map<string, TableEntry[][]>();
  for (const s of members) {
    entries.set(
      s.kpi.id,
      (tables.get(s.kpi.id) ?? []).map((t, i) =>
        [...t.n.entries()].map(([id, value]) => {
          const { count, primary } = familyCount(
            ctx,
            members,
            nouns,
            () => [i],
            (m) => ownRow(m, id),
          );
          return { id, value, count, primary };
        }),
      ),
    );
  }
  const forced = new Map(members.map((s) => [s.kpi.id, frames.map(() => new Set<string>())]));
  const hidden = new Map(members.map((s) => [s.kpi.id, frames.map(() => new Set<string>())]));
  // Which period cells are too small themselves depends on the data only: found once, checked each round.
  const periodPrimaries: { s: KpiSums; id: string; idx: number[]; pick: number }[] = [];
  for (const s of members)
    for (const [id, r] of s.rows)
      for (let pi = 0; pi < ctx.periods.length; pi++) {
        if (ctx.periods[pi]?.kind === 'month') continue;
        const idx = constituents(ctx, s.kpi, r, pi);
        if (idx.length < 2 || !primaryInPeriod(ctx, members, nouns, pi, id)) continue;
        const pick = [...idx].filter((i) => (r.n[i] ?? 0) !== 0).sort((a, b) => (r.n[a] ?? 0) - (r.n[b] ?? 0) || a - b)[0] ?? idx[0];
        if (pick !== undefined) periodPrimaries.push({ s, id, idx, pick });
      }
  let dirty = new Set(frames.map((_, i) => i));
  for (let round = 0; dirty.size > 0 && round < 1000; round++) {
    for (const s of members) {
      const h = hidden.get(s.kpi.id) ?? [];
      for (const i of dirty) h[i] = protectTable(entries.get(s.kpi.id)?.[i] ?? [], tables.get(s.kpi.id)?.[i]?.relations ?? [], forced.get(s.kpi.id)?.[i] ?? new Set());
    }
    const next = new Set<number>();
    const force = (s: KpiSums, i: number, id: string) => {
      const f = forced.get(s.kpi.id)?.[i];
      if (!f || f.has(id) || hidden.get(s.kpi.id)?.[i]?.has(id) || !tables.get(s.kpi.id)?.[i]?.n.has(id)) return;
      f.add(id);
      next.add(i);
    };
    // The family hides the same cells: the other member would give back what one hides.
    if (members.length > 1) for (const i of dirty) for (const s of members) for (const id of hidden.get(s.kpi.id)?.[i] ?? []) for (const o of members) if (o !== s) force(o, i, id);
    // A period hidden for its own few individuals while all its months are shown would follow from them: hide one month too.
    for (const { s, id, idx, pick } of periodPrimaries) {
      const h = hidden.get(s.kpi.id) ?? [];
      if (!idx.some((i) => h[i]?.has(id))) for (const m of members) force(m, pick, id);
    }
    dirty = next;
  }
  return hidden;
}

const round = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

function valueOf(k: KpiDefinition, s: { n: number; d: number; months: number }): number | null {
  if (s.months === 0) return null;
  if (!Number.isNaN(s.d)) return s.d === 0 ? null : (s.n / s.d) * k.scale;
  return (k.timeAggregation === 'mean' ? s.n / s.months : s.n) * k.scale;
}

function releaseKpi(ctx: Ctx, s: KpiSums, hidden: readonly Set<string>[], family: readonly KpiSums[]): ReleasedKpi {
  const nouns = new Map(family.map((m) => [m.kpi.id, individualsNoun(m.kpi, ctx.catalogue)]));
  // Kr paid is hidden for its households: it is labelled in theirs.
  const noun = nouns.get(s.kpi.id) ?? family.map((m) => nouns.get(m.kpi.id) ?? null).find((n) => n !== null) ?? null;
  const rows: Record<string, ReleasedRow> = {};
  for (const [id, r] of s.rows) {
    // A complement (total − a varav band) is protected, never released.
    if (isComplement(parseRowId(id).part)) continue;
    const v: (number | null)[] = [];
    let m = '';
    for (let pi = 0; pi < ctx.periods.length; pi++) {
      const idx = constituents(ctx, s.kpi, r, pi);
      const sums = sumsOver(r, idx);
      const value = valueOf(s.kpi, sums);
      let mark: CellMark = value === null ? '.' : '0';
      if (value !== null && idx.some((i) => hidden[i]?.has(id))) {
        mark = primaryInPeriod(ctx, family, nouns, pi, id) ? '1' : '2';
      }
      v.push(mark === '0' ? round(value ?? 0, s.kpi.decimals) : null);
      m += mark;
    }
    rows[id] = { v, m };
  }
  return { kpi: s.kpi.id, noun, rows };
}

/**
 * A ratio (kr per household) is shown only where its numerator and
 * denominator are shown in every month of the period (then it adds nothing
 * to what they give) and its own individuals are enough.
 */
function releaseRatio(ctx: Ctx, k: KpiDefinition, num: KpiSums, den: KpiSums, hidden: Map<string, Set<string>[]>): ReleasedKpi {
  const noun = individualsNoun(k, ctx.catalogue);
  const hn = hidden.get(num.kpi.id) ?? [];
  const hd = hidden.get(den.kpi.id) ?? [];
  const rows: Record<string, ReleasedRow> = {};
  for (const [id, dr] of den.rows) {
    const row = parseRowId(id);
    if ((!k.genderSplit && row.gender !== 'T') || isComplement(row.part)) continue;
    const nr = num.rows.get(id);
    if (!nr) continue;
    const v: (number | null)[] = [];
    let m = '';
    const asSum = { ...k, timeAggregation: 'sum' as const };
    for (let pi = 0; pi < ctx.periods.length; pi++) {
      const both = constituents(ctx, asSum, dr, pi).filter((i) => nr.has[i] === 1);
      const ns = sumsOver(nr, both);
      const ds = sumsOver(dr, both);
      const value = both.length === 0 || ds.n === 0 ? null : (ns.n / ds.n) * k.scale;
      const people = both.length === 0 ? null : ds.n / both.length;
      let mark: CellMark = value === null ? '.' : '0';
      if (value !== null && isPrimary(k, people, ctx.input.rules)) mark = '1';
      else if (value !== null) {
        const [lo, hi] = ctx.bounds[pi] ?? [0, -1];
        for (let i = lo; i <= hi; i++) if (hn[i]?.has(id) || hd[i]?.has(id)) mark = '2';
      }
      v.push(mark === '0' ? round(value ?? 0, k.decimals) : null);
      m += mark;
    }
    rows[id] = { v, m };
  }
  return { kpi: k.id, noun, rows };
}
