import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, startApp } from './support/app.js';

describe('overview in Chromium', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let chrome: Awaited<ReturnType<typeof launchBrowser>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    browser = chrome.browser;
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  async function open(path: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
    // A context per page: axe-core needs one, and each test starts without stored state.
    const context = await browser.newContext({ viewport, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    await page.getByTestId('kpi-card').first().waitFor();
    return page;
  }

  it('shows every KPI of SOC as a card with value, target and a status word', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1');
    await expect(page.locator('h1').textContent()).resolves.toContain('Socialförvaltningen');
    for (const id of ['hushall-utbetalt', 'utbetalt-forsorjningsstod', 'utbetalt-per-hushall', 'placeringskostnad', 'sjukfranvaro', 'hme']) {
      await expect(page.locator(`[data-kpi="${id}"]`).count()).resolves.toBe(1);
    }
    const cards = page.getByTestId('kpi-card');
    const n = await cards.count();
    expect(n).toBeGreaterThanOrEqual(25);
    const words = /uppfyllt|delvis uppfyllt|ej uppfyllt|ej bedömd/;
    for (let i = 0; i < n; i++) await expect(cards.nth(i).textContent()).resolves.toMatch(words);
    // Swedish number format: T1 2022 households 431, kr per household with a space as thousands separator.
    await expect(page.locator('[data-kpi="hushall-utbetalt"] .card__value').textContent()).resolves.toBe('431');
    await expect(page.locator('[data-kpi="utbetalt-per-hushall"] .card__value').textContent()).resolves.toMatch(/^\d{1,3}( \d{3})* kr$/);
    await expect(page.locator('[data-kpi="sjukfranvaro"] .card__value').textContent()).resolves.toMatch(/^\d+,\d %$/);
    await expect(page.getByTestId('status-summary').textContent()).resolves.toMatch(/\d+\s*uppfyllt/);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-1366x768.png'), fullPage: true });
    await page.close();
  });

  it('switches to a tertial at one click and puts it in the URL', async () => {
    const page = await open('/?enhet=SOC&period=2022-04');
    await page.getByTestId('period-kind-tertial').click();
    await page.waitForURL(/period=2022-T1/);
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe('T1 2022');
    await page.getByRole('button', { name: 'Föregående period' }).click();
    await page.waitForURL(/period=2021-T3/);
    await page.goBack();
    await page.waitForURL(/period=2022-T1/);
    await page.close();
  });

  it('is usable on a phone', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-390x844.png'), fullPage: true });
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.close();
  });
});
