import { createLoginLink, createUser, type AppRouter } from '@lagesbild/api';
import { auditLog } from '@lagesbild/db';
import { desc, eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/http/server.js';
import { useDemoDatabase } from './demo-database.js';

const PASSWORD = 'Ett-bra-lösenord-2026';

/** Login over real HTTP: cookies, CSRF, sign-in links, and a unit manager's scope on the wire. */
describe.each(TEST_DB_KINDS)('sign-in over HTTP on %s', (kind) => {
  let server: RunningServer;
  let proxied: RunningServer;

  const database = useDemoDatabase(
    kind,
    async (opened) => {
      await createUser(
        opened.db,
        'katrineholm',
        { username: 'eva', displayName: 'Eva Enhetschef', password: PASSWORD, roles: [{ role: 'enhetschef', unit: 'BU' }] },
        { id: 'test', ip: null },
      );
      server = await startServer({ database: opened, orgId: 'katrineholm', port: 0 });
      proxied = await startServer({ database: opened, orgId: 'katrineholm', port: 0, trustProxy: true });
    },
    async () => {
      await server.close();
      await proxied.close();
    },
  );

  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const client = (cookie: string, csrf?: string) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) } })] });
  const signIn = async (base = server.url, headers: Record<string, string> = {}) => {
    const res = await post(base, 'auth.login', { username: 'eva', password: PASSWORD }, { 'x-csrf-token': 'login', ...headers });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    const body = (await res.json()) as { result: { data: { csrfToken: string } } };
    return { setCookie, cookie: setCookie.split(';')[0] ?? '', csrf: body.result.data.csrfToken };
  };

  it('refuses every data procedure without a session (401, Swedish message, no stack trace)', async () => {
    const res = await fetch(`${server.url}/trpc/overview.get?input=${encodeURIComponent(JSON.stringify({ unit: 'SOC' }))}`);
    expect(res.status).toBe(401);
    const body = JSON.stringify(await res.json());
    expect(body).toContain('Du behöver logga in.');
    expect(body).not.toContain('stack');
  });

  it('refuses a login without the custom header a cross-site form cannot send', async () => {
    const res = await post(server.url, 'auth.login', { username: 'eva', password: PASSWORD });
    expect(res.status).toBe(403);
  });

  it('sets an httpOnly SameSite=Lax session cookie, Secure only over HTTPS (behind a trusted proxy)', async () => {
    const plain = await signIn();
    expect(plain.setCookie).toMatch(/^lb_session=[\w-]{40,};/);
    expect(plain.setCookie).toMatch(/HttpOnly/);
    expect(plain.setCookie).toMatch(/SameSite=Lax/);
    expect(plain.setCookie).not.toMatch(/Secure/);
    const https = await signIn(proxied.url, { 'x-forwarded-proto': 'https' });
    expect(https.setCookie).toMatch(/Secure/);
  });

  it('behind the proxy, records the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    await signIn(proxied.url, { 'x-forwarded-for': '203.0.113.7, 198.51.100.2' });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'login.succeeded')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry?.ip).toBe('198.51.100.2');
  });

  it('sends HSTS only over HTTPS, and trusts X-Forwarded-Proto only when told to', async () => {
    const behindProxy = await fetch(`${proxied.url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindProxy.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const spoofed = await fetch(`${server.url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });

  it("gives a unit manager her unit's data and refuses the rest of the tree", async () => {
    const { cookie } = await signIn();
    const api = client(cookie);
    const me = await api.auth.me.query();
    expect(me).toMatchObject({ username: 'eva', roles: ['enhetschef'], scope: { kind: 'units', units: ['BU'] }, exactValues: false });
    const own = await api.overview.get.query({ period: '2022-T1' });
    expect(own.unit).toBe('BU');
    const other = await api.overview.get.query({ unit: 'VUX', period: '2022-T1' }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(TRPCClientError);
    expect((other as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');
    const soc = await api.drilldown.get.query({ kpi: 'placerade-hvb-sol', unit: 'SOC', period: '2022-T1' }).catch((e: unknown) => e);
    expect((soc as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');
    const tree = await api.unit.tree.query({ month: '2022-03' });
    expect(tree.map((u) => u.code).sort()).toEqual(['BU', ...tree.filter((u) => u.parent === 'BU').map((u) => u.code)].sort());
  });

  it('needs the CSRF token on mutations; logout ends the session', async () => {
    const { cookie, csrf } = await signIn();
    const forged = await client(cookie)
      .auth.logout.mutate()
      .catch((e: unknown) => e);
    expect((forged as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');
    expect(await client(cookie).auth.me.query()).not.toBeNull();
    await client(cookie, csrf).auth.logout.mutate();
    expect(await client(cookie).auth.me.query()).toBeNull();
  });

  it('a sign-in link from the CLI opens a session once, and only redirects within the site', async () => {
    const users = await import('@lagesbild/api').then((m) => m.listUsers(database.db, 'katrineholm'));
    const eva = users.find((u) => u.username === 'eva');
    if (!eva) throw new Error('eva');
    const token = await createLoginLink(database.db, 'katrineholm', eva.id, { id: 'test', ip: null });
    const first = await fetch(`${server.url}/auth/open?token=${token}&next=${encodeURIComponent('//evil.example/')}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toMatch(/^lb_session=/);
    const backslash = await fetch(
      `${server.url}/auth/open?token=${await createLoginLink(database.db, 'katrineholm', eva.id, { id: 'test', ip: null })}&next=${encodeURIComponent('/\\evil.example/')}`,
      { redirect: 'manual' },
    );
    expect(backslash.headers.get('location')).toBe('/');
    const again = await fetch(`${server.url}/auth/open?token=${token}`, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe('/logga-in?lank=ogiltig');
    expect(again.headers.get('set-cookie')).toBeNull();
  });
});
