import { viewOfKey, type QueryRoot } from '../api/query-keys.js';
import { eventTouches, type LiveEvent } from './useLiveEvents.js';

/**
 * Which cached answers each kind of live event can change. Figures (imports,
 * their rollbacks, targets) change the overview's cards, the KPI view's
 * series and summary and the drill-down; a comment changes the comment list
 * and the card's comment marker. Boards, goals, follow-ups and reports change
 * no cached figure (their own views listen for them).
 */
const INVALIDATES: Readonly<Record<LiveEvent['kind'], readonly QueryRoot[]>> = {
  'import.committed': ['overview', 'series', 'drilldown'],
  'import.rolled_back': ['overview', 'series', 'drilldown'],
  'target.set': ['overview', 'series', 'drilldown'],
  'comment.added': ['overview', 'comments'],
  'board.saved': [],
  'goal.assessed': [],
  'follow_up.changed': [],
  'report.changed': [],
};

/** Whether the event makes the cached answer under this key stale: its root is one the kind changes, and unit, KPI and months overlap. */
export function invalidates(e: LiveEvent, key: readonly unknown[]): boolean {
  const root = key[0];
  if (typeof root !== 'string' || !INVALIDATES[e.kind].some((r) => r === root)) return false;
  return eventTouches(e, viewOfKey(key));
}
