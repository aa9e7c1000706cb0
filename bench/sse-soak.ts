/**
 * SSE soak: two Lägesbild servers on one PostgreSQL, N wall-screen
 * subscribers split between them, and a steady stream of events for a long
 * time (default 10 minutes). Prints, per minute and at the end: events sent,
 * events lost and duplicated (counted per subscriber by event id), latency
 * p50/p95/p99, and the servers' heap after a full GC against the level after
 * warm-up.
 *
 *   npx tsx bench/sse-soak.ts [--minutes 10] [--subscribers 1000] [--rate 2]
 *
 * The aim (issue 6): no lost or duplicated event, and no memory growth
 * beyond 10 % over the run.
 */
import { parseArgs } from 'node:util';
import { recordEvent } from '../packages/db/src/index.js';
import { demoWithWallToken, fmt, mb, ORG, percentile, runToExit, sleep, spawnChild, subscribe } from './lib/sse-harness.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '10' }, subscribers: { type: 'string', default: '1000' }, rate: { type: 'string', default: '2' } },
  });
  const minutes = Number(values.minutes);
  const n = Number(values.subscribers);
  const rate = Number(values.rate);
  const { database, url, token } = await demoWithWallToken('soak');
  const servers = [await spawnChild('server', url), await spawnChild('server', url)];
  // The servers' heap after a full collection: what they hold, not what the allocator has kept.
  const heapNow = async () => (await Promise.all(servers.map((s) => s.heap()))).reduce((a, b) => a + b, 0);

  const ac = new AbortController();
  // Events are known by id: a wall screen is not sent the note (forScreen), and the status messages have no id.
  const sentAt = new Map<number, number>();
  const early = new Map<number, number[]>();
  const seen: Set<number>[] = Array.from({ length: n }, () => new Set());
  let dup = 0;
  let latencies: number[] = [];
  const input = encodeURIComponent(JSON.stringify({ lastEventId: null }));
  const params = encodeURIComponent(JSON.stringify({ deviceToken: token }));
  const connects: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const onData = (data: string) => {
      const seq = (JSON.parse(data) as { id?: unknown }).id;
      if (typeof seq !== 'number') return;
      const mine = seen[i];
      if (!mine) return;
      if (mine.has(seq)) dup++;
      else {
        mine.add(seq);
        const t0 = sentAt.get(seq);
        if (t0 !== undefined) latencies.push(performance.now() - t0);
        else (early.get(seq) ?? early.set(seq, []).get(seq))?.push(performance.now());
      }
    };
    connects.push(subscribe(`${servers[i % 2]?.url}/trpc/live.events?input=${input}&connectionParams=${params}`, {}, onData, ac.signal));
    if (i % 50 === 49) await Promise.all(connects.slice(-50));
  }
  await Promise.all(connects);
  console.log(`${n} subscribers on two servers, ${rate} events/s for ${minutes} min (PostgreSQL ${url.replace(/\/\/.*@/, '//…@')})`);

  const start = Date.now();
  const end = start + minutes * 60_000;
  const warmUpUntil = start + Math.min(60_000, minutes * 6_000);
  let baseline: number | null = null;
  let peak = 0;
  let seq = 0;
  const ids: number[] = [];
  let nextMinute = start + 60_000;
  const gap = 1000 / rate;
  while (Date.now() < end) {
    const t = performance.now();
    const id = await recordEvent(database.db, ORG, 'target.set', { kpis: ['soak'], note: String(seq) });
    ids.push(id);
    sentAt.set(id, t);
    // The id is known only after the commit: receipts that came before it are timed now.
    for (const at of early.get(id) ?? []) latencies.push(at - t);
    early.delete(id);
    seq++;
    if (baseline === null && Date.now() >= warmUpUntil) baseline = await heapNow();
    if (Date.now() >= nextMinute) {
      const now = await heapNow();
      peak = Math.max(peak, now);
      const s = [...latencies].sort((a, b) => a - b);
      console.log(
        `min ${String(Math.round((Date.now() - start) / 60_000)).padStart(3)}: ${seq} events, p50 ${fmt(percentile(s, 50))} p95 ${fmt(percentile(s, 95))} p99 ${fmt(percentile(s, 99))} ms, dup ${dup}, heap ${mb(now)}${baseline ? ` (${(((now - baseline) / baseline) * 100).toFixed(1)} % vs warm-up)` : ''}`,
      );
      latencies = [];
      nextMinute += 60_000;
    }
    await sleep(Math.max(0, gap - (performance.now() - t)));
  }
  // Let the last events arrive, then count what every subscriber missed.
  await sleep(3000);
  let lost = 0;
  for (const mine of seen) for (const id of ids) if (!mine.has(id)) lost++;
  const final = await heapNow();
  const growth = baseline ? ((final - baseline) / baseline) * 100 : NaN;
  console.log(`\n${seq} events × ${n} subscribers: lost ${lost}, duplicated ${dup}`);
  console.log(`servers' heap after GC: ${baseline ? mb(baseline) : '?'} after warm-up → ${mb(final)} at the end (${growth.toFixed(1)} %), peak ${mb(Math.max(peak, final))}`);
  console.log(`verdict: ${lost === 0 && dup === 0 ? 'no event lost or duplicated' : 'EVENTS LOST OR DUPLICATED'}; memory ${growth <= 10 ? 'within' : 'OVER'} the 10 % aim`);
  ac.abort();
  for (const c of servers) c.proc.kill('SIGTERM');
  await database.dispose();
}

runToExit(main);
