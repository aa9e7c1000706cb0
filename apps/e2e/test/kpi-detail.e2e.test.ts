import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { apiQuery, expectAccessibleAndFitting, shoot, tableCells, WIDE, WIDE_AND_NARROW } from './support/views.js';

interface Point {
  period: string;
  display: string;
  value: number | null;
}
interface Series {
  unsplit: 'gender' | 'ageBand' | null;
  series: { key: string; label: string; points: Point[] }[];
}

describe('the KPI view in Chromium', () => {
  const e2e = useChromium();
  const open = (path: string, viewport: { width: number; height: number } = WIDE) => e2e.open(path, { viewport });
  const series = (page: Page, input: Record<string, string>) => apiQuery<Series>(page, e2e.app, 'series.get', input);

  it('opens from a card, with chart, table, forecast and definition, and the table says what the API says', async () => {
    const page = await open('/?enhet=SOC&period=2022-T1');
    await page.locator('[data-kpi="placeringskostnad"] [data-testid="kpi-link"]').click();
    await page.waitForURL(/\/kpi\/placeringskostnad\?/);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2022-T1');
    await page.getByTestId('detail-table').waitFor();
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe('Placeringskostnad');

    // The chart is one labelled image, drawn on a canvas.
    const chart = page.getByTestId('kpi-chart');
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/^Placeringskostnad för Socialförvaltningen, 2022, per månad\./);
    await expect(chart.locator('canvas').count()).resolves.toBeGreaterThan(0);

    const rows = await tableCells(page, 'detail-table');
    expect(rows[0]).toEqual(['Period', 'Värde', 'Mål', 'Status', 'Föregående år']);
    const api = await series(page, { kpi: 'placeringskostnad', unit: 'SOC', start: '2022-01', end: '2022-12', grain: 'month', split: 'none' });
    const lastYear = await series(page, { kpi: 'placeringskostnad', unit: 'SOC', start: '2021-01', end: '2021-12', grain: 'month', split: 'none' });
    const points = api.series[0]?.points ?? [];
    expect(points).toHaveLength(12);
    expect(rows.slice(1, 13).map((r) => [r[0], r[1], r[4]])).toEqual(
      points.map((p, i) => [
        p.period.replace(/^2022-(\d\d)$/, (_, m: string) => `${['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][Number(m) - 1]} 2022`),
        p.display,
        lastYear.series[0]?.points[i]?.display,
      ]),
    );
    // Placement costs are followed against a budget (/ekonomi), not a goal: no Mål, so not judged.
    expect(rows[1]?.[2]).toBe('–');
    expect(rows[1]?.[3]).toMatch(/^○ ej bedömd$/);
    // The year-end forecast closes the table, as on the summary.
    const forecastRow = rows[13];
    expect(forecastRow?.[0]).toBe('Prognos helår 2022');
    await expect(page.getByTestId('detail-forecast').textContent()).resolves.toContain(forecastRow?.[1] ?? 'saknas');

    const definition = await page.getByTestId('kpi-definition').textContent();
    expect(definition).toContain('Vad det mäter');
    expect(definition).toContain('Summan av månaderna');
    expect(definition).toContain('Källa');
    await shoot(page, 'kpi-detail');
  });

  it('switches grain and split in the URL, the table follows the API, and back undoes each step', async () => {
    const page = await open('/kpi/sjukfranvaro?enhet=SOC&period=2022-T1');
    await page.getByTestId('detail-table').waitFor();
    await page.getByTestId('grain-tertial').click();
    await page.waitForURL(/grain=tertial/);
    await expect(page.getByTestId('grain-tertial').getAttribute('aria-pressed')).resolves.toBe('true');
    const tertials = await series(page, { kpi: 'sjukfranvaro', unit: 'SOC', start: '2022-01', end: '2022-12', grain: 'tertial', split: 'none' });
    await expect
      .poll(async () => (await tableCells(page, 'detail-table')).slice(1, 4).map((r) => [r[0], r[1]]))
      .toEqual(tertials.series[0]?.points.map((p) => [p.period.replace(/^2022-T(\d)$/, 'T$1 2022'), p.display]));

    await page.getByTestId('split-gender').click();
    await page.waitForURL(/split=gender/);
    const byGender = await series(page, { kpi: 'sjukfranvaro', unit: 'SOC', start: '2022-01', end: '2022-12', grain: 'tertial', split: 'gender' });
    await expect.poll(async () => (await tableCells(page, 'detail-table'))[0]).toEqual(['Period', 'Kvinnor', 'Män']);
    const genderRows = await tableCells(page, 'detail-table');
    expect(genderRows.slice(1).map((r) => r.slice(1))).toEqual(byGender.series[0]?.points.map((p, i) => [p.display, byGender.series[1]?.points[i]?.display]));
    for (const r of genderRows.slice(1)) for (const c of r.slice(1)) expect(c).toMatch(/^\d+,\d %$/);

    await page.getByTestId('grain-year').click();
    await page.waitForURL(/grain=year/);
    await expect.poll(async () => (await tableCells(page, 'detail-table')).length).toBe(6); // 2018–2022
    await shoot(page, 'kpi-detail-gender');

    // Back: year → tertial (still by gender) → tertial total → month.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('grain') === 'tertial' && u.searchParams.get('split') === 'gender');
    await expect(page.getByTestId('split-gender').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('grain') === 'tertial' && u.searchParams.get('split') === null);
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('grain') === null);
    await expect(page.getByTestId('grain-month').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('says "ej könsuppdelad" for a KPI without a gender split, and shows one column per unit for the unit split', async () => {
    const page = await open('/kpi/utbetalt-forsorjningsstod?enhet=SOC&period=2022-T1&grain=tertial&split=gender');
    await expect(page.getByTestId('not-split').textContent()).resolves.toContain('ej könsuppdelad');
    await page.getByTestId('split-unit').click();
    await page.waitForURL(/split=unit/);
    const byUnit = await series(page, { kpi: 'utbetalt-forsorjningsstod', unit: 'SOC', start: '2022-01', end: '2022-12', grain: 'tertial', split: 'unit' });
    await expect.poll(async () => (await tableCells(page, 'detail-table'))[0]).toEqual(['Period', ...byUnit.series.map((s) => s.label)]);
    const rows = await tableCells(page, 'detail-table');
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual(byUnit.series[0]?.points.map((_, i) => byUnit.series.map((s) => s.points[i]?.display)));
  });

  it('keeps a written comment as plain text with author and time, also after a reload', async () => {
    const page = await open('/kpi/hushall-utbetalt?enhet=SOC&period=2022-T1');
    await page.getByTestId('comment-input').fill('Fler hushåll i januari.\n<b>Inte fetstil</b> <img src=x onerror="window.hacked=1">');
    await page.getByTestId('comment-submit').click();
    const comment = page.getByTestId('comment').first();
    await comment.waitFor();
    await page.reload();
    await comment.waitFor();
    await expect(comment.locator('.comments__body').textContent()).resolves.toBe('Fler hushåll i januari.\n<b>Inte fetstil</b> <img src=x onerror="window.hacked=1">');
    await expect(comment.locator('b, img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { hacked?: number }).hacked)).resolves.toBeUndefined();
    await expect(comment.locator('.comments__by').textContent()).resolves.toMatch(/^e2e-admin, \d\d:\d\d$/);
    // Another period has its own comments.
    await page.goto(`${e2e.app.url}/kpi/hushall-utbetalt?enhet=SOC&period=2022-T2`);
    await expect(page.getByTestId('comments-none').textContent()).resolves.toContain('Inga kommentarer för T2 2022 ännu.');
    await expect(page.getByTestId('comment').count()).resolves.toBe(0);
  });

  it('remembers the last unit chosen, so the overview opens on it', async () => {
    const page = await open('/kpi/hushall-utbetalt?enhet=VUX&period=2022-T1');
    await page.getByTestId('detail-table').waitFor();
    await page.goto(`${e2e.app.url}/`);
    await page.getByTestId('kpi-card').first().waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Lägesbild — Vuxenavdelning');
  });

  for (const [name, viewport] of WIDE_AND_NARROW) {
    it(`has no accessibility violations and fits the screen (axe-core, ${name})`, async () => {
      const page = await open('/kpi/placeringskostnad?enhet=SOC&period=2022-T1&split=gender', viewport);
      await page.getByTestId('detail-table').waitFor();
      await page.getByTestId('comments').waitFor();
      await expectAccessibleAndFitting(page, 'kpi-detail-axe');
      // Keyboard: the grain buttons are reachable and show their focus.
      await page.getByTestId('grain-tertial').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/grain=tertial/);
      await expect(page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).resolves.not.toBe('none');
    });
  }
  it('shows Kolada beside sick leave (Katrineholm and Riket, as Delårsrapport 2020 printed them), with the source, and nothing for a KPI not mapped', async () => {
    const page = await open('/kpi/sjukfranvaro?enhet=SOC&period=2020');
    const kolada = page.getByTestId('kolada-comparison');
    await kolada.waitFor();
    const rows = await tableCells(page, 'kolada-comparison');
    expect(rows[0]).toEqual(['Kommun', '2020']);
    expect(rows[1]?.[0]).toBe('Katrineholm egen kommun');
    expect(rows[1]?.[1]).toMatch(/^6,7 ?K 7,2 · M 4,8$/);
    expect(rows[2]).toEqual(['Riket hela landet', '6,5']);
    const text = (await kolada.textContent()) ?? '';
    expect(text).toContain('Källa: Kolada (RKA), 2020.');
    expect(text).toContain('Kolada: hela kommunens anställda, kalenderår.');
    await shoot(page, 'kpi-detail-kolada');
    const other = await open('/kpi/placeringskostnad?enhet=SOC&period=2022-T1');
    await other.getByTestId('kpi-definition').waitFor();
    await expect(other.getByTestId('kolada-comparison').count()).resolves.toBe(0);
  });
});
