import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { apiQuery, tableCells } from './support/views.js';

interface Row {
  unit: string;
  name: string;
  display: string;
  value: number | null;
}
interface Drilldown {
  parent: Row;
  children: Row[];
}

/**
 * The drill-down's age choice (issue 18): "Ålder: Alla / 18-24 år" beside the
 * gender choice for a KPI with age bands. A förvaltningschef, who does not see
 * exact values, reads the band from the protected release as the API gives it.
 */
describe('the drill-down by age band in Chromium', () => {
  const e2e = useChromium();
  const rowsOn = async (page: Page) => (await tableCells(page, 'drilldown-table')).slice(1);
  const expected = (d: Drilldown) => [...[...d.children].sort((a, b) => a.name.localeCompare(b.name, 'sv')), d.parent].map((c) => c.display);

  it('shows the varav 18–24 of every unit, as the release gives it, and keeps the band when drilling down', async () => {
    const token = await e2e.app.signInAs('e2e-chef-alder', [{ role: 'forvaltningschef' }]);
    const page = await e2e.open('/kpi/hushall-utbetalt/enheter?enhet=SOC&period=2022-T1', { token });
    await page.getByTestId('drilldown-table').waitFor();
    const group = page.getByRole('group', { name: 'Ålder' });
    await expect(group.getByRole('button').allTextContents()).resolves.toEqual(['Alla', '18-24 år']);
    await expect(page.getByTestId('age-alla').getAttribute('aria-pressed')).resolves.toBe('true');
    const total = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'hushall-utbetalt', unit: 'SOC', period: '2022-T1' });
    await expect.poll(async () => (await rowsOn(page)).map((r) => r[1])).toEqual(expected(total));

    await page.getByTestId('age-18-24').click();
    await page.waitForURL((u) => u.searchParams.get('alder') === '18-24');
    const band = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'hushall-utbetalt', unit: 'SOC', period: '2022-T1', ageBand: '18-24' });
    expect(band.parent.value).not.toBeNull();
    expect(band.parent.value).not.toBe(total.parent.value);
    await expect.poll(async () => (await rowsOn(page)).map((r) => r[1])).toEqual(expected(band));
    await expect(page.getByTestId('age-18-24').getAttribute('aria-pressed')).resolves.toBe('true');

    // Down a level the band stays chosen; "Alla" gives the total back.
    const child = band.children.find((c) => c.value !== null);
    expect(child).toBeDefined();
    await page.locator(`[data-unit="${child?.unit}"] [data-testid="drill-down-link"]`).click();
    await page.waitForURL((u) => u.searchParams.get('enhet') === child?.unit && u.searchParams.get('alder') === '18-24');
    const below = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'hushall-utbetalt', unit: child?.unit, period: '2022-T1', ageBand: '18-24' });
    await expect.poll(async () => (await rowsOn(page)).map((r) => r[1])).toEqual(expected(below));
    await page.getByTestId('age-alla').click();
    await page.waitForURL((u) => !u.searchParams.has('alder'));
  });
});
