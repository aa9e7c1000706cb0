import type { Gender } from '../kpi.js';
import type { MonthFrame, KpiSums } from './sums.js';
import type { Relation } from './protect.js';

/** A month table's cells (ids `unit|gender`, and `own:unit|gender` for a unit's own cells beside its children) and their relations. */
export interface MonthTable {
  /** id → Σ numerator that month. */
  n: Map<string, number>;
  /** id → Σ denominator (NaN when none). */
  d: Map<string, number>;
  relations: Relation[];
}

const key = (u: string, g: Gender) => `${u}|${g}`;

/**
 * One KPI's table for month i: every unit with data in the tree as it was
 * that month, by gender. Relations: a unit = Σ its children (+ its own cells,
 * a cell no one is shown but which stands for real individuals); T = K + M
 * wherever the cells below were split by gender.
 */
export function monthTable(s: KpiSums, frame: MonthFrame, i: number): MonthTable {
  const n = new Map<string, number>();
  const d = new Map<string, number>();
  const units = new Set<string>();
  for (const [id, r] of s.rows) {
    if (r.has[i] !== 1) continue;
    n.set(id, r.n[i] ?? 0);
    d.set(id, r.d[i] ?? Number.NaN);
    units.add(id.slice(0, id.lastIndexOf('|')));
  }
  const children = new Map<string, string[]>();
  for (const u of [...units].sort()) {
    const p = frame.path(u)[1];
    if (p !== undefined && units.has(p)) children.set(p, [...(children.get(p) ?? []), u]);
  }
  const relations: Relation[] = [];
  const splitOwn = s.ownSplit[i] ?? new Map<string, boolean>();
  const genderRelation = (total: (g: Gender) => string) => {
    if (s.genders.length === 3) relations.push([total('T'), total('K'), total('M')]);
  };
  for (const u of units) {
    const kids = children.get(u) ?? [];
    const ownSplit = splitOwn.get(u);
    if (kids.length === 0) {
      if (ownSplit) genderRelation((g) => key(u, g));
      continue;
    }
    for (const g of s.genders) {
      if (!n.has(key(u, g))) continue;
      const parts = kids.map((c) => key(c, g)).filter((id) => n.has(id));
      const own = s.own.get(key(u, g));
      if (own?.has[i] === 1) {
        const id = `own:${key(u, g)}`;
        n.set(id, own.n[i] ?? 0);
        d.set(id, own.d[i] ?? Number.NaN);
        parts.push(id);
      }
      relations.push([key(u, g), ...parts]);
    }
    if (ownSplit) genderRelation((g) => `own:${key(u, g)}`);
    // Implied by the leaves' relations where everything below was split; stated so the heuristic sees it.
    const t = n.get(key(u, 'T'));
    const k = n.get(key(u, 'K'));
    const m = n.get(key(u, 'M'));
    if (t !== undefined && k !== undefined && m !== undefined && Math.abs(t - k - m) <= 1e-9 * Math.max(1, Math.abs(t))) genderRelation((g) => key(u, g));
  }
  return { n, d, relations };
}
