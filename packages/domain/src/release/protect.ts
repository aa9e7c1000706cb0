import { determinedUnknowns } from '../linear-recovery.js';

/** A cell of one month's table (a unit and gender, or a unit's own cells beside its children). */
export interface TableEntry {
  id: string;
  /** Individuals behind it (null: none counted). */
  count: number | null;
  value: number;
  /** Hidden for its own size. */
  primary: boolean;
}

/** total = Σ parts, as ids: [total, ...parts]. */
export type Relation = string[];

/**
 * Secondary suppression of one table: the singleton heuristic (no relation
 * with exactly one hidden member, which is τ-ARGUS's and sdcTable's first
 * pass), then the exact check that no hidden cell lies in the span of the
 * shown ones (Gaussian elimination over the hidden columns), adding one cell
 * at a time until none does. Which cell: among the shown members of the
 * relations that give the hidden cell away, the one that hides least
 * (nonzero first, since a hidden zero beside a small count narrows it under
 * non-negativity; then the smallest count; then id), so the result is
 * deterministic. Returns the hidden ids (primaries and forced ones included).
 */
export function protectTable(entries: readonly TableEntry[], relations: readonly Relation[], forced: ReadonlySet<string>): Set<string> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const hidden = new Set<string>();
  for (const e of entries) if (e.primary || forced.has(e.id)) hidden.add(e.id);
  if (hidden.size === 0) return hidden;
  // A total without data is zero: its relation says nothing a shown zero does not.
  const rels = relations
    .filter((r) => r[0] !== undefined && byId.has(r[0]))
    .map((r) => r.filter((id) => byId.has(id)))
    .filter((r) => r.length > 1);
  const byMember = new Map<string, Relation[]>();
  for (const r of rels) for (const id of r) byMember.set(id, [...(byMember.get(id) ?? []), r]);
  const cost = (id: string): [number, number, string] => {
    const e = byId.get(id);
    return [e && e.value !== 0 ? 0 : 1, e?.count ?? e?.value ?? 0, id];
  };
  const cheapest = (ids: Iterable<string>): string | undefined => {
    let best: string | undefined;
    let bc: [number, number, string] | undefined;
    for (const id of ids) {
      if (hidden.has(id)) continue;
      const c = cost(id);
      if (!bc || c[0] < bc[0] || (c[0] === bc[0] && (c[1] < bc[1] || (c[1] === bc[1] && c[2] < bc[2])))) {
        best = id;
        bc = c;
      }
    }
    return best;
  };
  for (let guard = 0; guard <= entries.length; guard++) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of rels) {
        let n = 0;
        for (const id of r) if (hidden.has(id)) n++;
        if (n !== 1) continue;
        const pick = cheapest(r);
        if (pick) {
          hidden.add(pick);
          changed = true;
        }
      }
    }
    // One partner per independent group in this pass (its first determined cell's), then check again.
    const victims = determinedHidden(rels, hidden);
    if (victims.length === 0) return hidden;
    for (const victim of victims) {
      const pick = cheapest((byMember.get(victim) ?? []).flat()) ?? cheapest([...byId.keys()].sort());
      if (!pick) return hidden;
      hidden.add(pick);
    }
  }
  return hidden;
}

/**
 * The hidden cells the shown ones determine. Hidden cells fall apart into
 * groups that no relation joins (a shown parent separates its avdelningar),
 * and each group is solved on its own: a table of hundreds of units becomes
 * many small eliminations. Returns the first determined cell of each group.
 */
function determinedHidden(rels: readonly Relation[], hidden: ReadonlySet<string>): string[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  for (const r of rels) {
    let first: string | undefined;
    for (const id of r) {
      if (!hidden.has(id)) continue;
      if (!parent.has(id)) parent.set(id, id);
      if (first === undefined) first = id;
      else parent.set(find(id), find(first));
    }
  }
  const groups = new Map<string, { ids: string[]; rels: Relation[] }>();
  for (const id of [...hidden].sort()) {
    const g = find(id);
    const entry = groups.get(g) ?? { ids: [], rels: [] };
    entry.ids.push(id);
    groups.set(g, entry);
  }
  for (const r of rels) {
    const h = r.find((id) => hidden.has(id));
    if (h !== undefined) groups.get(find(h))?.rels.push(r);
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    const first = g.rels.length > 0 ? determinedUnknowns(g.rels, g.ids)[0] : undefined;
    if (first !== undefined) out.push(first);
  }
  return out.sort();
}
