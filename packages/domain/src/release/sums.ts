import type { Gender, KpiDefinition } from '../kpi.js';
import { monthFromIndex, monthIndex, type Month } from '../month.js';
import type { UnitTree } from '../unit-tree.js';
import { bandParts, rowId } from './band-rows.js';
import { gendersOf, type ReleaseObservation } from './types.js';

/** Σ numerator and Σ denominator of one unit and gender over the months of the release, month by month. */
export interface MonthlyRow {
  n: Float64Array;
  /** NaN where no cell had a denominator. */
  d: Float64Array;
  has: Uint8Array;
}

/**
 * A KPI's monthly sums for every unit along the tree as it was each month
 * (T is K + M where the split is stored, else the T row, as selectGender),
 * plus what the month tables need to state their relations: which units hold
 * cells of their own (leaf cells, or own cells of a unit that also has
 * children) and whether those were split by gender.
 */
export interface KpiSums {
  kpi: KpiDefinition;
  genders: Gender[];
  /**
   * The band parts of its rows (band-rows.ts): '' the total, each age band,
   * and the unreleased complements ('~band' total − a varav band, '~' a
   * partition's cells without a band) whose small counts are protected too.
   */
  parts: string[];
  /** `unit|gender` (the total) or `unit|gender|part` → monthly sums of the unit's subtree (its own cells included). */
  rows: Map<string, MonthlyRow>;
  /** `unit|gender` → monthly sums of the unit's own cells. */
  own: Map<string, MonthlyRow>;
  /** Per month index: units (`unit`, or `unit|part` for a band part) with own cells that month, and whether each was split K/M. */
  ownSplit: Map<string, boolean>[];
}

export interface MonthFrame {
  month: Month;
  /** Ancestors of a unit that month, the unit first. */
  path(unit: string): string[];
}

export function monthFrames(tree: UnitTree, first: Month, count: number): MonthFrame[] {
  const out: MonthFrame[] = [];
  for (let i = 0; i < count; i++) {
    const month = monthFromIndex(monthIndex(first) + i);
    const cache = new Map<string, string[]>();
    out.push({
      month,
      path(unit) {
        let p = cache.get(unit);
        if (!p) cache.set(unit, (p = tree.pathAt(unit, month).reverse()));
        return p;
      },
    });
  }
  return out;
}

function newRow(months: number): MonthlyRow {
  return { n: new Float64Array(months), d: new Float64Array(months).fill(Number.NaN), has: new Uint8Array(months) };
}

function rowOf(map: Map<string, MonthlyRow>, key: string, months: number): MonthlyRow {
  let r = map.get(key);
  if (!r) map.set(key, (r = newRow(months)));
  return r;
}

function addInto(r: MonthlyRow, i: number, n: number, d: number): void {
  r.n[i] = (r.n[i] ?? 0) + n;
  if (!Number.isNaN(d)) r.d[i] = Number.isNaN(r.d[i] ?? Number.NaN) ? d : (r.d[i] ?? 0) + d;
  r.has[i] = 1;
}

/** Monthly sums of one KPI (not a ratio KPI) over months first..first+months-1: its total and each band part. */
export function kpiSums(kpi: KpiDefinition, obs: readonly ReleaseObservation[], frames: readonly MonthFrame[], first: Month): KpiSums {
  const out: KpiSums = { kpi, genders: gendersOf(kpi), parts: [], rows: new Map(), own: new Map(), ownSplit: frames.map(() => new Map<string, boolean>()) };
  for (const [part, cells] of bandParts(kpi, obs)) {
    const s = partSums(kpi, cells, frames, first);
    out.parts.push(part);
    for (const [id, r] of s.rows) out.rows.set(part === '' ? id : `${id}|${part}`, r);
    for (const [id, r] of s.own) out.own.set(part === '' ? id : `${id}|${part}`, r);
    s.ownSplit.forEach((m, i) => {
      for (const [u, split] of m) out.ownSplit[i]?.set(rowId(u, null, part), split);
    });
  }
  return out;
}

function partSums(kpi: KpiDefinition, obs: readonly ReleaseObservation[], frames: readonly MonthFrame[], first: Month): Omit<KpiSums, 'parts'> {
  const months = frames.length;
  const base = monthIndex(first);
  const genders = gendersOf(kpi);
  // 1. Own cells per unit and month (of one band part), raw genders kept apart.
  const raw = new Map<string, MonthlyRow>();
  for (const o of obs) {
    const i = monthIndex(o.month) - base;
    if (i < 0 || i >= months) continue;
    addInto(rowOf(raw, `${o.unit}|${o.gender}`, months), i, o.numerator, o.denominator ?? Number.NaN);
  }
  const units = [...new Set([...raw.keys()].map((k) => k.slice(0, k.lastIndexOf('|'))))].sort();
  const own = new Map<string, MonthlyRow>();
  const ownSplit: Map<string, boolean>[] = frames.map(() => new Map<string, boolean>());
  for (const u of units) {
    const k = raw.get(`${u}|K`);
    const m = raw.get(`${u}|M`);
    const t = raw.get(`${u}|T`);
    for (let i = 0; i < months; i++) {
      const split = (k?.has[i] ?? 0) === 1 || (m?.has[i] ?? 0) === 1;
      if (!split && (t?.has[i] ?? 0) !== 1) continue;
      ownSplit[i]?.set(u, split);
      const parts: [Gender, MonthlyRow | undefined][] = split
        ? [
            ['K', k],
            ['M', m],
          ]
        : [['T', t]];
      for (const [g, r] of parts) {
        if (!r || r.has[i] !== 1) continue;
        const n = r.n[i] ?? 0;
        const d = r.d[i] ?? Number.NaN;
        if (kpi.genderSplit && g !== 'T') addInto(rowOf(own, `${u}|${g}`, months), i, n, d);
        addInto(rowOf(own, `${u}|T`, months), i, n, d);
      }
    }
  }
  // 2. Every unit's subtree sums along the tree as it was that month.
  const rows = new Map<string, MonthlyRow>();
  for (const u of units) {
    for (const g of genders) {
      const r = own.get(`${u}|${g}`);
      if (!r) continue;
      for (let i = 0; i < months; i++) {
        if (r.has[i] !== 1) continue;
        const frame = frames[i];
        if (!frame) continue;
        for (const a of frame.path(u)) addInto(rowOf(rows, `${a}|${g}`, months), i, r.n[i] ?? 0, r.d[i] ?? Number.NaN);
      }
    }
  }
  return { kpi, genders, rows, own, ownSplit };
}
