/**
 * SSE fan-out: N subscribers (default 100 and 1000, split over two server
 * processes on one PostgreSQL) receive one event; how long from the writer to
 * each subscriber, and what it costs the servers in memory.
 *
 *   npx tsx bench/sse-fanout.ts [--subscribers 100,1000] [--rounds 100] [--clients 4] [--profile DIR]
 *
 * --clients: subscriber processes (bench/lib/sse-clients.ts) the streams are
 * spread over, so 10 000 readers do not queue in one event loop. They share
 * the machine's cores with the servers: on a small machine the figures
 * include the readers' own work. 10 000 streams need 10 000 file descriptors
 * in the bare server's process and 5 000 in each Lägesbild server's (plus the
 * readers' share): raise `ulimit -n` before the run where it is lower.
 *
 * --profile DIR: at the largest size, each Lägesbild server writes a heap
 * snapshot before and after its subscribers connect, and a CPU profile of the
 * rounds (the events, not start-up) to DIR; bench/lib/profile-summary.ts sums
 * them up. Profiling slows the servers: take figures from a run without it.
 *
 * Measured in the same run, on the same database and loopback:
 * - lagesbild: recordEvent (lock, insert, NOTIFY, commit) → each server's bus
 *   reads the events table → the live.events tRPC subscription → SSE;
 * - bare SSE: a minimal node:http server that LISTENs and writes the NOTIFY
 *   payload straight to N open responses (no table, no tRPC), the floor;
 * - bare NOTIFY: pg_notify → a LISTEN connection in this process, no HTTP.
 * Latency runs from the moment the writer starts (the commit is part of the
 * cost) to the subscriber's receipt; "after commit" subtracts the write.
 * Subscribers are node:http readers in --clients processes; servers are child processes.
 * 100 events by default: p95 over every receipt is set by the slowest few
 * events, so with 20 one slow event (a GC pause, a checkpoint) on either side
 * set it, and the ratio swung from 1.06× to 1.59× between runs of the same code.
 * Each side first opens and closes 100 streams, so the code compiled on the
 * first connections is not counted as memory per subscriber.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { recordEvent } from '../packages/db/src/index.js';
import { ClientPool } from './lib/sse-client-pool.js';
import { BARE_CHANNEL, demoWithWallToken, fmt, mb, ORG, percentile, rawClient, runToExit, sleep, spawnChild, subscribe } from './lib/sse-harness.js';

const RTT_CHANNEL = 'bench_rtt';
const KINDS = ['bare SSE', 'lagesbild (2 servers)'] as const;
type Kind = (typeof KINDS)[number];
/** One side's measurements in a run. */
interface Side {
  memory: string;
  latencies: number[];
  afterCommit: number[];
  lost: number;
}
/** Streams opened and closed on each side before its memory is measured. */
const WARM_UP = 100;

interface Row {
  what: string;
  n: number;
  latencies: number[];
  afterCommit?: number[];
  lost: number;
  dup: number;
  rss?: string;
}

function printRow(r: Row): void {
  const s = [...r.latencies].sort((a, b) => a - b);
  const c = r.afterCommit ? [...r.afterCommit].sort((a, b) => a - b) : null;
  const commit = c ? `  after commit p50/p95/p99 ${fmt(percentile(c, 50))}${fmt(percentile(c, 95))}${fmt(percentile(c, 99))}` : '';
  console.log(
    `${r.what.padEnd(22)} N=${String(r.n).padStart(5)}  p50 ${fmt(percentile(s, 50))}  p95 ${fmt(percentile(s, 95))}  p99 ${fmt(percentile(s, 99))} ms${commit}  lost ${r.lost} dup ${r.dup}${r.rss ? `  ${r.rss}` : ''}`,
  );
}

/** The aim, side by side: Lägesbild's p95 over the floor's, from the writer and after the commit. */
function printRatio(n: number, floor: Side | undefined, ours: Side | undefined): void {
  if (!floor || !ours) return;
  const p95 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      95,
    );
  const ratio = (a: number[], b: number[]) => (p95(a) / p95(b)).toFixed(2);
  console.log(`p95 ratio at N=${n}: ${ratio(ours.latencies, floor.latencies)}× from the writer, ${ratio(ours.afterCommit, floor.afterCommit)}× after the commit (aim ≤ 1.5×)\n`);
}

// ---- the run ---------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '100,1000' },
      rounds: { type: 'string', default: '100' },
      profile: { type: 'string' },
      clients: { type: 'string', default: '4' },
    },
  });
  const clients = Number(values.clients);
  const profileDir = values.profile;
  const sizes = (values.subscribers ?? '100,1000').split(',').map(Number);
  const rounds = Number(values.rounds);
  // 10 000 receipts on a shared 2-core machine take longer than 1 000 do; an event not in by then is lost.
  const deadlineMs = Math.max(5000, Math.max(...sizes) * 2);
  const { database, url, token } = await demoWithWallToken('bench');

  const servers = [await spawnChild('server', url), await spawnChild('server', url)];
  const bare = await spawnChild('bare', url);
  const sql = rawClient(database.db);
  console.log(`PostgreSQL ${url.replace(/\/\/.*@/, '//…@')}, two Lägesbild servers + one bare SSE server, ${rounds} events per size\n`);

  // Bare NOTIFY round trip: no HTTP at all.
  const rtt: number[] = [];
  let rttResolve: (() => void) | null = null;
  const rttSub = await sql.listen(RTT_CHANNEL, () => rttResolve?.());
  for (let r = 0; r < rounds; r++) {
    const got = new Promise<void>((ok) => (rttResolve = ok));
    const t0 = performance.now();
    await sql`select pg_notify(${RTT_CHANNEL}, ${String(r)})`;
    await got;
    rtt.push(performance.now() - t0);
  }
  await rttSub.unlisten();
  printRow({ what: 'bare NOTIFY round trip', n: 1, latencies: rtt, lost: 0, dup: 0 });

  const input = encodeURIComponent(JSON.stringify({ lastEventId: null }));
  const params = encodeURIComponent(JSON.stringify({ deviceToken: token }));
  const urlOf = (kind: Kind, i: number) => (kind === 'bare SSE' ? `${bare.url}/sse` : `${servers[i % 2]?.url}/trpc/live.events?input=${input}&connectionParams=${params}`);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (const n of sizes) {
    // Both sides stay connected together and their rounds alternate, so each meets the same
    // background load: on a shared machine the ratio holds within a run even when the load moves.
    const pool = new ClientPool(clients);
    const sides = new Map<Kind, Side>();
    const profiling = profileDir !== undefined && n === Math.max(...sizes);
    for (const kind of KINDS) {
      const measured = kind === 'bare SSE' ? [bare] : servers;
      // Warm up first: the code compiled while the first streams connect is paid once per process, not per subscriber.
      const warm = new AbortController();
      await Promise.all(Array.from({ length: WARM_UP }, (_, i) => subscribe(urlOf(kind, i), {}, () => undefined, warm.signal)));
      warm.abort();
      await sleep(1000);
      if (profiling && kind !== 'bare SSE') await Promise.all(servers.map((s, i) => s.snapshot(`${profileDir}/server-${i}-idle.heapsnapshot`)));
      // The heap after a full collection is what the servers hold; RSS also keeps what the allocator took while they connected.
      const heapBefore = sum(await Promise.all(measured.map((s) => s.heap())));
      const memBefore = sum(await Promise.all(measured.map((s) => s.rss())));
      const connectStart = performance.now();
      await pool.open(
        Array.from({ length: n }, (_, i) => urlOf(kind, i)),
        kind === 'bare SSE' ? 'round' : 'id',
      );
      const connectSeconds = (performance.now() - connectStart) / 1000;
      await sleep(500);
      const heapConnected = sum(await Promise.all(measured.map((s) => s.heap())));
      const memConnected = sum(await Promise.all(measured.map((s) => s.rss())));
      const memory = `connected in ${connectSeconds.toFixed(0)} s; RSS ${mb(memBefore)} → ${mb(memConnected)} (+${((memConnected - memBefore) / n / 1024).toFixed(0)} kB/subscriber); heap after GC +${((heapConnected - heapBefore) / n / 1024).toFixed(1)} kB/subscriber`;
      sides.set(kind, { memory, latencies: [], afterCommit: [], lost: 0 });
    }
    if (profiling) {
      await Promise.all(servers.map((s, i) => s.snapshot(`${profileDir}/server-${i}-connected.heapsnapshot`)));
      await sleep(1000);
      await Promise.all(servers.map((s) => s.profile(null)));
    }
    for (let r = 0; r < rounds; r++) {
      for (const kind of KINDS) {
        const side = sides.get(kind);
        if (!side) continue;
        let key = `round-${n}-${r}`;
        // The clock every process shares: receipts are timed in the subscriber processes.
        const t0 = performance.timeOrigin + performance.now();
        if (kind === 'bare SSE') await sql`select pg_notify(${BARE_CHANNEL}, ${key})`;
        else key = String(await recordEvent(database.db, ORG, 'target.set', { kpis: ['bench'], note: key }));
        const committed = performance.timeOrigin + performance.now();
        const deadline = Date.now() + deadlineMs;
        while ((await pool.count(key)) < n && Date.now() < deadline) await sleep(20);
        const times = await pool.take(key);
        side.lost += n - times.length;
        for (const at of times) {
          side.latencies.push(at - t0);
          side.afterCommit.push(at - committed);
        }
        await sleep(100);
      }
    }
    if (profiling) await Promise.all(servers.map((s, i) => s.profile(`${profileDir}/server-${i}-rounds.cpuprofile`)));
    const load = loadavg()[0]?.toFixed(1) ?? '?';
    const dup = await pool.close();
    for (const [kind, side] of sides) printRow({ what: kind, n, ...side, dup: dup[kind === 'bare SSE' ? 'round' : 'id'], rss: `${side.memory}; load ${load}` });
    printRatio(n, sides.get('bare SSE'), sides.get('lagesbild (2 servers)'));
    await sleep(2000);
  }
  await Promise.all([...servers, bare].map((c) => new Promise((ok) => c.proc.once('exit', ok).kill('SIGTERM'))));
  await database.dispose();
}

runToExit(main);
