import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { axeViolations, shoot } from './support/views.js';

const PASSWORD = 'Höstmörker-över-Katrineholm-7';

/** WCAG 2.1 A/AA only, every impact. */
const axe = (page: Page) => axeViolations(page, { bestPractice: false });

describe('login, a unit manager’s scope and the admin pages in Chromium', () => {
  const e2e = useChromium((app) => app.addUser('eva', PASSWORD, [{ role: 'enhetschef', unit: 'BU' }]));
  const fresh = () => e2e.anonymous();

  it('sends a visitor without a session to the login page, explains a wrong password in Swedish, and returns to the view asked for', async () => {
    const page = await fresh();
    await page.goto(`${e2e.app.url}/?period=2022-T1`);
    await page.waitForURL(/\/logga-in\?next=/);
    await expect(axe(page)).resolves.toEqual([]);
    await page.getByTestId('login-username').fill('eva');
    await page.getByTestId('login-password').fill('fel lösenord');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toBe('Fel användarnamn eller lösenord.');
    await shoot(page, 'login-error', { fullPage: false });
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('kpi-card').first().waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe('2022-T1');
    // A unit manager opens on her own unit, and another unit's address shows no data.
    await expect(page.locator('h1').textContent()).resolves.toBe('Lägesbild — Ungdom och placeringsenhet');
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe('Inloggad som eva');
    await page.goto(`${e2e.app.url}/?enhet=SOC&period=2022-T1`);
    await page.getByText('Du har inte behörighet till enheten "SOC" för 2022-01–2022-04').waitFor();
    await expect(page.getByTestId('kpi-card').count()).resolves.toBe(0);
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/logga-in/);
    await page.goto(`${e2e.app.url}/?period=2022-T1`);
    await page.waitForURL(/\/logga-in/);
  });

  it('lets an admin create a unit manager and read the audit log, with no accessibility violations', async () => {
    const page = await e2e.signedIn();
    await page.goto(`${e2e.app.url}/admin/anvandare`);
    await page.getByTestId('users-table').waitFor();
    const form = page.getByTestId('user-create');
    await form.locator('input[name=new-username]').fill('olle');
    await form.locator('input[name=new-name]').fill('Olle Enhetschef');
    await form.locator('#new-role-0').selectOption('enhetschef');
    await form.locator('#new-unit-0').selectOption('VUX');
    await form.getByRole('button', { name: 'Skapa användare' }).click();
    await expect(page.getByTestId('admin-notice').textContent()).resolves.toBe('Användaren olle är skapad.');
    await expect(page.locator('tr[data-user=olle] td').nth(1).textContent()).resolves.toContain('Enhetschef (VUX)');
    await expect(axe(page)).resolves.toEqual([]);
    await shoot(page, 'admin-users');

    await page.goto(`${e2e.app.url}/admin/logg`);
    await page.locator('tr[data-action="user.created"]').first().waitFor();
    await page.getByTestId('audit-filters').locator('select[name=action]').selectOption('login.failed');
    await page.getByTestId('audit-filters').getByRole('button', { name: 'Filtrera' }).click();
    // The filtered page replaces the unfiltered one: no other action is left in the table.
    await expect.poll(() => page.locator('tr[data-action="user.created"]').count()).toBe(0);
    await expect(page.locator('tr[data-action="login.failed"]').count()).resolves.toBeGreaterThan(0);
    // The action in Swedish words, not its code.
    await expect(page.locator('tr[data-action="login.failed"] td').nth(2).textContent()).resolves.toBe('Misslyckad inloggning');
    await expect(axe(page)).resolves.toEqual([]);
    await shoot(page, 'admin-audit');
  });

  it('lets an admin give a user a one-time sign-in link: shown once with its expiry, copied, audited, and good for one sign-in', async () => {
    await e2e.app.addUser('lena', PASSWORD, [{ role: 'analytiker' }]);
    const page = await e2e.signedIn();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.app.url });
    await page.goto(`${e2e.app.url}/admin/anvandare`);
    await page.locator('tr[data-user=lena]').getByTestId('make-login-link').click();
    const panel = page.getByTestId('login-link');
    await expect(panel.locator('h2').textContent()).resolves.toBe('Inloggningslänk för lena');
    const url = await page.getByTestId('login-link-url').inputValue();
    expect(url).toMatch(new RegExp(`^${e2e.app.url}/auth/open\\?token=[\\w-]{43}$`));
    await expect(page.getByTestId('login-link-expiry').textContent()).resolves.toMatch(/fungerar en gång och gäller till \d{2}:\d{2} \(15 minuter\)/);
    await page.getByTestId('login-link-copy').click();
    await expect(page.getByTestId('login-link-copied').textContent()).resolves.toBe('Länken är kopierad.');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(url);
    await expect(axe(page)).resolves.toEqual([]);
    await shoot(page, 'admin-login-link');
    // Closed, it is gone: the server keeps only its hash.
    await panel.getByRole('button', { name: 'Stäng' }).click();
    await expect(page.getByTestId('login-link').count()).resolves.toBe(0);

    // Lena opens it in her own browser and is signed in; the second time it is spent.
    const lena = await e2e.anonymous();
    await lena.goto(url);
    await lena.getByTestId('kpi-card').first().waitFor();
    await expect(lena.getByTestId('signed-in-as').textContent()).resolves.toBe('Inloggad som lena');
    const again = await e2e.anonymous();
    await again.goto(url);
    await again.waitForURL(/\/logga-in\?lank=ogiltig/);
    await again.context().close();

    await page.goto(`${e2e.app.url}/admin/logg`);
    await page.locator('tr[data-action="user.login_link_created"]').first().waitFor();
    await expect(page.locator('tr[data-action="user.login_link_created"] td').nth(2).textContent()).resolves.toBe('Inloggningslänk skapad');
  });

  it('keeps a unit manager out of the admin pages', async () => {
    await e2e.expectTurnedAway('/admin/anvandare', 'eva2');
  });
});
