import { auditLog, organisations, users, type Db } from '@lagesbild/db';
import { and, count, eq, gt, gte, isNull, max } from 'drizzle-orm';
import { InputError } from '../services/errors.js';
import { recordAudit } from './audit.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSession, type NewSession } from './sessions.js';

/** Five wrong passwords lock the account for fifteen minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
/** More failures than this from one address to one organisation within the window are refused outright. */
export const MAX_FAILURES_PER_IP = 20;
export const IP_WINDOW_MS = 15 * 60_000;

export class LoginRefused extends Error {
  constructor(
    message: string,
    readonly reason: 'credentials' | 'locked' | 'rate',
  ) {
    super(message);
  }
}

const WRONG = 'Fel användarnamn eller lösenord.';
// Verifying against a real hash when the user is unknown keeps the timing the same.
let dummyHash: Promise<string> | null = null;

export interface LoginRequest {
  orgId: string;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

/**
 * Password login with lock-out and a per-address rate limit. The counts live
 * in the database (users.failed_logins and the audit log), so several servers
 * enforce one limit and a restart does not reset it.
 */
export async function login(db: Db, req: LoginRequest): Promise<NewSession & { userId: number }> {
  const username = req.username.trim().toLowerCase();
  if (!username || !req.password) throw new InputError('Fyll i användarnamn och lösenord.');
  // A sign-in address may name an organisation that does not exist: refused like a wrong password, audited without one.
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, req.orgId));
  const audit = (action: 'login.succeeded' | 'login.failed' | 'login.locked', detail?: Record<string, unknown>) =>
    recordAudit(db, { orgId: org?.id ?? null, actor: username, action, target: `user:${username}`, detail, ip: req.ip, at: req.now });

  if (req.ip) {
    const since = new Date(req.now.getTime() - IP_WINDOW_MS);
    const [row] = await db
      .select({ n: count() })
      .from(auditLog)
      // Per organisation: one municipality's failures from its shared outgoing address must not lock out another's.
      .where(and(org ? eq(auditLog.orgId, org.id) : isNull(auditLog.orgId), eq(auditLog.action, 'login.failed'), eq(auditLog.ip, req.ip), gte(auditLog.at, since)));
    if ((row?.n ?? 0) >= MAX_FAILURES_PER_IP) {
      await audit('login.locked', { reason: 'rate' });
      throw new LoginRefused('För många misslyckade inloggningar från din adress. Vänta en kvart och försök igen.', 'rate');
    }
  }

  const [user] = await db.select().from(users).where(and(eq(users.orgId, req.orgId), eq(users.username, username)));
  if (!user || !user.passwordHash || user.disabled) {
    dummyHash ??= hashPassword('lägesbild-dummy-password');
    await verifyPassword(req.password, await dummyHash);
    await audit('login.failed', { reason: !org ? 'unknown-organisation' : user?.disabled ? 'disabled' : 'unknown', ...(org ? {} : { organisation: req.orgId }) });
    throw new LoginRefused(WRONG, 'credentials');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > req.now.getTime()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - req.now.getTime()) / 60_000);
    await audit('login.locked', { reason: 'locked' });
    throw new LoginRefused(`Kontot är låst efter för många misslyckade försök. Försök igen om ${minutes} min eller be en administratör om hjälp.`, 'locked');
  }
  if (!(await verifyPassword(req.password, user.passwordHash))) {
    // Failures count within the lock window, so one typo a week ago does not bring a lock closer.
    const failed = (await recentFailures(db, req.orgId, username, req.now)) + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db
      .update(users)
      .set(lock ? { failedLogins: 0, lockedUntil: new Date(req.now.getTime() + LOCK_MS) } : { failedLogins: failed })
      .where(eq(users.id, user.id));
    await audit('login.failed', { reason: 'password', locked: lock });
    throw new LoginRefused(WRONG, 'credentials');
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const session = await createSession(db, user.id, { method: 'password', ip: req.ip, userAgent: req.userAgent, now: req.now });
  await audit('login.succeeded');
  return { ...session, userId: user.id };
}

/** Wrong passwords for a user within the last LOCK_MS, after her latest successful login (usernames are unique per organisation only). */
async function recentFailures(db: Db, orgId: string, username: string, now: Date): Promise<number> {
  const target = `user:${username}`;
  const since = new Date(now.getTime() - LOCK_MS);
  const [lastOk] = await db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'login.succeeded'), eq(auditLog.target, target)));
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'login.failed'), eq(auditLog.target, target), gte(auditLog.at, since), gt(auditLog.id, lastOk?.id ?? 0)));
  return row?.n ?? 0;
}
