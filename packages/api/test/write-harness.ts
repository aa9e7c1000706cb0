import { auditLog, events, type Db, type LiveEventKind } from '@lagesbild/db';
import { gt, max, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AuditAction } from '../src/access/audit.js';

/** One write action as a service does it, and how to see that its change is in the database. */
export interface WriteAction {
  run: () => Promise<unknown>;
  /** Whether the change is stored. */
  done: () => Promise<boolean>;
  audit: { action: AuditAction; target: string | RegExp; actor: string; ip?: string | null };
  /** The live event it sends, if any. */
  event?: LiveEventKind;
}

const REFUSED = 'vägrad av testet';

async function marks(db: Db): Promise<{ audit: number; event: number }> {
  const [a] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  const [e] = await db.select({ id: max(events.id) }).from(events);
  return { audit: a?.id ?? 0, event: e?.id ?? 0 };
}

/** Until the returned function runs, every insert into the table fails: the action's audit or event write, late in its work. */
async function refuseInserts(db: Db, table: 'audit_log' | 'events'): Promise<() => Promise<void>> {
  await db.execute(sql.raw(`create or replace function lb_test_refuse() returns trigger language plpgsql as $$ begin raise exception '${REFUSED}'; end $$`));
  await db.execute(sql.raw(`create trigger lb_test_refuse before insert on ${table} for each row execute function lb_test_refuse()`));
  return async () => {
    await db.execute(sql.raw(`drop trigger lb_test_refuse on ${table}`));
  };
}

/** Whether an error (or one it wraps) is the refusal above, so the action really reached its audit or event write. */
function refusedByTest(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (e.message.includes(REFUSED)) return true;
  return false;
}

/**
 * The action's change, audit entry and event are one transaction: when the
 * audit entry (or the event) cannot be written, neither the change nor the
 * other is left behind; when they can, the change, exactly one audit entry
 * and exactly its event (or none) are.
 */
export async function expectOneTransaction(db: Db, a: WriteAction): Promise<void> {
  const tables: ('audit_log' | 'events')[] = a.event ? ['audit_log', 'events'] : ['audit_log'];
  for (const table of tables) {
    const before = await marks(db);
    const allow = await refuseInserts(db, table);
    let err: unknown = null;
    try {
      await a.run();
    } catch (e) {
      err = e;
    } finally {
      await allow();
    }
    expect(refusedByTest(err), `${a.audit.action} with ${table} refusing: ${String(err)}`).toBe(true);
    expect(await a.done(), `${a.audit.action}: the change is left after its ${table} write failed`).toBe(false);
    expect(await marks(db)).toEqual(before);
  }
  const before = await marks(db);
  await a.run();
  expect(await a.done()).toBe(true);
  const audits = await db.select().from(auditLog).where(gt(auditLog.id, before.audit));
  expect(audits.map((r) => ({ action: r.action, target: r.target, actor: r.actor, ip: r.ip }))).toEqual([
    { action: a.audit.action, target: typeof a.audit.target === 'string' ? a.audit.target : expect.stringMatching(a.audit.target), actor: a.audit.actor, ip: a.audit.ip ?? null },
  ]);
  const sent = await db.select().from(events).where(gt(events.id, before.event));
  expect(sent.map((e) => e.kind)).toEqual(a.event ? [a.event] : []);
}
