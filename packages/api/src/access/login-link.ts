import { sessions, users, type Db } from '@lagesbild/db';
import { and, eq, gt } from 'drizzle-orm';
import { recordAudit } from './audit.js';
import { createSession, newToken, sha256, type NewSession } from './sessions.js';

/** A sign-in link is good for one use within 15 minutes. */
export const PENDING = 'login-link';
export const LINK_TTL_MS = 15 * 60_000;

/**
 * A one-time sign-in link for a user, printed by the CLI (the demo's first
 * login, a new admin without a password yet). Kept as a short-lived session
 * row of method 'link' that is exchanged for a real session on first use.
 */
export async function createLoginLink(db: Db, userId: number, now: Date): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken: newToken(),
    method: PENDING,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + LINK_TTL_MS),
  });
  return token;
}

/** Exchanges a link token for a session in its user's organisation, once. Null when unknown, used or expired. */
export async function redeemLoginLink(db: Db, token: string, meta: { ip: string | null; userAgent: string | null; now: Date }): Promise<(NewSession & { orgId: string }) | null> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), eq(sessions.method, PENDING), gt(sessions.expiresAt, meta.now)))
    .returning({ userId: sessions.userId });
  const row = gone[0];
  if (!row) return null;
  const [user] = await db.select({ username: users.username, orgId: users.orgId, disabled: users.disabled }).from(users).where(eq(users.id, row.userId));
  if (!user || user.disabled) return null;
  const session = await createSession(db, row.userId, { method: 'link', ip: meta.ip, userAgent: meta.userAgent, now: meta.now });
  await recordAudit(db, { orgId: user.orgId, actor: user.username, action: 'login.succeeded', target: `user:${user.username}`, detail: { method: 'link' }, ip: meta.ip });
  return { ...session, orgId: user.orgId };
}
