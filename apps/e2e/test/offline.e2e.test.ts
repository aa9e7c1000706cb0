import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { seriousViolations, shoot } from './support/views.js';

/** The notice's sentence: which period the cards show, how old it is, and that the app keeps trying. */
const OFFLINE = (period: string) => new RegExp(`^Ingen anslutning – visar data från ${period}, hämtad \\d{2}:\\d{2}, försöker igen…$`);

/** What the picker shows and what the cards are for (the status summary's heading names the cards' period). */
async function pickerAndCards(page: Page): Promise<{ picker: string | null; cards: string | null }> {
  return {
    picker: await page.getByTestId('period-label').textContent(),
    cards: await page.locator('#summary-title').textContent(),
  };
}

describe('the overview and comments without a connection', () => {
  const e2e = useChromium();

  it('server down: a period chosen waits, the picker keeps showing the cards’ period, and it can be left', async () => {
    const page = await e2e.openOverview('/?enhet=SOC&period=2022-T1');
    await page.route('**/trpc/**', (route) => route.abort('connectionrefused'));
    await page.getByTestId('period-kind-year').click();
    const notice = page.getByTestId('connection-notice');
    await notice.waitFor();
    await expect(notice.getByRole('alert').textContent()).resolves.toMatch(OFFLINE('T1 2022'));
    // The click is not lost: it is in the URL and said to wait; the picker and the cards both still say T1 2022.
    await page.waitForURL(/[?&]period=2022(&|$)/);
    await expect(page.getByTestId('offline-waiting').textContent()).resolves.toContain('Du valde 2022. Den visas när anslutningen är tillbaka.');
    await expect(pickerAndCards(page)).resolves.toEqual({ picker: 'T1 2022', cards: 'Nyckeltalens status T1 2022' });
    await expect(page.locator('[data-kpi="hushall-utbetalt"] [data-testid="kpi-value"]').textContent()).resolves.toBe('431');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await shoot(page, 'overview-offline', { fullPage: false });

    // Staying on what is shown takes the choice back.
    await page.getByTestId('offline-waiting-cancel').click();
    await page.waitForURL(/[?&]period=2022-T1(&|$)/);
    await page.getByTestId('offline-waiting').waitFor({ state: 'detached' });

    // Chosen again, it is fetched when the server answers (here: the retry button).
    await page.getByTestId('period-next').click();
    await page.getByTestId('offline-waiting').waitFor();
    await expect(pickerAndCards(page)).resolves.toEqual({ picker: 'T1 2022', cards: 'Nyckeltalens status T1 2022' });
    await page.unroute('**/trpc/**');
    await notice.getByRole('button', { name: 'Försök igen nu' }).click();
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => pickerAndCards(page)).toEqual({ picker: 'T2 2022', cards: 'Nyckeltalens status T2 2022' });
  });

  it('browser offline: the period chosen is shown by itself once the connection is back', async () => {
    const page = await e2e.openOverview('/?enhet=SOC&period=2022-T1');
    const before = await page.locator('[data-kpi="hushall-utbetalt"] [data-testid="kpi-value"]').textContent();
    await page.context().setOffline(true);
    // Offline is known before anything fails: the notice is there at once.
    const notice = page.getByTestId('connection-notice');
    await notice.waitFor();
    await page.getByTestId('period-prev').click();
    await page.waitForURL(/[?&]period=2021-T3(&|$)/);
    await expect(notice.getByRole('alert').textContent()).resolves.toMatch(OFFLINE('T1 2022'));
    await expect(page.getByTestId('offline-waiting').textContent()).resolves.toContain('Du valde T3 2021.');
    await expect(pickerAndCards(page)).resolves.toEqual({ picker: 'T1 2022', cards: 'Nyckeltalens status T1 2022' });
    await expect(page.locator('[data-kpi="hushall-utbetalt"] [data-testid="kpi-value"]').textContent()).resolves.toBe(before);

    await page.context().setOffline(false);
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => pickerAndCards(page)).toEqual({ picker: 'T3 2021', cards: 'Nyckeltalens status T3 2021' });
    await page.getByTestId('offline-waiting').waitFor({ state: 'detached' });
  });

  it('the KPI view: a comment saved offline is refused with a message and its text kept; a period chosen offline waits, the picker following the chart', async () => {
    const page = await e2e.open('/kpi/hushall-utbetalt?enhet=SOC&period=2022-T2');
    await page.getByTestId('comments-none').waitFor();
    await page.getByTestId('comment-input').fill('Skrivet utan nät.');
    await page.context().setOffline(true);
    await page.getByTestId('comment-submit').click();
    const alert = page.getByTestId('comments').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe('Ingen anslutning – kommentaren sparades inte. Texten finns kvar: spara igen när anslutningen är tillbaka.');
    await expect(page.getByTestId('comment-input').inputValue()).resolves.toBe('Skrivet utan nät.');
    await expect(page.getByTestId('comment').count()).resolves.toBe(0);

    await page.context().setOffline(false);
    await page.getByTestId('comment-submit').click();
    await page.getByTestId('comment').first().waitFor();
    await expect(page.getByTestId('comment').first().locator('.comments__body').textContent()).resolves.toBe('Skrivet utan nät.');
    await alert.waitFor({ state: 'detached' });

    const pickerAndChart = async () => ({ picker: await page.getByTestId('period-label').textContent(), chart: await page.locator('.detail__meta').textContent() });
    await page.context().setOffline(true);
    await page.getByTestId('period-prev').click();
    await page.waitForURL(/[?&]period=2022-T1(&|$)/);
    const notice = page.getByTestId('connection-notice');
    await expect.poll(() => notice.getByRole('alert').textContent()).toMatch(OFFLINE('T2 2022'));
    await expect(page.getByTestId('offline-waiting').textContent()).resolves.toContain('Du valde T1 2022.');
    await expect(pickerAndChart()).resolves.toEqual({ picker: 'T2 2022', chart: 'Socialförvaltningen · T2 2022' });
    await page.context().setOffline(false);
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => pickerAndChart()).toEqual({ picker: 'T1 2022', chart: 'Socialförvaltningen · T1 2022' });
  });
});
