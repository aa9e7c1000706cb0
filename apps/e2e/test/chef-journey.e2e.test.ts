import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, type RunningApp } from './support/app.js';
import { apiQuery, axeViolations, openPage, shoot, tableCells } from './support/views.js';

interface Card {
  kpi: string;
  status: string;
}
interface Overview {
  cards: Card[];
  statusCounts: Record<string, number>;
}
interface Drilldown {
  children: { unit: string; value: number | null; display: string }[];
}

/**
 * The dashboard issue's "done when", as a förvaltningschef would do it without
 * help: which KPIs are red this tertial, which unit drives it, women or men,
 * what the comment says, and a link to that view that opens the same view for
 * a colleague.
 */
describe('a förvaltningschef finds what is red and why (Chromium)', () => {
  let app: RunningApp;
  let browser: Browser;
  let chef: string;
  const pages: Page[] = [];
  const open = async (path: string, token?: string) => {
    const { page } = await openPage(browser, app, path, { token });
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chef = await app.signInAs('chefen', [{ role: 'forvaltningschef' }]);
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.context().close()));
    await browser?.close();
    await app?.close();
  });

  it('goes from the red count to the unit and gender behind it, reads the comment, and shares the view', async () => {
    // An analyst's comment on sick leave this tertial, written through the KPI view.
    const writer = await open('/kpi/sjukfranvaro?enhet=SOC&period=2022-T1');
    await writer.getByTestId('comment-input').fill('Hög sjukfrånvaro i början av året, främst i Avd barn och unga.');
    await writer.getByTestId('comment-submit').click();
    await writer.getByTestId('comment').first().waitFor();

    const page = await open('/?enhet=SOC&period=2022-T1', chef);
    await page.getByTestId('kpi-card').first().waitFor();
    const overview = await apiQuery<Overview>(page, app, 'overview.get', { unit: 'SOC', period: '2022-T1' });
    const red = overview.cards.filter((c) => c.status === 'red').map((c) => c.kpi);
    expect(red).toContain('sjukfranvaro');
    expect(overview.statusCounts.red).toBe(red.length);

    // One click on the red count: only the red cards, and the filter in the URL.
    await page.getByTestId('summary-red').click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'red');
    // The cards stand in the reports' groups, so compare the sets.
    await expect.poll(async () => (await page.getByTestId('kpi-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kpi') ?? ''))).sort()).toEqual([...red].sort());
    await expect(page.getByTestId('summary-red').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('status-filter-note').textContent()).resolves.toContain(`Visar ${red.length} nyckeltal med status ej uppfyllt`);
    expect(await axeViolations(page)).toEqual([]);
    // Every figure is readable whole, also a long one in a narrow card ("15 381 492 kr").
    const clipped = await page.getByTestId('kpi-value').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(clipped).toEqual([]);
    await shoot(page, 'journey-red-overview');

    // The KPI: its comment, then which units drive it.
    await page.locator('[data-testid="kpi-card"][data-kpi="sjukfranvaro"] [data-testid="kpi-link"]').click();
    await page.getByTestId('comment').first().waitFor();
    await expect(page.getByTestId('comment').first().textContent()).resolves.toContain('främst i Avd barn och unga');
    await page.getByTestId('to-drilldown').click();
    await page.getByTestId('drilldown-row').first().waitFor();
    const units = await apiQuery<Drilldown>(page, app, 'drilldown.get', { kpi: 'sjukfranvaro', unit: 'SOC', period: '2022-T1' });
    const worst = [...units.children].filter((c) => c.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
    expect(worst).toBeDefined();
    // Sorting by value (highest first on the first click) puts the unit that drives it on top.
    await page.getByTestId('sort-value').click();
    await expect.poll(async () => (await page.getByTestId('drilldown-row').first().getAttribute('data-unit')) ?? '').toBe(worst?.unit ?? '');

    // Women or men: the same table for each.
    const byGender: Record<string, string> = {};
    for (const g of ['K', 'M'] as const) {
      await page.getByTestId(`gender-${g}`).click();
      await page.waitForURL((u) => u.searchParams.get('kon') === g);
      const api = await apiQuery<Drilldown>(page, app, 'drilldown.get', { kpi: 'sjukfranvaro', unit: 'SOC', period: '2022-T1', gender: g });
      const expected = api.children.find((c) => c.unit === worst?.unit)?.display ?? '';
      await expect.poll(async () => page.locator(`[data-testid="drilldown-row"][data-unit="${worst?.unit ?? ''}"] [data-testid="drill-value"]`).textContent()).toBe(expected);
      byGender[g] = expected;
    }
    expect(byGender.K).not.toBe(byGender.M);
    await shoot(page, 'journey-drilldown-women-men');

    // The link in an e-mail: a colleague opens exactly this view.
    const link = page.url();
    const rows = await tableCells(page, 'drilldown-table');
    const colleague = await open(link.replace(app.url, ''), chef);
    await colleague.getByTestId('drilldown-row').first().waitFor();
    await expect.poll(() => tableCells(colleague, 'drilldown-table')).toEqual(rows);
    await expect(colleague.getByTestId('gender-M').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('sets a target that turns a card red, with Swedish answers to a bad entry', async () => {
    const page = await open('/kpi/utbetalt-forsorjningsstod?enhet=SOC&period=2021', chef);
    const editor = page.getByTestId('target-editor');
    await editor.locator('summary').click();
    await expect.poll(() => editor.locator('input[name=annual]').inputValue()).not.toBe('');
    await editor.locator('input[name=annual]').fill('tio miljoner');
    await editor.getByTestId('target-save').click();
    await expect(editor.locator('[role=alert]').first().textContent()).resolves.toContain('Skriv ett tal');
    // A budget of 1 kr for the year: whatever was paid is over it.
    await editor.locator('input[name=annual]').fill('1');
    await editor.locator('input[name=tolerance]').fill('0');
    await editor.getByTestId('target-save').click();
    await expect(editor.getByTestId('target-notice').textContent()).resolves.toContain('Målet för 2021 är sparat');
    const overview = await open('/?enhet=SOC&period=2021', chef);
    await expect.poll(() => overview.locator('[data-testid="kpi-card"][data-kpi="utbetalt-forsorjningsstod"]').getAttribute('class')).toContain('card--red');
    await expect(overview.locator('[data-testid="kpi-card"][data-kpi="utbetalt-forsorjningsstod"] [data-testid="kpi-target"]').textContent()).resolves.toContain('1 kr');
  });

  it('does not offer the target form to a unit manager', async () => {
    const eva = await app.signInAs('eva-mal', [{ role: 'enhetschef', unit: 'BU' }]);
    const page = await open('/kpi/placerade-hvb-sol?enhet=BU&period=2022-T1', eva);
    await page.getByTestId('detail-title').waitFor();
    await page.getByTestId('comments').waitFor();
    await expect(page.getByTestId('target-editor').count()).resolves.toBe(0);
  });

  it('chooses another unit in the overview from the tree as it was in the period', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1', chef);
    await page.getByTestId('kpi-card').first().waitFor();
    const picker = page.getByTestId('unit-picker');
    // 2022: the two new avdelningar are there, the old myndighetsavdelning of 2018 is not.
    const offered = await picker.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['SOC', 'VUX', 'BOU', 'BU']));
    expect(offered).not.toContain('MYN');
    await picker.selectOption('BOU');
    await page.waitForURL((u) => u.searchParams.get('enhet') === 'BOU' && u.searchParams.get('period') === '2022-T1');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Avd barn och unga');
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('enhet') === 'SOC');
  });
});
