import { and, count, desc, eq, gt, gte, ilike, inArray, isNull, lt, max, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog } from '../schema/index.js';

export interface AuditLogInsert {
  orgId: string | null;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  /** Defaults to the database's clock. */
  at?: Date;
}

/** Appends one entry; nothing here updates or deletes the log. */
export async function insertAuditEntry(db: Db, e: AuditLogInsert): Promise<void> {
  await db.insert(auditLog).values({ orgId: e.orgId, actor: e.actor, action: e.action, target: e.target, detail: e.detail, ip: e.ip, ...(e.at ? { at: e.at } : {}) });
}

export interface AuditLogFilter {
  orgId: string;
  action?: string;
  actor?: string;
  /** Free text over actor and target. */
  text?: string;
  from?: Date;
  to?: Date;
  /** Page backwards from this id (exclusive). */
  before?: number;
  limit: number;
}

export interface AuditLogRow {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

/** An organisation's entries, newest first. */
export async function listAuditEntries(db: Db, f: AuditLogFilter): Promise<AuditLogRow[]> {
  const where: SQL[] = [eq(auditLog.orgId, f.orgId)];
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actor) where.push(eq(auditLog.actor, f.actor));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.before) where.push(lt(auditLog.id, f.before));
  if (f.text) {
    // The text is matched literally: LIKE's own wildcards in it are escaped.
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const text = or(ilike(auditLog.actor, like), ilike(auditLog.target, like));
    if (text) where.push(text);
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, target: r.target, detail: r.detail ?? null, ip: r.ip }));
}

// Login's lock-out reads its counts from the log (see packages/api/src/access/login.ts), so they hold across servers and restarts.

/** A sign-in with no organisation (an unknown one in the address) is logged with org_id null. */
const orgIs = (orgId: string | null) => (orgId ? eq(auditLog.orgId, orgId) : isNull(auditLog.orgId));
const ipIs = (ip: string | null) => (ip ? eq(auditLog.ip, ip) : isNull(auditLog.ip));

/**
 * The id of a username's latest entry that lifts a lock (a successful login,
 * a new password, re-enabling), or 0: failures count only after it.
 */
export async function lastLoginReset(db: Db, orgId: string | null, username: string): Promise<number> {
  const [row] = await db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(and(orgIs(orgId), eq(auditLog.target, `user:${username}`), inArray(auditLog.action, ['login.succeeded', 'user.password_changed', 'user.enabled'])));
  return row?.id ?? 0;
}

export interface LoginFailureQuery {
  orgId: string | null;
  /** Failures at or after this time. */
  since: Date;
  /** Of this username; undefined: of any. */
  username?: string;
  /** From this address (null: logged without one); undefined: from any. */
  ip?: string | null;
  /** Only entries with a larger id (see lastLoginReset). */
  afterId?: number;
}

/** How many login.failed entries match. */
export async function countLoginFailures(db: Db, q: LoginFailureQuery): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        orgIs(q.orgId),
        eq(auditLog.action, 'login.failed'),
        q.username === undefined ? undefined : eq(auditLog.target, `user:${q.username}`),
        q.ip === undefined ? undefined : ipIs(q.ip),
        gte(auditLog.at, q.since),
        q.afterId === undefined ? undefined : gt(auditLog.id, q.afterId),
      ),
    );
  return row?.n ?? 0;
}

/**
 * When the latest failure that set a lock on this username was logged: a
 * lock on the account, or one on this address. Only failures after `after`
 * (strictly) and with an id above `afterId`; null when there is none.
 */
export async function latestLockingFailure(db: Db, q: { orgId: string | null; username: string; ip: string | null; after: Date; afterId: number }): Promise<Date | null> {
  const lock = sql<string | null>`${auditLog.detail}->>'lock'`;
  const [row] = await db
    .select({ at: max(auditLog.at) })
    .from(auditLog)
    .where(
      and(
        orgIs(q.orgId),
        eq(auditLog.action, 'login.failed'),
        eq(auditLog.target, `user:${q.username}`),
        gt(auditLog.at, q.after),
        gt(auditLog.id, q.afterId),
        or(sql`${lock} = 'account'`, and(sql`${lock} = 'address'`, ipIs(q.ip))),
      ),
    );
  return row?.at ?? null;
}
