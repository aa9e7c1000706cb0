import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { axeViolations, shoot } from './support/views.js';

const PASSWORD = 'Flen-vid-Båven-2026';

/** A second municipality on the same server: its own sign-in address, its own (empty) data, nothing of Katrineholm's. */
describe('two organisations on one server, in Chromium', () => {
  const e2e = useChromium(async (app) => {
    await app.addOrganisation('flen', 'Flens kommun');
    await app.addUser('stina', PASSWORD, [{ role: 'admin' }], 'flen');
  });
  /** A browser nobody has signed in with, as a new colleague's. */
  const fresh = () => e2e.anonymous();

  it('signs in to the organisation its address names, shows none of the other’s data, and comes back to it after logout', async () => {
    const page = await fresh();
    await page.goto(`${e2e.app.url}/logga-in?org=flen`);
    await expect(page.getByTestId('login-org').textContent()).resolves.toBe('Flens kommun');
    await page.getByTestId('login-username').fill('stina');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('signed-in-org').textContent()).resolves.toBe('Flens kommun');
    // Flen has no data yet: the overview says so and what to do, and shows no card of Katrineholm's.
    await page.getByText('Det finns inga data ännu. En administratör läser in dem under Import (/admin/import)', { exact: false }).waitFor();
    await expect(page.getByTestId('kpi-card').count()).resolves.toBe(0);
    await shoot(page, 'tenant-empty-overview');
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/logga-in\?org=flen$/);
    await expect(page.getByTestId('login-org').textContent()).resolves.toBe('Flens kommun');
    // Without ?org= the browser remembers where it last signed in.
    await page.goto(`${e2e.app.url}/logga-in`);
    await expect(page.getByTestId('login-org').textContent()).resolves.toBe('Flens kommun');
  });

  it('a sign-in address naming no organisation says so in Swedish and offers no login', async () => {
    const page = await fresh();
    await page.goto(`${e2e.app.url}/logga-in?org=finns-inte`);
    await expect(page.getByTestId('login-unknown-org').textContent()).resolves.toBe(
      'Organisationen "finns-inte" finns inte här. Kontrollera adressen du fått, eller fråga er administratör.',
    );
    await page.getByTestId('login-username').fill('stina');
    await page.getByTestId('login-password').fill(PASSWORD);
    await expect(page.getByTestId('login-submit').isDisabled()).resolves.toBe(true);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, 'tenant-unknown-org');
    // The server's own organisation, without ?org=, is Katrineholm's.
    await page.goto(`${e2e.app.url}/logga-in`);
    await expect(page.getByTestId('login-org').textContent()).resolves.toMatch(/Katrineholm/);
  });
});
