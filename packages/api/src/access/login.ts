import { countLoginFailures, findOrganisationName, findUserByUsername, lastLoginReset, latestLockingFailure, updateFailedLogins, type Db } from '@lagesbild/db';
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
const lockedMessage = (minutes: number) => `Kontot är låst efter för många misslyckade försök. Försök igen om ${minutes} min eller be en administratör om hjälp.`;
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
  const org = (await findOrganisationName(db, req.orgId)) !== null;
  const orgKey = org ? req.orgId : null;
  const audit = (tx: Db, action: 'login.succeeded' | 'login.failed' | 'login.locked', detail?: Record<string, unknown>) =>
    recordAudit(tx, { orgId: orgKey, actor: username, action, target: `user:${username}`, detail, ip: req.ip, at: req.now });

  const throttle = await throttleFor(db, orgKey, req.ip, req.now);
  if (throttle > 0) await (req.wait ?? sleep)(throttle);

  const found = await findUserByUsername(db, req.orgId, username);
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
      await updateFailedLogins(tx, found?.id ?? -1, lock === 'account' ? { failedLogins: 0, lockedUntil: new Date(req.now.getTime() + LOCK_MS) } : { failedLogins: fromAll + 1 });
      await audit(tx, 'login.failed', { reason, ...(lock ? { lock } : {}), ...(org ? {} : { organisation: req.orgId }) });
    });
    throw new LoginRefused(WRONG, 'credentials');
  }
  return db.transaction(async (tx) => {
    await updateFailedLogins(tx, user.id, { failedLogins: 0, lockedUntil: null });
    const session = await createSession(tx, user.id, { method: 'password', ip: req.ip, userAgent: req.userAgent, now: req.now });
    await audit(tx, 'login.succeeded');
    return { ...session, userId: user.id };
  });
}

/** How long an attempt from this address waits: nothing until it has more than MAX_FAILURES_PER_IP recent failures. */
async function throttleFor(db: Db, orgId: string | null, ip: string | null, now: Date): Promise<number> {
  if (!ip) return 0;
  // Per organisation: one municipality's failures from its shared outgoing address do not slow another's.
  const n = await countLoginFailures(db, { orgId, ip, since: new Date(now.getTime() - IP_WINDOW_MS) });
  const over = n - MAX_FAILURES_PER_IP;
  return over < 0 ? 0 : Math.min(THROTTLE_STEP_MS * (over + 1), THROTTLE_MAX_MS);
}

/**
 * When the username is locked for this address (or everywhere): fifteen
 * minutes after the failure that set the lock, read from the audit log, so
 * a username that does not exist locks exactly as one that does. A lock
 * counts only after the username's last successful login, or an admin's new
 * password or re-enabling (which lift it).
 */
async function lockedUntil(db: Db, orgId: string | null, username: string, ip: string | null, now: Date): Promise<Date | null> {
  const afterId = await lastLoginReset(db, orgId, username);
  const at = await latestLockingFailure(db, { orgId, username, ip, after: new Date(now.getTime() - LOCK_MS), afterId });
  return at ? new Date(at.getTime() + LOCK_MS) : null;
}

/**
 * Failed logins for a username within the last LOCK_MS, after its latest
 * successful login (usernames are unique per organisation only): from one
 * address, or (ip undefined) from anywhere.
 */
async function recentFailures(db: Db, orgId: string | null, username: string, ip: string | null | undefined, now: Date): Promise<number> {
  const afterId = await lastLoginReset(db, orgId, username);
  return countLoginFailures(db, { orgId, username, since: new Date(now.getTime() - LOCK_MS), afterId, ...(ip === undefined ? {} : { ip }) });
}
