import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/fixture.js';
import { DESKTOP } from './support/app.js';
import { seriousViolations, shoot } from './support/views.js';
import { startWallApp } from './support/wall-app.js';

const FULL_HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

describe('wall-screen mode', () => {
  let rotating: string;
  let single: string;
  let rules: string;
  let redLatest: string;
  const e2e = useBrowser(startWallApp, async (app) => {
    rotating = await app.addBoard('Ledningsgruppen', [
      { kind: 'overview', unit: 'SOC', period: 'latest', seconds: 4 },
      { kind: 'chart', unit: 'SOC', kpi: 'utbetalt-forsorjningsstod', period: 'latest', seconds: 4 },
      { kind: 'drilldown', unit: 'SOC', kpi: 'sjukfranvaro', period: '2022', seconds: 4 },
      { kind: 'redlist', unit: 'SOC', period: '2022', seconds: 4 },
    ]);
    single = await app.addBoard('Ekonomiskt bistånd', [{ kind: 'overview', unit: 'SOC', period: 'latest', seconds: 60 }]);
    rules = await app.addBoard('Perioder', [
      { kind: 'redlist', unit: 'SOC', period: 'ytd', seconds: 4 },
      { kind: 'overview', unit: 'SOC', period: 'tertial', seconds: 4 },
    ]);
    redLatest = await app.addBoard('Röda listan', [{ kind: 'redlist', unit: 'SOC', period: 'latest', seconds: 60 }]);
  });

  async function openWall(token: string, viewport = FULL_HD): Promise<Page> {
    const page = await e2e.anonymous({ viewport });
    await page.goto(`${e2e.app.url}/skarm/${token}`);
    await page.locator('[data-testid="wall"][data-state="ready"]').waitFor();
    return page;
  }

  /** Nothing scrolls, nothing overflows the screen, and there is no cursor. */
  async function expectFitted(page: Page) {
    const m = await page.evaluate(() => {
      const wall = document.querySelector('[data-testid="wall"]') as HTMLElement;
      return {
        docScroll: document.documentElement.scrollHeight - window.innerHeight,
        wallScroll: wall.scrollHeight - wall.clientHeight,
        wallWide: wall.scrollWidth - wall.clientWidth,
        cursor: getComputedStyle(wall).cursor,
        fontPx: parseFloat(getComputedStyle(wall).fontSize),
      };
    });
    expect(m.docScroll).toBeLessThanOrEqual(0);
    expect(m.wallScroll).toBeLessThanOrEqual(0);
    expect(m.wallWide).toBeLessThanOrEqual(0);
    expect(m.cursor).toBe('none');
    return m;
  }

  /** The smallest type of the slide's KPI or unit names and of its status words, and how far down the screen its content reaches. */
  async function measureSlide(page: Page) {
    return page.evaluate(() => {
      const sizes = (sel: string) => Array.from(document.querySelectorAll<HTMLElement>(sel)).map((e: HTMLElement) => parseFloat(getComputedStyle(e).fontSize));
      const body = document.querySelector('[data-testid="wall-slide"]') as HTMLElement;
      const items = Array.from(
        body.querySelectorAll<HTMLElement>('[data-testid="wall-card"], [data-testid="wall-red"], [data-testid="wall-drill-row"], .wall-chart, .wall-table__total'),
      );
      const bottom = Math.max(...items.map((e: HTMLElement) => e.getBoundingClientRect().bottom));
      const box = body.getBoundingClientRect();
      return {
        names: Math.min(...sizes('[data-testid="wall-card-name"], [data-testid="wall-red-name"], [data-testid="wall-drill-row"] th')),
        status: Math.min(...sizes('[data-testid="wall-status"]')),
        filled: (bottom - box.top) / box.height,
        svgText: Array.from(body.querySelectorAll<SVGTextElement>('svg text')).map((e: SVGTextElement) => e.textContent ?? ''),
      };
    });
  }

  it('rotates through every slide at 1920×1080, each naming its unit and period, legible and without scrolling', async () => {
    const page = await openWall(rotating);
    const kinds: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.locator(`[data-testid="wall"][data-slide="${i}"]`).waitFor({ timeout: 10_000 });
      const slide = page.getByTestId('wall-slide');
      await slide.locator(':scope > *').first().waitFor();
      kinds.push((await slide.getAttribute('data-kind')) ?? '');
      expect(await page.getByTestId('wall-title').innerText()).toMatch(/Socialförvaltningen/);
      expect((await page.getByTestId('wall-period').innerText()).trim()).not.toBe('');
      expect(await page.getByTestId('wall-updated').innerText()).toMatch(/Uppdaterad \d\d:\d\d/);
      const m = await expectFitted(page);
      expect(m.fontPx).toBeGreaterThanOrEqual(20);
      // Let the chart finish drawing before the picture.
      await page.waitForTimeout(300);
      // From three metres: names at least 32 px, status words at least 28 px, and the slide fills the screen.
      const slideM = await measureSlide(page);
      if (kinds[i] !== 'chart') {
        expect(slideM.names, kinds[i]).toBeGreaterThanOrEqual(32);
        expect(slideM.status, kinds[i]).toBeGreaterThanOrEqual(28);
      } else {
        // The value axis says its unit (utbetalt försörjningsstöd is in kronor).
        expect(slideM.svgText).toContain('kr');
      }
      expect(slideM.filled, kinds[i]).toBeGreaterThan(0.9);
      await shoot(page, `wall-${i}-${kinds[i]}`, { fullPage: false });
    }
    expect(kinds).toEqual(['overview', 'chart', 'drilldown', 'redlist']);
    // And round again to the first.
    await page.locator('[data-testid="wall"][data-slide="0"]').waitFor({ timeout: 10_000 });
    await page.context().close();
  });

  it('is legible at 3840×2160: the type scales with the screen', async () => {
    const page = await openWall(single, UHD);
    await page.getByTestId('wall-card').first().waitFor();
    // The cards say what the overview's cards say: the deviation from target or budget and the year-end prognos.
    expect(await page.getByTestId('wall-card-deviation').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('wall-card-forecast').first().innerText()).toMatch(/^Prognos/);
    const m = await expectFitted(page);
    expect(m.fontPx).toBeGreaterThanOrEqual(44);
    await shoot(page, 'wall-overview', { fullPage: false });
    await page.context().close();
  });

  it('fits a 1366×768 screen too (a smaller TV or a laptop on a stand): overview and red list, without scrolling or serious axe findings', async () => {
    for (const [token, name] of [
      [single, 'wall-overview'],
      [redLatest, 'wall-redlist'],
    ] as const) {
      const page = await openWall(token, DESKTOP);
      await page.getByTestId('wall-slide').waitFor();
      const m = await expectFitted(page);
      expect(m.fontPx).toBeGreaterThanOrEqual(16);
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, name, { fullPage: false });
      await page.context().close();
    }
  });

  it('shows a data change without reloading, marks the changed card and says so politely', async () => {
    const page = await openWall(single);
    await page.evaluate(() => ((window as unknown as { wallMarker: number }).wallMarker = 42));
    const card = page.locator('[data-testid="wall-card"][data-kpi="utbetalt-forsorjningsstod"]');
    const before = await card.getByTestId('wall-card-value').innerText();
    const started = Date.now();
    await e2e.app.importCsv('wall-e2e.csv', 'kpi,unit,period,gender,value\nutbetalt-forsorjningsstod,EKBIST,2022-12,T,9999999\n');
    await expect.poll(() => card.getByTestId('wall-card-value').innerText(), { timeout: 5000, interval: 50 }).not.toBe(before);
    console.log(`import → changed card on the wall: ${Date.now() - started} ms`);
    await expect.poll(() => card.getAttribute('class')).toContain('is-changed');
    expect(await page.getByTestId('wall-announce').innerText()).toMatch(/Uppdaterat/);
    expect(await page.evaluate(() => (window as unknown as { wallMarker?: number }).wallMarker)).toBe(42);
    await shoot(page, 'wall-changed', { fullPage: false });
    await page.context().close();
  });

  it('survives a server restart: says the data is stale, comes back by itself, and reloads onto a new deployment', async () => {
    const page = await openWall(single);
    await page.evaluate(() => ((window as unknown as { wallMarker: number }).wallMarker = 7));
    await e2e.app.stop();
    await page.getByTestId('wall-stale').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('wall-stale').innerText()).toMatch(/Data inte uppdaterad sedan \d\d:\d\d/);
    await shoot(page, 'wall-stale', { fullPage: false });
    // Back with the same build: the banner goes and live changes arrive again, without a reload.
    await e2e.app.start();
    await page.getByTestId('wall-stale').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { wallMarker?: number }).wallMarker)).toBe(7);
    const card = page.locator('[data-testid="wall-card"][data-kpi="utbetalt-forsorjningsstod"]');
    const before = await card.getByTestId('wall-card-value').innerText();
    await e2e.app.importCsv('wall-e2e-2.csv', 'kpi,unit,period,gender,value\nutbetalt-forsorjningsstod,EKBIST,2022-12,T,1234567\n');
    await expect.poll(() => card.getByTestId('wall-card-value').innerText(), { timeout: 5000, interval: 50 }).not.toBe(before);
    // A new deployment while the server is down: back up, the screen reloads onto it.
    await e2e.app.stop();
    e2e.app.deployNewBuild();
    await e2e.app.start();
    await expect.poll(() => page.evaluate(() => (window as unknown as { wallMarker?: number }).wallMarker ?? null), { timeout: 30_000, interval: 200 }).toBeNull();
    await page.locator('[data-testid="wall"][data-state="ready"]').waitFor();
    await page.context().close();
  });

  it('shows "hittills i år" and "innevarande tertial" from the newest month with data', async () => {
    const page = await openWall(rules);
    await page.locator('[data-testid="wall"][data-slide="0"]').waitFor();
    await expect.poll(() => page.getByTestId('wall-period').innerText()).toBe('jan–dec 2022');
    await page.getByTestId('wall-red').first().waitFor();
    await page.locator('[data-testid="wall"][data-slide="1"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('wall-period').innerText()).toBe('T3 2022');
    await page.getByTestId('wall-card').first().waitFor();
    await page.context().close();
  });

  it('tells an unknown or revoked screen so, instead of showing anything', async () => {
    const page = await e2e.anonymous({ viewport: FULL_HD });
    await page.goto(`${e2e.app.url}/skarm/${'x'.repeat(43)}`);
    await page.locator('[data-testid="wall"][data-state="unknown"]').waitFor();
    expect(await page.getByTestId('wall-message').innerText()).toMatch(/inte registrerad/);
    await page.context().close();
  });

  // Last, as it moves the demo's latest month on for the file.
  it('after a partial import of a new month keeps every other KPI at its own latest month, never a false all-clear', async () => {
    const page = await openWall(single);
    const cards = page.getByTestId('wall-card');
    await cards.first().waitFor();
    const before = await cards.evaluateAll((els) =>
      els.map((e) => ({
        kpi: e.getAttribute('data-kpi') ?? '',
        cls: (e.getAttribute('class') ?? '').replace(/\s*is-changed/, ''),
        value: e.querySelector('[data-testid="wall-card-value"]')?.textContent ?? '',
      })),
    );
    const judged = before.filter((c) => !c.cls.includes('wall-card--none') && c.kpi !== 'utbetalt-forsorjningsstod');
    expect(judged.length).toBeGreaterThan(2);
    const period = await page.getByTestId('wall-period').innerText();

    await e2e.app.importCsv('wall-partial.csv', 'kpi,unit,period,gender,value\nutbetalt-forsorjningsstod,EKBIST,2023-01,T,3500000\n');
    await expect.poll(() => page.getByTestId('wall-period').innerText(), { timeout: 10_000 }).not.toBe(period);
    expect(await page.getByTestId('wall-period').innerText()).toMatch(/jan 2023/);
    for (const c of judged) {
      const card = page.locator(`[data-testid="wall-card"][data-kpi="${c.kpi}"]`);
      await expect.poll(() => card.getByTestId('wall-card-value').innerText(), { timeout: 5000 }).toBe(c.value);
      expect((await card.getAttribute('class'))?.replace(/\s*is-changed/, '')).toBe(c.cls);
      expect(await card.getByTestId('wall-card-when').innerText()).toMatch(/^Senaste: .*2022$/);
    }
    await shoot(page, 'wall-partial-month', { fullPage: false });
    await page.context().close();

    // The red list on "latest" is no false all-clear: its KPIs stay red at their own months.
    const red = await openWall(redLatest);
    await red.getByTestId('wall-red').first().waitFor();
    expect(await red.getByTestId('wall-redlist-none').count()).toBe(0);
    expect(await red.getByTestId('wall-period').innerText()).toMatch(/jan 2023/);
    const whens = await red.getByTestId('wall-red-when').allInnerTexts();
    expect(whens.length).toBeGreaterThan(0);
    for (const w of whens) expect(w).toMatch(/^Senaste: .*2022$/);
    await shoot(red, 'wall-partial-month-redlist', { fullPage: false });
    await red.context().close();
  });
});
