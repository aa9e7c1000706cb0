import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { apiQuery, seriousViolations, shoot } from './support/views.js';

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

  it('the drill-down: a period and a gender chosen while the server does not answer wait, the pickers following the rows, and load by themselves when it answers', async () => {
    const page = await e2e.open('/kpi/sjukfranvaro/enheter?enhet=SOC&period=2022-T1');
    await page.getByTestId('drilldown-row').first().waitFor();
    const ask = (period: string) => apiQuery<{ children: { display: string }[] }>(page, e2e.app, 'drilldown.get', { kpi: 'sjukfranvaro', unit: 'SOC', period });
    const [t1, t3] = await Promise.all([ask('2022-T1'), ask('2021-T3')]);
    // The two periods' rows differ, so the rows on screen say which period they are.
    expect(t3.children.map((c) => c.display)).not.toEqual(t1.children.map((c) => c.display));
    const values = () => page.getByTestId('drill-value').allTextContents();
    const pickerAndRows = async () => ({ picker: await page.getByTestId('period-label').textContent(), rows: await page.locator('.drilldown__meta').first().textContent() });
    const before = await values();

    await page.route('**/trpc/**', (route) => route.abort('connectionrefused'));
    await page.getByTestId('period-prev').click();
    await page.waitForURL(/[?&]period=2021-T3(&|$)/);
    const notice = page.getByTestId('connection-notice');
    await notice.waitFor();
    await expect(notice.getByRole('alert').textContent()).resolves.toMatch(OFFLINE('T1 2022'));
    await expect(page.getByTestId('offline-waiting').textContent()).resolves.toContain('Du valde T3 2021. Den visas när anslutningen är tillbaka.');
    await expect(page.getByTestId('offline-waiting-cancel').textContent()).resolves.toBe('Stanna på T1 2022');
    await expect(pickerAndRows()).resolves.toEqual({ picker: 'T1 2022', rows: 'Enheterna under Socialförvaltningen · T1 2022' });
    await expect(values()).resolves.toEqual(before);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    // A gender chosen meanwhile waits too: the choice shows the rows' (everyone), the notice says what was chosen.
    const pressed = (g: string) => page.getByTestId(`gender-${g}`).getAttribute('aria-pressed');
    await page.getByTestId('gender-K').click();
    await page.waitForURL(/[?&]kon=K(&|$)/);
    await expect.poll(() => page.getByTestId('offline-waiting').textContent()).toContain('Du valde T3 2021, Kvinnor.');
    await expect(Promise.all([pressed('T'), pressed('K')])).resolves.toEqual(['true', 'false']);
    await expect(values()).resolves.toEqual(before);

    // The server answers again: what waits loads by itself (the first retry comes after 5 s).
    await page.unroute('**/trpc/**');
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => pickerAndRows()).toEqual({ picker: 'T3 2021', rows: 'Enheterna under Socialförvaltningen · T3 2021' });
    await expect.poll(() => pressed('K')).toBe('true');
    await expect.poll(values).not.toEqual(before);
    await expect(page.getByTestId('offline-waiting').count()).resolves.toBe(0);
  });

  it('a comment the server fails to save (HTTP 500) says so, not that the connection is gone, and keeps the text', async () => {
    const page = await e2e.open('/kpi/hushall-utbetalt?enhet=SOC&period=2022-T3');
    await page.getByTestId('comments').waitFor();
    await page.getByTestId('comment-input').waitFor();
    // tRPC's own answer for a failed mutation in a batch: INTERNAL_SERVER_ERROR with status 500.
    const failure = [{ error: { message: 'Internal server error', code: -32603, data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path: 'comment.add' } } }];
    await page.route('**/trpc/comment.add**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(failure) }));
    await page.getByTestId('comment-input').fill('Sparas inte av servern.');
    await page.getByTestId('comment-submit').click();
    const alert = page.getByTestId('comments').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(
      'Servern kunde inte spara kommentaren. Texten finns kvar – försök igen om en stund. Om felet kvarstår, kontakta administratören.',
    );
    await expect(page.getByTestId('comment-input').inputValue()).resolves.toBe('Sparas inte av servern.');
    await expect(page.getByTestId('connection-notice').count()).resolves.toBe(0);

    // A body that is no JSON at all (a proxy's error page) is the server's error too.
    await page.unroute('**/trpc/comment.add**');
    await page.route('**/trpc/comment.add**', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' }));
    const answered = page.waitForResponse('**/trpc/comment.add**');
    await page.getByTestId('comment-submit').click();
    await answered;
    await expect(alert.textContent()).resolves.toMatch(/^Servern kunde inte spara kommentaren\./);
    await expect(page.getByTestId('comment-input').inputValue()).resolves.toBe('Sparas inte av servern.');
  });
});
