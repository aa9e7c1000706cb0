/**
 * First render of the dashboard in Chromium against the demo data, and the
 * JavaScript it ships.
 *
 *   npx tsx bench/dashboard-first-render.ts [--runs 10]
 *
 * Needs the built dashboard (pnpm turbo run build --filter=@lagesbild/dashboard)
 * and /usr/bin/chromium. Each run is a fresh browser context (empty cache) on
 * loopback; times are from navigation start to:
 * - overview: every KPI card drawn (the overview's first complete render);
 * - KPI detail: the chart's canvas and the table under it drawn;
 * - baseline: a static HTML page of about the same text (30 cards), served by
 *   a bare node:http server in the same run, so the figures can be read against
 *   what the browser itself costs here.
 * Also first-contentful-paint, and the JavaScript each view loads: bytes as
 * served and gzipped (what a compressing proxy would send).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { createSession, createUser, SESSION_COOKIE } from '../packages/api/src/index.js';
import { DEFAULT_STATIC_DIR, startServer } from '../apps/server/src/http/server.js';
import { openPglite, seedDemo } from '../packages/db/src/index.js';


const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const RUNS = Number(values.runs);
const ORG = 'katrineholm';

interface Sample {
  ms: number;
  fcp: number | null;
  js: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)] ?? NaN;

function baselineHtml(): string {
  const cards = Array.from({ length: 30 }, (_, i) => `<article><h3>Nyckeltal ${i + 1}</h3><p class="v">${(i * 137) % 900} </p><p>Mål: 420</p><p>◆ delvis uppfyllt</p></article>`).join('');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Baslinje</title><style>body{font-family:system-ui;margin:0;background:#f2f4f7}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;padding:20px}article{background:#fff;border:1px solid #d6dce4;border-radius:8px;padding:12px}</style></head><body><header style="background:#14304f;color:#fff;padding:12px">Lägesbild</header><main id="ready">${cards}</main></body></html>`;
}

async function measure(browser: Browser, url: string, ready: string[], cookie: { name: string; value: string } | null): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  if (cookie) await context.addCookies([{ ...cookie, url: new URL(url).origin, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const js: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) js.push(r.url());
  });
  await page.goto(url);
  try {
    for (const selector of ready) await page.waitForSelector(selector, { state: 'visible', timeout: 10_000 });
  } catch (err) {
    throw new Error(`${url} did not render: ${(await page.locator('main').textContent())?.slice(0, 300)}`, { cause: err });
  }
  // The frame after the element exists is the one that shows it.
  const ms = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  await context.close();
  return { ms, fcp, js };
}

function jsSize(urls: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const u of new Set(urls)) {
    const file = readFileSync(join(DEFAULT_STATIC_DIR, 'assets', basename(new URL(u).pathname)));
    raw += file.length;
    gzip += gzipSync(file, { level: 9 }).length;
  }
  return { raw, gzip };
}

const database = await openPglite(undefined);
await database.migrate();
await seedDemo(database.db);
const user = await createUser(database.db, ORG, { username: 'bench', displayName: 'Bench', password: null, roles: [{ role: 'admin' }] });
const session = await createSession(database.db, user.id, { method: 'password', ip: null, userAgent: 'bench', now: new Date() });
const server = await startServer({ database, orgId: ORG, port: 0 });
const html = baselineHtml();
const baseline = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
await new Promise<void>((r) => baseline.listen(0, '127.0.0.1', r));
const baselineUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const cookie = { name: SESSION_COOKIE, value: session.token };
const cases = [
  { name: 'baseline (static HTML)', url: baselineUrl, ready: ['#ready article:nth-child(30)'], cookie: null },
  { name: 'overview', url: `${server.url}/?enhet=SOC&period=2022-T1`, ready: ['[data-testid="kpi-card"] >> nth=24'], cookie },
  { name: 'KPI detail', url: `${server.url}/kpi/placeringskostnad?enhet=SOC&period=2022-T1`, ready: ['[data-testid="kpi-chart"] canvas >> nth=0', '[data-testid="detail-table"]', '[data-testid="kpi-summary"]'], cookie },
];
try {
  // One warm-up each (the server's first query loads its caches), not counted.
  for (const c of cases) await measure(browser, c.url, c.ready, c.cookie);
  console.log(`First complete render in Chromium, ${RUNS} cold runs each (fresh context, loopback)\n`);
  console.log('view                      median ms   p90 ms   FCP median   JS files   JS kB   JS kB gzip');
  for (const c of cases) {
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, c.url, c.ready, c.cookie));
    const fcps = samples.flatMap((s) => (s.fcp === null ? [] : [s.fcp]));
    const js = c.cookie ? jsSize(samples[0]?.js ?? []) : { raw: 0, gzip: 0 };
    console.log(
      `${c.name.padEnd(24)} ${median(samples.map((s) => s.ms)).toFixed(0).padStart(9)} ${p90(samples.map((s) => s.ms)).toFixed(0).padStart(8)} ${median(fcps).toFixed(0).padStart(12)} ${String(new Set(samples[0]?.js).size).padStart(10)} ${(js.raw / 1024).toFixed(0).padStart(7)} ${(js.gzip / 1024).toFixed(0).padStart(12)}`,
    );
  }
} finally {
  await browser.close();
  baseline.close();
  await server.close();
  await database.close();
}
