import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { apiQuery, expectAccessibleAndFitting, shoot, tableCells, WIDE_AND_NARROW } from './support/views.js';

interface Row {
  unit: string;
  name: string;
  display: string;
  value: number | null;
  changes: string[];
  suppressed: boolean;
}
interface Drilldown {
  parent: Row;
  path: { code: string; name: string }[];
  children: Row[];
}

describe('drill-down by unit in Chromium', () => {
  const e2e = useChromium();
  const open = (path: string, opts: { viewport?: { width: number; height: number }; token?: string } = {}) => e2e.open(path, opts);
  const rowsOn = async (page: Page) => (await tableCells(page, 'drilldown-table')).slice(1, -1);
  const crumbs = (page: Page) => page.getByTestId('breadcrumb').locator('li').allTextContents();

  it('goes from the KPI to its units, two levels down, and back by breadcrumb and by the back button', async () => {
    const page = await open('/kpi/sjukfranvaro?enhet=SOC&period=2022-T1');
    await page.getByTestId('to-drilldown').click();
    await page.waitForURL(/\/kpi\/sjukfranvaro\/enheter\?/);
    await page.getByTestId('drilldown-table').waitFor();
    const api = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'sjukfranvaro', unit: 'SOC', period: '2022-T1' });
    // Sorted by name (Swedish order); every value exactly as the API displays it.
    const expected = [...api.children].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const rows = await rowsOn(page);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(expected.map((c) => [c.name, c.display]));
    for (const r of rows) expect(r[3]).toMatch(/^[●◆■○] (uppfyllt|delvis uppfyllt|ej uppfyllt|ej bedömd)$/);
    const total = await tableCells(page, 'drilldown-table');
    expect(total.at(-1)?.slice(0, 2)).toEqual(['Hela Socialförvaltningen', api.parent.display]);
    await expect(crumbs(page)).resolves.toEqual(['Socialförvaltningen']);
    await shoot(page, 'drilldown-soc');

    // One level down: Avd barn och unga, whose enheter are listed with a link to their chart.
    await page.locator('[data-unit="BOU"] [data-testid="drill-down-link"]').click();
    await page.waitForURL((u) => u.searchParams.get('enhet') === 'BOU');
    await expect.poll(() => crumbs(page)).toEqual(['Socialförvaltningen', 'Avd barn och unga']);
    const bou = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'sjukfranvaro', unit: 'BOU', period: '2022-T1' });
    await expect.poll(async () => (await rowsOn(page)).map((r) => r[0]).sort()).toEqual(bou.children.map((c) => c.name).sort());

    // Second level: an enhet's own chart.
    const leaf = bou.children[0];
    await page.locator(`[data-unit="${leaf?.unit}"] a[aria-label^="Diagram för"]`).click();
    await page.waitForURL((u) => u.pathname === '/kpi/sjukfranvaro' && u.searchParams.get('enhet') === leaf?.unit);
    await expect.poll(() => page.locator('.detail__meta').textContent(), { timeout: 8000 }).toBe(`${leaf?.name} · T1 2022`);

    // Back by the browser to the avdelning, then up by the breadcrumb to the förvaltning.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('enhet') === 'BOU');
    await page.getByTestId('breadcrumb').getByRole('link', { name: 'Socialförvaltningen' }).click();
    await page.waitForURL((u) => u.searchParams.get('enhet') === 'SOC');
    await expect.poll(() => crumbs(page)).toEqual(['Socialförvaltningen']);
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('enhet') === 'BOU');
    await expect.poll(() => crumbs(page)).toEqual(['Socialförvaltningen', 'Avd barn och unga']);
  });

  it('sorts by value and status from the column headers, keeping the order in the URL', async () => {
    const page = await open('/kpi/sjukfranvaro/enheter?enhet=SOC&period=2022-T1');
    await page.getByTestId('drilldown-table').waitFor();
    await page.getByTestId('sort-value').click();
    await page.waitForURL(/sort=value-desc/);
    await expect(page.locator('th[aria-sort="descending"]').count()).resolves.toBe(1);
    const values = (await rowsOn(page)).map((r) => Number((r[1] ?? '').replace(/[^\d,]/g, '').replace(',', '.')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await page.getByTestId('sort-status').click();
    await page.waitForURL(/sort=status-asc/);
    const order = { '■': 0, '◆': 1, '●': 2, '○': 3 } as Record<string, number>;
    const ranks = (await rowsOn(page)).map((r) => order[(r[3] ?? '').charAt(0)] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('says which units were reorganised, and splits by gender with the API’s values', async () => {
    const page = await open('/kpi/hushall-utbetalt/enheter?enhet=VUX&period=2022-T1');
    await page.getByTestId('drilldown-table').waitFor();
    const text = await page.getByTestId('drilldown-table').textContent();
    expect(text).toContain('Omorganiserad (');
    expect(text).toContain('Bytte namn från');
    await page.getByTestId('gender-K').click();
    await page.waitForURL(/kon=K/);
    const women = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'hushall-utbetalt', unit: 'VUX', period: '2022-T1', gender: 'K' });
    await expect
      .poll(async () => (await rowsOn(page)).map((r) => [r[0], r[1]]))
      .toEqual([...women.children].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((c) => [c.name, c.display]));
  });

  it('shows a role without exact values the small groups hidden, exactly as the API does', async () => {
    const token = await e2e.app.signInAs('e2e-chef', [{ role: 'forvaltningschef' }]);
    const page = await open('/kpi/avslutade-utredningar/enheter?enhet=BOU&period=2022-03', { token });
    await page.getByTestId('drilldown-table').waitFor();
    const api = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'avslutade-utredningar', unit: 'BOU', period: '2022-03' });
    const rows = await rowsOn(page);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([...api.children].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((c) => [c.name, c.display]));
    // A small count, and the unit that would give it away by subtraction from the total.
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(['färre än 5 ärenden', '..']));
    await expect(page.locator('main').textContent()).resolves.toContain('döljer ett värde med för få personer bakom sig');
  });

  for (const [name, viewport] of WIDE_AND_NARROW) {
    it(`has no accessibility violations and fits the screen (axe-core, ${name})`, async () => {
      const page = await open('/kpi/hushall-utbetalt/enheter?enhet=VUX&period=2022-T1', { viewport });
      await page.getByTestId('drilldown-table').waitFor();
      await expectAccessibleAndFitting(page, 'drilldown-vux');
    });
  }
});
