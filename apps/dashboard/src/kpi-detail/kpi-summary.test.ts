// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { card } from '../test/fixtures.js';
import { render, visibleText } from '../test/render.js';
import KpiSummary from './KpiSummary.vue';
import type { OverviewCard } from '../api/types.js';

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
