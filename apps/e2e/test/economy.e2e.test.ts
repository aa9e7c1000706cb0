import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { seriousViolations, shoot, WIDE } from './support/views.js';

describe('the economy view in Chromium', () => {
  const e2e = useChromium();

  it('prints Delårsrapport 2020’s driftsredovisning: Barn och unga −23 250 / −19 584 / −3 666 / −7 500 (004 l.258) and the Summa', async () => {
    const page = await e2e.open('/ekonomi?enhet=SOC&period=2020-D', { viewport: WIDE });
    const table = page.getByTestId('economy-units');
    await table.waitFor();
    await expect(page.getByTestId('nav-economy').getAttribute('href')).resolves.toBe('/ekonomi');
    const cells = async (row: string) => (await table.locator(`[data-row="${row}"] th, [data-row="${row}"] td`).allTextContents()).map((c) => c.trim());
    await expect(cells('BU')).resolves.toEqual(['Barn och unga', '-23 250', '-19 584', '-3 666', '-7 500']);
    await expect(cells('summa')).resolves.toEqual(['Summa', '-145 451', '-127 691', '-17 760', '-29 000']);
    await expect(table.locator('thead th').last().textContent()).resolves.toBe('Prognos avvikelse per 31/12 2020');
    // The placement budget is drawn as "Budget", with its source: a demo budget for 2020, set from 004 l.279.
    const chart = page.locator('[data-testid="economy-budget"][data-kpi="placeringskostnad"]');
    await expect(chart.textContent()).resolves.toContain('avvikelse -14 255 tkr');
    await expect(chart.getByTestId('economy-budget-source').textContent()).resolves.toContain('(demo)');
    await expect(page.locator('body').textContent()).resolves.not.toContain('Mål:');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'economy');
  });
});
