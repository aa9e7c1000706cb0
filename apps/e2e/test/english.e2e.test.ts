import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { WIDE } from './support/views.js';

/** Swedish words the server's finished text used to bring into the English UI. */
const SWEDISH = /\b(procentenheter|procent|hushåll|personer|anställda|ej bedömd|uppfyllt|Inga data|Prognos|helår|mot mål|mot budget|Mål|föregående|månad|jämfört)\b/i;
/** Swedish the server used to send as finished sentences: reorganisations, sources, its notes. */
const SWEDISH_PROSE = /(omorganis|sammanslogs|Källa|Flyttad från|Bytte namn|Upphörde|ej könsuppdelad|ej åldersuppdelad)/i;
/** A Swedish decimal comma ("8,1 %"); an English thousands comma has three digits after it. */
const DECIMAL_COMMA = /\d,\d{1,2}(?!\d)/;

describe('the English UI is English throughout', () => {
  const e2e = useChromium();
  const english = (path: string) => e2e.open(path, { viewport: WIDE, prepare: (p) => void p.addInitScript(() => localStorage.setItem('lagesbild.locale', 'en')) });
  /**
   * What the page says in its own words. Text the server has only in Swedish
   * is marked lang="sv" and left out; so is Kolada's comparison, whose
   * indicator titles and municipality names are Kolada's.
   */
  const mainText = (page: Page) =>
    page.evaluate(() => {
      const main = document.querySelector('main')?.cloneNode(true);
      if (!(main instanceof HTMLElement)) return '';
      main.querySelectorAll('[lang="sv"], [data-testid="kolada-comparison"]').forEach((e) => e.remove());
      document.body.append(main);
      const text = main.innerText;
      main.remove();
      return text;
    });

  it('the overview: English KPI names, English words and number formats', async () => {
    const page = await english('/?enhet=SOC&period=2022-T1');
    await page.getByTestId('kpi-card').first().waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    // kpi.list takes no input, so it is asked without one.
    const list = await page.request.get(`${e2e.app.url}/trpc/kpi.list`);
    const kpis = ((await list.json()) as { result: { data: { id: string; nameEn: string }[] } }).result.data;
    const cards = page.getByTestId('kpi-card');
    const n = await cards.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      const c = cards.nth(i);
      const id = await c.getAttribute('data-kpi');
      const k = kpis.find((x) => x.id === id);
      await expect(c.getByTestId('kpi-link').innerText()).resolves.toBe(k?.nameEn);
    }
    const text = await mainText(page);
    expect(text).not.toMatch(SWEDISH);
    expect(text).not.toMatch(SWEDISH_PROSE);
    expect(text).not.toMatch(DECIMAL_COMMA);
  });

  it('the KPI view and its drill-down: no Swedish words, no decimal commas', async () => {
    const page = await english('/kpi/sjukfranvaro?enhet=SOC&period=2022-T1');
    await page.getByTestId('detail-table').waitFor();
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe('Sick leave');
    await expect.poll(() => page.getByTestId('detail-value').innerText()).toMatch(/^\d+\.\d %$/);
    const text = await mainText(page);
    expect(text).not.toMatch(SWEDISH);
    expect(text).not.toMatch(DECIMAL_COMMA);

    await page.goto(`${e2e.app.url}/kpi/sjukfranvaro/enheter?enhet=SOC&period=2022-T1`);
    await page.getByTestId('drilldown-table').waitFor();
    await expect.poll(() => page.getByTestId('drill-value').first().innerText()).toMatch(/^(\d+\.\d %|–)$/);
    const drill = await mainText(page);
    expect(drill).not.toMatch(SWEDISH);
    expect(drill).not.toMatch(SWEDISH_PROSE);
    expect(drill).not.toMatch(DECIMAL_COMMA);
  });

  it('a KPI’s description, source, Kolada note and reorganisations in English', async () => {
    const page = await english('/kpi/hushall-utbetalt?enhet=VUX&period=2022-T1');
    await page.getByTestId('kpi-definition').waitFor();
    const definition = page.getByTestId('kpi-definition');
    await expect(definition.getByTestId('kpi-description').innerText()).resolves.toBe('Households paid during the month, mean per month over the period.');
    await expect(definition.getByTestId('kpi-source').innerText()).resolves.toBe(
      'Social assistance statistics (monthly report) and volume measures in the four-month and interim reports',
    );
    await expect(definition.locator('[lang="sv"]').count()).resolves.toBe(0);
    const detail = await mainText(page);
    expect(detail).not.toMatch(SWEDISH_PROSE);

    // The mapping's note on sick leave is written in English too, as a description is.
    await page.goto(`${e2e.app.url}/kpi/sjukfranvaro?enhet=SOC&period=2022-T1`);
    const note = page.getByTestId('kolada-note');
    await expect(note.innerText()).resolves.toBe("Kolada: all the municipality's employees, calendar year. Ours: the department's employees, per month.");
    await expect(note.getAttribute('lang')).resolves.toBeNull();
    await expect(page.getByTestId('kpi-source').getAttribute('lang')).resolves.toBeNull();

    // A personnel key figure beyond the main ones: its description is English too.
    await page.goto(`${e2e.app.url}/kpi/frisktal?enhet=SOC&period=2022-T1`);
    const frisktal = page.getByTestId('kpi-description');
    await expect(frisktal.innerText()).resolves.toMatch(/^Permanent employees with at most 5 days of sick leave/);
    await expect(frisktal.getAttribute('lang')).resolves.toBeNull();

    await page.goto(`${e2e.app.url}/kpi/hushall-utbetalt/enheter?enhet=VUX&period=2022-T1`);
    await page.getByTestId('drilldown-table').waitFor();
    const changes = page.getByTestId('drill-changes').first();
    await expect(changes.locator('summary').innerText()).resolves.toMatch(/^Reorganised \(\d+\)$/);
    await changes.locator('summary').click();
    await expect(changes.locator('li').first().innerText()).resolves.toMatch(/^(Moved from .+ to .+|Renamed from .+ to .+|Closed) \d{4}-\d{2}$/);
    const drill = await mainText(page);
    expect(drill).not.toMatch(SWEDISH_PROSE);
  });
});
