import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';

/**
 * A unit manager's scope holds in every month, on the demo data's
 * reorganisations (MYN split on 1 May 2019, myndighet vuxen VUXEN lent from
 * MYN-EBV to MYN-BUF June–December 2020, new avdelningar in 2022): each case below
 * was a leak when the scope was checked only at the period's last month.
 */
const KPI = 'arsarbetare';

describe('a unit manager reads her units only in the months they were hers (demo data, PGlite)', () => {
  const demo = demoCallers();

  it('a series of her avdelning split by unit marks a child outside after it moved away', async () => {
    const s = await demo.manager(['MYN-EBV']).series.get({ kpi: KPI, unit: 'MYN-EBV', start: '2020-05', end: '2020-12', split: 'unit' });
    const vuxen = s.series.find((l) => l.key === 'VUXEN');
    expect(vuxen?.points.map((p) => [p.period, p.outside])).toEqual([['2020-05', false], ...['06', '07', '08', '09', '10', '11', '12'].map((m) => [`2020-${m}`, true])]);
    expect(vuxen?.points[0]?.value).not.toBeNull();
    expect(vuxen?.points.slice(1).every((p) => p.value === null && p.target === null)).toBe(true);
    // What the admin sees for the same months: real figures, so the manager's nulls are not just missing data.
    const all = await demo.admin().series.get({ kpi: KPI, unit: 'VUXEN', start: '2020-06', end: '2020-12' });
    expect(all.series[0]?.points.every((p) => p.value !== null)).toBe(true);
  });

  it('a year grain of a unit that was away from June leaves out the year it spent partly under another avdelning', async () => {
    const api = demo.manager(['MYN-EBV']);
    const s = await api.series.get({ kpi: KPI, unit: 'VUXEN', start: '2020-01', end: '2021-12', grain: 'year' });
    expect(s.series[0]?.points.map((p) => [p.period, p.outside, p.value === null])).toEqual([
      ['2020', true, true],
      ['2021', false, false],
    ]);
    await expect(api.overview.get({ unit: 'VUXEN', period: '2020' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('"VUXEN" för 2020-06–2020-12') });
    // Her own avdelning over that year holds only what was under it each month: allowed.
    await expect(api.overview.get({ unit: 'MYN-EBV', period: '2020' })).resolves.toMatchObject({ unit: 'MYN-EBV' });
  });

  it('a manager of the dissolved MYN does not read its former children for 2019–2022', async () => {
    const api = demo.manager(['MYN']);
    const d = await api.drilldown.get({ kpi: KPI, unit: 'MYN', period: '2018-01:2022-12' });
    expect(d.children).toEqual([]);
    expect(d.childrenOutside).toBe(5);
    const s = await api.series.get({ kpi: KPI, unit: 'MYN', start: '2018-01', end: '2022-12', grain: 'year', split: 'unit' });
    expect(s.series.map((l) => l.key).sort()).toEqual(['BF', 'BU', 'EKBIST', 'SOCBO', 'VUXEN']);
    for (const line of s.series) {
      expect(line.points.map((p) => [p.period, p.outside])).toEqual([['2018', false], ...['2019', '2020', '2021', '2022'].map((y) => [y, true])]);
      expect(line.points.slice(1).every((p) => p.value === null)).toBe(true);
    }
    for (const unit of ['EKBIST', 'BU']) {
      await expect(api.overview.get({ unit, period: '2020' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.series.get({ kpi: KPI, unit, start: '2019-05', end: '2022-12' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('a range ending after a move is refused for the months before it, and a series marks them', async () => {
    const api = demo.manager(['MYN-BUF']);
    await expect(api.overview.get({ unit: 'VUXEN', period: '2020-01:2020-12' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('2020-01–2020-05') });
    await expect(api.drilldown.get({ kpi: KPI, unit: 'VUXEN', period: '2020-03:2020-08' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.comment.list({ kpi: KPI, unit: 'VUXEN', period: '2020-04:2020-07' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const s = await api.series.get({ kpi: KPI, unit: 'VUXEN', start: '2020-01', end: '2020-12' });
    expect(s.series[0]?.points.filter((p) => p.outside).map((p) => p.period)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05']);
    expect(s.series[0]?.points.filter((p) => !p.outside).every((p) => p.value !== null)).toBe(true);
    // The overview of a month after the move is hers; its last year, sparkline before June and the forecast's basis are not.
    const o = await api.overview.get({ unit: 'VUXEN', period: '2020-09' });
    const card = o.cards.find((c) => c.kpi === KPI);
    expect(card?.value).not.toBeNull();
    expect(card?.outside.lastYear).toBe(true);
    expect(card?.change.lastYear.value).toBeNull();
    expect(card?.outside.forecast).toBe(true);
    expect(card?.forecast.value).toBeNull();
    expect(card?.outside.sparkline.filter(Boolean).length).toBe(24 - 4);
    expect(card?.sparkline.slice(0, 20).every((v) => v === null)).toBe(true);
  });
});
