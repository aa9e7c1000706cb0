import { describe, expect, it } from 'vitest';
import { users } from '../schema/index.js';
import { insertOrganisation, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import * as sessionQueries from './sessions.js';
import { updateUserDisabled } from './users.js';

const t = (hour: number) => new Date(Date.UTC(2024, 4, 2, hour));

describe.each(TEST_DB_KINDS)('session queries on %s', (kind) => {
  let anna = 0;
  let bo = 0;
  const session = (tokenHash: string, userId: number, hour: number, method = 'password'): sessionQueries.NewSessionRow => ({
    tokenHash,
    userId,
    csrfToken: `csrf-${tokenHash}`,
    method,
    createdAt: t(hour),
    lastSeenAt: t(hour),
    expiresAt: t(hour + (method === sessionQueries.LOGIN_LINK_METHOD ? 1 : 12)),
  });
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a');
    const rows = await db
      .insert(users)
      .values([
        { orgId: 'a', username: 'anna', displayName: 'Anna' },
        { orgId: 'a', username: 'bo', displayName: 'Bo' },
      ])
      .returning({ id: users.id });
    anna = rows[0]?.id ?? 0;
    bo = rows[1]?.id ?? 0;
  });

  it('finds a session with its user, touches it, and tells when a live one was last seen', async () => {
    const db = database.db;
    await sessionQueries.insertSession(db, session('s1', anna, 8));
    const found = await sessionQueries.findSessionWithUser(db, 's1');
    expect(found?.u.username).toBe('anna');
    expect(found?.s).toMatchObject({ csrfToken: 'csrf-s1', method: 'password', lastSeenAt: t(8), expiresAt: t(20) });
    expect(await sessionQueries.findSessionWithUser(db, 'nope')).toBeNull();
    await sessionQueries.touchSession(db, 's1', t(9));
    expect(await sessionQueries.liveSessionLastSeen(db, 's1', t(10))).toEqual(t(9));
    // Expired at its end, not a moment later.
    expect(await sessionQueries.liveSessionLastSeen(db, 's1', t(20))).toBeNull();
  });

  it('gives no live session for a sign-in link or a disabled user', async () => {
    const db = database.db;
    await sessionQueries.insertSession(db, session('link1', anna, 8, sessionQueries.LOGIN_LINK_METHOD));
    expect(await sessionQueries.liveSessionLastSeen(db, 'link1', t(8))).toBeNull();
    await sessionQueries.insertSession(db, session('s2', bo, 8));
    expect(await sessionQueries.liveSessionLastSeen(db, 's2', t(9))).toEqual(t(8));
    await updateUserDisabled(db, bo, true);
    expect(await sessionQueries.liveSessionLastSeen(db, 's2', t(9))).toBeNull();
    await updateUserDisabled(db, bo, false);
  });

  it('takes a sign-in link once, and never an expired one or a session', async () => {
    const db = database.db;
    await sessionQueries.insertSession(db, session('link2', bo, 8, sessionQueries.LOGIN_LINK_METHOD));
    await sessionQueries.insertSession(db, session('link3', bo, 8, sessionQueries.LOGIN_LINK_METHOD));
    await sessionQueries.insertSession(db, session('s3', bo, 8));
    expect(await sessionQueries.takeLoginLink(db, 'link2', t(8))).toBe(bo);
    expect(await sessionQueries.takeLoginLink(db, 'link2', t(8))).toBeNull();
    expect(await sessionQueries.takeLoginLink(db, 'link3', t(9))).toBeNull();
    expect(await sessionQueries.takeLoginLink(db, 's3', t(8))).toBeNull();
    expect(await sessionQueries.findSessionWithUser(db, 's3')).not.toBeNull();
  });

  it('deletes one session, every session of a user, and the ended or idle ones, counting them', async () => {
    const db = database.db;
    await sessionQueries.deleteSessionByHash(db, 's3');
    expect(await sessionQueries.findSessionWithUser(db, 's3')).toBeNull();
    await sessionQueries.insertSession(db, session('b1', bo, 8));
    await sessionQueries.insertSession(db, session('b2', bo, 9));
    expect(await sessionQueries.deleteSessionsOfUser(db, bo)).toBe(4); // b1, b2, s2 and the expired link3
    await sessionQueries.insertSession(db, session('old', anna, 0));
    await sessionQueries.insertSession(db, session('idle', anna, 10));
    await sessionQueries.insertSession(db, session('fresh', anna, 14));
    // At 15 with the idle cut-off at 10: old and link1 have expired, s1 (seen at 9) and idle (seen at 10, the cut-off itself) have idled.
    expect(await sessionQueries.deleteEndedSessions(db, t(15), t(10))).toBe(4);
    expect(await sessionQueries.findSessionWithUser(db, 'fresh')).not.toBeNull();
    expect(await sessionQueries.deleteSessionsOfUser(db, anna)).toBe(1);
  });
});
