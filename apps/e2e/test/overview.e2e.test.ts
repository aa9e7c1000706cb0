import { describe, expect, it } from 'vitest';
import { PHONE } from './support/app.js';
import { useChromium } from './support/fixture.js';
import { seriousViolations, shoot } from './support/views.js';

/** Swedish number formats as the cards print them: "431", "15 381 492 kr", "8,3 %", "1 200 dygn", "färre än 5 personer". */
const SWEDISH_VALUE = /^(-?\d{1,3}( \d{3})*(,\d+)?( kr| tkr| %| dygn| åa)?|<\d+|\.\.|Inga data)$/;
const STATUS_WORD = /^(uppfyllt|delvis uppfyllt|ej uppfyllt|ej bedömd)$/;
const GROUPS_IN_ORDER = ['Ekonomiskt bistånd', 'Barn, unga och vuxna', 'Placeringar', 'Personal och hälsa', 'Medarbetarengagemang', 'Ekonomi'];

describe('the overview in Chromium', () => {
  const e2e = useChromium();
  const open = (path: string, viewport?: { width: number; height: number }) => e2e.openOverview(path, viewport);

  it('shows every KPI of the förvaltning as a card with value, target, status word and provenance', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await expect(page.locator('h1').textContent()).resolves.toBe('Lägesbild — Socialförvaltningen');
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe('T1 2022');
    await expect(page.locator('h2.group__title').allTextContents()).resolves.toEqual(GROUPS_IN_ORDER);

    for (const id of ['hushall-utbetalt', 'utbetalt-forsorjningsstod', 'utbetalt-per-hushall', 'sjukfranvaro', 'placeringskostnad', 'hme']) {
      await expect(page.locator(`[data-kpi="${id}"]`).count(), id).resolves.toBe(1);
    }
    const cards = page.getByTestId('kpi-card');
    const n = await cards.count();
    expect(n).toBeGreaterThanOrEqual(25);

    // Every card: a Swedish-formatted value, a target line, a status word with its symbol and an aria-label.
    const rows = await cards.evaluateAll((els) =>
      els.map((el) => ({
        kpi: el.getAttribute('data-kpi'),
        value: el.querySelector('[data-testid="kpi-value"]')?.textContent?.trim(),
        target: el.querySelector('[data-testid="kpi-target"]')?.textContent?.trim(),
        status: el.querySelector('[data-testid="status-badge"] .badge__word')?.textContent?.trim(),
        symbol: el.querySelector('[data-testid="status-badge"] .badge__symbol')?.textContent?.trim(),
        label: el.querySelector('[data-testid="status-badge"]')?.getAttribute('aria-label'),
      })),
    );
    for (const r of rows) {
      expect(r.value, r.kpi ?? '').toMatch(SWEDISH_VALUE);
      expect(r.target, r.kpi ?? '').toMatch(/^(Mål: .+|Budget: .+|Inget mål)$/);
      expect(r.status, r.kpi ?? '').toMatch(STATUS_WORD);
      expect(r.symbol, r.kpi ?? '').toMatch(/^[●◆■○]$/);
      expect(r.label, r.kpi ?? '').toBe(`Status: ${r.status}`);
    }

    // Figures from the reports, in Swedish format.
    const value = (id: string) => page.locator(`[data-kpi="${id}"] [data-testid="kpi-value"]`).textContent();
    await expect(value('hushall-utbetalt')).resolves.toBe('431');
    await expect(value('utbetalt-forsorjningsstod')).resolves.toMatch(/^\d{1,3}( \d{3})+ kr$/);
    await expect(value('utbetalt-per-hushall')).resolves.toMatch(/^\d{1,3}( \d{3})* kr$/);
    await expect(value('sjukfranvaro')).resolves.toMatch(/^\d+,\d %$/);
    await expect(page.locator('[data-kpi="hushall-utbetalt"] [data-testid="kpi-origin"]').textContent()).resolves.toBe('Rapporterat');
    await expect(page.locator('[data-kpi="sjukfranvaro"] [data-testid="kpi-origin"]').textContent()).resolves.toBe('Syntetiskt demovärde');

    // The summary counts add up to the cards.
    const summary = await page.getByTestId('status-summary').locator('ul:not([data-testid="forecast-summary"]) li').allTextContents();
    expect(summary.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^● \d+ uppfyllt$/),
      expect.stringMatching(/^◆ \d+ delvis uppfyllt$/),
      expect.stringMatching(/^■ \d+ ej uppfyllt$/),
      expect.stringMatching(/^○ \d+ ej bedömd$/),
    ]);
    const total = summary.reduce((sum, s) => sum + Number(/\d+/.exec(s)?.[0] ?? 0), 0);
    expect(total).toBe(n);

    await shoot(page, 'overview');
    await shoot(page, 'overview-fold', { fullPage: false });
  });

  it('folds measurements older than a year away and counts the year-end prognos, each count a filter', async () => {
    const page = await open('/?enhet=SOC&period=2022-12');
    const old = page.getByTestId('old-measurements');
    // The 2017 kvalitetsberättelse and the 2018 beslut statistics: closed, below the current groups.
    await expect(old.getAttribute('open')).resolves.toBeNull();
    await expect(old.locator('summary').innerText()).resolves.toMatch(/^Äldre mätningar \(\d+ nyckeltal\)$/);
    const asOf = await old.getByTestId('kpi-as-of').allTextContents();
    expect(asOf.length).toBeGreaterThan(10);
    for (const text of asOf) expect(Number(/(\d{4})$/.exec(text.trim())?.[1]), text).toBeLessThanOrEqual(2021);
    await expect(page.locator('[data-testid="kpi-card"][data-kpi="hushall-utbetalt"]').isVisible()).resolves.toBe(true);
    await old.locator('summary').click();
    await expect(old.getByTestId('kpi-card').first().isVisible()).resolves.toBe(true);

    // "Which head for red by year end": the count is a filter, and the cards left are exactly those.
    const row = page.getByTestId('forecast-summary');
    await expect(row.locator('li').allTextContents()).resolves.toEqual([
      expect.stringMatching(/■\s+\d+\s+ej uppfyllt/),
      expect.stringMatching(/◆\s+\d+\s+delvis uppfyllt/),
      expect.stringMatching(/●\s+\d+\s+uppfyllt/),
    ]);
    const red = Number(/\d+/.exec(await page.getByTestId('forecast-summary-red').innerText())?.[0]);
    expect(red).toBeGreaterThan(0);
    await page.getByTestId('forecast-summary-red').click();
    await page.waitForURL((u) => u.searchParams.get('prognos') === 'red');
    await expect.poll(() => page.getByTestId('kpi-card').count()).toBe(red);
    const words = await page.locator('[data-testid="kpi-card"] [data-testid="kpi-forecast"] .badge__word').allTextContents();
    expect(words).toEqual(Array.from({ length: red }, () => 'ej uppfyllt'));
    await expect(page.getByTestId('forecast-filter-note').innerText()).resolves.toContain(`Visar ${red} nyckeltal vars prognos vid årets slut är ej uppfyllt.`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('forecast-filter-clear').click();
    await page.waitForURL((u) => !u.searchParams.has('prognos'));
  });

  it('switches period kind at one click, steps back and forth, and keeps it all in the URL', async () => {
    const page = await open('/?enhet=SOC&period=2022-04');
    await page.getByTestId('period-kind-tertial').click();
    await page.waitForURL(/[?&]period=2022-T1(&|$)/);
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe('T1 2022');
    await expect(page.getByTestId('period-kind-tertial').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('#summary-title', { hasText: 'T1 2022' }).waitFor();
    await expect(page.locator('[data-kpi="hushall-utbetalt"] [data-testid="kpi-value"]').textContent()).resolves.toBe('431');

    await page.getByRole('button', { name: 'Föregående period' }).click();
    await page.waitForURL(/[?&]period=2021-T3(&|$)/);
    await page.locator('#summary-title', { hasText: 'T3 2021' }).waitFor();

    await page.getByTestId('period-kind-delar').click();
    await page.waitForURL(/[?&]period=2021-D(&|$)/);
    await page.getByTestId('period-kind-year').click();
    await page.waitForURL(/[?&]period=2021(&|$)/);
    await page.getByRole('button', { name: 'Nästa period' }).click();
    await page.waitForURL(/[?&]period=2022(&|$)/);
    // 2022 is the last year with data: no next period to go to.
    await expect(page.getByRole('button', { name: 'Nästa period' }).isDisabled()).resolves.toBe(true);

    await page.goBack();
    await page.waitForURL(/[?&]period=2021(&|$)/);
    await page.locator('#summary-title', { hasText: 'Nyckeltalens status 2021' }).waitFor();
  });

  it('opens the latest month when the URL names no period, and says so in the URL', async () => {
    const page = await open('/');
    await page.waitForURL(/[?&]enhet=SOC&period=\d{4}-\d{2}(&|$)/);
    await expect(page.getByTestId('period-kind-month').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('shows a designed empty state for a period without data', async () => {
    const page = await e2e.signedIn();
    await page.goto(`${e2e.app.url}/?enhet=SOC&period=2030-01`);
    const empty = page.getByTestId('overview-empty');
    await empty.waitFor();
    await expect(empty.locator('h2').textContent()).resolves.toBe('Inga värden för jan 2030');
    await empty.getByRole('button', { name: /Visa senaste månaden med data/ }).click();
    await page.getByTestId('kpi-card').first().waitFor();
  });

  it('switches to English and back in the header', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1');
    // The English catalogue is fetched on the first switch, so the switch is not instant.
    await page.getByTestId('language').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('h2.group__title').first().textContent()).resolves.toBe('Financial assistance');
    // The status badge (the card's first; the prognos has its own) says the card's status in English.
    const sick = page.locator('[data-kpi="sjukfranvaro"]');
    const status = /card--(red|yellow|green|none)/.exec((await sick.getAttribute('class')) ?? '')?.[1];
    const words: Record<string, string> = { red: 'not met', yellow: 'partly met', green: 'met', none: 'not assessed' };
    await expect(sick.locator('.card__status .badge__word').textContent()).resolves.toBe(words[status ?? 'none']);
    await expect(sick.getByTestId('kpi-forecast').textContent()).resolves.toMatch(/Forecast/);
    await page.getByTestId('language').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('is usable on a phone (390 px): no sideways scrolling, cards in one column', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1', PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const widths = await page.locator('[data-testid="kpi-card"]:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    for (const w of widths) expect(w).toBeGreaterThan(300);
    await shoot(page, 'overview');
    await shoot(page, 'overview-fold', { fullPage: false });
  });

  it('can be used with the keyboard: skip link first, visible focus', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Hoppa till nyckeltalen');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
  });

  for (const [name, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`has no serious or critical accessibility violations (axe-core, ${name})`, async () => {
      const page = await open('/?enhet=SOC&period=2022-T1', viewport);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
