import { insertAuditEntry, listAuditEntries, type AuditLogFilter, type AuditLogRow, type Db } from '@lagesbild/db';

/**
 * Who does a write, as the audit log names them: a username, "device:<id>",
 * "cli:<user>". `via` marks a change made outside the dashboard (the CLI);
 * the entry's detail says so.
 */
export interface Actor {
  id: string;
  ip: string | null;
  via?: 'cli';
}

export interface AuditEntry {
  orgId: string | null;
  actor: string;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
  /** Defaults to the database's clock; login passes its own so lock-out windows are testable. */
  at?: Date;
}

/** Everything the audit log records. One list, so the admin page can offer it as a filter. */
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.locked',
  'logout',
  'logout.everywhere',
  'import.committed',
  'import.rolled_back',
  'target.set',
  'comment.added',
  'goal.assessed',
  'atgard.added',
  'atgard.status_changed',
  'uppdrag.added',
  'uppdrag.commented',
  'risk.added',
  'report.summary_saved',
  'report.faststalld',
  'user.created',
  'user.roles_changed',
  'user.disabled',
  'user.enabled',
  'user.password_changed',
  'user.login_link_created',
  'device_token.created',
  'device_token.revoked',
  'board.saved',
  'mapping.changed',
  'organisation.created',
  'kolada.imported',
  'kolada.mapped',
  'kolada.comparison_set',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Append one entry. The log is append-only: nothing in the code updates or
 * deletes it. Only service actions call this, inside the transaction that
 * makes the change, so the entry exists exactly when the change does.
 */
export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await insertAuditEntry(db, {
    orgId: e.orgId,
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    detail: e.detail ?? null,
    ip: e.ip ?? null,
    ...(e.at ? { at: e.at } : {}),
  });
}

/** recordAudit for an actor: name, address and (from the CLI) `via` in the detail. */
export function auditAs(db: Db, actor: Actor, e: { orgId: string | null; action: AuditAction; target: string; detail?: Record<string, unknown> }): Promise<void> {
  const detail = actor.via ? { ...e.detail, via: actor.via } : (e.detail ?? null);
  return recordAudit(db, { orgId: e.orgId, actor: actor.id, action: e.action, target: e.target, detail, ip: actor.ip });
}

export type AuditFilter = AuditLogFilter;
export type AuditRow = AuditLogRow;

/** The admin page's view of the log: the organisation's entries, newest first. */
export function listAudit(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  return listAuditEntries(db, f);
}
