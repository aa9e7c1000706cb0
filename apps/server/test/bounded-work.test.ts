import type { AppRouter } from '@lagesbild/api';
import { MAX_BATCH_SIZE, MAX_PERIOD_MONTHS } from '@lagesbild/domain';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/http/server.js';
import { adminSession, fakeDashboard } from './live-harness.js';
import { useDemoDatabase } from './demo-database.js';

/** The longest period allowed, ending at the demo's last month. */
const LONGEST = '2013-01:2022-12';

/**
 * Every procedure's work is bounded (period length and years, batch size),
 * refused in Swedish beyond it; within it, the largest request leaves the
 * event loop free often enough that /health answers while it runs.
 */
describe('bounded work per request (PGlite, where queries run on the event loop)', () => {
  let server: RunningServer;
  let cookie: string;

  useDemoDatabase(
    'pglite',
    async (opened) => {
      server = await startServer({ database: opened, orgId: 'katrineholm', port: 0, staticDir: fakeDashboard(), log: () => undefined });
      cookie = (await adminSession(opened.db, 'bound-admin')).cookie;
    },
    () => server.close(),
  );

  const client = () => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc`, headers: { cookie } })] });
  const refusal = async (call: Promise<unknown>) => {
    const e = await call.catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TRPCClientError);
    expect((e as TRPCClientError<AppRouter>).data?.code).toBe('BAD_REQUEST');
    return (e as Error).message;
  };

  it('refuses periods over the bound or outside its years in every procedure that takes one, in Swedish', async () => {
    const api = client();
    expect(await refusal(api.overview.get.query({ unit: 'SOC', period: '0001-01:9999-12' }))).toMatch(/utanför åren 1900–2199/);
    const tooLong = `Perioden är för lång: högst ${MAX_PERIOD_MONTHS} månader`;
    expect(await refusal(api.overview.get.query({ unit: 'SOC', period: '2000-01:2022-12' }))).toContain(tooLong);
    expect(await refusal(api.drilldown.get.query({ kpi: 'hushall-utbetalt', unit: 'SOC', period: '2000-01:2022-12' }))).toContain(tooLong);
    expect(await refusal(api.series.get.query({ kpi: 'hushall-utbetalt', unit: 'SOC', start: '0001-01', end: '9999-12' }))).toMatch(/utanför åren|för lång/);
    expect(await refusal(api.series.get.query({ kpi: 'hushall-utbetalt', unit: 'SOC', start: '2000-01', end: '2022-12' }))).toContain(tooLong);
    expect(await refusal(api.comment.list.query({ kpi: 'hushall-utbetalt', unit: 'SOC', period: '2000-01:2022-12' }))).toContain('Välj en kortare period');
  });

  it(`answers /health while the largest allowed request (a batch of ${MAX_BATCH_SIZE} ${MAX_PERIOD_MONTHS}-month overviews) runs`, async () => {
    const input = Object.fromEntries(Array.from({ length: MAX_BATCH_SIZE }, (_, i) => [i, { unit: 'SOC', period: LONGEST }]));
    const url = `${server.url}/trpc/${Array(MAX_BATCH_SIZE).fill('overview.get').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
    // Warm up: the first request loads the engine's catalogue and tree.
    expect((await fetch(url, { headers: { cookie } })).status).toBe(200);
    const started = performance.now();
    let done = false;
    const batch = fetch(url, { headers: { cookie } }).then(async (r) => {
      expect(r.status).toBe(200);
      await r.text();
      done = true;
    });
    const waits: number[] = [];
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${server.url}/health`);
      expect(res.status).toBe(200);
      await res.text();
      waits.push(performance.now() - t);
    }
    await batch;
    const duration = performance.now() - started;
    const sorted = [...waits].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Infinity;
    const longest = sorted.at(-1) ?? Infinity;
    console.log(
      `batch of ${MAX_BATCH_SIZE} × overview ${LONGEST}: ${Math.round(duration)} ms; /health answered ${waits.length} times, median ${Math.round(median)} ms, longest ${Math.round(longest)} ms`,
    );
    // Before the bounds, /health waited for the whole batch: one answer, as long as the batch.
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(median).toBeLessThan(200);
    expect(longest).toBeLessThan(duration / 3);
  });
});
