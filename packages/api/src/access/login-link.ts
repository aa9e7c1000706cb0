import { sessions, users, type Db } from '@lagesbild/db';
import { and, eq, gt } from 'drizzle-orm';
import { InputError } from '../errors.js';
import { auditAs, recordAudit, type Actor } from './audit.js';
import { createSession, newToken, sha256, type NewSession } from './sessions.js';
import { getUser } from './users.js';

/** A sign-in link is good for one use within 15 minutes. */
export const PENDING = 'login-link';
export const LINK_TTL_MS = 15 * 60_000;

/**
 * A one-time sign-in link for a user of the organisation (the demo's first
 * login, a new admin without a password yet), given by an admin or printed
 * by the CLI. Kept as a short-lived session row of method 'link' that is
 * exchanged for a real session on first use; audited in the same transaction.
 */
export async function createLoginLink(db: Db, orgId: string, userId: number, actor: Actor, now = new Date()): Promise<string> {
  const token = newToken();
  await db.transaction(async (tx) => {
    const u = await getUser(tx, orgId, userId);
    if (u.disabled) throw new InputError(`Användaren ${u.username} är avstängd. Aktivera kontot först, så kan hon logga in med länken.`);
    await tx.insert(sessions).values({
      tokenHash: sha256(token),
      userId,
      csrfToken: newToken(),
      method: PENDING,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + LINK_TTL_MS),
    });
    await auditAs(tx, actor, { orgId, action: 'user.login_link_created', target: `user:${u.username}` });
  });
  return token;
}

/**
 * Exchanges a link token for a session in its user's organisation, once
 * (the link is gone even when its user has been disabled since). Null when
 * unknown, used or expired. The session and its audit entry are one transaction.
 */
export async function redeemLoginLink(db: Db, token: string, meta: { ip: string | null; userAgent: string | null; now: Date }): Promise<(NewSession & { orgId: string }) | null> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(sessions)
      .where(and(eq(sessions.tokenHash, sha256(token)), eq(sessions.method, PENDING), gt(sessions.expiresAt, meta.now)))
      .returning({ userId: sessions.userId });
    const row = gone[0];
    if (!row) return null;
    const [user] = await tx.select({ username: users.username, orgId: users.orgId, disabled: users.disabled }).from(users).where(eq(users.id, row.userId));
    if (!user || user.disabled) return null;
    const session = await createSession(tx, row.userId, { method: 'link', ip: meta.ip, userAgent: meta.userAgent, now: meta.now });
    await recordAudit(tx, { orgId: user.orgId, actor: user.username, action: 'login.succeeded', target: `user:${user.username}`, detail: { method: 'link' }, ip: meta.ip });
    return { ...session, orgId: user.orgId };
  });
}
