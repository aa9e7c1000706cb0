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

/**
 * Records one change and notifies every server (NOTIFY is delivered at
 * commit, and not at all on rollback). Call it inside the transaction that
 * makes the change, so the event exists exactly when the change does; given a
 * plain database it runs in a transaction of its own. Returns the event id.
 */
export async function recordEvent(txOrDb: Db, orgId: string, kind: LiveEventKind, payload: LiveEventPayload): Promise<number> {
  if (!LIVE_EVENT_KINDS.includes(kind)) throw new Error(`Okänd händelsetyp "${kind}".`);
  // On a transaction this is a savepoint; the advisory lock still lasts until the outer commit.
  return txOrDb.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}::int, ${LOCK_EVENTS}::int)`);
    const rows = await queryRows<{ id: number | string }>(
      tx,
      sql`insert into events (org_id, kind, payload) values (${orgId}, ${kind}, ${JSON.stringify(payload)}::jsonb) returning id`,
    );
    const id = Number(rows[0]?.id);
    if (!Number.isSafeInteger(id)) throw new Error('events: insert returned no id');
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${`${orgId}:${id}`})`);
    return id;
  });
}

/** Sorted, de-duplicated lists for a payload. */
export function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
