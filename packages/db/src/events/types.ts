/**
 * What a change event says. Screens use it to refetch only the views it
 * touches. Each kind has one writer, the service action that makes the change
 * (packages/api/src/services), in the change's own transaction.
 */
export const LIVE_EVENT_KINDS = [
  'import.committed',
  'import.rolled_back',
  'target.set',
  'comment.added',
  'board.saved',
  'goal.assessed',
  'follow_up.changed',
  'report.changed',
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/**
 * What changed. Lists are the affected KPI ids, leaf unit codes and months;
 * an absent list means "all of them" (or, for a board, none: it changes no figure).
 */
export interface LiveEventPayload {
  kpis?: string[];
  units?: string[];
  months?: string[];
  /**
   * Which months each unit was touched in, when the event knows: units and
   * months are not a grid (a batch with one unit in July and another in March
   * did not touch the first in March). Scoped callers are told only the pairs
   * within their units; the server never sends this on.
   */
  unitMonths?: Record<string, string[]>;
  /** The import batch (import.committed, import.rolled_back). */
  batchId?: number;
  fileName?: string;
  /** The board (board.saved): admins' board lists reload it; no figure changes. */
  boardId?: number;
  /** Anything else worth showing, in a few words (a comment's author, a target's year). */
  note?: string;
}

export interface LiveEvent {
  /** The events table's id: increasing in commit order (see record.ts), the SSE event id. */
  id: number;
  orgId: string;
  kind: LiveEventKind;
  payload: LiveEventPayload;
  createdAt: string;
}

/** Whether this process can reach the database; "down" means screens may show stale data. */
export interface BusStatus {
  database: 'ok' | 'down';
  /** ISO time of the last change of state. */
  since: string;
}

/** The NOTIFY channel; the payload is the event as JSON, or "orgId:id" when it is too long: either way the table stays the truth. */
export const EVENTS_CHANNEL = 'lagesbild_events';
