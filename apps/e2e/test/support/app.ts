import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPglite, seedDemo } from '@lagesbild/db';
import { DEFAULT_STATIC_DIR, startServer } from '@lagesbild/server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots and other files to look at after a run (gitignored). */
export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server on an in-memory PGlite with the demo data of Katrineholm,
 * serving the built dashboard (apps/dashboard/dist; turbo builds it first).
 */
export async function startApp(): Promise<RunningApp> {
  if (!existsSync(resolve(DEFAULT_STATIC_DIR, 'index.html'))) {
    throw new Error(`Dashboarden är inte byggd (${DEFAULT_STATIC_DIR}). Kör "pnpm turbo run build --filter=@lagesbild/dashboard" först.`);
  }
  const database = await openPglite(undefined);
  try {
    await database.migrate();
    await seedDemo(database.db);
    const server = await startServer({ database, orgId: 'katrineholm', port: 0 });
    return {
      url: server.url,
      close: async () => {
        await server.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Debian's Chromium through playwright-core (a fresh temporary profile each launch); never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * A page in its own context (no stored locale or state between tests), opened at
 * `path` and waited on until the KPI cards are drawn.
 */
export async function openOverview(
  browser: Browser,
  app: RunningApp,
  path: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await page.goto(`${app.url}${path}`);
  await page.getByTestId('kpi-card').first().waitFor();
  return { page, context };
}
