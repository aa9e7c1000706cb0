import { createLoginLink, createSession, createUser, purgeExpiredSessions, resolveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sha256 } from '@lagesbild/api';
import { organisations, sessions } from '@lagesbild/db';
import { openTestDatabase, TEST_DB_KINDS, type TestDatabase } from '@lagesbild/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/http/server.js';

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

/** Sessions past their end are refused already; the server also deletes them, at start and then periodically. */
describe.each(TEST_DB_KINDS)('expired sessions are purged on %s', (kind) => {
  let database: TestDatabase;
  let eva = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(organisations).values({ id: 'flen', name: 'Flens kommun' });
    eva = (await createUser(database.db, 'flen', { username: 'eva', displayName: 'Eva', password: null, roles: [{ role: 'admin' }] }, { id: 'test', ip: null })).id;
  });
  afterAll(async () => {
    await database.dispose();
  });
  const session = (createdAgo: number) => createSession(database.db, eva, { method: 'password', ip: null, userAgent: null, now: ago(createdAgo) });
  const left = async () => (await database.db.select({ method: sessions.method, expiresAt: sessions.expiresAt }).from(sessions)).length;

  it('deletes sessions past 12 hours or 4 idle hours and unused sign-in links past 15 minutes, and keeps every other', async () => {
    const fresh = await session(60_000);
    await session(SESSION_IDLE_MS + HOUR); // idle too long, though within its 12 hours
    const old = await session(SESSION_ABSOLUTE_MS + HOUR); // past its 12 hours, though seen lately
    await database.db
      .update(sessions)
      .set({ lastSeenAt: ago(60_000) })
      .where(eq(sessions.tokenHash, sha256(old.token)));
    await createLoginLink(database.db, 'flen', eva, { id: 'test', ip: null }, ago(16 * 60_000));
    await createLoginLink(database.db, 'flen', eva, { id: 'test', ip: null }, ago(60_000));
    expect(await left()).toBe(5);
    expect(await purgeExpiredSessions(database.db, new Date())).toBe(3);
    expect(await left()).toBe(2);
    expect((await resolveSession(database.db, fresh.token, new Date()))?.user.id).toBe('eva');
    expect(await purgeExpiredSessions(database.db, new Date())).toBe(0);
  });

  it('the server purges at start and then at its interval', async () => {
    await database.db.delete(sessions);
    const logged: string[] = [];
    const gone = async (ms: number) => {
      const end = Date.now() + ms;
      while ((await left()) > 0 && Date.now() < end) await new Promise((ok) => setTimeout(ok, 50));
      return (await left()) === 0;
    };
    // At start: with an hour to its first round, only the start-up purge can take it.
    await session(SESSION_ABSOLUTE_MS + HOUR);
    const hourly = await startServer({ database, orgId: 'flen', port: 0, log: (l) => logged.push(l) });
    expect(await gone(2000)).toBe(true);
    await hourly.close();
    // Then at the interval: one that has ended while the server runs goes at a later round.
    const often = await startServer({ database, orgId: 'flen', port: 0, sessionPurgeMs: 300, log: (l) => logged.push(l) });
    try {
      await new Promise((ok) => setTimeout(ok, 100));
      await session(SESSION_IDLE_MS + HOUR);
      expect(await gone(3000)).toBe(true);
    } finally {
      await often.close();
    }
    expect(logged).toEqual([]);
  });
});
