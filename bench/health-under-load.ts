/**
 * How long GET /health waits while the largest request the limits allow
 * runs: a tRPC batch of MAX_BATCH_SIZE overviews of MAX_PERIOD_MONTHS months
 * of the whole förvaltning, on embedded PGlite (where queries run on the
 * event loop) and PostgreSQL, as a signed-in admin.
 *
 *   npx tsx bench/health-under-load.ts [--rounds 3] [--kinds pglite,postgres]
 *
 * Baseline, same run and server: /health with nothing else running.
 */
import { parseArgs } from 'node:util';
import { createSession, createUser, SESSION_COOKIE } from '../packages/api/src/index.js';
import { seedDemo } from '../packages/db/src/index.js';
import { openTestDatabase, type TestDbKind } from '../packages/db/src/testing/index.js';
import { MAX_BATCH_SIZE, MAX_PERIOD_MONTHS } from '../packages/domain/src/index.js';
import { startServer } from '../apps/server/src/http/server.js';
import { fmt, percentile } from './lib/sse-harness.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, kinds: { type: 'string', default: 'pglite,postgres' } } });
const rounds = Number(values.rounds);
const PERIOD = `2013-01:2022-12`;

async function healthMs(url: string): Promise<number> {
  const t = performance.now();
  await (await fetch(`${url}/health`)).text();
  return performance.now() - t;
}

async function bench(kind: TestDbKind): Promise<void> {
  const database = await openTestDatabase(kind);
  await seedDemo(database.db);
  const server = await startServer({ database, orgId: 'katrineholm', port: 0, staticDir: '/nonexistent', log: () => undefined });
  const admin = await createUser(
    database.db,
    'katrineholm',
    { username: 'bench-admin', displayName: 'Bench', password: null, roles: [{ role: 'admin' }] },
    { id: 'bench', ip: null },
  );
  const cookie = `${SESSION_COOKIE}=${(await createSession(database.db, admin.id, { method: 'password', ip: null, userAgent: null, now: new Date() })).token}`;
  const input = Object.fromEntries(Array.from({ length: MAX_BATCH_SIZE }, (_, i) => [i, { unit: 'SOC', period: PERIOD }]));
  const url = `${server.url}/trpc/${Array(MAX_BATCH_SIZE).fill('overview.get').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  await (await fetch(url, { headers: { cookie } })).text();
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) idle.push(await healthMs(server.url));
  const during: number[] = [];
  const batches: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let done = false;
    const t = performance.now();
    const batch = fetch(url, { headers: { cookie } }).then(async (res) => {
      await res.text();
      batches.push(performance.now() - t);
      done = true;
    });
    while (!done) during.push(await healthMs(server.url));
    await batch;
  }
  const s = (a: number[]) => [...a].sort((x, y) => x - y);
  console.log(`${kind}: batch of ${MAX_BATCH_SIZE} × overview ${PERIOD} (${MAX_PERIOD_MONTHS} months): median ${fmt(percentile(s(batches), 50))} ms over ${rounds} rounds`);
  console.log(`  /health during it: n ${during.length}, p50 ${fmt(percentile(s(during), 50))}, p95 ${fmt(percentile(s(during), 95))}, max ${fmt(Math.max(...during))} ms`);
  console.log(`  /health idle (baseline): p50 ${fmt(percentile(s(idle), 50))}, p95 ${fmt(percentile(s(idle), 95))}, max ${fmt(Math.max(...idle))} ms`);
  await server.close();
  await database.dispose();
}

for (const kind of (values.kinds ?? '').split(',') as TestDbKind[]) await bench(kind);
