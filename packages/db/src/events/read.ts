import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import type { LiveEvent, LiveEventKind, LiveEventPayload } from './types.js';

interface EventRow extends Record<string, unknown> {
  id: number | string;
  org_id: string;
  kind: string;
  payload: LiveEventPayload | string;
  created_at: Date | string;
}

function toEvent(r: EventRow): LiveEvent {
  return {
    id: Number(r.id),
    orgId: r.org_id,
    kind: r.kind as LiveEventKind,
    // Both drivers parse jsonb; a string here would be a driver configured otherwise.
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as LiveEventPayload) : r.payload,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * The event a NOTIFY carries whole (record.ts), or null for the short
 * "orgId:id" form and anything that is not one: then the table is read.
 */
export function eventFromNotify(message: string): LiveEvent | null {
  if (!message.startsWith('{')) return null;
  try {
    const row = JSON.parse(message) as EventRow;
    return row.id === undefined || typeof row.org_id !== 'string' ? null : toEvent(row);
  } catch {
    return null;
  }
}

/** Events after an id, oldest first; one organisation, or all (the bus serves every organisation). */
export async function readEventsAfter(db: Db, afterId: number, opts: { orgId?: string; limit?: number } = {}): Promise<LiveEvent[]> {
  const limit = opts.limit ?? 500;
  const org = opts.orgId === undefined ? sql`` : sql` and org_id = ${opts.orgId}`;
  const rows = await queryRows<EventRow>(db, sql`select id, org_id, kind, payload, created_at from events where id > ${afterId}${org} order by id limit ${limit}`);
  return rows.map(toEvent);
}

/** The newest event id (0 when there is none). */
export async function latestEventId(db: Db): Promise<number> {
  const rows = await queryRows<{ id: number | string | null }>(db, sql`select max(id) as id from events`);
  return Number(rows[0]?.id ?? 0);
}
