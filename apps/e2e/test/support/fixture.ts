import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, startApp, type RunningApp } from './app.js';
import { openPage, shoot } from './views.js';

type OpenOptions = Parameters<typeof openPage>[3];

/** What a test server gives every fixture: its address, and a way to stop it. */
interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** A server and Chromium of one describe block, and pages opened on them that are closed after it. */
export interface Browsing<A extends Served> {
  readonly app: A;
  readonly browser: Browser;
  /** A page in a browser nobody has signed in with (Swedish, Stockholm time, desktop size unless given). */
  anonymous(options?: BrowserContextOptions): Promise<Page>;
  /** Closes this page's context with the others after the block. */
  keep(page: Page): Page;
}

/** The signed-in app's fixture (see useChromium). */
export interface Chromium extends Browsing<RunningApp> {
  /** A page signed in as the demo admin, not yet navigated (desktop size unless given). */
  signedIn(options?: BrowserContextOptions): Promise<Page>;
  /** A signed-in page at `path` (see openPage). */
  open(path: string, opts?: OpenOptions): Promise<Page>;
  /** A signed-in page at `path` (desktop size unless given), once the overview's KPI cards are drawn. */
  openOverview(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Signed in as a new unit manager (BU) named `username`, `path` (an admin page) sends them to the overview. */
  expectTurnedAway(path: string, username: string): Promise<Page>;
}

/**
 * The one browser-test fixture: a fresh server from `start` (own database) and
 * Chromium for the enclosing describe block, started in beforeAll (then
 * `ready` runs) and closed in afterAll with every page kept through it.
 */
export function useBrowser<A extends Served>(start: () => Promise<A>, ready: (app: A, browser: Browser) => Promise<unknown> = async () => undefined): Browsing<A> {
  let app: A | null = null;
  let browser: Browser | null = null;
  const pages: Page[] = [];
  const started = () => {
    if (!app || !browser) throw new Error('the app and Chromium start in beforeAll');
    return { app, browser };
  };
  beforeAll(async () => {
    app = await start();
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
    anonymous: async (options) => {
      const context = await started().browser.newContext({ viewport: DESKTOP, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', ...options });
      return keep(await context.newPage());
    },
  };
}

/** useBrowser on the demo app (startApp), whose pages open signed in. */
export function useChromium(ready: (app: RunningApp, browser: Browser) => Promise<unknown> = async () => undefined): Chromium {
  const base = useBrowser(startApp, ready);
  const open = async (path: string, opts?: OpenOptions) => base.keep((await openPage(base.browser, base.app, path, opts)).page);
  return {
    get app() {
      return base.app;
    },
    get browser() {
      return base.browser;
    },
    keep: base.keep,
    anonymous: base.anonymous,
    signedIn: async (options) => base.keep(await (await base.app.newContext(base.browser, options)).newPage()),
    open,
    openOverview: async (path, viewport = DESKTOP) => {
      const page = await open(path, { viewport });
      await page.getByTestId('kpi-card').first().waitFor();
      return page;
    },
    expectTurnedAway: async (path, username) => {
      const token = await base.app.signInAs(username, [{ role: 'enhetschef', unit: 'BU' }]);
      const page = await open(path, { token });
      await page.getByTestId('kpi-card').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      return page;
    },
  };
}

/** Screenshots at desktop size and then on a phone, with `onPhone`'s checks in between; back to desktop after. */
export async function shootDesktopAndPhone(page: Page, name: string, onPhone: () => Promise<unknown> = async () => undefined): Promise<void> {
  await shoot(page, name);
  await page.setViewportSize(PHONE);
  await onPhone();
  await shoot(page, name);
  await page.setViewportSize(DESKTOP);
}
