/**
 * SSE fan-out: N subscribers (default 100 and 1000, split over two server
 * processes on one PostgreSQL) receive one event; how long from the writer to
 * each subscriber, and what it costs the servers in memory.
 *
 *   npx tsx bench/sse-fanout.ts [--subscribers 100,1000] [--rounds 20] [--profile DIR]
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
 * Subscribers are fetch() readers in this process; servers are child processes.
 */
import { parseArgs } from 'node:util';
import { recordEvent } from '../packages/db/src/index.js';
import { BARE_CHANNEL, demoWithWallToken, fmt, mb, ORG, percentile, rawClient, runToExit, sleep, spawnChild, subscribe } from './lib/sse-harness.js';

const RTT_CHANNEL = 'bench_rtt';

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

/** A Lägesbild event is known by its id (a screen is not sent the note); status messages have none. */
function eventKey(data: string): string | null {
  const id = (JSON.parse(data) as { id?: unknown }).id;
  return typeof id === 'number' ? String(id) : null;
}

// ---- the run ---------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { subscribers: { type: 'string', default: '100,1000' }, rounds: { type: 'string', default: '20' }, profile: { type: 'string' } } });
  const profileDir = values.profile;
  const sizes = (values.subscribers ?? '100,1000').split(',').map(Number);
  const rounds = Number(values.rounds);
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
  for (const n of sizes) {
    for (const kind of ['bare SSE', 'lagesbild (2 servers)'] as const) {
      const ac = new AbortController();
      const received: Map<string, number>[] = Array.from({ length: n }, () => new Map<string, number>());
      const dup = { n: 0 };
      if (profileDir !== undefined && kind !== 'bare SSE' && n === Math.max(...sizes))
        await Promise.all(servers.map((s, i) => s.snapshot(`${profileDir}/server-${i}-idle.heapsnapshot`)));
      // The heap after a full collection is what the servers hold; RSS also keeps what the allocator took while they connected.
      const heapOf = async () => (kind === 'bare SSE' ? await bare.heap() : (await Promise.all(servers.map((s) => s.heap()))).reduce((a, b) => a + b, 0));
      const heapBefore = await heapOf();
      const memBefore = kind === 'bare SSE' ? await bare.rss() : (await Promise.all(servers.map((s) => s.rss()))).reduce((a, b) => a + b, 0);
      const connects: Promise<void>[] = [];
      for (let i = 0; i < n; i++) {
        const onData = (data: string) => {
          const key = kind === 'bare SSE' ? (data.startsWith('round-') ? data : null) : eventKey(data);
          if (!key) return;
          if (received[i]?.has(key)) dup.n++;
          else received[i]?.set(key, performance.now());
        };
        const target = kind === 'bare SSE' ? `${bare.url}/sse` : `${servers[i % 2]?.url}/trpc/live.events?input=${input}&connectionParams=${params}`;
        connects.push(subscribe(target, {}, onData, ac.signal));
        // Connect in small bursts, as screens do, not as a SYN flood.
        if (i % 50 === 49) await Promise.all(connects.slice(-50));
      }
      await Promise.all(connects);
      await sleep(500);
      const heapConnected = await heapOf();
      const memConnected = kind === 'bare SSE' ? await bare.rss() : (await Promise.all(servers.map((s) => s.rss()))).reduce((a, b) => a + b, 0);
      const profiling = profileDir !== undefined && kind !== 'bare SSE' && n === Math.max(...sizes);
      if (profiling) {
        await Promise.all(servers.map((s, i) => s.snapshot(`${profileDir}/server-${i}-connected.heapsnapshot`)));
        await sleep(1000);
        await Promise.all(servers.map((s) => s.profile(null)));
      }
      const latencies: number[] = [];
      const afterCommit: number[] = [];
      let lost = 0;
      for (let r = 0; r < rounds; r++) {
        let key = `round-${n}-${r}`;
        const t0 = performance.now();
        if (kind === 'bare SSE') await sql`select pg_notify(${BARE_CHANNEL}, ${key})`;
        else key = String(await recordEvent(database.db, ORG, 'target.set', { kpis: ['bench'], note: key }));
        const committed = performance.now();
        const deadline = Date.now() + 5000;
        while (received.some((m) => !m.has(key)) && Date.now() < deadline) await sleep(2);
        for (const m of received) {
          const at = m.get(key);
          if (at === undefined) lost++;
          else {
            latencies.push(at - t0);
            afterCommit.push(at - committed);
          }
        }
        await sleep(100);
      }
      if (profiling) await Promise.all(servers.map((s, i) => s.profile(`${profileDir}/server-${i}-rounds.cpuprofile`)));
      const memAfter = kind === 'bare SSE' ? await bare.rss() : (await Promise.all(servers.map((s) => s.rss()))).reduce((a, b) => a + b, 0);
      printRow({
        what: kind,
        n,
        latencies,
        afterCommit,
        lost,
        dup: dup.n,
        rss: `RSS ${mb(memBefore)} → ${mb(memConnected)} connected → ${mb(memAfter)} after (+${((memConnected - memBefore) / n / 1024).toFixed(0)} kB/subscriber); heap after GC +${((heapConnected - heapBefore) / n / 1024).toFixed(1)} kB/subscriber`,
      });
      ac.abort();
      await sleep(1000);
    }
  }
  await Promise.all([...servers, bare].map((c) => new Promise((ok) => c.proc.once('exit', ok).kill('SIGTERM'))));
  await database.dispose();
}

runToExit(main);
