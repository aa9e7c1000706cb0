// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { OverviewCard } from '../api/types.js';
import { card } from '../test/fixtures.js';
import { render, visibleText } from '../test/render.js';
import KpiSummary from './KpiSummary.vue';

// Sick leave as the server sends it: every display in Swedish ("8,1 %", "procentenheter").
const sickLeave = (): OverviewCard =>
  card({
    kpi: 'sjukfranvaro',
    name: 'Sjukfrånvaro',
    nameEn: 'Sick leave',
    measureUnit: 'percent',
    decimals: 1,
    value: 8.1,
    display: '8,1 %',
    target: 6,
    targetDisplay: '6,0 %',
    status: 'red',
    change: {
      lastYear: { period: '2021-T1', periodLabel: 'T1 2021', window: { period: '2021-T1', label: 'T1 2021', labelEn: 'T1 2021' }, value: 7.4, display: '7,4 %' },
      absolute: 0.7,
      percent: 9.5,
      display: '+0,7 procentenheter',
    },
    forecast: {
      year: 2022,
      asOf: '2022-04',
      value: 7.25,
      display: '7,3 %',
      method: 'seasonal',
      explanation: 'säsongsmönster',
      explanationEn: 'seasonal pattern',
      annualTarget: 6,
      annualTargetDisplay: '6,0 %',
    },
  } as Partial<OverviewCard>);

describe('the KPI summary writes every figure in the reader’s language', () => {
  it('in English: points, not procentenheter, and decimal points throughout', () => {
    const text = visibleText(render(KpiSummary, { card: sickLeave(), periodLabel: 'T1 2022' }, 'en'));
    expect(text).toContain('8.1 %');
    expect(text).toContain('6.0 %');
    expect(text).toContain('7.3 %');
    expect(text).toMatch(/\+0\.7 percentage points/);
    expect(text).not.toMatch(/procentenheter|\d,\d/);
  });

  it('in Swedish: decimal commas and procentenheter', () => {
    const text = visibleText(render(KpiSummary, { card: sickLeave(), periodLabel: 'T1 2022' }, 'sv'));
    expect(text).toContain('8,1 %');
    expect(text).toContain('+0,7 procentenheter');
    expect(text).not.toMatch(/\d\.\d/);
  });
});

const forecast = (over: Partial<OverviewCard['forecast']> = {}): OverviewCard['forecast'] => ({
  year: 2022,
  asOf: '2022-04',
  value: 430,
  display: '430',
  method: 'seasonal',
  explanation: 'säsongsmönster',
  explanationEn: 'seasonal pattern',
  annualTarget: 420,
  annualTargetDisplay: '420',
  ...over,
});

describe('the KPI detail’s summary', () => {
  it('shows the förvaltning’s prognos apart from the mål and the computed forecast, with its source (001 l.427)', () => {
    const prognos = { value: 420, year: 2022, period: '2022-T1', origin: 'reported' as const, source: 'Prognos 2022, Tertialrapport T1 2022, 001 rad 427' };
    const wrapper = render(KpiSummary, { card: card({ forecast: forecast(), prognos }), periodLabel: 'T1 2022' });
    expect(wrapper.get('[data-testid="detail-prognos"]').text()).toBe('Förvaltningens prognos 2022: 420 (enligt rapport) · Prognos 2022, Tertialrapport T1 2022, 001 rad 427');
    expect(wrapper.get('[data-testid="detail-forecast"]').text()).toContain('Mål: 420');
  });

  it('names a budget a budget, in the forecast block too', () => {
    const cost = card({
      targetKind: 'budget',
      measureUnit: 'tkr',
      target: 41005,
      targetDisplay: '41 005 tkr',
      forecast: forecast({ annualTarget: 123015, annualTargetDisplay: '123 015 tkr' }),
    });
    const text = render(KpiSummary, { card: cost, periodLabel: 'T1 2022' }).text();
    expect(text).toContain('Budget: 41 005 tkr');
    expect(text).toContain('Budget: 123 015 tkr');
    expect(text).not.toContain('Mål');
    expect(render(KpiSummary, { card: cost, periodLabel: 'T1 2022' }).find('[data-testid="detail-prognos"]').exists()).toBe(false);
  });
});
