import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../client.js';
import { organisations } from '../schema/index.js';
import { TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { closeEventBus, eventBusFor, type BusMessage } from './bus.js';
import { eventFromNotify, readEventsAfter } from './read.js';
import { recordEvent } from './record.js';
import type { LiveEvent } from './types.js';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function retry<T>(f: () => Promise<T>, times = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (err) {
      if (i >= times) throw err;
      await sleep(50);
    }
  }
}

/** Collects what a bus delivers, and waits for a condition on it. */
function collect(database: Database) {
  const events: LiveEvent[] = [];
  const statuses: string[] = [];
  const bus = eventBusFor(database.db, { probeMs: 200, probeTimeoutMs: 400 });
  const stop = bus.subscribe((m: BusMessage) => {
    if (m.type === 'event') events.push(m.event);
    else statuses.push(m.status.database);
  });
  const until = async (ok: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out; got ids ${events.map((e) => e.id).join(',')}, statuses ${statuses.join(',')}`);
      await sleep(10);
    }
  };
  return { bus, events, statuses, until, stop };
}

describe.each(TEST_DB_KINDS)('event bus on %s', (kind) => {
  const database = useTestDatabase(
    kind,
    async (opened) => {
      await opened.db.insert(organisations).values([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]);
    },
    (opened) => closeEventBus(opened.db),
  );

  it('delivers a recorded event within a second, in id order, and never one from a rolled-back transaction', async () => {
    const c = collect(database);
    await c.bus.ready();
    const started = Date.now();
    const id1 = await recordEvent(database.db, 'a', 'import.committed', { kpis: ['k1'], units: ['U1'], months: ['2022-05'] });
    await c.until(() => c.events.some((e) => e.id === id1), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    await database.db
      .transaction(async (tx) => {
        await recordEvent(tx, 'a', 'target.set', { kpis: ['k1'] });
        throw new Error('rollback');
      })
      .catch(() => {});
    const id2 = await recordEvent(database.db, 'b', 'comment.added', { kpis: ['k2'], units: ['U2'] });
    await c.until(() => c.events.some((e) => e.id === id2));
    expect(c.events.map((e) => e.kind)).toEqual(['import.committed', 'comment.added']);
    expect(c.events[0]).toMatchObject({ orgId: 'a', payload: { kpis: ['k1'], units: ['U1'], months: ['2022-05'] } });
    expect((await readEventsAfter(database.db, 0, { orgId: 'b' })).map((e) => e.id)).toEqual([id2]);
    c.stop();
  });

  it('delivers events carried whole by NOTIFY and events too long for it alike: as the table has them, in order, once each', async () => {
    const c = collect(database);
    await c.bus.ready();
    // Over NOTIFY's 8 000 bytes: announced by id only, so the bus reads it from the table.
    const manyUnits = Array.from({ length: 1200 }, (_, i) => `ENHET-${i}`);
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const payload = i % 4 === 1 ? { units: manyUnits, note: `stor ${i}` } : { kpis: [`k${i}`], note: `liten ${i}` };
      ids.push(await recordEvent(database.db, i % 2 ? 'a' : 'b', 'comment.added', payload));
    }
    await c.until(() => c.events.length >= ids.length);
    await sleep(100);
    expect(c.events.map((e) => e.id)).toEqual(ids);
    expect(c.events).toEqual(await readEventsAfter(database.db, (ids[0] ?? 1) - 1));
    c.stop();
  });
});

describe('eventFromNotify', () => {
  it('reads a whole event and leaves the short form and anything else to the table', () => {
    const whole = JSON.stringify({ id: 7, org_id: 'a', kind: 'target.set', payload: { kpis: ['k1'] }, created_at: '2026-12-05T03:40:00.123456+00:00' });
    expect(eventFromNotify(whole)).toEqual({ id: 7, orgId: 'a', kind: 'target.set', payload: { kpis: ['k1'] }, createdAt: '2026-12-05T03:40:00.123Z' });
    expect(eventFromNotify('a:7')).toBeNull();
    expect(eventFromNotify('{not json')).toBeNull();
    expect(eventFromNotify('{"id":7}')).toBeNull();
  });
});

describe('event bus on PostgreSQL across connections', () => {
  let other: Database;
  const database = useTestDatabase(
    'postgres',
    async (opened) => {
      await opened.db.insert(organisations).values({ id: 'a', name: 'A' });
      other = await openPostgres(opened.url ?? '');
    },
    async (opened) => {
      await closeEventBus(other.db);
      await closeEventBus(opened.db);
      await other.close();
    },
  );

  it('sees events written through another connection, and ids commit in order even when transactions overlap', async () => {
    const c = collect(other);
    await c.bus.ready();
    // The first transaction takes its id and holds it; the second must wait, so it cannot commit a higher id first.
    const slow = database.db.transaction(async (tx) => {
      const id = await recordEvent(tx, 'a', 'import.committed', { months: ['2022-06'] });
      await sleep(300);
      return id;
    });
    await sleep(50);
    const fast = recordEvent(database.db, 'a', 'target.set', { kpis: ['k9'] });
    const [idSlow, idFast] = await Promise.all([slow, fast]);
    expect(idFast).toBeGreaterThan(idSlow);
    await c.until(() => c.events.length >= 2);
    expect(c.events.map((e) => e.id)).toEqual([idSlow, idFast]);
    c.stop();
  });

  it('recovers when its LISTEN connection is killed, and delivers what was written meanwhile', async () => {
    const c = collect(other);
    await c.bus.ready();
    const before = c.events.length;
    // Kill every other session on this database: the listener and the pool of `other`.
    await database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    // The writer's own pooled connections died too: its first attempts may fail, as a real client's would.
    const id = await retry(() => recordEvent(database.db, 'a', 'import.committed', { months: ['2022-07'] }));
    await c.until(() => c.events.some((e) => e.id === id), 5000);
    const id2 = await recordEvent(database.db, 'a', 'import.committed', { months: ['2022-08'] });
    await c.until(() => c.events.some((e) => e.id === id2), 2000);
    expect(c.events.slice(before).map((e) => e.id)).toEqual([id, id2]);
    c.stop();
  });
});
