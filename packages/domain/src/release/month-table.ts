import type { Gender } from '../kpi.js';
import type { MonthFrame, KpiSums } from './sums.js';
import type { Relation } from './protect.js';
import { isComplement, parseRowId, rowId } from './band-rows.js';

/** A month table's cells (ids `unit|gender`, and `own:unit|gender` for a unit's own cells beside its children) and their relations. */
export interface MonthTable {
  /** id → Σ numerator that month. */
  n: Map<string, number>;
  /** id → Σ denominator (NaN when none). */
  d: Map<string, number>;
  relations: Relation[];
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * One KPI's table for month i: every unit with data in the tree as it was
 * that month, by gender and band part. Relations: a unit = Σ its children
 * (+ its own cells, a cell no one is shown but which stands for real
 * individuals); T = K + M wherever the cells below were split by gender;
 * and the band relations (total = Σ bands, total = band + its complement),
 * stated where they hold (band-rows.ts).
 */
export function monthTable(s: KpiSums, frame: MonthFrame, i: number): MonthTable {
  const n = new Map<string, number>();
  const d = new Map<string, number>();
  const relations: Relation[] = [];
  for (const part of s.parts) partRelations(s, frame, i, part, n, d, relations);
  if (s.parts.length > 1) bandRelations(s, n, relations);
  return { n, d, relations };
}

function partRelations(s: KpiSums, frame: MonthFrame, i: number, part: string, n: Map<string, number>, d: Map<string, number>, relations: Relation[]): void {
  const key = (u: string, g: Gender) => rowId(u, g, part);
  const units = new Set<string>();
  for (const [id, r] of s.rows) {
    if (r.has[i] !== 1) continue;
    const row = parseRowId(id);
    if (row.part !== part) continue;
    n.set(id, r.n[i] ?? 0);
    d.set(id, r.d[i] ?? Number.NaN);
    units.add(row.unit);
  }
  const children = new Map<string, string[]>();
  for (const u of [...units].sort()) {
    const p = frame.path(u)[1];
    if (p !== undefined && units.has(p)) children.set(p, [...(children.get(p) ?? []), u]);
  }
  const splitOwn = s.ownSplit[i] ?? new Map<string, boolean>();
  const genderRelation = (total: (g: Gender) => string) => {
    if (s.genders.length === 3) relations.push([total('T'), total('K'), total('M')]);
  };
  for (const u of units) {
    const kids = children.get(u) ?? [];
    const ownSplit = splitOwn.get(rowId(u, null, part));
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
    if (t !== undefined && k !== undefined && m !== undefined && near(t, k + m)) genderRelation((g) => key(u, g));
  }
}

/**
 * total = Σ bands (+ '~') for a partition, total = band + '~band' for each
 * varav band, for every unit's row and own cells with a total that month,
 * where the sums hold (a band stored by gender beside a total that is not
 * can break them; the relation then is not one the released cells obey).
 */
function bandRelations(s: KpiSums, n: Map<string, number>, relations: Relation[]): void {
  const bands = s.parts.filter((p) => p !== '' && !isComplement(p));
  const subset = s.parts.some((p) => p.startsWith('~') && p !== '~');
  for (const [id, total] of [...n]) {
    const raw = id.startsWith('own:') ? id.slice(4) : id;
    const row = parseRowId(raw);
    if (row.part !== '') continue;
    const prefix = id.startsWith('own:') ? 'own:' : '';
    const cell = (part: string) => `${prefix}${rowId(row.unit, row.gender, part)}`;
    const holds = (r: Relation) =>
      r.length > 1 &&
      near(
        total,
        r.slice(1).reduce((a, x) => a + (n.get(x) ?? 0), 0),
      );
    if (subset) {
      for (const b of bands) {
        const r = [id, cell(b), cell(`~${b}`)].filter((x) => n.has(x));
        if (holds(r)) relations.push(r);
      }
    } else {
      const r = [id, ...[...bands, '~'].map(cell).filter((x) => n.has(x))];
      if (holds(r)) relations.push(r);
    }
  }
}
