import type { Assessment, Status } from '@lagesbild/domain';
import type { GoalItem } from '../api/goals.js';

/** An assessment drawn as the KPI status it corresponds to (the same symbol, word and colour, packages/domain goals.ts). */
export const STATUS_OF: Record<Assessment, Status> = { uppfyllt: 'green', delvis: 'yellow', 'ej-uppfyllt': 'red', 'ej-bedomd': 'none' };

export interface GoalNode {
  goal: GoalItem;
  children: GoalNode[];
}

/**
 * The flat list as a tree: areas at the top, goals under them, sub-goals under
 * goals. A goal whose parent is not listed (outside the caller's scope) stands
 * at the top, so nothing the server gave is hidden.
 */
export function goalTree(goals: readonly GoalItem[]): GoalNode[] {
  const nodes = new Map(goals.map((g) => [g.id, { goal: g, children: [] as GoalNode[] }]));
  const roots: GoalNode[] = [];
  for (const g of goals) {
    const node = nodes.get(g.id);
    if (!node) continue;
    const parent = g.parentId === null ? undefined : nodes.get(g.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The follow-up periods of a year the view offers: tertials, delår and helår. */
export type GoalPeriodKind = 'T1' | 'T2' | 'T3' | 'D' | 'year';
export const GOAL_PERIOD_KINDS: readonly GoalPeriodKind[] = ['T1', 'T2', 'T3', 'D', 'year'];

const PERIOD = /^(\d{4})(?:-(T[123]|D))?$/;

/** "2020-D" → { year: 2020, kind: 'D' }; null for anything that is not a follow-up period. */
export function parseGoalPeriod(key: unknown): { year: number; kind: GoalPeriodKind } | null {
  const m = typeof key === 'string' ? PERIOD.exec(key) : null;
  if (!m) return null;
  return { year: Number(m[1]), kind: (m[2] as GoalPeriodKind | undefined) ?? 'year' };
}

export const goalPeriodKey = (year: number, kind: GoalPeriodKind): string => (kind === 'year' ? String(year) : `${year}-${kind}`);

/** Without a period in the URL: the last delår or helår that has ended (delår ends in August). */
export function defaultGoalPeriod(now: Date): string {
  const y = now.getFullYear();
  return now.getMonth() >= 8 ? goalPeriodKey(y, 'D') : goalPeriodKey(y - 1, 'year');
}
