import { createHash } from 'node:crypto';
import { LIVE_HEARTBEAT_MS, revokeDeviceToken } from '@lagesbild/api';
import { deviceTokens, openPostgres, recordEvent, type Database } from '@lagesbild/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nextMonthCsv } from '../src/cli/commands/demo-live.js';
import { importCommand } from '../src/cli/commands/import.js';
import { startServer, type RunningServer } from '../src/http/server.js';
import { createWallDevice, deviceClient, fakeDashboard, listen } from './live-harness.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDemoDatabase } from './demo-database.js';

const ORG = 'katrineholm';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two servers on one PostgreSQL, each with its own connections, as behind a
 * load balancer: what is committed through one reaches clients of the other.
 */
describe('live events across two servers on PostgreSQL', () => {
  let databaseB: Database;
  let serverA: RunningServer;
  let serverB: RunningServer;
  let token: string;
  const staticDir = fakeDashboard();
  const files = mkdtempSync(join(tmpdir(), 'lagesbild-live-'));

  const database = useDemoDatabase(
    'postgres',
    async (opened) => {
      databaseB = await openPostgres(opened.url ?? '');
      serverA = await startServer({ database: opened, orgId: ORG, port: 0, staticDir });
      serverB = await startServer({ database: databaseB, orgId: ORG, port: 0, staticDir });
      ({ token } = await createWallDevice(opened.db, ORG));
    },
    async () => {
      await serverA.close();
      await serverB.close();
      await databaseB.close();
    },
  );

  /** Imports the next month of synthetic data through server A's database connection, as `pnpm lagesbild import` does. */
  const importMonth = async (month: string) => {
    const { csv } = await nextMonthCsv(database, ORG, month);
    const file = join(files, `${month}.csv`);
    writeFileSync(file, csv);
    const out: string[] = [];
    await importCommand(database, { out: (l) => out.push(l), err: (l) => out.push(l) }, { orgId: ORG, file, dryRun: false, user: 'test', cwd: files });
    return out.join('\n');
  };

  it('a client of server B sees an import committed through server A within a second', async () => {
    const sub = listen(deviceClient(serverB.url, token));
    await sub.until(() => sub.statuses.length > 0);
    expect(sub.statuses[0]).toBe('ok');
    const out = await importMonth('2023-01');
    const committed = performance.now();
    expect(out).toMatch(/Importerad som batch/);
    await sub.until(() => sub.events.length > 0, 1000);
    const [e] = sub.events;
    expect(e).toMatchObject({ kind: 'import.committed', months: ['2023-01'] });
    console.log(`import committed on A → event on B's client: ${((e?.at ?? 0) - committed).toFixed(1)} ms`);
    expect((e?.at ?? Infinity) - committed).toBeLessThan(1000);
    sub.stop();
  });

  it('a client that reconnects with its last event id gets what it missed, once, in order', async () => {
    const client = deviceClient(serverB.url, token);
    const first = listen(client);
    await first.until(() => first.statuses.length > 0);
    const before = await recordEvent(database.db, ORG, 'target.set', { kpis: ['sjukfranvaro'], units: ['SOC'], months: ['2023-01'] });
    await first.until(() => first.events.some((e) => e.id === before));
    first.stop();
    // While it is away: two changes and an import.
    const missed = [
      await recordEvent(database.db, ORG, 'target.set', { kpis: ['hushall-utbetalt'], units: ['SOC'], months: ['2023-01'] }),
      await recordEvent(database.db, ORG, 'target.set', { kpis: ['hme'] }),
    ];
    await importMonth('2023-02');
    const again = listen(client, String(before));
    await again.until(() => again.events.length >= 3);
    await sleep(300);
    expect(again.events.slice(0, 2).map((e) => e.id)).toEqual(missed);
    expect(again.events[2]).toMatchObject({ kind: 'import.committed', months: ['2023-02'] });
    expect(again.events).toHaveLength(3);
    // Live events after the catch-up continue the same sequence.
    const after = await recordEvent(database.db, ORG, 'target.set', { kpis: ['hme'], units: ['SOC'], months: ['2023-02'] });
    await again.until(() => again.events.some((e) => e.id === after));
    const ids = again.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    again.stop();
  });

  it('survives a restart of its server: reconnects by itself and receives what happened meanwhile, nothing twice', async () => {
    const sub = listen(deviceClient(serverB.url, token));
    await sub.until(() => sub.statuses.length > 0);
    const port = Number(new URL(serverB.url).port);
    const e1 = await recordEvent(database.db, ORG, 'target.set', { kpis: ['hme'], units: ['SOC'] });
    await sub.until(() => sub.events.some((e) => e.id === e1));
    await serverB.close();
    const during = await recordEvent(database.db, ORG, 'target.set', { kpis: ['hme'], units: ['SOC'] });
    await sleep(500);
    serverB = await startServer({ database: databaseB, orgId: ORG, port, staticDir });
    const restarted = performance.now();
    await sub.until(() => sub.events.some((e) => e.id === during), 15_000);
    console.log(`client back after server restart in ${(performance.now() - restarted).toFixed(0)} ms`);
    const e3 = await recordEvent(database.db, ORG, 'target.set', { kpis: ['hme'], units: ['SOC'] });
    await sub.until(() => sub.events.some((e) => e.id === e3));
    expect(sub.events.map((e) => e.id)).toEqual([e1, during, e3]);
    expect(sub.started()).toBeGreaterThanOrEqual(1);
    sub.stop();
  });

  it(`ends an open stream on server B within a heartbeat (${LIVE_HEARTBEAT_MS / 1000} s) of its screen being revoked through server A`, async () => {
    const { token: doomed } = await createWallDevice(database.db, ORG);
    const screen = listen(deviceClient(serverB.url, doomed));
    await screen.until(() => screen.statuses.length > 0);
    const [device] = await database.db
      .select({ id: deviceTokens.id })
      .from(deviceTokens)
      .where(eq(deviceTokens.tokenHash, createHash('sha256').update(doomed).digest('hex')));
    if (!device) throw new Error('no device');
    await revokeDeviceToken(database.db, ORG, device.id, { id: 'test', ip: null });
    const revokedAt = Date.now();
    await screen.until(() => screen.errors.length > 0, LIVE_HEARTBEAT_MS + 5000);
    expect(screen.errors[0]).toBe('UNAUTHORIZED');
    expect(Date.now() - revokedAt).toBeLessThan(LIVE_HEARTBEAT_MS + 5000);
    screen.stop();
  }, 30_000);

  it('tells each stream, in tRPC’s connected message, to reconnect after 40 s of silence (more than two missed heartbeats)', async () => {
    const params = encodeURIComponent(JSON.stringify({ deviceToken: token }));
    const input = encodeURIComponent(JSON.stringify({ lastEventId: null }));
    const res = await fetch(`${serverA.url}/trpc/live.events?input=${input}&connectionParams=${params}`, { headers: { accept: 'text/event-stream' } });
    const reader = res.body?.getReader();
    const first = reader ? new TextDecoder().decode((await reader.read()).value) : '';
    await reader?.cancel();
    const data = /^event: connected\ndata: (.*)$/m.exec(first)?.[1] ?? 'null';
    const options = JSON.parse(data) as { reconnectAfterInactivityMs?: number };
    expect(options.reconnectAfterInactivityMs).toBe(40_000);
    expect(options.reconnectAfterInactivityMs ?? 0).toBeGreaterThan(2 * LIVE_HEARTBEAT_MS);
  });

  it('refuses a subscription without a device token or session, and names the build in /health', async () => {
    const res = await fetch(`${serverA.url}/trpc/live.events?input=${encodeURIComponent(JSON.stringify({ lastEventId: null }))}`, { headers: { accept: 'text/event-stream' } });
    const body = await res.text();
    expect(body).toMatch(/UNAUTHORIZED|logga in/);
    const health = await fetch(`${serverA.url}/health`);
    expect(health.headers.get('x-lagesbild-build')).toMatch(/^[0-9a-f]{16}$/);
  });
});
