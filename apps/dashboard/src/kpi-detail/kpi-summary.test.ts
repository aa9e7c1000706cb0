// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { OverviewCard } from '../api/types.js';
import { card } from '../test/fixtures.js';
import { render } from '../test/render.js';
import KpiSummary from './KpiSummary.vue';

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
    const cost = card({ targetKind: 'budget', measureUnit: 'tkr', targetDisplay: '41 005 tkr', forecast: forecast({ annualTargetDisplay: '123 015 tkr' }) });
    const text = render(KpiSummary, { card: cost, periodLabel: 'T1 2022' }).text();
    expect(text).toContain('Budget: 41 005 tkr');
    expect(text).toContain('Budget: 123 015 tkr');
    expect(text).not.toContain('Mål');
    expect(render(KpiSummary, { card: cost, periodLabel: 'T1 2022' }).find('[data-testid="detail-prognos"]').exists()).toBe(false);
  });
});
