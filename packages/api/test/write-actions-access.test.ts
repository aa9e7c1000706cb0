import { auditLog, sessions, users, type Db } from '@lagesbild/db';
import { openTestDatabase, TEST_DB_KINDS, type TestDatabase } from '@lagesbild/db/testing';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLoginLink,
  createSession,
  createUser,
  listUsers,
  login,
  LoginRefused,
  logout,
  logoutEverywhere,
  redeemLoginLink,
  setDisabled,
  setPassword,
  setRoles,
  sha256,
} from '../src/access/index.js';
import { insertFixture } from './fixture.js';
import { expectOneTransaction } from './write-harness.js';

const ORG = 'test-org';
const ADMIN = { id: 'admin', ip: '10.0.0.9' };
const PASSWORD = 'Rätt-lösenord-123!';
const NOW = new Date('2026-02-01T08:00:00Z');

describe.each(TEST_DB_KINDS)('user and sign-in writes are one transaction each, on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let bo = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await insertFixture(db);
    bo = (await createUser(db, ORG, { username: 'bo', displayName: 'Bo', password: PASSWORD, roles: [{ role: 'analytiker' }] }, ADMIN)).id;
  });
  afterAll(async () => {
    await database.dispose();
  });
  const user = async (username: string) => (await listUsers(db, ORG)).find((u) => u.username === username);
  const sessionsOf = async (userId: number, method?: string) =>
    (
      await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), method ? eq(sessions.method, method) : undefined))
    ).length;

  it('creates a user', async () => {
    await expectOneTransaction(db, {
      run: () => createUser(db, ORG, { username: 'cia', displayName: 'Cia', password: null, roles: [{ role: 'enhetschef', unit: 'B' }] }, ADMIN),
      done: async () => (await user('cia')) !== undefined,
      audit: { action: 'user.created', target: 'user:cia', actor: 'admin', ip: ADMIN.ip },
    });
    // From the CLI the same service writes the entry, and its detail says so.
    await createUser(db, ORG, { username: 'dan', displayName: 'Dan', password: null, roles: [{ role: 'analytiker' }] }, { id: 'cli:greta', ip: null, via: 'cli' });
    const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: 'user.created', actor: 'cli:greta', target: 'user:dan', detail: { roles: [{ role: 'analytiker', unit: null }], via: 'cli' } });
  });

  it('changes roles, ending her sessions', async () => {
    await createSession(db, bo, { method: 'password', ip: null, userAgent: null, now: new Date() });
    await expectOneTransaction(db, {
      run: () => setRoles(db, ORG, bo, [{ role: 'forvaltningschef' }], ADMIN),
      done: async () => (await user('bo'))?.roles[0]?.role === 'forvaltningschef' && (await sessionsOf(bo)) === 0,
      audit: { action: 'user.roles_changed', target: 'user:bo', actor: 'admin', ip: ADMIN.ip },
    });
  });

  it('disables and enables a user', async () => {
    await expectOneTransaction(db, {
      run: () => setDisabled(db, ORG, bo, true, ADMIN),
      done: async () => (await user('bo'))?.disabled === true,
      audit: { action: 'user.disabled', target: 'user:bo', actor: 'admin', ip: ADMIN.ip },
    });
    await expectOneTransaction(db, {
      run: () => setDisabled(db, ORG, bo, false, ADMIN),
      done: async () => (await user('bo'))?.disabled === false,
      audit: { action: 'user.enabled', target: 'user:bo', actor: 'admin', ip: ADMIN.ip },
    });
  });

  it('sets a password', async () => {
    const hash = async () => (await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, bo)))[0]?.h;
    const old = await hash();
    await expectOneTransaction(db, {
      run: () => setPassword(db, ORG, bo, 'Ett-annat-lösenord-456!', ADMIN),
      done: async () => (await hash()) !== old,
      audit: { action: 'user.password_changed', target: 'user:bo', actor: 'admin', ip: ADMIN.ip },
    });
    await setPassword(db, ORG, bo, PASSWORD, ADMIN);
  });

  it('creates a sign-in link, and redeeming it is one transaction too: a failed redemption does not use the link up', async () => {
    const before = await sessionsOf(bo, 'login-link');
    let token = '';
    await expectOneTransaction(db, {
      run: async () => (token = await createLoginLink(db, ORG, bo, ADMIN, NOW)),
      done: async () => (await sessionsOf(bo, 'login-link')) > before,
      audit: { action: 'user.login_link_created', target: 'user:bo', actor: 'admin', ip: ADMIN.ip },
    });
    const linkSessions = await sessionsOf(bo, 'link');
    await expectOneTransaction(db, {
      run: () => redeemLoginLink(db, token, { ip: '10.0.0.2', userAgent: null, now: new Date(NOW.getTime() + 60_000) }),
      done: async () => (await sessionsOf(bo, 'link')) > linkSessions,
      audit: { action: 'login.succeeded', target: 'user:bo', actor: 'bo', ip: '10.0.0.2' },
    });
  });

  it('signs in, and counts a failed sign-in, each with its audit entry', async () => {
    const attempt = (password: string) => login(db, { orgId: ORG, username: 'bo', password, ip: '10.0.0.3', userAgent: null, now: NOW });
    const before = await sessionsOf(bo, 'password');
    await expectOneTransaction(db, {
      run: () => attempt(PASSWORD),
      done: async () => (await sessionsOf(bo, 'password')) > before,
      audit: { action: 'login.succeeded', target: 'user:bo', actor: 'bo', ip: '10.0.0.3' },
    });
    const failures = async () => (await db.select({ n: users.failedLogins }).from(users).where(eq(users.id, bo)))[0]?.n ?? 0;
    expect(await failures()).toBe(0);
    await expectOneTransaction(db, {
      // A wrong password is refused as always; only a failed write is an error here.
      run: () => attempt('fel-lösenord').catch((e: unknown) => (e instanceof LoginRefused ? null : Promise.reject(e))),
      done: async () => (await failures()) === 1,
      audit: { action: 'login.failed', target: 'user:bo', actor: 'bo', ip: '10.0.0.3' },
    });
  });

  it('logs out, here and everywhere', async () => {
    const bob = { id: 'bo', ip: '10.0.0.4' };
    const { token } = await createSession(db, bo, { method: 'password', ip: null, userAgent: null, now: new Date() });
    const exists = async () =>
      (
        await db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, sha256(token)))
      ).length > 0;
    await expectOneTransaction(db, {
      run: () => logout(db, ORG, sha256(token), bob),
      done: async () => !(await exists()),
      audit: { action: 'logout', target: 'user:bo', actor: 'bo', ip: bob.ip },
    });
    await createSession(db, bo, { method: 'password', ip: null, userAgent: null, now: new Date() });
    await createSession(db, bo, { method: 'password', ip: null, userAgent: null, now: new Date() });
    await expectOneTransaction(db, {
      run: () => logoutEverywhere(db, ORG, bo, bob),
      done: async () => (await sessionsOf(bo)) === 0,
      audit: { action: 'logout.everywhere', target: 'user:bo', actor: 'bo', ip: bob.ip },
    });
  });
});
