import { describe, expect, it } from 'vitest';
import { users } from '../schema/index.js';
import { insertOrganisation, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import {
  deleteEndedSessions,
  deleteSessionByHash,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  liveSessionLastSeen,
  LOGIN_LINK_METHOD,
  takeLoginLink,
  touchSession,
  type NewSessionRow,
} from './sessions.js';
import { updateUserDisabled } from './users.js';

const t = (hour: number) => new Date(Date.UTC(2024, 4, 2, hour));

describe.each(TEST_DB_KINDS)('session queries on %s', (kind) => {
  let anna = 0;
  let bo = 0;
  const session = (tokenHash: string, userId: number, hour: number, method = 'password'): NewSessionRow => ({
    tokenHash,
    userId,
    csrfToken: `csrf-${tokenHash}`,
    method,
    createdAt: t(hour),
    lastSeenAt: t(hour),
    expiresAt: t(hour + (method === LOGIN_LINK_METHOD ? 1 : 12)),
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
    await insertSession(db, session('s1', anna, 8));
    const found = await findSessionWithUser(db, 's1');
    expect(found?.u.username).toBe('anna');
    expect(found?.s).toMatchObject({ csrfToken: 'csrf-s1', method: 'password', lastSeenAt: t(8), expiresAt: t(20) });
    expect(await findSessionWithUser(db, 'nope')).toBeNull();
    await touchSession(db, 's1', t(9));
    expect(await liveSessionLastSeen(db, 's1', t(10))).toEqual(t(9));
    // Expired at its end, not a moment later.
    expect(await liveSessionLastSeen(db, 's1', t(20))).toBeNull();
  });

  it('gives no live session for a sign-in link or a disabled user', async () => {
    const db = database.db;
    await insertSession(db, session('link1', anna, 8, LOGIN_LINK_METHOD));
    expect(await liveSessionLastSeen(db, 'link1', t(8))).toBeNull();
    await insertSession(db, session('s2', bo, 8));
    expect(await liveSessionLastSeen(db, 's2', t(9))).toEqual(t(8));
    await updateUserDisabled(db, bo, true);
    expect(await liveSessionLastSeen(db, 's2', t(9))).toBeNull();
    await updateUserDisabled(db, bo, false);
  });

  it('takes a sign-in link once, and never an expired one or a session', async () => {
    const db = database.db;
    await insertSession(db, session('link2', bo, 8, LOGIN_LINK_METHOD));
    await insertSession(db, session('link3', bo, 8, LOGIN_LINK_METHOD));
    await insertSession(db, session('s3', bo, 8));
    expect(await takeLoginLink(db, 'link2', t(8))).toBe(bo);
    expect(await takeLoginLink(db, 'link2', t(8))).toBeNull();
    expect(await takeLoginLink(db, 'link3', t(9))).toBeNull();
    expect(await takeLoginLink(db, 's3', t(8))).toBeNull();
    expect(await findSessionWithUser(db, 's3')).not.toBeNull();
  });

  it('deletes one session, every session of a user, and the ended or idle ones, counting them', async () => {
    const db = database.db;
    await deleteSessionByHash(db, 's3');
    expect(await findSessionWithUser(db, 's3')).toBeNull();
    await insertSession(db, session('b1', bo, 8));
    await insertSession(db, session('b2', bo, 9));
    expect(await deleteSessionsOfUser(db, bo)).toBe(4); // b1, b2, s2 and the expired link3
    await insertSession(db, session('old', anna, 0));
    await insertSession(db, session('idle', anna, 10));
    await insertSession(db, session('fresh', anna, 14));
    // At 15 with the idle cut-off at 10: old and link1 have expired, s1 (seen at 9) and idle (seen at 10, the cut-off itself) have idled.
    expect(await deleteEndedSessions(db, t(15), t(10))).toBe(4);
    expect(await findSessionWithUser(db, 'fresh')).not.toBeNull();
    expect(await deleteSessionsOfUser(db, anna)).toBe(1);
  });
});
