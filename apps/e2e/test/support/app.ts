import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPglite, seedDemo } from '@lagesbild/db';
import { startServer } from '@lagesbild/server';
import { chromium, type Browser } from 'playwright-core';

export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');

/** The real server on an in-memory PGlite with the demo data, serving the built dashboard. */
export async function startApp() {
  const database = await openPglite(undefined);
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
}

/** Debian's Chromium through playwright-core (a fresh temporary profile each launch); never a downloaded browser. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
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
  return {
    browser,
    close: () => browser.close(),
  };
}
