/**
 * First render of the dashboard in Chromium, on the demo data and at scale,
 * and the JavaScript it ships.
 *
 *   npx tsx bench/dashboard-first-render.ts [--runs 10] [--scales 10000000 | --scale 1000000 | --scales 0] [--files]
 *
 * Needs the built dashboard (pnpm turbo run build --filter=@lagesbild/dashboard),
 * /usr/bin/chromium and, for the scale part, PostgreSQL at TEST_DATABASE_URL.
 * Each run is a fresh browser context (empty cache) on loopback; times are
 * from navigation start to the first animation frame (the page's own clock,
 * readyProbe) in which it shows; "polled" is when Playwright noticed, the
 * figure of the runs before 2026-12-05:
 * - overview: every KPI card drawn (the overview's first complete render);
 * - KPI detail: the chart's canvas, the summary and the table under it drawn;
 * - baseline: a static HTML page of about the same text (30 cards), served by
 *   a bare node:http server in the same phase, so the figures can be read
 *   against what the browser itself costs here at that moment.
 * Also first-contentful-paint, and the JavaScript each view loads: bytes as
 * served and gzipped (what a compressing proxy would send).
 *
 * Phase 1, demo: PGlite with the demo data (org katrineholm).
 * Phase 2, per scale: one throw-away PostgreSQL database grown with generated
 * organisations to N observations (bench/lib/generated-db.ts, as
 * bench/read-latency.ts), a fresh server on it serving gen-001 (306 000
 * observations of its own at every size; the other tenants are what grows),
 * an admin of gen-001, and the same views on generated KPIs (12 cards; the
 * demo has 30). The demo server stays up, and each scale phase interleaves
 * baseline, demo and scale runs round by round, so a change in the shared
 * machine's load falls on all of them alike. Every view is checked: no error
 * panel, its cards or table rows there, the right KPIs shown.
 * Then a comparison line per view: scale median ÷ demo median, each ÷ the
 * baseline, and whether first render stayed flat with data size.
 * Every table line ends with the range of 1-minute load averages seen during its runs.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSession, createUser, SESSION_COOKIE } from '../packages/api/src/index.js';
import { DEFAULT_STATIC_DIR, startServer } from '../apps/server/src/http/server.js';
import { generatedKpis, openPglite, seedDemo, type Database } from '../packages/db/src/index.js';
import { GENERATED_SPEC, openGeneratedDatabase, type GeneratedDatabase } from './lib/generated-db.js';
import { CHROMIUM_PATH } from './lib/env.js';

const { values } = parseArgs({
  options: { files: { type: 'boolean', default: false }, runs: { type: 'string', default: '10' }, scales: { type: 'string', default: '10000000' }, scale: { type: 'string' } },
});
const RUNS = Number(values.runs);
const SCALES = [
  ...new Set(
    (values.scale ?? values.scales ?? '')
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
  ),
].sort((a, b) => a - b);
const DEMO_ORG = 'katrineholm';
const GEN_ORG = 'gen-001';
const GEN_KPI = 'gen-hushall';
const ERROR_PANELS = '[data-testid="overview-request-error"], [data-testid="overview-offline"], [data-testid="detail-request-error"], [data-testid="detail-offline"]';
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

interface Sample {
  /** The first animation frame in which every ready element was shown, by the page's own clock. */
  ms: number;
  /** When Playwright's polling noticed it (the figure before 2026-12-05; its poll interval adds up to a few hundred ms). */
  polled: number;
  fcp: number | null;
  js: string[];
  shown: string;
  load: number;
}
interface Case {
  name: string;
  url: string;
  ready: string[];
  cookie: { name: string; value: string } | null;
  /** Checks that the page shows what it should (after the time is taken); returns what it saw. */
  check?: (page: Page) => Promise<string>;
}
interface Result {
  median: number;
  p90: number;
}
type Phase = Map<string, Result>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)] ?? NaN;

function baselineHtml(): string {
  const cards = Array.from(
    { length: 30 },
    (_, i) => `<article><h3>Nyckeltal ${i + 1}</h3><p class="v">${(i * 137) % 900} </p><p>Mål: 420</p><p>◆ delvis uppfyllt</p></article>`,
  ).join('');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Baslinje</title><style>body{font-family:system-ui;margin:0;background:#f2f4f7}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;padding:20px}article{background:#fff;border:1px solid #d6dce4;border-radius:8px;padding:12px}</style></head><body><header style="background:#14304f;color:#fff;padding:12px">Lägesbild</header><main id="ready">${cards}</main></body></html>`;
}

/**
 * Runs in the page before its own scripts: checks every animation frame
 * whether each ready selector ("css" or "css >> nth=N") has a visible element,
 * and keeps the first frame's time. Playwright's waitForSelector polls at
 * growing intervals, so what it notices can be hundreds of ms after the frame.
 */
// A string, not a function: tsx (esbuild keepNames) would wrap a function's inner functions in a __name helper the page does not have.
const readyProbe = (ready: string[]): string => `(() => {
  const parts = ${JSON.stringify(ready)}.map((sel) => {
    const [css, nth] = sel.split(' >> nth=');
    return { css, nth: nth === undefined ? 0 : Number(nth) };
  });
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const tick = () => {
    // The frame after the one that lays it out begins once that one is painted: the conservative "shown".
    if (parts.every((p) => shown(document.querySelectorAll(p.css)[p.nth]))) requestAnimationFrame(() => (window.__readyAt = performance.now()));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function measure(browser: Browser, c: Case): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  if (c.cookie) await context.addCookies([{ ...c.cookie, url: new URL(c.url).origin, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const js: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) js.push(r.url());
  });
  try {
    await page.addInitScript(readyProbe(c.ready));
    await page.goto(c.url);
    const failed = page.waitForSelector(ERROR_PANELS, { timeout: 0 }).then(async (e) => `error panel: ${(await e.textContent())?.slice(0, 300)}`);
    const ready = (async () => {
      for (const selector of c.ready) await page.waitForSelector(selector, { state: 'visible', timeout: 30_000 });
      return null;
    })();
    let error: string | null;
    try {
      error = await Promise.race([ready, failed]);
    } catch (err) {
      throw new Error(`${c.url} did not render: ${(await page.locator('main').textContent())?.slice(0, 300)}`, { cause: err });
    }
    if (error !== null) throw new Error(`${c.url} shows an ${error}`);
    // The frame after the element exists is the one that shows it.
    const polled = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    const ms = await page.evaluate(() => (window as unknown as { __readyAt?: number }).__readyAt ?? NaN);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    if ((await page.locator(ERROR_PANELS).count()) > 0) throw new Error(`${c.url} shows an error panel next to the view`);
    const shown = c.check ? await c.check(page) : '';
    return { ms, polled, fcp, js, shown, load: loadavg()[0] ?? NaN };
  } finally {
    await context.close();
  }
}

/** The JavaScript a view loaded, as served and gzipped; with --files, each file's share too (where a budget goes). */
function jsSize(urls: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  const lines: string[] = [];
  for (const u of new Set(urls)) {
    const name = basename(new URL(u).pathname);
    const file = readFileSync(join(DEFAULT_STATIC_DIR, 'assets', name));
    const g = gzipSync(file, { level: 9 }).length;
    raw += file.length;
    gzip += g;
    lines.push(`    ${(g / 1024).toFixed(1).padStart(7)} kB gzip  ${name}`);
  }
  if (values.files) console.log(lines.sort().reverse().join('\n'));
  return { raw, gzip };
}

/** Overview: at least `min` cards, all of them KPIs whose id passes `kpi`. */
const overviewCheck = (min: number, kpi: (id: string) => boolean) => async (page: Page) => {
  const ids = await page.locator('[data-testid="kpi-card"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kpi') ?? ''));
  if (ids.length < Math.max(1, min)) throw new Error(`overview shows ${ids.length} cards, expected ${min}`);
  const odd = ids.filter((id) => !kpi(id));
  if (odd.length) throw new Error(`overview shows cards of other KPIs: ${odd.join(', ')}`);
  return `${ids.length} cards`;
};
/** KPI detail: the title names the KPI and the table has rows. */
const detailCheck = (title: string) => async (page: Page) => {
  const shown = (await page.locator('[data-testid="detail-title"]').textContent())?.trim();
  if (shown !== title) throw new Error(`KPI detail titled ${JSON.stringify(shown)}, expected ${JSON.stringify(title)}`);
  const rows = await page.locator('[data-testid="detail-table"] tbody tr').count();
  if (rows === 0) throw new Error('KPI detail table has no rows');
  return `${rows} table rows`;
};

/** One warm-up per case (the server's first query loads its caches), then RUNS rounds of one cold run per case, interleaved so the machine's load falls on every case alike; prints a table. */
async function run(browser: Browser, title: string, cases: Case[]): Promise<Phase> {
  for (const c of cases) await measure(browser, c);
  const samples = cases.map((): Sample[] => []);
  for (let i = 0; i < RUNS; i++) for (const [j, c] of cases.entries()) samples[j]?.push(await measure(browser, c));
  console.log(`\n${title}: first complete render in Chromium, ${RUNS} cold runs each (fresh context, loopback, cases interleaved)\n`);
  console.log('view                      median ms   p90 ms   polled   FCP median   JS files   JS kB   JS kB gzip   shown');
  const phase: Phase = new Map();
  for (const [j, c] of cases.entries()) {
    const ss = samples[j] ?? [];
    const ms = ss.map((s) => s.ms);
    const fcps = ss.flatMap((s) => (s.fcp === null ? [] : [s.fcp]));
    const js = c.cookie ? jsSize(ss[0]?.js ?? []) : { raw: 0, gzip: 0 };
    const loads = ss.map((s) => s.load);
    phase.set(c.name, { median: median(ms), p90: p90(ms) });
    console.log(
      `${c.name.padEnd(24)} ${median(ms).toFixed(0).padStart(9)} ${p90(ms).toFixed(0).padStart(8)} ${median(ss.map((x) => x.polled))
        .toFixed(0)
        .padStart(
          8,
        )} ${median(fcps).toFixed(0).padStart(12)} ${String(new Set(ss[0]?.js).size).padStart(10)} ${(js.raw / 1024).toFixed(0).padStart(7)} ${(js.gzip / 1024).toFixed(0).padStart(12)}   ${(ss[0]?.shown ?? '').padEnd(14)} (load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)})`,
    );
  }
  return phase;
}

interface Served {
  cookie: Case['cookie'];
  url: string;
  close(): Promise<void>;
}
let users = 0;
/** A server on `database` for `orgId`, and a session of a new admin of it (the scale phases share one database). */
async function serve(database: Database, orgId: string): Promise<Served> {
  const user = await createUser(database.db, orgId, { username: `bench-${++users}`, displayName: 'Bench', password: null, roles: [{ role: 'admin' }] }, { id: 'bench', ip: null });
  const session = await createSession(database.db, user.id, { method: 'password', ip: null, userAgent: 'bench', now: new Date() });
  const server = await startServer({ database, orgId, port: 0 });
  return { cookie: { name: SESSION_COOKIE, value: session.token }, url: server.url, close: () => server.close() };
}

const BASELINE = 'baseline (static HTML)';
const VIEWS = ['overview', 'KPI detail'];
const DETAIL_READY = ['[data-testid="kpi-chart"] canvas >> nth=0', '[data-testid="detail-table"]', '[data-testid="kpi-summary"]'];
const demoViews = ({ cookie, url }: Served): Case[] => [
  { name: 'overview', url: `${url}/?enhet=SOC&period=2022-T1`, ready: ['[data-testid="kpi-card"] >> nth=24'], cookie, check: overviewCheck(25, (id) => !id.startsWith('gen-')) },
  { name: 'KPI detail', url: `${url}/kpi/placeringskostnad?enhet=SOC&period=2022-T1`, ready: DETAIL_READY, cookie, check: detailCheck('Placeringskostnad') },
];
const GEN_KPIS = generatedKpis(GENERATED_SPEC.kpis);
const genViews = ({ cookie, url }: Served): Case[] => [
  {
    name: 'overview',
    url: `${url}/?enhet=SOC&period=2024-T3`,
    ready: [`[data-testid="kpi-card"] >> nth=${GEN_KPIS.length - 1}`],
    cookie,
    check: overviewCheck(GEN_KPIS.length, (id) => id.startsWith('gen-')),
  },
  {
    name: 'KPI detail',
    url: `${url}/kpi/${GEN_KPI}?enhet=SOC&period=2024-T3`,
    ready: DETAIL_READY,
    cookie,
    check: detailCheck(GEN_KPIS.find((k) => k.id === GEN_KPI)?.name ?? GEN_KPI),
  },
];

/** Per view: scale ÷ demo (the demo run interleaved in the same phase, and phase 1's), each ÷ the phase's baseline, and the verdict. */
function compare(size: number, phase: Phase, demo: Phase, first: { size: number; phase: Phase } | null): void {
  const base = phase.get(BASELINE)?.median ?? NaN;
  console.log(`\ncomparison at ${size.toLocaleString('sv-SE')} observations (medians; flat = scale within ±15 % of the demo run interleaved with it):`);
  for (const view of VIEWS) {
    const s = phase.get(view)?.median ?? NaN;
    const d = phase.get(`demo ${view}`)?.median ?? NaN;
    const r = s / d;
    const verdict =
      Math.abs(r - 1) <= 0.15
        ? 'first render stayed FLAT with data size'
        : r < 1
          ? 'faster than on the demo data: flat with data size'
          : `first render did NOT stay flat (×${r.toFixed(2)})`;
    const vsFirst = first ? `, vs ${first.size.toLocaleString('sv-SE')} ×${(s / (first.phase.get(view)?.median ?? NaN)).toFixed(2)}` : '';
    console.log(
      `  ${view.padEnd(11)} ${s.toFixed(0)} ms vs demo ${d.toFixed(0)} ms: ×${r.toFixed(2)} (vs phase 1's demo ${(demo.get(view)?.median ?? NaN).toFixed(0)} ms ×${(s / (demo.get(view)?.median ?? NaN)).toFixed(2)}${vsFirst}); ÷ baseline ${base.toFixed(0)} ms: ${(s / base).toFixed(1)}× (demo ${(d / base).toFixed(1)}×) → ${verdict} (${load()})`,
    );
  }
}

const html = baselineHtml();
const baselineServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
await new Promise<void>((r) => baselineServer.listen(0, '127.0.0.1', r));
const baseline: Case = { name: BASELINE, url: `http://127.0.0.1:${(baselineServer.address() as AddressInfo).port}/`, ready: ['#ready article:nth-child(30)'], cookie: null };
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let gen: GeneratedDatabase | null = null;
process.once('SIGINT', () => void (gen?.database.dispose() ?? Promise.resolve()).finally(() => process.exit(130)));
const pglite = await openPglite(undefined);
let demoServer: Served | null = null;
try {
  await pglite.migrate();
  await seedDemo(pglite.db);
  demoServer = await serve(pglite, DEMO_ORG);
  const demoCases = demoViews(demoServer);
  const demo = await run(browser, `demo data (PGlite, ${DEMO_ORG})`, [baseline, ...demoCases]);
  let first: { size: number; phase: Phase } | null = null;
  for (const size of SCALES) {
    console.log(`\n== ${size.toLocaleString('sv-SE')} observations: generating (${load()}) ==`);
    gen ??= await openGeneratedDatabase(GENERATED_SPEC);
    const actual = await gen.grow(size);
    const served = await serve(gen.database, GEN_ORG);
    try {
      const title = `${actual.toLocaleString('sv-SE')} observations in ${gen.orgs()} organisations (PostgreSQL, ${GEN_ORG}: ${gen.perOrg.toLocaleString('sv-SE')} of them; demo on PGlite interleaved)`;
      const phase = await run(browser, title, [baseline, ...demoCases.map((c) => ({ ...c, name: `demo ${c.name}` })), ...genViews(served)]);
      compare(actual, phase, demo, first);
      first ??= { size: actual, phase };
    } finally {
      await served.close();
    }
  }
} finally {
  await browser.close();
  baselineServer.close();
  await demoServer?.close();
  await pglite.close();
  await gen?.database.dispose();
}
