import { findUserById, insertSession, LOGIN_LINK_METHOD, takeLoginLink, type Db } from '@lagesbild/db';
import { InputError } from '../errors.js';
import { auditAs, recordAudit, type Actor } from './audit.js';
import { createSession, newToken, sha256, type NewSession } from './sessions.js';
import { getUser } from './users.js';

/** A sign-in link is good for one use within 15 minutes. */
export const PENDING = LOGIN_LINK_METHOD;
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
    await insertSession(tx, {
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
    const userId = await takeLoginLink(tx, sha256(token), meta.now);
    if (userId === null) return null;
    const user = await findUserById(tx, userId);
    if (!user || user.disabled) return null;
    const session = await createSession(tx, userId, { method: 'link', ip: meta.ip, userAgent: meta.userAgent, now: meta.now });
    await recordAudit(tx, { orgId: user.orgId, actor: user.username, action: 'login.succeeded', target: `user:${user.username}`, detail: { method: 'link' }, ip: meta.ip });
    return { ...session, orgId: user.orgId };
  });
}
