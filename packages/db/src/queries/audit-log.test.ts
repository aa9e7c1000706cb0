import { describe, expect, it } from 'vitest';
import { insertOrganisation, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { countLoginFailures, insertAuditEntry, lastLoginReset, latestLockingFailure, listAuditEntries, type AuditLogInsert } from './audit-log.js';

const at = (minute: number) => new Date(Date.UTC(2024, 4, 2, 8, minute));
const entry = (e: Partial<AuditLogInsert> & { action: string }): AuditLogInsert => ({ orgId: 'a', actor: 'anna', target: null, detail: null, ip: null, ...e });
const failure = (minute: number, username: string, ip: string | null, lock?: 'account' | 'address', orgId: string | null = 'a') =>
  entry({ orgId, actor: username, action: 'login.failed', target: `user:${username}`, ip, at: at(minute), detail: lock ? { reason: 'password', lock } : { reason: 'password' } });

describe.each(TEST_DB_KINDS)('audit-log queries on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a');
    await insertOrganisation(db, 'b');
    await insertAuditEntry(db, entry({ action: 'target.set', target: 'target:x', at: at(1), ip: '10.0.0.1', detail: { annual: 3 } }));
    await insertAuditEntry(db, entry({ actor: 'bo', action: 'comment.added', target: 'comment:7', at: at(2) }));
    await insertAuditEntry(db, entry({ actor: 'cli:100%_sure', action: 'import.committed', target: 'batch:1', at: at(3) }));
    await insertAuditEntry(db, entry({ orgId: 'b', action: 'target.set', target: 'target:y', at: at(4) }));
  });

  it('lists one organisation newest first, and filters on action, actor, time and text', async () => {
    const all = await listAuditEntries(database.db, { orgId: 'a', limit: 10 });
    expect(all.map((r) => r.target)).toEqual(['batch:1', 'comment:7', 'target:x']);
    expect(all[2]).toMatchObject({ actor: 'anna', action: 'target.set', ip: '10.0.0.1', detail: { annual: 3 }, at: at(1).toISOString() });
    expect((await listAuditEntries(database.db, { orgId: 'a', action: 'target.set', limit: 10 })).map((r) => r.target)).toEqual(['target:x']);
    expect((await listAuditEntries(database.db, { orgId: 'a', actor: 'bo', limit: 10 })).map((r) => r.target)).toEqual(['comment:7']);
    expect((await listAuditEntries(database.db, { orgId: 'a', from: at(2), to: at(3), limit: 10 })).map((r) => r.target)).toEqual(['comment:7']);
    expect((await listAuditEntries(database.db, { orgId: 'a', text: 'COMMENT', limit: 10 })).map((r) => r.target)).toEqual(['comment:7']);
  });

  it('pages backwards from an id and takes the text literally, wildcards included', async () => {
    const [newest, middle] = await listAuditEntries(database.db, { orgId: 'a', limit: 2 });
    if (!newest || !middle) throw new Error('expected two entries');
    expect((await listAuditEntries(database.db, { orgId: 'a', before: middle.id, limit: 10 })).map((r) => r.target)).toEqual(['target:x']);
    expect((await listAuditEntries(database.db, { orgId: 'a', text: '100%_', limit: 10 })).map((r) => r.target)).toEqual(['batch:1']);
    expect(await listAuditEntries(database.db, { orgId: 'a', text: '%', limit: 10 })).toEqual([newest]);
    expect(await listAuditEntries(database.db, { orgId: 'a', text: 'an_a', limit: 10 })).toEqual([]);
  });
});

describe.each(TEST_DB_KINDS)('login lock-out queries on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a');
    for (const e of [
      failure(1, 'eva', '10.0.0.1'),
      failure(2, 'eva', '10.0.0.2'),
      failure(3, 'eva', null),
      failure(4, 'eva', '10.0.0.1', 'address'),
      failure(5, 'olle', '10.0.0.1'),
      // An address without an organisation (an unknown one in the sign-in address) counts apart.
      failure(6, 'eva', '10.0.0.1', undefined, null),
    ])
      await insertAuditEntry(db, e);
  });

  it('counts failures by username, address (null is its own), time and id', async () => {
    const db = database.db;
    expect(await countLoginFailures(db, { orgId: 'a', since: at(0) })).toBe(5);
    expect(await countLoginFailures(db, { orgId: 'a', ip: '10.0.0.1', since: at(0) })).toBe(3);
    expect(await countLoginFailures(db, { orgId: 'a', username: 'eva', since: at(0) })).toBe(4);
    expect(await countLoginFailures(db, { orgId: 'a', username: 'eva', ip: null, since: at(0) })).toBe(1);
    expect(await countLoginFailures(db, { orgId: 'a', username: 'eva', since: at(2) })).toBe(3);
    expect(await countLoginFailures(db, { orgId: null, username: 'eva', since: at(0) })).toBe(1);
    // After the failure of minute 2: those of minutes 3 and 4.
    const [minuteTwo] = await listAuditEntries(db, { orgId: 'a', to: at(3), limit: 1 });
    expect(minuteTwo?.at).toBe(at(2).toISOString());
    expect(await countLoginFailures(db, { orgId: 'a', username: 'eva', since: at(0), afterId: minuteTwo?.id ?? 0 })).toBe(2);
  });

  it('finds the failure that locked an address, strictly after a time, and only past the last reset', async () => {
    const db = database.db;
    const lock = { orgId: 'a', username: 'eva', after: at(0), afterId: 0 };
    expect(await latestLockingFailure(db, { ...lock, ip: '10.0.0.1' })).toEqual(at(4));
    expect(await latestLockingFailure(db, { ...lock, ip: '10.0.0.2' })).toBeNull();
    expect(await latestLockingFailure(db, { ...lock, ip: '10.0.0.1', after: at(4) })).toBeNull();
    expect(await lastLoginReset(db, 'a', 'eva')).toBe(0);
    await insertAuditEntry(db, entry({ actor: 'admin', action: 'user.password_changed', target: 'user:eva', at: at(7) }));
    const reset = await lastLoginReset(db, 'a', 'eva');
    expect(reset).toBeGreaterThan(0);
    expect(await lastLoginReset(db, 'a', 'olle')).toBe(0);
    expect(await latestLockingFailure(db, { ...lock, ip: '10.0.0.1', afterId: reset })).toBeNull();
    // A lock on the account holds at every address.
    await insertAuditEntry(db, failure(8, 'eva', '10.0.0.9', 'account'));
    expect(await latestLockingFailure(db, { ...lock, ip: '10.0.0.2', afterId: reset })).toEqual(at(8));
  });
});
