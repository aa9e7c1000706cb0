// @vitest-environment happy-dom
import type { Component } from 'vue';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AppLocale } from '../i18n/index.js';
import { card } from '../test/fixtures.js';
import { render as mountWith, visibleText } from '../test/render.js';
import KpiCard from './KpiCard.vue';
import StatusBadge from '../ui/StatusBadge.vue';
import StatusSummary from './StatusSummary.vue';

/** Mounts a component and gives it and its visible text. */
function render(component: Component, props: Record<string, unknown>, locale: AppLocale = 'sv') {
  // Cards link to the KPI view, so the app needs a router that knows its name.
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/kpi/:kpi', name: 'kpi', component: { render: () => null } }] });
  const wrapper = mountWith(component, props, locale, [router]);
  return { wrapper, text: visibleText(wrapper) };
}

describe('StatusBadge', () => {
  it('shows symbol and word and names the status for screen readers', () => {
    const { wrapper, text } = render(StatusBadge, { status: 'red' });
    expect(text).toBe('■ ej uppfyllt');
    expect(wrapper.find('[aria-label="Status: ej uppfyllt"]').exists()).toBe(true);
    expect(wrapper.find('[role="img"]').exists()).toBe(true);
  });
  it('speaks English when asked', () => {
    const { text, wrapper } = render(StatusBadge, { status: 'yellow' }, 'en');
    expect(text).toBe('◆ partly met');
    expect(wrapper.find('[aria-label="Status: partly met"]').exists()).toBe(true);
  });
});

describe('KpiCard', () => {
  it('names the window under the value where the KPI is measured over other months than the period (Delår 2020: volymmått jan–jun, sick leave 1/12–30/6)', () => {
    const delar = { period: '2020-D', periodLabel: 'Delår 2020' };
    const households = card({ ...delar, value: 587, display: '587', window: { period: '2020-01:2020-06', label: 'jan–jun 2020', labelEn: 'Jan–Jun 2020' } });
    const { wrapper } = render(KpiCard, { card: households });
    expect(wrapper.find('[data-testid="kpi-window"]').text()).toBe('Mätperiod jan–jun 2020');
    const sick = card({ ...delar, kpi: 'sjukfranvaro', window: { period: '2019-12:2020-06', label: '1/12 2019–30/6 2020', labelEn: '1 Dec 2019–30 Jun 2020' } });
    expect(render(KpiCard, { card: sick }, 'en').wrapper.find('[data-testid="kpi-window"]').text()).toBe('Measured 1 Dec 2019–30 Jun 2020');
    // A KPI measured over the period itself says nothing more.
    expect(render(KpiCard, { card: card() }).wrapper.find('[data-testid="kpi-window"]').exists()).toBe(false);
  });
  it('shows name, value, target and deviation, direction, change, status, prognos and provenance', () => {
    const { wrapper, text } = render(KpiCard, { card: card({ forecastStatus: 'red' }) });
    expect(wrapper.attributes('data-kpi')).toBe('hushall-utbetalt');
    expect(wrapper.element.tagName).toBe('ARTICLE');
    expect(text).toBe(
      'Hushåll med utbetalt försörjningsstöd 431 Mål: 420 +11 mot mål ↓ lägre är bättre −86 (−16,7 %) mot T1 2021 ◆ delvis uppfyllt Prognos ■ ej uppfyllt Rapporterat',
    );
    expect(wrapper.find('[aria-label="Prognos för helåret: ej uppfyllt"]').exists()).toBe(true);
  });
  it('shows the förvaltning’s prognos as a prognos with its origin and source, never as the mål (001 l.427: Prognos 2022 420)', () => {
    const prognos = { value: 420, year: 2022, period: '2022-T1', origin: 'reported' as const, source: 'Prognos 2022, Tertialrapport T1 2022, 001 rad 427' };
    const { wrapper } = render(KpiCard, { card: card({ target: null, targetDisplay: null, prognos }) });
    expect(wrapper.get('[data-testid="kpi-prognos"]').text()).toBe('Förvaltningens prognos 2022: 420 (enligt rapport)');
    expect(wrapper.get('[data-testid="kpi-prognos"]').attributes('title')).toBe(prognos.source);
    expect(wrapper.get('[data-testid="kpi-target"]').text()).toBe('Inget mål');
    const en = render(KpiCard, { card: card({ prognos: { ...prognos, origin: 'demo' } }) }, 'en');
    expect(en.wrapper.get('[data-testid="kpi-prognos"]').text()).toBe("Administration's forecast 2022: 420 (demo value)");
  });
  it('names a budget, writes the deviation in the KPI’s unit, and draws the 24 months', () => {
    const cost = card({
      kpi: 'placeringskostnad',
      name: 'Placeringskostnad',
      nameEn: 'Placement costs',
      measureUnit: 'tkr',
      targetKind: 'budget',
      value: 45_000,
      target: 41_005,
      status: 'red',
      forecastStatus: 'red',
      sparkline: [...Array.from({ length: 23 }, (_, i) => 3000 + i * 10), 3400],
    });
    const { wrapper } = render(KpiCard, { card: cost });
    expect(wrapper.get('[data-testid="kpi-target"]').text()).toBe('Budget: 41 005 tkr');
    expect(wrapper.get('[data-testid="kpi-deviation"]').text()).toBe('−3 995 tkr mot budget');
    expect(wrapper.get('[data-testid="kpi-sparkline"] path').attributes('d')).toMatch(/^M3,\d/);
    // English, with English words and English figures throughout.
    const en = render(KpiCard, { card: cost }, 'en');
    expect(en.text).toBe('Placement costs 45,000 tkr Budget: 41,005 tkr −3,995 tkr vs budget ↓ lower is better −86 tkr (−16.7 %) vs T1 2021 ■ not met Forecast ■ not met Reported');
  });
  it('marks the latest comment with its first line', () => {
    const { wrapper } = render(KpiCard, {
      card: card({ latestComment: { firstLine: 'Fler hushåll efter årsskiftet.', more: true, author: 'Anna', createdAt: '2022-05-02T08:00:00Z' } }),
    });
    const marker = wrapper.get('[data-testid="kpi-comment"]');
    expect(marker.text()).toBe('Kommentar: Fler hushåll efter årsskiftet. …');
    expect(marker.attributes('title')).toBe('Senaste kommentaren, av Anna');
    expect(render(KpiCard, { card: card() }).wrapper.find('[data-testid="kpi-comment"]').exists()).toBe(false);
  });
  it('says when there is no target, and marks synthetic demo values in words', () => {
    const { text } = render(KpiCard, { card: card({ target: null, targetDisplay: null, status: 'none', origin: 'synthetic' }) });
    expect(text).toContain('Inget mål');
    expect(text).toContain('○ ej bedömd');
    expect(text).toContain('Syntetiskt demovärde');
  });
  it('names its own month when it is shown at its latest measurement instead of the overview’s month', () => {
    const later = render(KpiCard, { card: card({ period: '2022-12' }), period: '2023-01' });
    expect(later.wrapper.get('[data-testid="kpi-as-of"]').text()).toBe('Senaste mätning: dec 2022');
    expect(
      render(KpiCard, { card: card({ period: '2022-12' }), period: '2022-12' })
        .wrapper.find('[data-testid="kpi-as-of"]')
        .exists(),
    ).toBe(false);
    expect(
      render(KpiCard, { card: card({ period: '2022-12' }), period: '2023-01' }, 'en')
        .wrapper.get('[data-testid="kpi-as-of"]')
        .text(),
    ).toBe('Latest measurement: Dec 2022');
  });
  it('says how many months have data when the period is not complete', () => {
    const { text } = render(KpiCard, { card: card({ monthsWithData: 3, monthsInPeriod: 4 }) });
    expect(text).toContain('3 av 4 månader har data');
    const full = render(KpiCard, { card: card() });
    expect(full.text).not.toContain('månader har data');
  });
  it('shows "Inga data" without a value, and the protected mark for a suppressed one', () => {
    const none = render(KpiCard, { card: card({ value: null, display: '–', status: 'none', origin: null, monthsWithData: 0 }) });
    expect(none.text).toBe('Hushåll med utbetalt försörjningsstöd Inga data Mål: 420 ↓ lägre är bättre ○ ej bedömd Prognos ○ ej bedömd');
    // The words come from the structured reason, in the reader's language, never from the text "<5".
    const hidden = render(KpiCard, {
      card: card({ value: null, display: 'x', suppressed: true, status: 'none', hidden: { mark: 'primary', noun: 'households', threshold: 5 } }),
    });
    expect(hidden.text).toContain('färre än 5 hushåll');
    expect(hidden.text).toContain('Dolt för att skydda enskilda');
    const days = render(KpiCard, { card: card({ value: null, display: 'x', suppressed: true, status: 'none', hidden: { mark: 'primary', noun: 'persons', threshold: 5 } }) });
    expect(days.text).toContain('färre än 5 personer');
    const secondary = render(KpiCard, {
      card: card({ value: null, display: 'x', suppressed: true, status: 'none', hidden: { mark: 'secondary', noun: null, threshold: 5 } }),
    });
    expect(secondary.text).toContain('..');
  });
});

describe('StatusSummary', () => {
  it('counts each status with symbol and word, in the order of the reports', () => {
    const { text } = render(StatusSummary, { counts: { green: 2, yellow: 2, red: 4, none: 22 }, periodLabel: 'T1 2022' });
    expect(text).toBe('Nyckeltalens status T1 2022 ● 2 uppfyllt ◆ 2 delvis uppfyllt ■ 4 ej uppfyllt ○ 22 ej bedömd');
  });
  it('adds the year-end prognos, worst first, each count a toggle for its filter; none judged: no row', async () => {
    const counts = { green: 2, yellow: 2, red: 4, none: 22 };
    const { wrapper, text } = render(StatusSummary, { counts, periodLabel: 'T1 2022', forecast: { green: 3, yellow: 0, red: 5 }, selectedForecast: 'red' });
    expect(text).toBe(
      'Nyckeltalens status T1 2022 ● 2 uppfyllt ◆ 2 delvis uppfyllt ■ 4 ej uppfyllt ○ 22 ej bedömd Prognos vid årets slut ■ 5 ej uppfyllt ◆ 0 delvis uppfyllt ● 3 uppfyllt',
    );
    expect(wrapper.get('[data-testid="forecast-summary-red"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('[data-testid="forecast-summary-yellow"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="forecast-summary-red"]').trigger('click');
    await wrapper.get('[data-testid="forecast-summary-green"]').trigger('click');
    expect(wrapper.emitted('selectForecast')).toEqual([[null], ['green']]);
    expect(wrapper.emitted('select')).toBeUndefined();
    const none = render(StatusSummary, { counts, periodLabel: 'T1 2022', forecast: { green: 0, yellow: 0, red: 0 } });
    expect(none.wrapper.find('[data-testid="forecast-summary"]').exists()).toBe(false);
  });
});
