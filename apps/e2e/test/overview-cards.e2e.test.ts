import { describe, expect, it } from 'vitest';
import { PHONE } from './support/app.js';
import { useChromium } from './support/fixture.js';
import { apiQuery, seriousViolations, shoot } from './support/views.js';

interface Card {
  kpi: string;
  status: string;
  value: number | null;
  target: number | null;
  measureUnit: string;
  sparkline: (number | null)[];
}
interface Overview {
  cards: Card[];
}

const FULL_HD = { width: 1920, height: 1080 } as const;
const STATUS_WORD = /^(uppfyllt|delvis uppfyllt|ej uppfyllt|ej bedömd)$/;
/** "−3 995 tkr mot budget", "+0,7 procentenheter mot mål", "+12 mot mål": a sign, a Swedish figure, its unit and what it is measured against. */
const DEVIATION = /^[+−]\d{1,3}( \d{3})*(,\d+)?( kr| tkr| dygn| åa| procentenheter)? mot (mål|budget)$/;

/**
 * The overview's cards answer "what is red, why, and where is it heading" at a
 * glance: a red card shows how far from its target or budget it is, its
 * prognos and its last 24 months; a commented KPI shows the comment's first
 * line; and "Behöver uppmärksamhet först" puts the red ones on top. On a Full
 * HD screen and on a phone.
 */
describe('the overview cards in Chromium', () => {
  const e2e = useChromium();
  const period = '2022-T1';

  it('shows a red card’s deviation, prognos and sparkline, a commented KPI’s marker, and sorts what needs attention first', async () => {
    const probe = await e2e.open('/');
    const overview = await apiQuery<Overview>(probe, e2e.app, 'overview.get', { unit: 'SOC', period });
    const red = overview.cards.find((c) => c.status === 'red' && c.value !== null && c.target !== null && c.sparkline.some((v) => v !== null));
    expect(red).toBeDefined();
    const kpi = red?.kpi ?? '';

    // A comment on that KPI this tertial, written through the KPI view; its first line is the card's marker.
    const writer = await e2e.open(`/kpi/${kpi}?enhet=SOC&period=${period}`);
    await writer.getByTestId('comment-input').fill('Över målet sedan januari.\nFler placeringar på HVB än planerat.');
    await writer.getByTestId('comment-submit').click();
    await writer.getByTestId('comment').first().waitFor();

    for (const [name, viewport] of [
      ['fullhd', FULL_HD],
      ['phone', PHONE],
    ] as const) {
      const page = await e2e.openOverview(`/?enhet=SOC&period=${period}`, viewport);
      const card = page.locator(`[data-testid="kpi-card"][data-kpi="${kpi}"]`);
      await expect(card.getAttribute('class'), name).resolves.toContain('card--red');
      await expect(card.getByTestId('kpi-deviation').textContent(), name).resolves.toMatch(DEVIATION);
      await expect(card.getByTestId('kpi-target').textContent(), name).resolves.toMatch(/^(Mål|Budget): /);
      // Status and prognos, each as symbol and word.
      await expect(card.locator('.card__status .badge__word').textContent(), name).resolves.toBe('ej uppfyllt');
      const forecast = card.getByTestId('kpi-forecast').getByTestId('status-badge');
      await expect(forecast.locator('.badge__word').textContent(), name).resolves.toMatch(STATUS_WORD);
      await expect(forecast.locator('.badge__symbol').textContent(), name).resolves.toMatch(/^[●◆■○]$/);
      await expect(forecast.getAttribute('aria-label'), name).resolves.toMatch(/^Prognos för helåret: /);
      // The sparkline: a drawn line across the card.
      const spark = card.getByTestId('kpi-sparkline');
      await expect(spark.locator('path').first().getAttribute('d'), name).resolves.toMatch(/^M[\d.]+,[\d.]+L/);
      const box = await spark.boundingBox();
      expect(box?.width ?? 0, name).toBeGreaterThan(100);
      await expect(card.getByTestId('kpi-direction').textContent(), name).resolves.toMatch(/^[↓↑] (lägre|högre) är bättre$/);
      await expect(card.getByTestId('kpi-comment').textContent(), name).resolves.toMatch(/^\s*Kommentar: Över målet sedan januari\. …\s*$/);
      // The only other commented card of T1 2022 is the demo's own text on ej verkställda beslut (001 l.284–287).
      const commented = await page.locator('[data-testid="kpi-card"]:has([data-testid="kpi-comment"])').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kpi')));
      expect(commented.sort(), name).toEqual([kpi, 'ej-verkstallda-beslut'].sort());
      // Nothing wider than the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
      expect(await seriousViolations(page), name).toEqual([]);
      await shoot(page, 'overview-cards');

      // What needs attention first: one list, the red cards on top, and the order in the URL.
      await page.getByTestId('overview-order-attention').click();
      await page.waitForURL((u) => u.searchParams.get('ordning') === 'uppmarksamhet');
      const statuses = await page.getByTestId('kpi-card').evaluateAll((els) => els.map((el) => /card--(\w+)/.exec(el.className)?.[1] ?? ''));
      const reds = statuses.filter((s) => s === 'red').length;
      expect(
        statuses.slice(0, reds).every((s) => s === 'red'),
        name,
      ).toBe(true);
      expect(reds, name).toBeGreaterThan(0);
      await expect(page.locator('h2.group__title').allTextContents(), name).resolves.toEqual(['Behöver uppmärksamhet först']);
      await shoot(page, 'overview-cards-attention');
    }
  });

  it('speaks English on the cards in English mode, with English figures', async () => {
    const page = await e2e.openOverview(`/?enhet=SOC&period=${period}`, FULL_HD);
    await page.evaluate(() => localStorage.setItem('lagesbild.locale', 'en'));
    try {
      await page.reload();
      await page.getByTestId('kpi-card').first().waitFor();
      const sick = page.locator('[data-kpi="sjukfranvaro"]');
      await expect(sick.getByTestId('kpi-value').textContent()).resolves.toMatch(/^\d+\.\d %$/);
      await expect(sick.getByTestId('kpi-target').textContent()).resolves.toMatch(/^Target: \d+\.\d %$/);
      await expect(sick.getByTestId('kpi-direction').textContent()).resolves.toBe('↓ lower is better');
      const words = await page.getByTestId('kpi-card').evaluateAll((els) => els.map((el) => el.textContent ?? '').join(' '));
      // No Swedish words of the cards in English.
      expect(words).not.toMatch(/\b(Mål|mot|procentenheter|lägre|högre|Prognos|uppfyllt|ej bedömd|Inga data|Rapporterat)\b/);
      await shoot(page, 'overview-cards-en');
    } finally {
      await page.evaluate(() => localStorage.setItem('lagesbild.locale', 'sv'));
    }
  });
});
