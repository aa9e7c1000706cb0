import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { tableCells, WIDE } from './support/views.js';

const KPI = 'utbetalt-forsorjningsstod';
const csvOf = (value: number) => `kpi,unit,period,gender,value\n${KPI},EKBIST,2022-12,T,${value}\n`;

describe('the KPI view, the drill-down and the overview, live', () => {
  const e2e = useChromium();
  /** A signed-in page at `path` once its live stream is open (an event before that is not for it). */
  const openLive = async (path: string) => {
    let streamed: Promise<unknown> = Promise.resolve();
    const page = await e2e.open(path, {
      viewport: WIDE,
      prepare: (p) => {
        streamed = p.waitForResponse((r) => r.url().includes('live.events'));
      },
    });
    await streamed;
    // The stream joins the server's hub just after its headers.
    await page.waitForTimeout(500);
    return page;
  };
  const decemberRow = async (page: Page) => (await tableCells(page, 'detail-table')).find((r) => r[0] === 'dec 2022')?.[1];

  it('an import refreshes an open KPI view (value and table) without a reload', async () => {
    const page = await openLive(`/kpi/${KPI}?enhet=EKBIST&period=2022-12`);
    await page.getByTestId('detail-table').waitFor();
    await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 1));
    const value = page.getByTestId('detail-value');
    const before = await value.innerText();
    const row = await decemberRow(page);
    expect(row).toBe(before);

    await e2e.app.importCsv('live-detail.csv', csvOf(9_999_999));
    await expect.poll(() => value.innerText(), { timeout: 10_000 }).not.toBe(before);
    expect(await value.innerText()).toMatch(/^9 999 999/);
    await expect.poll(() => decemberRow(page), { timeout: 10_000 }).toBe(await value.innerText());
    // The same page: only the live event can have brought the new figure.
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
  });

  it('an import refreshes an open drill-down without a reload', async () => {
    const page = await openLive(`/kpi/${KPI}/enheter?enhet=SOC&period=2022-12`);
    const total = page.getByTestId('drilldown-total');
    await total.waitFor();
    await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 2));
    const before = await total.innerText();

    await e2e.app.importCsv('live-drill.csv', csvOf(1_234_567));
    await expect.poll(() => total.innerText(), { timeout: 10_000 }).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(2);
  });

  it('an import refreshes the open overview through the same mapping, and marks the changed card', async () => {
    const page = await openLive('/?enhet=EKBIST&period=2022-12');
    const card = page.locator(`[data-testid="kpi-card"][data-kpi="${KPI}"]`);
    const value = card.getByTestId('kpi-value');
    const before = await value.innerText();

    await e2e.app.importCsv('live-overview.csv', csvOf(7_654_321));
    await expect.poll(() => value.innerText(), { timeout: 10_000 }).not.toBe(before);
    expect(await value.innerText()).toMatch(/^7 654 321/);
    await expect.poll(() => card.getAttribute('class')).toContain('is-changed');
  });
});
