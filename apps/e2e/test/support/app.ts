import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPglite, seedDemo } from '@lagesbild/db';
import { DEFAULT_STATIC_DIR, startServer } from '@lagesbild/server';
import { importCsvInto } from './import-csv.js';
import { createOrganisation, createSession, createUser, listUsers, SESSION_COOKIE, type RoleGrant } from '@lagesbild/api';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { CHROMIUM_PATH } from './env.js';

/** Screenshots and other files to look at after a run (gitignored). */
export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');

export interface RunningApp {
  url: string;
  /** A browser context signed in as the demo admin (or another user made with `signInAs`). */
  newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A session cookie for a new user with these roles, e.g. [{ role: 'enhetschef', unit: 'BU' }]. */
  signInAs(username: string, roles: RoleGrant[]): Promise<string>;
  /** A user who signs in with a password through the login page (in Katrineholm unless another organisation is named). */
  addUser(username: string, password: string, roles: RoleGrant[], org?: string): Promise<void>;
  /** A second tenant in the same database, with no data of its own. */
  addOrganisation(id: string, name: string): Promise<void>;
  /** Imports a CSV (kpi,unit,period,gender,value) as an admin would, and tells the live screens (import.committed). */
  importCsv(fileName: string, csv: string): Promise<void>;
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
    // Tests sign in through a real session row, exactly what the login form creates.
    const signInAs = async (username: string, roles: RoleGrant[]) => {
      const existing = (await listUsers(database.db, 'katrineholm')).find((u) => u.username === username);
      const id = existing?.id ?? (await createUser(database.db, 'katrineholm', { username, displayName: username, password: null, roles }, { id: 'e2e', ip: null })).id;
      return (await createSession(database.db, id, { method: 'password', ip: null, userAgent: 'e2e', now: new Date() })).token;
    };
    const adminToken = await signInAs('e2e-admin', [{ role: 'admin' }]);
    return {
      url: server.url,
      signInAs,
      addUser: async (username, password, roles, org = 'katrineholm') => {
        await createUser(database.db, org, { username, displayName: username, password, roles }, { id: 'e2e', ip: null });
      },
      addOrganisation: (id, name) => createOrganisation(database.db, { id, name }, 'e2e'),
      importCsv: async (fileName, csv) => {
        await importCsvInto(database.db, 'katrineholm', fileName, csv);
      },
      newContext: async (browser, options) => {
        const context = await browser.newContext({ viewport: DESKTOP, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', ...options });
        await context.addCookies([{ name: SESSION_COOKIE, value: adminToken, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
        return context;
      },
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
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const DESKTOP = { width: 1366, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;
