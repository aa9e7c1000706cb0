import * as domain from '@lagesbild/domain';
import { DEFAULT_SUPPRESSION, HOURS_PER_EMPLOYEE_MONTH, isRate, type Gender, type Month } from '@lagesbild/domain';
import type { CellSpace, Terms } from './cell-space.js';
import { AttackLp } from './lp.js';
import { ratioParts, rowsOf, type Row, type Shown } from './statements.js';

/**
 * How wide a hidden figure's feasible interval must stay: PROTECTION_LEVEL
 * from @lagesbild/domain, the least width, in individuals, of a hidden count
 * (never less than 1: two whole numbers possible). Amounts and rates must not
 * be pinned to their display precision (one step of it).
 */
function protectionLevel(): number {
  const exported = (domain as Record<string, unknown>).PROTECTION_LEVEL;
  return typeof exported === 'number' && exported > 0 ? exported : 1;
}

/** A hidden figure the attacker tries to narrow. */
export interface Target {
  id: string;
  why: 'primary' | 'hidden';
  /** count: Σ of individuals (integer); amount: Σ of kr or the like; ratio: scale·num/den. */
  kind: 'count' | 'amount' | 'ratio';
  num: Terms;
  den: Terms | null;
  scale: number;
  /** The least width it must keep. */
  need: number;
  truth: number;
}

export interface Finding {
  target: Target;
  min: number;
  max: number;
}

export interface AttackReport {
  rows: number;
  targets: number;
  /** Targets every row leaves free (unbounded above): no LP needed. */
  free: number;
  /** Targets the time budget left unsolved. */
  unchecked: number;
  pinned: Finding[];
  /** With `measure`: the whole feasible interval of every count target solved (what the release achieves). */
  intervals: Finding[];
}

const PEOPLE_PER_SMALL_GROUP = DEFAULT_SUPPRESSION.minCount - 1;

const keyOf = (kpi: string, unit: string, months: readonly Month[], gender: Gender, band: string) =>
  `${kpi}|${unit}|${months.length === 1 ? months[0] : `${months[0]}..${months[months.length - 1]}(${months.length})`}|${gender}${band ? `|${band}` : ''}`;

/** The target a figure about (kpi, unit, months, gender, age band: '' the total, '~' a varav's rest) becomes. */
export function targetOf(space: CellSpace, why: Target['why'], kpi: string, unit: string, months: readonly Month[], gender: Gender, band = ''): Target | null {
  const k = space.kpis.get(kpi);
  if (!k) return null;
  const id = keyOf(kpi, unit, months, gender, band);
  const level = protectionLevel();
  if (isRate(k)) {
    const { num, den } = ratioParts(space, k, unit, months, gender);
    const d = space.valueAt(den);
    if (num.size === 0 || d <= 0) return null;
    return { id, why, kind: 'ratio', num, den, scale: k.scale, need: 10 ** -k.decimals, truth: (k.scale * space.valueAt(num)) / d };
  }
  const num = space.termsOf({ kpi, unit, months, gender, side: 'num', band });
  if (num.size === 0) return null;
  const count = k.privacyClass === 'small-count' && k.unit === 'count';
  return { id, why, kind: count ? 'count' : 'amount', num, den: null, scale: 1, need: count ? level : 10 ** -k.decimals, truth: space.valueAt(num) };
}

/**
 * The figures the truth says must be protected, per month and unit (every
 * unit, leaves and parents): counts of 1–4 individuals by gender and in
 * total, in every age band and in a varav band's rest (the total's other
 * ages); the amounts paid to 1–4 households (a ratio KPI names whose
 * individuals an amount belongs to); sick leave of a gender group of at most
 * ten employees.
 */
export function primaryTargets(space: CellSpace, units: readonly string[], months: readonly Month[]): Target[] {
  const out: Target[] = [];
  const maxStaff = DEFAULT_SUPPRESSION.maxHiddenSickLeaveGroup;
  for (const k of space.kpis.values()) {
    for (const unit of units) {
      for (const m of months) {
        if (k.privacyClass === 'small-count' && k.unit === 'count' && !k.ratioOf) {
          const bands = ['', ...k.ageBands, ...(k.ageBandKind === 'subset' && k.ageBands.length > 0 ? ['~'] : [])];
          for (const g of k.genderSplit ? (['K', 'M', 'T'] as const) : (['T'] as const))
            for (const band of bands) {
              const t = targetOf(space, 'primary', k.id, unit, [m], g, band);
              if (t && t.truth >= 1 && t.truth <= PEOPLE_PER_SMALL_GROUP) out.push(t);
            }
        } else if (k.privacyClass === 'small-count' && k.ratioOf) {
          const people = space.valueAt(space.termsOf({ kpi: k.ratioOf.denominator, unit, months: [m], gender: 'T', side: 'num' }));
          const t = targetOf(space, 'primary', k.ratioOf.numerator, unit, [m], 'T');
          if (t && people >= 1 && people <= PEOPLE_PER_SMALL_GROUP && t.truth > 0) out.push(t);
        } else if (k.privacyClass === 'sick-leave') {
          for (const g of ['K', 'M'] as const) {
            const t = targetOf(space, 'primary', k.id, unit, [m], g);
            const staff = t?.den ? space.valueAt(t.den) / HOURS_PER_EMPLOYEE_MONTH : 0;
            if (t && staff > 0 && staff <= maxStaff) out.push(t);
          }
        }
      }
    }
  }
  return out;
}

/** Every figure the API marked hidden. */
export function hiddenTargets(space: CellSpace, shown: readonly Shown[]): Target[] {
  return shown
    .flatMap((s) => (s.value === null && s.form.kind === 'value' ? [targetOf(space, 'hidden', s.kpi, s.unit, s.months, s.gender, s.ageBand)] : []))
    .filter((t): t is Target => t !== null);
}

/** The rows all hold at the true cells: otherwise the builder (or the API) is wrong, and any finding would be noise. */
function checkTruth(space: CellSpace, rows: readonly Row[]): void {
  for (const r of rows) {
    const v = space.valueAt(r.terms);
    const tol = 1e-6 * Math.max(1, ...[r.lo, r.hi, ...r.terms.values()].filter(Number.isFinite).map(Math.abs));
    if (v < r.lo - tol || v > r.hi + tol) throw new Error(`${r.via}: the true cells give ${v}, the API's figure says ${r.lo}..${r.hi}`);
  }
}

/** Groups unknowns that some row (or target) joins, so each group is its own small program. */
function components(groups: readonly Iterable<number>[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) ?? r;
    let y = x;
    while (y !== r) {
      const next = parent.get(y) ?? r;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const g of groups) {
    let first: number | undefined;
    for (const v of g) {
      if (!parent.has(v)) parent.set(v, v);
      if (first === undefined) first = v;
      else parent.set(find(v), find(first));
    }
  }
  const out = new Map<number, number>();
  for (const v of parent.keys()) out.set(v, find(v));
  return out;
}

function verdict(t: Target, lo: number, hi: number): boolean {
  if (t.kind === 'count') return Math.floor(hi + 1e-6) - Math.ceil(lo - 1e-6) >= t.need;
  return hi - lo >= t.need - 1e-9;
}

export interface AttackOptions {
  /** Stop asking the solver after this long; the targets left are reported as unchecked. */
  budgetMs?: number;
  /** Shuffles targets within their priority, so a budget cut falls on different figures in different runs. */
  rand?: () => number;
  /** Solve both ends of every count target and report them (bench/protection-level.ts), not only the narrowed ones. */
  measure?: boolean;
}

/** Small months first (the figures primary suppression is about), then rates, then hidden months, then hidden periods. */
function priority(t: Target): number {
  if (t.why === 'primary') return t.kind === 'ratio' ? 1 : 0;
  return t.id.includes('..') ? 3 : 2;
}

/**
 * Solves everything shown for the least and greatest value of every target
 * (every unknown ≥ 0) and reports those narrowed below their protection.
 */
export async function attack(space: CellSpace, shown: readonly Shown[], targets: readonly Target[], options: AttackOptions = {}): Promise<AttackReport> {
  const started = performance.now();
  const rows = [...shown.flatMap((s) => rowsOf(space, s)), ...space.linkRows()];
  checkTruth(space, rows);
  // One target per figure; a primary one wins over the same figure seen hidden.
  const byId = new Map<string, Target>();
  for (const t of targets) if (!byId.has(t.id) || t.why === 'primary') byId.set(t.id, t);
  const unique = [...byId.values()];
  const constrained = new Set(rows.flatMap((r) => [...r.terms.keys()]));
  // No row touches its numerator: it is free above (a ratio's numerator likewise), no program needed.
  const asked = unique.filter((t) => [...t.num.keys()].some((v) => constrained.has(v)));
  const free = unique.length - asked.length;
  const varsOf = (t: Target) => [...t.num.keys(), ...(t.den ? t.den.keys() : [])];
  const comp = components([...rows.map((r) => r.terms.keys()), ...asked.map(varsOf)]);
  const byComp = new Map<number, { rows: Row[]; vars: number[]; lp: AttackLp | null }>();
  const group = (v: number) => {
    const c = comp.get(v) ?? -1;
    let g = byComp.get(c);
    if (!g) byComp.set(c, (g = { rows: [], vars: [], lp: null }));
    return g;
  };
  for (const v of comp.keys()) group(v).vars.push(v);
  for (const r of rows) {
    const first = r.terms.keys().next();
    if (!first.done) group(first.value).rows.push(r);
  }
  const rand = options.rand;
  const order = asked.map((t) => ({ t, p: priority(t), r: rand ? rand() : 0 })).sort((a, b) => a.p - b.p || a.r - b.r);
  const pinned: Finding[] = [];
  const intervals: Finding[] = [];
  let checked = 0;
  try {
    for (const { t } of order) {
      if (options.budgetMs !== undefined && performance.now() - started > options.budgetMs) break;
      const first = varsOf(t)[0];
      if (first === undefined) continue;
      const g = group(first);
      g.lp ??= await AttackLp.build(g.vars, g.rows);
      if (options.measure && t.kind === 'count') {
        const found = { target: t, min: g.lp.optimise(t.num, 'min'), max: g.lp.optimise(t.num, 'max') };
        intervals.push(found);
        if (!verdict(t, found.min, found.max)) pinned.push(found);
      } else {
        const found = narrowest(g.lp, t);
        if (found) pinned.push(found);
      }
      checked++;
    }
  } finally {
    for (const g of byComp.values()) g.lp?.dispose();
  }
  return { rows: rows.length, targets: unique.length, free, unchecked: asked.length - checked, pinned, intervals };
}

/** The target's feasible interval if it is narrower than it must be, else null (the maximum alone often settles it). */
function narrowest(lp: AttackLp, t: Target): Finding | null {
  if (t.kind !== 'ratio' || !t.den) {
    const hi = lp.optimise(t.num, 'max');
    if (verdict(t, t.truth, hi)) return null;
    const lo = lp.optimise(t.num, 'min');
    if (t.truth < lo - 1e-6 || t.truth > hi + 1e-6) throw new Error(`${t.id}: true value ${t.truth} outside ${lo}..${hi}`);
    return verdict(t, lo, hi) ? null : { target: t, min: lo, max: hi };
  }
  // A ratio's interval, bounded from outside by its numerator's and denominator's: a narrow outer bound is a true leak.
  const nHi = lp.optimise(t.num, 'max');
  const dLo = lp.optimise(t.den, 'min');
  const hi = dLo <= 1e-9 ? Infinity : (t.scale * nHi) / dLo;
  if (verdict(t, t.truth, hi)) return null;
  const nLo = lp.optimise(t.num, 'min');
  const dHi = lp.optimise(t.den, 'max');
  const lo = (t.scale * nLo) / dHi;
  return verdict(t, lo, hi) ? null : { target: t, min: lo, max: hi };
}
