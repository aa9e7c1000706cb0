import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppRouter } from '@lagesbild/api';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/http/server.js';
import { adminSession, fakeDashboard } from './live-harness.js';
import { useDemoDatabase } from './demo-database.js';

describe.each(TEST_DB_KINDS)('HTTP server on %s', (kind) => {
  let server: RunningServer;
  let staticDir: string;
  let adminCookie: string;

  useDemoDatabase(
    kind,
    async (opened) => {
      staticDir = fakeDashboard();
      writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
      server = await startServer({ database: opened, orgId: 'katrineholm', port: 0, staticDir });
      adminCookie = (await adminSession(opened.db, 'http-admin')).cookie;
    },
    () => server.close(),
  );

  const client = () => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc`, headers: { cookie: adminCookie } })] });

  it('answers GET /health with the database kind', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: kind });
  });

  it('serves the dashboard, with index.html for client routes and security headers', async () => {
    const page = await fetch(`${server.url}/kpi/sjukfranvaro?enhet=SOC`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Lägesbild</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const escape = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).toContain('<title>Lägesbild</title>');
  });

  it('gives the overview of SOC through tRPC: every KPI with value, target and status', async () => {
    const overview = await client().overview.get.query({ unit: 'SOC', period: '2022-T1' });
    expect(overview.unitName).toMatch(/Social/);
    expect(overview.periodLabel).toBe('T1 2022');
    const ids = overview.cards.map((c) => c.kpi);
    for (const id of ['hushall-utbetalt', 'utbetalt-forsorjningsstod', 'utbetalt-per-hushall', 'placeringskostnad', 'sjukfranvaro', 'hme']) {
      expect(ids).toContain(id);
    }
    const households = overview.cards.find((c) => c.kpi === 'hushall-utbetalt');
    expect(households?.value).toBeCloseTo(430.75, 9);
    // A rate's annual target holds for any period: the sick-leave ceiling is 6 % for a tertial too.
    const sick = overview.cards.find((c) => c.kpi === 'sjukfranvaro');
    expect(sick?.target).toBe(6);
    expect(sick?.targetDisplay).toBe('6,0 %');
    // A volume's annual target is pro-rated: T1 of the (demo) target for försörjningsstöd paid is four twelfths of it.
    // Placement costs have a budget (economy), not a goal target.
    expect(overview.cards.find((c) => c.kpi === 'placeringskostnad')?.target).toBeNull();
    const cost = overview.cards.find((c) => c.kpi === 'utbetalt-forsorjningsstod');
    expect(cost?.target).toBeGreaterThan(0);
    expect(cost?.status).not.toBe('none');
    const counted = Object.values(overview.statusCounts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(overview.cards.length);
    expect(overview.cards.some((c) => c.status !== 'none')).toBe(true);
  });

  it('defaults to the latest month with data', async () => {
    const overview = await client().overview.get.query({});
    expect(overview.period).toBe(overview.latestMonth);
    expect(overview.latestMonth).toBe('2022-12');
  });

  it('answers a bad period and an unknown unit with Swedish errors and no stack trace', async () => {
    const bad = await client()
      .overview.get.query({ period: '2022-T4' })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCClientError);
    const err = bad as TRPCClientError<AppRouter>;
    expect(err.message).toContain('Okänd period');
    expect(err.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(err.data)).not.toContain('.ts:');
    const missing = await client()
      .overview.get.query({ unit: 'NOPE', period: '2022' })
      .catch((e: unknown) => e);
    expect((missing as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
  });
});
