import type { Db } from '@lagesbild/db';
import type { appRouter } from '../src/root.js';

type Caller = ReturnType<typeof appRouter.createCaller>;

/** The newest event's id ("0" when there is none), to listen from. */
export async function lastEventId(db: Db): Promise<string> {
  const rows = await db.execute<{ id: number }>('select coalesce(max(id), 0) as id from events');
  const list = Array.isArray(rows) ? rows : (rows as { rows: { id: number }[] }).rows;
  return String(list[0]?.id ?? 0);
}

/**
 * The events a caller's live stream gives after `from` within `ms`: catch-up
 * answers at once, then the stream waits for news, so it stops after a moment.
 * tracked() envelopes are [id, data]; status messages are plain objects and left out.
 */
export async function eventsHeard<E>(caller: Caller, from: string, ms = 1500): Promise<E[]> {
  const stream = (await caller.live.events({ lastEventId: from }))[Symbol.asyncIterator]();
  const got: E[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const next = await Promise.race([stream.next(), new Promise<null>((ok) => setTimeout(() => ok(null), deadline - Date.now()))]);
    if (next === null || next.done) break;
    if (Array.isArray(next.value)) got.push(next.value[1] as E);
  }
  await stream.return?.();
  return got;
}
