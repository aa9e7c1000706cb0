import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../client.js';
import { EVENTS_CHANNEL, LIVE_EVENT_KINDS, type LiveEventKind, type LiveEventPayload } from './types.js';

/**
 * Serialises event writers until their transactions end. Without it two
 * transactions could take ids 10 and 11 and commit 11 first; a reader that
 * saw 11 and remembered "last id 11" would never see 10. With it an id is
 * taken only after every earlier one has committed (or rolled back), so
 * "id > last seen" never skips an event. Key: the int pair form, so it
 * cannot collide with the importer's hashtext(...) locks.
 */
const LOCK_CLASS = 0x4c42; // "LB"
const LOCK_EVENTS = 1;
/** NOTIFY payloads must stay under 8 000 bytes; a larger event is announced by id only. */
const NOTIFY_LIMIT = 7900;

/**
 * Records one change and notifies every server (NOTIFY is delivered at
 * commit, and not at all on rollback). Call it inside the transaction that
 * makes the change, so the event exists exactly when the change does; given a
 * plain database it is a transaction of its own. Returns the event id.
 *
 * One statement, one round trip: the lock is taken in the FROM item before
 * the row's id is drawn (a subquery with a volatile function is not flattened),
 * and the NOTIFY carries the whole event when it fits, so a bus that has seen
 * every earlier id delivers it without reading the table back (bus.ts).
 */
export async function recordEvent(txOrDb: Db, orgId: string, kind: LiveEventKind, payload: LiveEventPayload): Promise<number> {
  if (!LIVE_EVENT_KINDS.includes(kind)) throw new Error(`Okänd händelsetyp "${kind}".`);
  const rows = await queryRows<{ id: number | string }>(
    txOrDb,
    sql`with ev as (
          insert into events (org_id, kind, payload)
          select ${orgId}, ${kind}, ${JSON.stringify(payload)}::jsonb
          from (select pg_advisory_xact_lock(${LOCK_CLASS}::int, ${LOCK_EVENTS}::int)) as serialised
          returning id, org_id, kind, payload, created_at
        ), message as (
          select id, json_build_object('id', id, 'org_id', org_id, 'kind', kind, 'payload', payload, 'created_at', created_at)::text as whole, org_id
          from ev
        )
        select id, pg_notify(${EVENTS_CHANNEL}, case when octet_length(whole) < ${NOTIFY_LIMIT} then whole else org_id || ':' || id end)
        from message`,
  );
  const id = Number(rows[0]?.id);
  if (!Number.isSafeInteger(id)) throw new Error('events: insert returned no id');
  return id;
}

/** Sorted, de-duplicated lists for a payload. */
export function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
