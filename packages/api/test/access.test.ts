import { auditLog, type Db } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createLoginLink,
  createUser,
  listUsers,
  setPassword,
  login,
  LoginRefused,
  LOCK_MS,
  MAX_FAILED_LOGINS,
  MAX_FAILED_LOGINS_ACCOUNT,
  MAX_FAILURES_PER_IP,
  THROTTLE_STEP_MS,
  redeemLoginLink,
  resolveSession,
  SESSION_IDLE_MS,
  sessionStillValid,
  setRoles,
  sha256,
} from '../src/access/index.js';
import { insertFixture } from './fixture.js';

const PASSWORD = 'Rätt-lösenord-123!';
const ADMIN = { id: 'admin', ip: null };
const at = (iso: string) => new Date(iso);

async function lastAudit(db: Db) {
  const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

describe.each(TEST_DB_KINDS)('login, sessions and lock-out on %s', (kind) => {
  let db: Db;
  useTestDatabase(kind, async (opened) => {
    db = opened.db;
    await insertFixture(db);
    await createUser(db, 'test-org', { username: 'Anna', displayName: 'Anna Andersson', password: PASSWORD, roles: [{ role: 'enhetschef', unit: 'B' }] }, ADMIN);
    await createUser(db, 'test-org', { username: 'bo', displayName: 'Bo', password: PASSWORD, roles: [{ role: 'analytiker' }] }, ADMIN);
  });
  const attempt = (username: string, password: string, now: Date, ip = '10.0.0.1') => login(db, { orgId: 'test-org', username, password, ip, userAgent: 'test', now });

  it('signs in with the right password (username in any case) and resolves the session to her roles and scope', async () => {
    const s = await attempt('ANNA', PASSWORD, at('2026-01-01T08:00:00Z'));
    const r = await resolveSession(db, s.token, at('2026-01-01T08:05:00Z'));
    // The session names its organisation: every request on it reads that tenant, whichever the server's default is.
    expect(r?.orgId).toBe('test-org');
    expect(r?.user).toMatchObject({ id: 'anna', name: 'Anna Andersson', roles: ['enhetschef'] });
    expect(r?.scope).toEqual({ kind: 'units', units: ['B'] });
    expect(r?.csrfToken).toBe(s.csrfToken);
    expect(await lastAudit(db)).toMatchObject({ action: 'login.succeeded', actor: 'anna', ip: '10.0.0.1' });
    // After 4 idle hours, or once roles change: no session.
    expect(await resolveSession(db, s.token, new Date(at('2026-01-01T08:05:00Z').getTime() + SESSION_IDLE_MS + 1000))).toBeNull();
  });

  it('refuses a wrong password with the same message as an unknown user, and audits both', async () => {
    const wrong = await attempt('bo', 'fel-lösenord', at('2026-01-02T08:00:00Z')).catch((e: unknown) => e);
    const unknown = await attempt('ingen', 'fel-lösenord', at('2026-01-02T08:00:00Z')).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(LoginRefused);
    expect((wrong as Error).message).toBe('Fel användarnamn eller lösenord.');
    expect((unknown as Error).message).toBe((wrong as Error).message);
    expect(await lastAudit(db)).toMatchObject({ action: 'login.failed', actor: 'ingen', detail: { reason: 'unknown' } });
  });

  it(`locks a username at an address after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one, until the lock runs out; other addresses still sign in`, async () => {
    const t0 = at('2026-01-03T08:00:00Z');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await expect(attempt('bo', `fel-${i}`, t0, '10.1.0.1')).rejects.toThrow('Fel användarnamn');
    const locked = await attempt('bo', PASSWORD, t0, '10.1.0.1').catch((e: unknown) => e);
    expect(locked).toMatchObject({ reason: 'locked' });
    expect((locked as Error).message).toMatch(/Kontot är låst .* Försök igen om 15 min/);
    // The guesser's address cannot lock bo out of her own.
    await expect(attempt('bo', PASSWORD, t0, '10.1.1.1')).resolves.toHaveProperty('token');
    const later = new Date(t0.getTime() + LOCK_MS + 1000);
    await expect(attempt('bo', PASSWORD, later, '10.1.0.1')).resolves.toHaveProperty('token');
  });

  it(`locks a username everywhere after ${MAX_FAILED_LOGINS_ACCOUNT} failures spread over addresses`, async () => {
    const t0 = at('2026-01-03T12:00:00Z');
    for (let i = 0; i < MAX_FAILED_LOGINS_ACCOUNT; i++) await attempt('bo', `fel-${i}`, t0, `10.2.${Math.floor(i / 4)}.${i}`).catch(() => undefined);
    await expect(attempt('bo', PASSWORD, t0, '10.2.99.1')).rejects.toMatchObject({ reason: 'locked' });
    await expect(attempt('bo', PASSWORD, new Date(t0.getTime() + LOCK_MS + 1000), '10.2.99.1')).resolves.toHaveProperty('token');
  });

  it("an admin's new password lifts a lock at once", async () => {
    const t0 = at('2026-01-03T20:00:00Z');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt('bo', `fel-${i}`, t0, '10.4.0.1').catch(() => undefined);
    await expect(attempt('bo', PASSWORD, t0, '10.4.0.1')).rejects.toMatchObject({ reason: 'locked' });
    const bo = (await listUsers(db, 'test-org')).find((u) => u.username === 'bo');
    // The service's own audit entry (user.password_changed) is what ends the lock.
    await setPassword(db, 'test-org', bo?.id ?? 0, 'Ett-helt-nytt-lösenord-9', ADMIN);
    await expect(attempt('bo', 'Ett-helt-nytt-lösenord-9', t0, '10.4.0.1')).resolves.toHaveProperty('token');
    await setPassword(db, 'test-org', bo?.id ?? 0, PASSWORD, ADMIN);
  });

  it('answers an unknown username exactly as an existing one, lock-out included', async () => {
    const t0 = at('2026-01-03T16:00:00Z');
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i <= MAX_FAILED_LOGINS + 1; i++) {
        const e = await attempt(username, `fel-${i}`, t0, '10.3.0.1').catch((err: unknown) => err);
        out.push(`${(e as LoginRefused).reason}: ${(e as Error).message}`);
      }
      return out;
    };
    const known = await answers('bo');
    const unknown = await answers('finns-inte');
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatch(/^locked: Kontot är låst/);
    // The right password is refused alike while locked: nothing tells the two apart.
    await expect(attempt('bo', PASSWORD, t0, '10.3.0.1')).rejects.toMatchObject({ reason: 'locked' });
  });

  it(`slows an address after ${MAX_FAILURES_PER_IP} failures within a quarter, whoever it tries, but never locks out another user behind it`, async () => {
    const t0 = at('2026-01-04T08:00:00Z');
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await attempt(`okand-${i}`, 'x', t0, '10.9.9.9').catch(() => undefined);
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    await expect(login(db, { orgId: 'test-org', username: 'anna', password: PASSWORD, ip: '10.9.9.9', userAgent: 'test', now: t0, wait })).resolves.toHaveProperty('token');
    expect(waits).toEqual([THROTTLE_STEP_MS]);
    await login(db, { orgId: 'test-org', username: 'anna', password: PASSWORD, ip: '10.9.9.8', userAgent: 'test', now: t0, wait });
    expect(waits).toHaveLength(1);
  });

  it('ends every session of a user whose roles change', async () => {
    const s = await attempt('anna', PASSWORD, at('2026-01-05T08:00:00Z'));
    const users = await import('../src/access/users.js').then((m) => m.listUsers(db, 'test-org'));
    const anna = users.find((u) => u.username === 'anna');
    if (!anna) throw new Error('anna');
    const hash = sha256(s.token);
    // What an open event stream re-checks at each heartbeat: true while the session holds, without touching it.
    expect(await sessionStillValid(db, hash, at('2026-01-05T08:01:00Z'))).toBe(true);
    expect(await sessionStillValid(db, hash, new Date(at('2026-01-05T08:00:00Z').getTime() + SESSION_IDLE_MS + 1000))).toBe(false);
    await setRoles(db, 'test-org', anna.id, [{ role: 'enhetschef', unit: 'C' }], ADMIN);
    expect(await resolveSession(db, s.token, at('2026-01-05T08:01:00Z'))).toBeNull();
    expect(await sessionStillValid(db, hash, at('2026-01-05T08:01:00Z'))).toBe(false);
  });

  it('a sign-in link works once, within 15 minutes, and is never a session by itself', async () => {
    const users = await import('../src/access/users.js').then((m) => m.listUsers(db, 'test-org'));
    const bo = users.find((u) => u.username === 'bo');
    if (!bo) throw new Error('bo');
    const t0 = at('2026-01-06T08:00:00Z');
    const link = await createLoginLink(db, 'test-org', bo.id, ADMIN, t0);
    expect(await resolveSession(db, link, t0)).toBeNull();
    const meta = { ip: null, userAgent: null, now: new Date(t0.getTime() + 60_000) };
    const s = await redeemLoginLink(db, link, meta);
    // The redeemed link gives a real session for bo, and a token unlike the link's.
    expect(s?.token).toMatch(/^[\w-]{43}$/);
    expect(s?.token).not.toBe(link);
    expect(s?.orgId).toBe('test-org');
    expect((await resolveSession(db, s?.token ?? '', meta.now))?.user).toMatchObject({ id: 'bo' });
    expect(await redeemLoginLink(db, link, meta)).toBeNull();
    const stale = await createLoginLink(db, 'test-org', bo.id, ADMIN, t0);
    expect(await redeemLoginLink(db, stale, { ...meta, now: new Date(t0.getTime() + 16 * 60_000) })).toBeNull();
  });

  it('refuses weak passwords and unknown units when creating users, in Swedish', async () => {
    await expect(createUser(db, 'test-org', { username: 'cecilia', displayName: 'C', password: 'kort', roles: [] }, ADMIN)).rejects.toThrow('minst 12 tecken');
    await expect(createUser(db, 'test-org', { username: 'cecilia', displayName: 'C', password: null, roles: [{ role: 'enhetschef', unit: 'FINNS-EJ' }] }, ADMIN)).rejects.toThrow(
      'Enheten "FINNS-EJ" finns inte',
    );
    await expect(createUser(db, 'test-org', { username: 'cecilia', displayName: 'C', password: null, roles: [{ role: 'enhetschef' }] }, ADMIN)).rejects.toThrow('minst en enhet');
    await expect(createUser(db, 'test-org', { username: 'bo', displayName: 'Bo igen', password: null, roles: [] }, ADMIN)).rejects.toThrow('finns redan');
  });
});
