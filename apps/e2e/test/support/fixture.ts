import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DESKTOP, launchBrowser, startApp, type RunningApp } from './app.js';
import { openPage } from './views.js';

type OpenOptions = Parameters<typeof openPage>[3];

/** The app and Chromium of one describe block, and pages opened on them that are closed after it. */
export interface Chromium {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A signed-in page at `path` (see openPage). */
  open(path: string, opts?: OpenOptions): Promise<Page>;
  /** A signed-in page at `path` (desktop size unless given), once the overview's KPI cards are drawn. */
  openOverview(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Closes this page's context with the others after the block. */
  keep(page: Page): Page;
}

/**
 * The one browser-test fixture: a fresh app (own database and server) and
 * Chromium for the enclosing describe block, started in beforeAll (then
 * `ready` runs) and closed in afterAll with every page kept through it.
 */
export function useChromium(ready: (app: RunningApp, browser: Browser) => Promise<unknown> = async () => undefined): Chromium {
  let app: RunningApp | null = null;
  let browser: Browser | null = null;
  const pages: Page[] = [];
  const started = () => {
    if (!app || !browser) throw new Error('the app and Chromium start in beforeAll');
    return { app, browser };
  };
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await ready(app, browser);
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.context().close()));
    await browser?.close();
    await app?.close();
  });
  const keep = (page: Page) => {
    pages.push(page);
    return page;
  };
  return {
    get app() {
      return started().app;
    },
    get browser() {
      return started().browser;
    },
    keep,
    open: async (path, opts) => keep((await openPage(started().browser, started().app, path, opts)).page),
    openOverview: async (path, viewport = DESKTOP) => {
      const page = keep((await openPage(started().browser, started().app, path, { viewport })).page);
      await page.getByTestId('kpi-card').first().waitFor();
      return page;
    },
  };
}
