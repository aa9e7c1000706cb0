import { and, eq, gt, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { sessions, users } from '../schema/index.js';
import { firstOrNull } from './rows.js';

/** The method of a sign-in link not yet used: a session row, but no session (see packages/api/src/access/login-link.ts). */
export const LOGIN_LINK_METHOD = 'login-link';

export type SessionRow = typeof sessions.$inferSelect;
export type NewSessionRow = typeof sessions.$inferInsert;
type UserRow = typeof users.$inferSelect;

export async function insertSession(db: Db, row: NewSessionRow): Promise<void> {
  await db.insert(sessions).values(row);
}

/** The session row with a token hash and its user, or null. */
export function findSessionWithUser(db: Db, tokenHash: string): Promise<{ s: SessionRow; u: UserRow } | null> {
  return firstOrNull(db.select({ s: sessions, u: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.tokenHash, tokenHash)));
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * When a session (not a sign-in link) that has not expired by `now` and whose
 * user is not disabled was last seen; null when there is no such session.
 */
export async function liveSessionLastSeen(db: Db, tokenHash: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), ne(sessions.method, LOGIN_LINK_METHOD), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row?.lastSeenAt ?? null;
}

export async function deleteSessionByHash(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Every session (and sign-in link) of a user; returns how many went. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<number> {
  const gone = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ h: sessions.tokenHash });
  return gone.length;
}

/** Sessions and links that expired by `now` or were last seen at or before `idleSince`; returns how many went. */
export async function deleteEndedSessions(db: Db, now: Date, idleSince: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, idleSince)))
    .returning({ h: sessions.tokenHash });
  return gone.length;
}

/** Deletes an unused sign-in link that has not expired by `now` and returns its user; null when there is none. */
export async function takeLoginLink(db: Db, tokenHash: string, now: Date): Promise<number | null> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), eq(sessions.method, LOGIN_LINK_METHOD), gt(sessions.expiresAt, now)))
    .returning({ userId: sessions.userId });
  return gone[0]?.userId ?? null;
}
