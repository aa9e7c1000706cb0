import { auditLog, organisations, users, type Db } from '@lagesbild/db';
import { and, count, eq, gt, gte, inArray, isNull, max, or, sql } from 'drizzle-orm';
import { InputError } from '../errors.js';
import { recordAudit } from './audit.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSession, type NewSession } from './sessions.js';

/**
 * Five wrong passwords for a username from one address lock that username at
 * that address for fifteen minutes; twenty from any addresses lock it
 * everywhere (a spread-out guess). So one address — a guesser, or a whole
 * office behind one proxy — can lock no one out from other addresses, and
 * guesses at one account cannot lock out the other users behind the same proxy.
 */
export const MAX_FAILED_LOGINS = 5;
export const MAX_FAILED_LOGINS_ACCOUNT = 20;
export const LOCK_MS = 15 * 60_000;
/**
 * An address with more failures than this within the window (whatever the
 * usernames) is slowed, never refused: each attempt waits THROTTLE_STEP_MS
 * more per failure over the limit, up to THROTTLE_MAX_MS.
 */
export const MAX_FAILURES_PER_IP = 20;
export const IP_WINDOW_MS = 15 * 60_000;
export const THROTTLE_STEP_MS = 250;
export const THROTTLE_MAX_MS = 5_000;

export class LoginRefused extends Error {
  constructor(
    message: string,
    readonly reason: 'credentials' | 'locked',
  ) {
    super(message);
  }
}

const WRONG = 'Fel användarnamn eller lösenord.';
const lockedMessage = (minutes: number) =>
  `Kontot är låst efter för många misslyckade försök. Försök igen om ${minutes} min eller be en administratör om hjälp.`;
// Verifying against a real hash when the user is unknown keeps the timing the same.
let dummyHash: Promise<string> | null = null;

export interface LoginRequest {
  orgId: string;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  now: Date;
  /** How the per-address throttle waits (tests record it instead). */
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/**
 * Password login with lock-out and a per-address throttle. The counts live in
 * the audit log, so several servers enforce one limit and a restart does not
 * reset it. An unknown, disabled or password-less username goes through the
 * same steps, queries and hashing as a real one and gets the same answers —
 * including the lock after five failures — so no answer tells whether a
 * username exists.
 */
export async function login(db: Db, req: LoginRequest): Promise<NewSession & { userId: number }> {
  const username = req.username.trim().toLowerCase();
  if (!username || !req.password) throw new InputError('Fyll i användarnamn och lösenord.');
  // A sign-in address may name an organisation that does not exist: refused like a wrong password, audited without one.
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, req.orgId));
  const orgKey = org?.id ?? null;
  const audit = (tx: Db, action: 'login.succeeded' | 'login.failed' | 'login.locked', detail?: Record<string, unknown>) =>
    recordAudit(tx, { orgId: orgKey, actor: username, action, target: `user:${username}`, detail, ip: req.ip, at: req.now });

  const throttle = await throttleFor(db, orgKey, req.ip, req.now);
  if (throttle > 0) await (req.wait ?? sleep)(throttle);

  const [found] = await db.select().from(users).where(and(eq(users.orgId, req.orgId), eq(users.username, username)));
  const user = found && found.passwordHash && !found.disabled ? { ...found, passwordHash: found.passwordHash } : null;
  const until = await lockedUntil(db, orgKey, username, req.ip, req.now);
  if (until) {
    await audit(db, 'login.locked', { reason: 'locked' });
    throw new LoginRefused(lockedMessage(Math.ceil((until.getTime() - req.now.getTime()) / 60_000)), 'locked');
  }
  dummyHash ??= hashPassword('lägesbild-dummy-password');
  const ok = await verifyPassword(req.password, user ? user.passwordHash : await dummyHash);
  if (!user || !ok) {
    // Failures count within the lock window after the last success, so one typo a week ago does not bring a lock closer.
    const [fromHere, fromAll] = await Promise.all([recentFailures(db, orgKey, username, req.ip, req.now), recentFailures(db, orgKey, username, undefined, req.now)]);
    const lock = fromAll + 1 >= MAX_FAILED_LOGINS_ACCOUNT ? 'account' : fromHere + 1 >= MAX_FAILED_LOGINS ? 'address' : undefined;
    const reason = !org ? 'unknown-organisation' : !found ? 'unknown' : found.disabled ? 'disabled' : !found.passwordHash ? 'no-password' : 'password';
    // The counter and the failure that the lock-out counts are one transaction.
    await db.transaction(async (tx) => {
      // The same write for an unknown username (on no row), so the answer takes as long.
      await tx
        .update(users)
        .set(lock === 'account' ? { failedLogins: 0, lockedUntil: new Date(req.now.getTime() + LOCK_MS) } : { failedLogins: fromAll + 1 })
        .where(eq(users.id, found?.id ?? -1));
      await audit(tx, 'login.failed', { reason, ...(lock ? { lock } : {}), ...(org ? {} : { organisation: req.orgId }) });
    });
    throw new LoginRefused(WRONG, 'credentials');
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, { method: 'password', ip: req.ip, userAgent: req.userAgent, now: req.now });
    await audit(tx, 'login.succeeded');
    return { ...session, userId: user.id };
  });
}

const orgIs = (orgId: string | null) => (orgId ? eq(auditLog.orgId, orgId) : isNull(auditLog.orgId));
const ipIs = (ip: string | null) => (ip ? eq(auditLog.ip, ip) : isNull(auditLog.ip));

/**
 * The audit id after which failures and locks of a username count: its last
 * successful login, or an admin's new password or re-enabling (which lift a lock).
 */
async function lastReset(db: Db, orgId: string | null, username: string): Promise<number> {
  const [row] = await db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(and(orgIs(orgId), eq(auditLog.target, `user:${username}`), inArray(auditLog.action, ['login.succeeded', 'user.password_changed', 'user.enabled'])));
  return row?.id ?? 0;
}

/** How long an attempt from this address waits: nothing until it has more than MAX_FAILURES_PER_IP recent failures. */
async function throttleFor(db: Db, orgId: string | null, ip: string | null, now: Date): Promise<number> {
  if (!ip) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    // Per organisation: one municipality's failures from its shared outgoing address do not slow another's.
    .where(and(orgIs(orgId), eq(auditLog.action, 'login.failed'), eq(auditLog.ip, ip), gte(auditLog.at, new Date(now.getTime() - IP_WINDOW_MS))));
  const over = (row?.n ?? 0) - MAX_FAILURES_PER_IP;
  return over < 0 ? 0 : Math.min(THROTTLE_STEP_MS * (over + 1), THROTTLE_MAX_MS);
}

/**
 * When the username is locked for this address (or everywhere): fifteen
 * minutes after the failure that set the lock, read from the audit log, so
 * a username that does not exist locks exactly as one that does.
 */
async function lockedUntil(db: Db, orgId: string | null, username: string, ip: string | null, now: Date): Promise<Date | null> {
  const lock = sql<string | null>`${auditLog.detail}->>'lock'`;
  const [row] = await db
    .select({ at: max(auditLog.at) })
    .from(auditLog)
    .where(
      and(
        orgIs(orgId),
        eq(auditLog.action, 'login.failed'),
        eq(auditLog.target, `user:${username}`),
        gt(auditLog.at, new Date(now.getTime() - LOCK_MS)),
        gt(auditLog.id, await lastReset(db, orgId, username)),
        or(sql`${lock} = 'account'`, and(sql`${lock} = 'address'`, ipIs(ip))),
      ),
    );
  return row?.at ? new Date(row.at.getTime() + LOCK_MS) : null;
}

/**
 * Failed logins for a username within the last LOCK_MS, after its latest
 * successful login (usernames are unique per organisation only): from one
 * address, or (ip undefined) from anywhere.
 */
async function recentFailures(db: Db, orgId: string | null, username: string, ip: string | null | undefined, now: Date): Promise<number> {
  const target = `user:${username}`;
  const since = new Date(now.getTime() - LOCK_MS);
  const reset = await lastReset(db, orgId, username);
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(orgIs(orgId), eq(auditLog.action, 'login.failed'), eq(auditLog.target, target), gte(auditLog.at, since), gt(auditLog.id, reset), ip === undefined ? undefined : ipIs(ip)),
    );
  return row?.n ?? 0;
}
