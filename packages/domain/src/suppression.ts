import type { PrivacyClass } from './kpi.js';
import { determinedUnknowns } from './linear-recovery.js';

/**
 * Suppression of small counts (DESIGN.md, "Privacy"): the one function every
 * output goes through before anything leaves the server for a role without a
 * need for exact values.
 */
export interface SuppressionRules {
  /** Counts 1..minCount-1 are hidden (shown as "<5"). */
  minCount: number;
  /** Sick leave of a group with at most this many employees is hidden (the accounting law: 10). */
  maxHiddenSickLeaveGroup: number;
  /** HME of fewer than this many respondents is hidden. */
  minHmeRespondents: number;
}

export const DEFAULT_SUPPRESSION: SuppressionRules = { minCount: 5, maxHiddenSickLeaveGroup: 10, minHmeRespondents: 5 };

export interface TableCell {
  id: string;
  /**
   * The number of people behind the value: households, placed children,
   * employees, respondents. A kr amount paid to 3 households has 3. Null when
   * the value is not about people (then it is never hidden on its own). Zero
   * is shown: "no one" identifies nobody.
   */
  protectingCount: number | null;
  privacyClass: PrivacyClass;
}

/** An additive relation between cells shown together: total = Σ parts (T = K + M, parent = Σ children, period = Σ months). */
export interface AdditiveRelation {
  total: string;
  parts: string[];
}

export type SuppressionMark = 'primary' | 'secondary';

export function isPrimarySuppressed(cell: TableCell, rules: SuppressionRules = DEFAULT_SUPPRESSION): boolean {
  const n = cell.protectingCount;
  return n !== null && n > 0 && breaksPrimaryRule(cell.privacyClass, n, rules);
}

/** The primary rule of a privacy class on a count of individuals above zero (the callers decide what counts as zero). */
export function breaksPrimaryRule(privacyClass: PrivacyClass, n: number, rules: SuppressionRules): boolean {
  switch (privacyClass) {
    case 'small-count':
      return n < rules.minCount;
    case 'sick-leave':
      return n <= rules.maxHiddenSickLeaveGroup;
    case 'hme':
      return n < rules.minHmeRespondents;
    case 'none':
      return false;
  }
}

/** What a hidden cell shows: "<5" for a small count, ".." (not shown, as SCB writes it) otherwise. */
export function suppressedDisplay(mark: SuppressionMark, cell: TableCell, rules: SuppressionRules = DEFAULT_SUPPRESSION): string {
  return mark === 'primary' && cell.privacyClass === 'small-count' ? `<${rules.minCount}` : '..';
}

/**
 * Marks the cells to hide: small groups first (primary), then as many more
 * (secondary) as it takes so that no hidden cell can be recovered from the
 * shown ones, neither by one subtraction (total minus the other parts) nor by
 * combining several relations (a units × gender table). Deterministic: the
 * cell that hides least (smallest count, then id) is sacrificed first.
 */
export function suppressTable(cells: readonly TableCell[], relations: readonly AdditiveRelation[], rules: SuppressionRules = DEFAULT_SUPPRESSION): Map<string, SuppressionMark> {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const marks = new Map<string, SuppressionMark>();
  for (const c of cells) if (isPrimarySuppressed(c, rules)) marks.set(c.id, 'primary');
  if (marks.size === 0) return marks;

  const members = relations.map((r) => [r.total, ...r.parts].filter((id) => byId.has(id)));
  const weight = (id: string) => byId.get(id)?.protectingCount ?? Number.MAX_SAFE_INTEGER;
  const cheapest = (ids: string[]) => ids.filter((id) => !marks.has(id)).sort((a, b) => weight(a) - weight(b) || a.localeCompare(b))[0];

  for (let guard = 0; guard < cells.length + 1; guard++) {
    // 1. No relation may have exactly one hidden member.
    let changed = true;
    while (changed) {
      changed = false;
      for (const ids of members) {
        if (ids.filter((id) => marks.has(id)).length !== 1) continue;
        const pick = cheapest(ids);
        if (pick) {
          marks.set(pick, 'secondary');
          changed = true;
        }
      }
    }
    // 2. No hidden cell may follow from all relations together.
    const hidden = [...marks.keys()].sort();
    const recoverable = determinedUnknowns(members, hidden);
    if (recoverable.length === 0) return marks;
    const victim = recoverable[0];
    const related = members.filter((ids) => victim !== undefined && ids.includes(victim)).flat();
    const pick = cheapest(related) ?? cheapest([...byId.keys()]);
    if (!pick) return marks;
    marks.set(pick, 'secondary');
  }
  return marks;
}
