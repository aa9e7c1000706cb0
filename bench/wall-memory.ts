/**
 * A wall screen left running: the board rotates (four slides, 5 s each) while
 * a new month is imported every few seconds through the real import path, for
 * several minutes. Every minute, after a forced garbage collection, it prints
 * the page's JS heap, DOM nodes and event listeners against the level after
 * warm-up (the baseline, in the same run), and at the end how many imports
 * the screen showed.
 *
 *   npx tsx bench/wall-memory.ts [--minutes 5] [--import-every 10]
 *
 * The aim (issue 6): a screen that runs for weeks without its memory growing,
 * so heap, nodes and listeners stay flat after warm-up.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { commitImport } from '../packages/api/src/index.js';
import { nextMonthCsv } from '../apps/server/src/cli/commands/demo-live.js';
import { startServer } from '../apps/server/src/http/server.js';
import { addMonths } from '../packages/domain/src/index.js';
import { boards, deviceTokens, latestDataMonth, openPglite, seedDemo } from '../packages/db/src/index.js';
import { CHROMIUM_PATH } from './lib/env.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '5' }, 'import-every': { type: 'string', default: '10' } } });
const MINUTES = Number(values.minutes);
const IMPORT_EVERY_S = Number(values['import-every']);
const ORG = 'katrineholm';

const database = await openPglite(undefined);
await database.migrate();
await seedDemo(database.db);
const slides = [
  { kind: 'overview' as const, unit: 'SOC', period: 'latest', seconds: 5 },
  { kind: 'chart' as const, unit: 'SOC', kpi: 'hushall-utbetalt', period: 'latest', seconds: 5 },
  { kind: 'drilldown' as const, unit: 'SOC', kpi: 'sjukfranvaro', period: 'latest', seconds: 5 },
  { kind: 'redlist' as const, unit: 'SOC', period: 'latest', seconds: 5 },
];
const [board] = await database.db.insert(boards).values({ orgId: ORG, name: 'bench', slides, createdBy: 'bench' }).returning({ id: boards.id });
const token = randomBytes(32).toString('base64url');
await database.db
  .insert(deviceTokens)
  .values({ orgId: ORG, boardId: board?.id ?? 0, name: 'bench', createdBy: 'bench', tokenHash: createHash('sha256').update(token).digest('hex') });
const server = await startServer({ database, orgId: ORG, port: 0 });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Metrics {
  heap: number;
  nodes: number;
  listeners: number;
}

try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async (): Promise<Metrics> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics: m } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => m.find((x) => x.name === name)?.value ?? NaN;
    return { heap: get('JSHeapUsedSize'), nodes: get('Nodes'), listeners: get('JSEventListeners') };
  };
  await page.goto(`${server.url}/skarm/${token}`);
  await page.locator('[data-testid="wall"][data-state="ready"]').waitFor({ timeout: 30_000 });

  let imports = 0;
  // --import-every 0: rotation only, to tell a leak in the rotation from one in the live updates.
  let importing = IMPORT_EVERY_S > 0;
  const importer = (async () => {
    while (importing) {
      await new Promise((ok) => setTimeout(ok, IMPORT_EVERY_S * 1000));
      if (!importing) break;
      const latest = await latestDataMonth(database.db, ORG);
      if (!latest) break;
      const month = addMonths(latest, 1);
      const { csv } = await nextMonthCsv(database, ORG, month);
      const r = await commitImport(database.db, ORG, { fileName: `bench-${month}.csv`, bytes: new TextEncoder().encode(csv), origin: 'synthetic' }, { id: 'bench', ip: null });
      if (r.ok) imports++;
    }
  })();

  const fmt = (m: Metrics, base: Metrics | null) =>
    `heap ${(m.heap / 1024 / 1024).toFixed(1)} MB${base ? ` (${(((m.heap - base.heap) / base.heap) * 100).toFixed(1)} %)` : ''}, nodes ${m.nodes}${base ? ` (${m.nodes - base.nodes >= 0 ? '+' : ''}${m.nodes - base.nodes})` : ''}, listeners ${m.listeners}${base ? ` (${m.listeners - base.listeners >= 0 ? '+' : ''}${m.listeners - base.listeners})` : ''}`;
  console.log(`Wall screen at 1920×1080, 4 slides × 5 s, an import every ${IMPORT_EVERY_S} s, for ${MINUTES} min`);
  // Warm-up: two full rotations, so every slide's code and chart have been loaded once.
  await page.waitForTimeout(40_000);
  const base = await metrics();
  console.log(`after warm-up: ${fmt(base, null)}`);
  const samples: Metrics[] = [];
  for (let minute = 1; minute <= MINUTES; minute++) {
    await page.waitForTimeout(60_000);
    const m = await metrics();
    samples.push(m);
    console.log(`minute ${String(minute).padStart(3)}: ${fmt(m, base)}, imports so far ${imports}`);
  }
  importing = false;
  await importer;
  const shown = await page.getByTestId('wall-period').textContent();
  const last = samples[samples.length - 1] ?? base;
  const growth = ((last.heap - base.heap) / base.heap) * 100;
  console.log(`\n${imports} imports; the screen now shows ${shown?.trim() ?? '?'}`);
  console.log(
    `heap growth over ${MINUTES} min: ${growth.toFixed(1)} % (aim: within 10 %), nodes ${last.nodes - base.nodes >= 0 ? '+' : ''}${last.nodes - base.nodes}, listeners ${last.listeners - base.listeners >= 0 ? '+' : ''}${last.listeners - base.listeners}`,
  );
} finally {
  await browser.close();
  await server.close();
  await database.close();
}
