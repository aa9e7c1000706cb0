import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { apiQuery, checkAtLaptop, NARROW, seriousViolations, shoot, tableCells, WIDE } from './support/views.js';

interface Row {
  unit: string;
  name: string;
  value: number | null;
  display: string;
  hidden: unknown;
  target: number | null;
  change: { lastYear: { period: string; value: number | null; display: string; hidden: unknown } };
}
interface Drilldown {
  parent: Row;
  children: Row[];
}

/**
 * Moves the mouse across the chart's middle until ECharts' tooltip holds
 * `text` (the chart is a canvas: the tooltip is the only text it shows),
 * and returns the tooltip's text.
 */
async function tooltipWith(page: Page, chart: Locator, text: string): Promise<string | null> {
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) return null;
  for (let i = 1; i < 48; i++) {
    await page.mouse.move(box.x + (box.width * i) / 48, box.y + box.height * 0.6, { steps: 2 });
    await page.waitForTimeout(40);
    const tip = await chart.evaluate(
      (el, t) => Array.from(el.querySelectorAll('div')).find((d) => d.children.length > 0 && (d.textContent ?? '').includes(t))?.textContent ?? null,
      text,
    );
    if (tip) return tip;
  }
  console.log(`no tooltip with "${text}" in`, await chart.evaluate((el) => el.innerHTML.replace(/<canvas[^>]*><\/canvas>/g, '')));
  return null;
}

describe('chart annotations, the drill-down chart and the period choices in Chromium', () => {
  const e2e = useChromium();

  it('stands a comment on the KPI chart at its month, with its first line in the tooltip', async () => {
    const page = await e2e.open('/kpi/hushall-utbetalt?enhet=SOC&period=2022-03', { viewport: WIDE });
    await page.getByTestId('kpi-chart').waitFor();
    await page.getByTestId('comment-input').fill('Fler hushåll efter att <b>Öst</b> stängde\nAndra raden syns bara i listan');
    await page.getByTestId('comment-submit').click();
    await page.getByTestId('comment').first().waitFor();

    const chart = page.getByTestId('kpi-chart');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('Kommentarer finns vid mar 2022');
    const tip = await tooltipWith(page, chart, 'Kommentar:');
    // The first line only, as text (the angle brackets are shown, not taken as HTML), at March.
    expect(tip).toContain('mar 2022');
    expect(tip).toContain('Kommentar: Fler hushåll efter att <b>Öst</b> stängde');
    expect(tip).not.toContain('Andra raden');
    await shoot(page, 'chart-comment-tooltip', { fullPage: false });
    // Without the tooltip: the pin over March and the dashed line down it.
    await page.mouse.move(1, 1);
    // ECharts fades its tooltip out after a short delay.
    await page.waitForTimeout(1000);
    await shoot(page, 'chart-comment', { fullPage: false });
    await checkAtLaptop(page, 'chart-comment');
    await expect(chart.getAttribute('aria-label')).resolves.toContain('Kommentarer finns vid mar 2022');

    // In English the mark and its tooltip say "Comment".
    await page.getByTestId('language').click();
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('There are comments at Mar 2022');
    expect(await tooltipWith(page, chart, 'Comment:')).toContain('Comment: Fler hushåll');
  });

  it('shows and hides a series of the KPI chart from its legend, with the keyboard', async () => {
    const page = await e2e.open('/kpi/sjukfranvaro?enhet=SOC&period=2022-T1&split=gender', { viewport: WIDE });
    const chart = page.getByTestId('kpi-chart');
    await chart.locator('canvas').first().waitFor();
    const target = page.getByTestId('kpi-legend').getByRole('button', { name: 'Mål' });
    await expect(target.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await tooltipWith(page, chart, 'Kvinnor')).toContain('Mål');
    await page.mouse.move(1, 1);
    await target.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => target.getAttribute('aria-pressed')).toBe('false');
    // Hidden: the target is gone from the tooltip; the other series are still read there.
    const tip = await tooltipWith(page, chart, 'Kvinnor');
    expect(tip).toContain('Män');
    expect(tip).not.toContain('Mål');
    await page.keyboard.press('Enter');
    await expect.poll(() => target.getAttribute('aria-pressed')).toBe('true');

    // Hidden in Swedish stays hidden in English: the legend keeps series by id, not by the words shown.
    await page.keyboard.press('Enter');
    await expect.poll(() => target.getAttribute('aria-pressed')).toBe('false');
    await page.mouse.move(1, 1);
    await page.getByTestId('language').click();
    const targetEn = page.getByTestId('kpi-legend').getByRole('button', { name: 'Target' });
    await expect.poll(() => targetEn.getAttribute('aria-pressed')).toBe('false');
    expect(await tooltipWith(page, chart, 'Women')).not.toContain('Target');
  });

  it('draws the drill-down as bars per unit with last year and the target, in the table’s order', async () => {
    const page = await e2e.open('/kpi/sjukfranvaro/enheter?enhet=SOC&period=2022-T1', { viewport: WIDE });
    const chart = page.getByTestId('drilldown-chart');
    await chart.locator('svg').waitFor();
    await page.getByTestId('drilldown-table').waitFor();
    const api = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'sjukfranvaro', unit: 'SOC', period: '2022-T1' });
    // Last year per child, the same period a year earlier.
    expect(api.children.every((c) => c.change.lastYear.period === '2021-T1')).toBe(true);
    expect(api.children.some((c) => c.change.lastYear.value !== null)).toBe(true);

    // SVG text: the legend, then the units in the order of the table's rows.
    const texts = await chart.locator('svg text').allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['Värde', 'Föregående år', 'Mål']));
    const tableNames = (await tableCells(page, 'drilldown-table')).slice(1, -1).map((r) => r[0]);
    expect(texts.filter((t) => api.children.some((c) => c.name === t))).toEqual(tableNames);
    await expect(chart.locator('[role="img"]').getAttribute('aria-label')).resolves.toContain('Sjukfrånvaro per enhet under Socialförvaltningen, T1 2022');

    // Sorting the table reorders the chart.
    await page.getByTestId('sort-value').click();
    await page.waitForURL(/sort=value-desc/);
    const sorted = (await tableCells(page, 'drilldown-table')).slice(1, -1).map((r) => r[0]);
    await expect.poll(async () => (await chart.locator('svg text').allTextContents()).filter((t) => sorted.includes(t))).toEqual(sorted);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'drilldown-chart');
    await checkAtLaptop(page, 'drilldown-chart', { fullPage: true });
    await page.setViewportSize(NARROW);
    // Polled: the chart redraws to the new width a moment later.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
    await shoot(page, 'drilldown-chart');
  });

  it('keeps hidden values hidden in the drill-down chart and in the last-year column, for a role without exact values', async () => {
    const token = await e2e.app.signInAs('e2e-charts-chef', [{ role: 'forvaltningschef' }]);
    const page = await e2e.open('/kpi/avslutade-utredningar/enheter?enhet=BOU&period=2022-03', { token });
    const chart = page.getByTestId('drilldown-chart');
    await chart.locator('svg').waitFor();
    await page.getByTestId('drilldown-table').waitFor();
    const api = await apiQuery<Drilldown>(page, e2e.app, 'drilldown.get', { kpi: 'avslutade-utredningar', unit: 'BOU', period: '2022-03' });
    const byName = [...api.children].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const hidden = byName.filter((c) => c.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    // The chart names each hidden unit as hidden and has no number for it.
    // A long name wraps into lines of their own: the labels are read as one text.
    const labels = (await chart.locator('svg text').allTextContents()).join(' ').replace(/\s+/g, ' ');
    for (const c of hidden) expect(labels).toContain(`${c.name} (dolt)`);
    // Last year per unit as the API words it (from the protected release), hidden ones too.
    const rows = (await tableCells(page, 'drilldown-table')).slice(1, -1);
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual(byName.map((c) => [c.name, c.change.lastYear.display]));
    await shoot(page, 'drilldown-chart-hidden');
  });

  it('offers hittills i år, rullande 12 mån and a custom range in the period picker', async () => {
    const page = await e2e.openOverview('/?enhet=SOC&period=2022-T1');
    await page.getByTestId('period-running-ytd').click();
    await page.waitForURL(/[?&]period=2022-04-YTD(&|$)/);
    await expect.poll(() => page.getByTestId('period-label').textContent()).toBe('jan–apr 2022');
    await expect(page.getByTestId('period-running-ytd').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('period-kind-tertial').getAttribute('aria-pressed')).resolves.toBe('false');

    await page.getByTestId('period-running-rolling12').click();
    await page.waitForURL(/[?&]period=2022-04-R12(&|$)/);
    await expect.poll(() => page.getByTestId('period-label').textContent()).toBe('12 mån t.o.m. apr 2022');
    await page.getByRole('button', { name: 'Föregående period' }).click();
    await page.waitForURL(/[?&]period=2022-03-R12(&|$)/);

    // A custom range: a backwards one is refused with a reason, then a good one is shown.
    await page.getByTestId('period-running-range').click();
    await expect(page.getByTestId('period-range-from').inputValue()).resolves.toBe('2021-04');
    await page.getByTestId('period-range-from').fill('2022-06');
    await page.getByTestId('period-range-to').fill('2022-02');
    await page.getByTestId('period-range-apply').click();
    await expect(page.getByTestId('period-range-problem').textContent()).resolves.toBe('Till-månaden ligger före från-månaden.');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2022-03-R12');
    await page.getByTestId('period-range-from').fill('2022-02');
    await page.getByTestId('period-range-to').fill('2022-06');
    await page.getByTestId('period-range-apply').click();
    await page.waitForURL(/[?&]period=2022-02%3A2022-06(&|$)|[?&]period=2022-02:2022-06(&|$)/);
    await expect.poll(() => page.getByTestId('period-label').textContent()).toBe('feb–jun 2022');
    await expect(page.getByTestId('period-running-range').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('#summary-title', { hasText: 'feb–jun 2022' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'period-range', { fullPage: false });
    await checkAtLaptop(page, 'period-range');

    // Back to a calendar kind at one click; on a phone the picker fits the width.
    await page.getByTestId('period-kind-month').click();
    await page.waitForURL(/[?&]period=2022-06(&|$)/);
    await expect(page.getByTestId('period-range').count()).resolves.toBe(0);
    await page.setViewportSize(NARROW);
    await page.getByTestId('period-running-ytd').click();
    await page.waitForURL(/[?&]period=2022-06-YTD(&|$)/);
    await page.locator('#summary-title', { hasText: 'jan–jun 2022' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(NARROW.width);
    await shoot(page, 'period-ytd', { fullPage: false });
  });
});
