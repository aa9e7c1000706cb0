import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, POSTGRES_CLIENT_OPTIONS, queryRows, type Database } from '../client.js';
import { closeEventBus, eventBusFor, recordEvent, type LiveEvent } from '../events/index.js';
import { organisations } from '../schema/index.js';
import { EmbeddedDatabaseError } from './open-embedded.js';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const count = async (db: Database['db']) => Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from t`))[0]?.n);

describe('an embedded database with one owner and its socket', () => {
  let root: string;
  let env: { databaseUrl: undefined; dataDir: string };
  let owner: Database;
  let socket: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'lagesbild-owner-'));
    env = { databaseUrl: undefined, dataDir: join(root, 'db') };
    owner = await openDatabase(env, { serve: true, command: 'serve' });
    await owner.migrate();
    await owner.db.insert(organisations).values({ id: 'a', name: 'A' });
    await owner.db.execute(sql`create table t (x int)`);
    socket = (await owner.share?.()) ?? '';
  });
  afterAll(async () => {
    await closeEventBus(owner.db);
    await owner.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a CLI goes through the server, and an event it commits reaches the server’s LISTEN at once (not at the next probe)', async () => {
    const notices: string[] = [];
    const cli = await openDatabase(env, { command: 'import', onNotice: (m) => notices.push(m) });
    expect(notices.join('\n')).toMatch(/Servern \(pid \d+\) kör på databasen .*kommandot går via den/);
    const heard: LiveEvent[] = [];
    // A probe a minute away: only NOTIFY can bring the event in time.
    const bus = eventBusFor(owner.db, { probeMs: 60_000 });
    await bus.ready();
    bus.subscribe((m) => m.type === 'event' && heard.push(m.event));
    // A failed statement first: its error must not get in the way of the next NOTIFY.
    await expect(cli.db.execute(sql`select 1/0`)).rejects.toThrow();
    const started = Date.now();
    const id = await cli.db.transaction((tx) => recordEvent(tx, 'a', 'import.committed', { kpis: ['k'], units: ['U'], months: ['2022-05'] }));
    while (!heard.some((e) => e.id === id) && Date.now() - started < 1500) await sleep(5);
    expect(heard.map((e) => e.id)).toContain(id);
    expect(Date.now() - started).toBeLessThan(1000);
    await cli.close();
  });

  it('serialises by transaction: the server never runs inside a client’s transaction, and concurrent clients lose no update', async () => {
    const cli = await openDatabase(env, { command: 'a' });
    // A stand-in the callback replaces; were it never replaced, the assertion below would fail on -1.
    let ownerRead: Promise<number> = Promise.resolve(-1);
    await cli.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (1)`);
      ownerRead = count(owner.db);
      await sleep(200);
      await tx.execute(sql`insert into t values (2)`);
    });
    // The server's read waited for the commit: it saw both rows, never one.
    expect(await ownerRead).toBe(2);
    await cli.close();

    const clients = await Promise.all([1, 2, 3].map((i) => openDatabase(env, { command: `c${i}` })));
    await Promise.all(
      [...clients, owner].flatMap((c) =>
        Array.from({ length: 5 }, () =>
          c.db.transaction(async (tx) => {
            const n = await count(tx);
            await sleep(2);
            await tx.execute(sql`insert into t select ${n + 1} where (select count(*) from t) = ${n}`);
          }),
        ),
      ),
    );
    expect(await count(owner.db)).toBe(2 + 20);
    await Promise.all(clients.map((c) => c.close()));
  });

  it('a client that dies inside a transaction leaves nothing behind and does not block the server', async () => {
    const raw = postgres({ path: socket, username: 'postgres', database: 'postgres', max: 1, prepare: false, ...POSTGRES_CLIENT_OPTIONS });
    const before = await count(owner.db);
    // A query before reserve(): with fetch_types off, reserve() on a cold pool never settles (porsager/postgres#751).
    await raw`select 1`;
    const reserved = await raw.reserve();
    await reserved`begin`;
    await reserved`insert into t values (99)`;
    // Gone without commit or rollback, as a killed CLI would be.
    await raw.end({ timeout: 0 });
    expect(await count(owner.db)).toBe(before);
    expect(await queryRows(owner.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('a second server on the same folder refuses and says why', async () => {
    const err = await openDatabase(env, { serve: true, command: 'serve' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedDatabaseError);
    expect((err as Error).message).toMatch(/En server \(pid \d+, startad .*\) kör redan på databasen .*Två servrar kan inte dela/);
  });
});

describe('the lock without a server', () => {
  let root: string;
  let env: { databaseUrl: undefined; dataDir: string };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lagesbild-lock-'));
    env = { databaseUrl: undefined, dataDir: join(root, 'db') };
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a second CLI waits for the first, says for what, and gives up clearly after its bound', async () => {
    const first = await openDatabase(env, { command: 'import' });
    const notices: string[] = [];
    const err = await openDatabase(env, { command: 'user', waitMs: 600, onNotice: (m) => notices.push(m) }).catch((e: unknown) => e);
    expect(notices[0]).toMatch(/används av "lagesbild import" \(pid \d+\); väntar tills det är klart/);
    expect((err as Error).message).toMatch(/används fortfarande av "lagesbild import" .* efter 1 s/);
    const waiting = openDatabase(env, { command: 'user' });
    await sleep(300);
    await first.close();
    const second = await waiting;
    expect(await queryRows(second.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    await second.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    const lock = join(`${env.dataDir}.owner`, 'lock.json');
    const stale = { pid: dead, started: null, host: hostname(), role: 'server', command: 'serve', socket: null, since: '2020-01-01T00:00:00Z', nonce: 'x' };
    writeFileSync(lock, JSON.stringify(stale));
    const database = await openDatabase(env, { command: 'import', waitMs: 0 });
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, role: 'cli', command: 'import' });
    await database.close();
    expect(() => readFileSync(lock)).toThrow(/ENOENT/);
  });
});
