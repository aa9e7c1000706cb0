import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { SESSION_COOKIE } from '@lagesbild/api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS, DESKTOP, type RunningApp } from './app.js';

/** The sizes the KPI views are checked at: a wide office screen and a small phone. */
export const WIDE = { width: 1440, height: 900 } as const;
export const NARROW = { width: 375, height: 812 } as const;
/** Both, named for the test titles. */
export const WIDE_AND_NARROW = [
  ['wide', WIDE],
  ['phone', NARROW],
] as const;

/** A signed-in page (the demo admin unless a session token is given) opened at `path`. */
export async function openPage(
  browser: Browser,
  app: RunningApp,
  path: string,
  opts: { viewport?: { width: number; height: number }; token?: string; downloads?: boolean; prepare?: (page: Page) => void } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await app.newContext(browser, { viewport: opts.viewport ?? WIDE, acceptDownloads: opts.downloads ?? false });
  if (opts.token) {
    // Another user's session instead of the admin's (see signInAs in app.ts).
    await context.clearCookies();
    await context.addCookies([{ name: SESSION_COOKIE, value: opts.token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  const page = await context.newPage();
  opts.prepare?.(page);
  await page.goto(`${app.url}${path}`);
  return { page, context };
}

/** A tRPC query as the page's own session asks it (same cookies), for comparing the screen with the API. */
export async function apiQuery<T>(page: Page, app: RunningApp, procedure: string, input: unknown): Promise<T> {
  const res = await page.request.get(`${app.url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
  if (!res.ok()) throw new Error(`${procedure}: HTTP ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every axe-core violation of WCAG 2.1 A/AA (and best practice unless turned off) on the page, as readable lines (none is the goal). */
export async function axeViolations(page: Page, { bestPractice = true } = {}): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(bestPractice ? [...WCAG_21_AA, 'best-practice'] : WCAG_21_AA).analyze();
  return results.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe's serious and critical findings only; the minor and moderate ones are printed for a person to look at, not failed on. */
export async function seriousViolations(page: Page, options: { bestPractice?: boolean } = {}): Promise<string[]> {
  const all = await axeViolations(page, options);
  const minor = all.filter((v) => !/^(serious|critical) /.test(v));
  if (minor.length > 0) console.log(`axe, not serious (${page.url()}):\n${minor.join('\n')}`);
  return all.filter((v) => /^(serious|critical) /.test(v));
}

/** No axe violation at all, nothing wider than the window (tables scroll in their own box), and a screenshot. */
export async function expectAccessibleAndFitting(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  const width = page.viewportSize()?.width ?? WIDE.width;
  // Polled: a chart redraws to a new width a moment after the window changes (vue-echarts' throttled ResizeObserver).
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await shoot(page, name);
}

/** At 1366×768, the common office laptop: nothing wider than the window, no serious axe finding, and a screenshot (the fold unless the full page is wanted). */
export async function checkAtLaptop(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  await page.setViewportSize(DESKTOP);
  // Polled: a chart redraws to the new width a moment later.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, name, { fullPage });
}

/** A screenshot into test-artifacts, named by view and size (looked at by a person after the run); the full page unless only the fold is wanted. */
export async function shoot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  const { width, height } = page.viewportSize() ?? WIDE;
  await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}x${height}.png`), fullPage });
}

/** The cells of a table on screen, row by row, as their text (without the reorganisation notes under unit names). */
export function tableCells(page: Page, testid: string): Promise<string[][]> {
  return page.getByTestId(testid).evaluate((table) =>
    Array.from(table.querySelectorAll('tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => {
        const copy = c.cloneNode(true) as Element;
        copy.querySelectorAll('[data-testid="drill-changes"]').forEach((n) => n.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}
