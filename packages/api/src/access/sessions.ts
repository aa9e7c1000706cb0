import { createHash, randomBytes } from 'node:crypto';
import {
  deleteEndedSessions,
  deleteSessionByHash,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  liveSessionLastSeen,
  LOGIN_LINK_METHOD,
  rolesOfUser,
  touchSession,
  type Db,
} from '@lagesbild/db';
import type { Scope, SessionUser } from '../context.js';
import { auditAs, type Actor } from './audit.js';

/** A session ends 12 hours after login, or after 4 idle hours, whichever comes first. */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 4 * 3600_000;
/** lastSeenAt is written at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  userId: number,
  meta: { method: 'password' | 'oidc' | 'link'; ip: string | null; userAgent: string | null; now: Date },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(meta.now.getTime() + SESSION_ABSOLUTE_MS);
  await insertSession(db, {
    tokenHash: sha256(token),
    userId,
    csrfToken,
    method: meta.method,
    createdAt: meta.now,
    lastSeenAt: meta.now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  /** The user's organisation: every request of the session reads this tenant only. */
  orgId: string;
  tokenHash: string;
  csrfToken: string;
  user: SessionUser;
  scope: Scope;
}

/**
 * The user behind a session cookie, or null when it is unknown, expired, idle
 * too long or the user is disabled. The token is unique across organisations,
 * so the session itself says which tenant the request belongs to.
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  const tokenHash = sha256(token);
  const row = await findSessionWithUser(db, tokenHash);
  // An unredeemed sign-in link is not a session (see login-link.ts).
  if (!row || row.u.disabled || row.s.method === LOGIN_LINK_METHOD) return null;
  const t = now.getTime();
  if (row.s.expiresAt.getTime() <= t || row.s.lastSeenAt.getTime() + SESSION_IDLE_MS <= t) {
    await deleteSessionByHash(db, tokenHash);
    return null;
  }
  if (t - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, tokenHash, now);
  const { user, scope } = await loadUserAccess(db, row.u.id, row.u.username, row.u.displayName);
  return { orgId: row.u.orgId, tokenHash, csrfToken: row.s.csrfToken, user, scope };
}

/**
 * Whether a session opened earlier still holds now, without touching it: an
 * open event stream re-checks this, so logout everywhere, a disabled user or
 * changed roles (which end the sessions) also end her streams.
 */
export async function sessionStillValid(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const lastSeenAt = await liveSessionLastSeen(db, tokenHash, now);
  return lastSeenAt !== null && lastSeenAt.getTime() + SESSION_IDLE_MS > now.getTime();
}

/** Roles and unit assignments: an enhetschef's scope is her units' subtrees; any wider role reads everything. */
export async function loadUserAccess(db: Db, userId: number, username: string, displayName: string): Promise<{ user: SessionUser; scope: Scope }> {
  const roles = await rolesOfUser(db, userId);
  const names = [...new Set(roles.map((r) => r.role))];
  const wide = names.some((r) => r !== 'enhetschef');
  const scope: Scope = wide ? { kind: 'all' } : { kind: 'units', units: [...new Set(roles.flatMap((r) => (r.role === 'enhetschef' && r.unit ? [r.unit] : [])))] };
  return { user: { id: username, userId, name: displayName, roles: names }, scope };
}

export function deleteSession(db: Db, tokenHash: string): Promise<void> {
  return deleteSessionByHash(db, tokenHash);
}

/** Logout everywhere: every session of the user ends. */
export function deleteUserSessions(db: Db, userId: number): Promise<number> {
  return deleteSessionsOfUser(db, userId);
}

/** Logout: the session ends (a wall screen has none) and the audit entry is written in the same transaction. */
export async function logout(db: Db, orgId: string, tokenHash: string | null, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    if (tokenHash) await deleteSession(tx, tokenHash);
    await auditAs(tx, actor, { orgId, action: 'logout', target: `user:${actor.id}` });
  });
}

/** Logout everywhere: every session of the user ends; audited, with how many, in the same transaction. */
export async function logoutEverywhere(db: Db, orgId: string, userId: number, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await deleteUserSessions(tx, userId);
    await auditAs(tx, actor, { orgId, action: 'logout.everywhere', target: `user:${actor.id}`, detail: { sessions: ended } });
    return ended;
  });
}

/**
 * Housekeeping: sessions and unused sign-in links past their end (resolveSession
 * refuses them already; this keeps the table from growing). Returns how many went.
 * The server runs it at start and then periodically (apps/server, LAGESBILD_SESSION_PURGE_MINUTES).
 */
export function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  return deleteEndedSessions(db, now, new Date(now.getTime() - SESSION_IDLE_MS));
}
