import { createLoginLink, createUser, listUsers, THROTTLE_STEP_MS, type AppRouter } from '@lagesbild/api';
import { cellCount, importBatches, loadGeneratedOrg, loadUnits, recordEvent, upsertGeneratedKpis, type GenerateSpec } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/http/server.js';
import { createWallDevice, deviceClient, fakeDashboard, listen } from './live-harness.js';
import { useDemoDatabase } from './demo-database.js';

const KAT = 'katrineholm';
const GEN = 'gen-001';
const PASSWORD_KAT = 'Katrineholm-lösen-2026';
const PASSWORD_GEN = 'Generaten-lösen-2026';
// Same unit codes (SOC …) in both tenants: a query that forgot its organisation would mix them.
const SPEC: GenerateSpec = { orgs: 1, units: 6, kpis: 4, months: 24, seed: 11, start: '2021-01' };

const codeOf = (e: unknown) => (e instanceof TRPCClientError ? (e as TRPCClientError<AppRouter>).data?.code : String(e));

/**
 * Two municipalities in one database behind one server: every request reads
 * its session's (or screen's) organisation only, through every procedure that
 * returns data, and events never cross over.
 */
describe.each(TEST_DB_KINDS)('tenants on one server (%s)', (kind) => {
  let server: RunningServer;
  let genUnits: string[];
  let katBoard: number;
  let katDevice: string;
  let genDevice: string;
  let katBatch: number;

  const database = useDemoDatabase(
    kind,
    async (opened) => {
      await upsertGeneratedKpis(opened.db, SPEC.kpis);
      await loadGeneratedOrg(opened, SPEC, 0, cellCount(SPEC));
      await createUser(opened.db, KAT, { username: 'anna', displayName: 'Anna i Katrineholm', password: PASSWORD_KAT, roles: [{ role: 'admin' }] }, { id: 'test', ip: null });
      await createUser(opened.db, GEN, { username: 'anna', displayName: 'Anna i Gen', password: PASSWORD_GEN, roles: [{ role: 'admin' }] }, { id: 'test', ip: null });
      genUnits = (await loadUnits(opened.db, GEN)).map((u) => u.code).sort();
      const leaf = genUnits.find((c) => c.startsWith('E'));
      if (!leaf) throw new Error('no generated enhet');
      await createUser(
        opened.db,
        GEN,
        { username: 'eva', displayName: 'Eva i Gen', password: PASSWORD_GEN, roles: [{ role: 'enhetschef', unit: leaf }] },
        { id: 'test', ip: null },
      );
      ({ boardId: katBoard, token: katDevice } = await createWallDevice(opened.db, KAT));
      ({ token: genDevice } = await createWallDevice(opened.db, GEN));
      const [b] = await opened.db.select({ id: importBatches.id }).from(importBatches).where(eq(importBatches.orgId, KAT)).limit(1);
      if (!b) throw new Error('no demo batch');
      katBatch = b.id;
      // The server's own organisation is Katrineholm; gen-001 is reached through its sessions.
      server = await startServer({ database: opened, orgId: KAT, port: 0, staticDir: fakeDashboard() });
    },
    () => server.close(),
  );

  const login = async (body: Record<string, string>) => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'login' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { result?: { data: { csrfToken: string } }; error?: { message: string } };
    return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: json.result?.data.csrfToken ?? '', message: json.error?.message ?? '' };
  };
  const client = (s: { cookie: string; csrf: string }) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } })] });
  const signIn = async (org: string | undefined, username: string, password: string) => {
    const s = await login({ ...(org ? { org } : {}), username, password });
    expect(s.status, s.message).toBe(200);
    return client(s);
  };

  it('signs in to the organisation the address names; the same username in two organisations is two people', async () => {
    expect((await login({ username: 'anna', password: PASSWORD_GEN })).status).toBe(401);
    expect((await login({ org: GEN, username: 'anna', password: PASSWORD_KAT })).status).toBe(401);
    // An address naming no organisation is refused like a wrong password, not with a server error.
    expect(await login({ org: 'finns-inte', username: 'anna', password: PASSWORD_GEN })).toMatchObject({ status: 401, message: 'Fel användarnamn eller lösenord.' });
    const gen = await signIn(GEN, 'anna', PASSWORD_GEN);
    expect(await gen.auth.me.query()).toMatchObject({ organisation: { id: GEN }, username: 'anna', name: 'Anna i Gen' });
    const kat = await signIn(undefined, 'anna', PASSWORD_KAT);
    expect(await kat.auth.me.query()).toMatchObject({ organisation: { id: KAT, name: expect.stringContaining('Katrineholm') }, name: 'Anna i Katrineholm' });
    // The login page names the tenant, and says plainly when the address names none.
    expect(await gen.auth.organisation.query({ org: GEN })).toMatchObject({ id: GEN });
    expect(await gen.auth.organisation.query({ org: 'finns-inte' })).toBeNull();
    expect(codeOf(await gen.auth.organisation.query({ org: 'Flen Kommun' }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
  });

  it("every view of a gen-001 session holds gen-001's units and KPIs only, and Katrineholm's holds none of them", async () => {
    const gen = await signIn(GEN, 'anna', PASSWORD_GEN);
    const kat = await signIn(undefined, 'anna', PASSWORD_KAT);
    const genOverview = await gen.overview.get.query({ unit: 'SOC' });
    const katOverview = await kat.overview.get.query({ unit: 'SOC' });
    const genKpis = genOverview.cards.map((c) => c.kpi);
    expect(genKpis.length).toBeGreaterThan(0);
    expect(genKpis.filter((k) => !k.startsWith('gen-'))).toEqual([]);
    expect(genOverview.cards.filter((c) => c.value !== null).length).toBeGreaterThan(0);
    expect(katOverview.cards.length).toBeGreaterThan(10);
    expect(katOverview.cards.filter((c) => c.kpi.startsWith('gen-'))).toEqual([]);
    // Both tenants have a "SOC" with the same period: the values must still be each one's own.
    expect(genOverview.unitName).toBe('Socialförvaltningen');
    expect((await gen.unit.tree.query({ month: '2022-06' })).map((u) => u.code).filter((c) => !genUnits.includes(c))).toEqual([]);
    expect((await kat.unit.tree.query({ month: '2022-06' })).map((u) => u.code)).toContain('BU');
    expect(
      (await gen.kpi.list.query())
        .filter((k) => k.inUse)
        .map((k) => k.id)
        .sort(),
    ).toEqual([...genKpis].sort());
    // A Katrineholm KPI asked for from gen-001 is in the shared catalogue but has no gen-001 data.
    const katKpi = katOverview.cards.find((c) => c.value !== null)?.kpi ?? '';
    const series = await gen.series.get.query({ kpi: katKpi, unit: 'SOC', start: '2022-01', end: '2022-12' });
    const seen = series.series.flatMap((s) => s.points.filter((p) => p.value !== null));
    expect(series.series.length).toBeGreaterThan(0);
    expect(seen).toEqual([]);
    const drill = await gen.drilldown.get.query({ kpi: katKpi, unit: 'SOC', period: '2022' });
    expect(drill.children.length).toBeGreaterThan(0);
    expect(drill.children.filter((r) => !genUnits.includes(r.unit) || r.value !== null)).toEqual([]);
    expect(drill.parent.value).toBeNull();
    expect((await gen.user.list.query()).map((u) => u.username).sort()).toEqual(['anna', 'eva']);
    expect((await kat.user.list.query()).map((u) => u.username)).not.toContain('eva');
    expect((await gen.board.list.query()).map((b) => b.id)).not.toContain(katBoard);
    expect((await gen.import.batches.query()).map((b) => b.id)).not.toContain(katBatch);
    await kat.comment.add.mutate({ kpi: katKpi, unit: 'SOC', period: '2022-12', body: 'Bara för Katrineholm.' });
    expect(await gen.comment.list.query({ kpi: katKpi, unit: 'SOC', period: '2022-12' })).toEqual([]);
    expect(await gen.audit.list.query({ action: 'comment.added' })).toEqual([]);
    expect(await kat.audit.list.query({ action: 'comment.added' })).toHaveLength(1);
  });

  it("refuses to touch another organisation's rows by id, and changes nothing there", async () => {
    const gen = await signIn(GEN, 'anna', PASSWORD_GEN);
    const katAnna = (await listUsers(database.db, KAT)).find((u) => u.username === 'anna');
    if (!katAnna) throw new Error('anna');
    expect(codeOf(await gen.user.setDisabled.mutate({ userId: katAnna.id, disabled: true }).catch((e: unknown) => e))).toBe('NOT_FOUND');
    expect((await listUsers(database.db, KAT)).find((u) => u.id === katAnna.id)?.disabled).toBe(false);
    expect(codeOf(await gen.import.rollback.mutate({ batchId: katBatch, confirmed: true }).catch((e: unknown) => e))).toMatch(/NOT_FOUND|BAD_REQUEST/);
    const [batch] = await database.db.select({ status: importBatches.status }).from(importBatches).where(eq(importBatches.id, katBatch));
    expect(batch?.status).toBe('committed');
    expect(codeOf(await gen.board.createDevice.mutate({ boardId: katBoard, name: 'Inbrott' }).catch((e: unknown) => e))).toBe('NOT_FOUND');
  });

  it("a wall screen reads its own organisation's board and data, whichever organisation the server defaults to", async () => {
    const screen = deviceClient(server.url, genDevice);
    const { board, latestMonth } = await screen.board.forDevice.query();
    expect(board.slides[0]).toMatchObject({ unit: 'SOC' });
    expect(latestMonth).toBe('2022-12');
    const overview = await screen.overview.get.query({ unit: 'SOC', period: latestMonth ?? undefined, eachAtLatest: true });
    expect(overview.cards.length).toBeGreaterThan(0);
    expect(overview.cards.filter((c) => !c.kpi.startsWith('gen-'))).toEqual([]);
  });

  it("events of one organisation never reach another organisation's screens", async () => {
    const kat = listen(deviceClient(server.url, katDevice));
    const gen = listen(deviceClient(server.url, genDevice));
    await kat.until(() => kat.started() > 0 && kat.statuses.length > 0);
    await gen.until(() => gen.started() > 0 && gen.statuses.length > 0);
    const katEvent = await recordEvent(database.db, KAT, 'target.set', { kpis: ['gen-hushall'], units: ['SOC'], months: ['2022-12'] });
    const genEvent = await recordEvent(database.db, GEN, 'target.set', { kpis: ['gen-hushall'], units: ['SOC'], months: ['2022-12'] });
    await kat.until(() => kat.events.some((e) => e.id === katEvent));
    await gen.until(() => gen.events.some((e) => e.id === genEvent));
    expect(kat.events.map((e) => e.id)).not.toContain(genEvent);
    expect(gen.events.map((e) => e.id)).not.toContain(katEvent);
    kat.stop();
    gen.stop();
  });

  it("a sign-in link opens a session in its user's organisation, with her scope there", async () => {
    const eva = (await listUsers(database.db, GEN)).find((u) => u.username === 'eva');
    if (!eva) throw new Error('eva');
    const res = await fetch(`${server.url}/auth/open?token=${await createLoginLink(database.db, GEN, eva.id, { id: 'test', ip: null })}`, { redirect: 'manual' });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await client({ cookie, csrf: '' }).auth.me.query();
    expect(me).toMatchObject({ organisation: { id: GEN }, username: 'eva', scope: { kind: 'units' } });
    const units = me?.scope.kind === 'units' ? me.scope.units : [];
    expect(units).toHaveLength(1);
    expect(units.filter((u) => !genUnits.includes(u))).toEqual([]);
  });

  it('locks an account after wrong passwords in its own organisation only', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ username: 'anna', password: `fel-${i}` })).status).toBe(401);
    expect((await login({ username: 'anna', password: PASSWORD_KAT })).status).toBe(429);
    expect((await login({ org: GEN, username: 'anna', password: PASSWORD_GEN })).status).toBe(200);
  });

  it("counts an address's failures per organisation: a municipality's shared address slows, never locks out, its own users, and leaves another's alone", async () => {
    // gen-001 has one failure from this address (the first test); 19 more reach the limit of 20.
    for (let i = 0; i < 19; i++) expect((await login({ org: GEN, username: `okand-${i}`, password: 'fel' })).status).toBe(401);
    // Over the limit, an attempt from the address waits (THROTTLE_STEP_MS) but a user behind it still signs in.
    const t = performance.now();
    expect((await login({ org: GEN, username: 'anna', password: PASSWORD_GEN })).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(THROTTLE_STEP_MS);
    // Katrineholm, from the same address, still answers each try on its merits.
    expect(await login({ username: 'okand', password: 'fel' })).toMatchObject({ status: 401, message: 'Fel användarnamn eller lösenord.' });
  });
});
