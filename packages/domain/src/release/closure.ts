import type { KpiDefinition } from '../kpi.js';
import { families } from './families.js';
import { countingKpis } from './individuals.js';

/** What a partial build of the release must rebuild, and read, after some KPIs' cells changed. */
export interface ReleaseClosure {
  /** Groups of KPIs whose cells are protected together (buildRelease's families, taken over the whole catalogue). */
  families: string[][];
  /** Every KPI whose released row must be rebuilt: the families' members and the ratios of any of them. */
  kpis: ReadonlySet<string>;
  /** Every KPI whose cells the partial build reads: `kpis` and the KPIs that count their individuals. */
  reads: ReadonlySet<string>;
}

/**
 * Which KPIs of the release must be rebuilt together when the cells of
 * `touched` changed while the months held, the unit tree, the catalogue and
 * the rules stayed the same (those change every cell: rebuild it all).
 *
 * Within one KPI every relation the secondary suppression respects
 * (T = K + M, a unit = Σ its children, a period = Σ its months) links cells
 * of that KPI only, so a KPI is the smallest thing rebuilt. Across KPIs the
 * build links: the members of a family, which hide the same cells (sick leave
 * with sick leave, HME with HME, a ratio's numerator with its denominator);
 * a ratio, shown only where both its parts are; and a KPI whose individuals
 * are counted by others (care days by persons placed), whose primaries move
 * with their cells. Families are taken over the whole catalogue rather than
 * the KPIs with data, so one that gains or loses all its cells still drags
 * in every KPI it may be joined with; that only ever rebuilds more.
 */
export function releaseClosure(kpis: readonly KpiDefinition[], touched: Iterable<string>): ReleaseClosure {
  const catalogue = new Map(kpis.map((k) => [k.id, k]));
  const base = kpis.filter((k) => !k.ratioOf);
  const rootOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const f of families(base, kpis, true)) {
    const ids = f.map((k) => k.id).sort();
    const root = ids[0] ?? '';
    members.set(root, ids);
    for (const id of ids) rootOf.set(id, root);
  }
  // counter → the KPIs it counts the individuals of.
  const counts = new Map<string, string[]>();
  const counters = new Map<string, string[]>();
  for (const k of base) {
    const by = countingKpis(k, catalogue)?.map((c) => c.id) ?? [];
    counters.set(k.id, by);
    for (const c of by) counts.set(c, [...(counts.get(c) ?? []), k.id]);
  }

  const roots = new Set<string>();
  const queue: string[] = [];
  const reach = (id: string) => {
    const k = catalogue.get(id);
    // Cells stored for a ratio are never read; its row follows its parts.
    const ids = k?.ratioOf ? [k.ratioOf.numerator, k.ratioOf.denominator] : [id];
    for (const x of ids) {
      const root = rootOf.get(x);
      if (root === undefined || roots.has(root)) continue;
      roots.add(root);
      queue.push(root);
    }
  };
  for (const id of touched) reach(id);
  while (queue.length > 0) {
    const root = queue.pop() ?? '';
    for (const m of members.get(root) ?? []) for (const k of counts.get(m) ?? []) reach(k);
  }

  const rebuilt = [...roots].map((r) => members.get(r) ?? []).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
  const out = new Set(rebuilt.flat());
  for (const k of kpis) if (k.ratioOf && (out.has(k.ratioOf.numerator) || out.has(k.ratioOf.denominator))) out.add(k.id);
  const reads = new Set(rebuilt.flat());
  for (const id of rebuilt.flat()) for (const c of counters.get(id) ?? []) reads.add(c);
  return { families: rebuilt, kpis: out, reads };
}
