import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lagesbild, sessionClient, signIn, startServerProcess, type ServerProcess } from './process-harness.js';

/**
 * The embedded database has one owner process. CLI commands run while
 * `pnpm start` serves the same folder go through the server (which sees each
 * write at once, live events included); without a server they take the folder
 * in turn. Before: each command opened the folder itself beside the server,
 * and writes were lost or the folder was left unopenable ("Aborted()").
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const JAN = join(FIXTURES, 'hushall-ekbist-2023-01.csv');
const FEB = join(FIXTURES, 'hushall-ekbist-2023-02.csv');
const VIA_SERVER = /Servern \(pid \d+\) kör på databasen i .*; kommandot går via den\./;
const batchOf = (out: string): number => Number(/Importerad som batch (\d+)/.exec(out)?.[1] ?? NaN);
const lockOf = (dataDir: string) => join(`${dataDir}.owner`, 'lock.json');

type Api = ReturnType<typeof sessionClient>;

/** hushall-utbetalt of one unit in one month, as the dashboard's chart reads it. */
async function households(api: Api, unit: string, month: string): Promise<number | null> {
  const r = await api.series.get.query({ kpi: 'hushall-utbetalt', unit, start: month, end: month });
  return r.series[0]?.points[0]?.value ?? null;
}

/** Live events as an open dashboard receives them over SSE. */
function liveEvents(api: Api) {
  const got: { kind: string; batchId: unknown; months: string[] }[] = [];
  const sub = api.live.events.subscribe(
    { lastEventId: null },
    { onData: (d) => 'type' in d || got.push({ kind: d.data.kind, batchId: d.data.payload.batchId, months: d.data.payload.months ?? [] }) },
  );
  const until = async (ok: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`no such live event within ${ms} ms; got ${JSON.stringify(got)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { got, until, stop: () => sub.unsubscribe() };
}

describe('CLI commands while the server runs on the same PGlite folder', () => {
  let root: string;
  let dataDir: string;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'lagesbild-owner-'));
    dataDir = join(root, 'db');
    server = await startServerProcess(dataDir);
  }, 200_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('user add, user link, import, demo-live and rollback go through the server, which sees each at once; all survive a restart and a crash', async () => {
    if (!server) throw new Error('no server');
    let api = sessionClient(server.url, await signIn(server.loginLink));
    const live = liveEvents(api);

    const added = await lagesbild(dataDir, 'user', 'add', 'greta', '--role', 'admin', '--name', 'Greta Andersson');
    expect(added.code, added.err).toBe(0);
    expect(added.err).toMatch(VIA_SERVER);
    expect((await api.user.list.query()).map((u) => u.username)).toContain('greta');

    const link = await lagesbild(dataDir, 'user', 'link', 'greta');
    expect(link.code, link.err).toBe(0);
    const token = /token=(\S+)/.exec(link.out)?.[1] ?? '';
    const greta = sessionClient(server.url, await signIn(`${server.url}/auth/open?token=${token}`));
    expect((await greta.auth.me.query())?.username).toBe('greta');

    const imported = await lagesbild(dataDir, 'import', JAN);
    expect(imported.code, imported.err).toBe(0);
    const janBatch = batchOf(imported.out);
    expect(await households(api, 'EKBIST', '2023-01')).toBe(211 + 237);
    await live.until(() => live.got.some((e) => e.kind === 'import.committed' && e.batchId === janBatch));

    const demo = await lagesbild(dataDir, 'demo-live', '--count', '2', '--interval', '0.2');
    expect(demo.code, demo.err).toBe(0);
    expect(demo.err).toMatch(VIA_SERVER);
    const demoBatches = [...demo.out.matchAll(/(\d{4}-\d\d): \d+ nya värden importerade \(batch (\d+)\)/g)].map((m) => ({ month: m[1] ?? '', batch: Number(m[2]) }));
    expect(demoBatches.map((b) => b.month)).toEqual(['2023-02', '2023-03']);
    // An open dashboard hears both months over SSE and then reads them.
    await live.until(() => demoBatches.every((b) => live.got.some((e) => e.kind === 'import.committed' && e.batchId === b.batch && e.months.includes(b.month))));
    expect(await households(api, 'SOC', '2023-03')).toBeGreaterThan(0);

    const last = demoBatches[1]?.batch ?? NaN;
    const rolledBack = await lagesbild(dataDir, 'rollback', String(last), '--yes');
    expect(rolledBack.code, rolledBack.err).toBe(0);
    await live.until(() => live.got.some((e) => e.kind === 'import.rolled_back' && e.batchId === last));
    expect(await households(api, 'SOC', '2023-03')).toBeNull();
    live.stop();

    const expectAllThere = async (a: Api) => {
      expect((await a.user.list.query()).map((u) => u.username)).toContain('greta');
      const batches = new Map((await a.import.batches.query()).map((b) => [b.id, b.status]));
      expect([batches.get(janBatch), batches.get(demoBatches[0]?.batch ?? NaN), batches.get(last)]).toEqual(['committed', 'committed', 'rolled_back']);
      expect(await households(a, 'EKBIST', '2023-01')).toBe(448);
      expect(await households(a, 'SOC', '2023-02')).toBeGreaterThan(0);
      expect(await households(a, 'SOC', '2023-03')).toBeNull();
    };

    // Ctrl+C: the server closes the folder and frees it; a new start finds every write.
    expect(await server.stop()).toBe(0);
    expect(existsSync(lockOf(dataDir))).toBe(false);
    server = await startServerProcess(dataDir);
    api = sessionClient(server.url, await signIn(server.loginLink));
    await expectAllThere(api);

    // kill -9: the lock stays behind, names a dead process and is taken over; PostgreSQL recovers the folder.
    await server.stop('SIGKILL');
    expect(existsSync(lockOf(dataDir))).toBe(true);
    const after = await lagesbild(dataDir, 'user', 'list');
    expect(after.code, after.err).toBe(0);
    expect(after.err).toBe('');
    expect(after.out).toMatch(/greta/);
    server = await startServerProcess(dataDir);
    await expectAllThere(sessionClient(server.url, await signIn(server.loginLink)));
  }, 480_000);

  it('a second server on the same folder refuses and says why, leaving the first running', async () => {
    if (!server) throw new Error('no server');
    const second = await lagesbild(dataDir, 'serve');
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/^En server \(pid \d+, startad .*\) kör redan på databasen i .*Två servrar kan inte dela en inbäddad databas/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 180_000);
});

describe('CLI commands without a server', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'lagesbild-owner-cli-'));
    dataDir = join(root, 'db');
    const seeded = await lagesbild(dataDir, 'seed', '--demo');
    expect(seeded.code, seeded.err).toBe(0);
  }, 200_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('two imports at once both end well, one after the other, and the folder stays consistent and openable', async () => {
    const [a, b] = await Promise.all([lagesbild(dataDir, 'import', JAN), lagesbild(dataDir, 'import', FEB)]);
    expect([a.code, b.code], `${a.err}\n${b.err}`).toEqual([0, 0]);
    // One of them found the other holding the folder and said what it waited for.
    expect(`${a.err}\n${b.err}`).toMatch(/används av "lagesbild import" \(pid \d+\); väntar tills det är klart/);
    expect(new Set([batchOf(a.out), batchOf(b.out)]).size).toBe(2);
    for (const [month, total] of [
      ['2023-01', 448],
      ['2023-02', 434],
    ] as const) {
      const q = await lagesbild(dataDir, 'query', '--kpi', 'hushall-utbetalt', '--unit', 'EKBIST', '--period', month, '--json');
      expect(q.code, q.err).toBe(0);
      expect((JSON.parse(q.out) as { value: number }).value).toBe(total);
    }
  }, 240_000);

  it('takes over a lock left by a process that is gone (a crashed server with its socket file)', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    mkdirSync(`${dataDir}.owner`, { recursive: true });
    writeFileSync(join(`${dataDir}.owner`, 'pg.sock'), '');
    const stale = {
      pid: dead,
      started: null,
      host: hostname(),
      role: 'server',
      command: 'serve',
      socket: join(`${dataDir}.owner`, 'pg.sock'),
      since: '2026-01-01T00:00:00Z',
      nonce: 'gone',
    };
    writeFileSync(lockOf(dataDir), JSON.stringify(stale));
    const r = await lagesbild(dataDir, 'kpis', '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect((JSON.parse(r.out) as unknown[]).length).toBeGreaterThan(0);
    expect(existsSync(lockOf(dataDir))).toBe(false);
  }, 120_000);
});
