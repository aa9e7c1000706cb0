import { describe, expect, it } from 'vitest';
import { wallRequestKey, wallRequests } from './wall.js';

const at = (latestMonth: string | null) => ({ latestMonth, today: '2022-12' });

describe('the requests a wall slide makes', () => {
  it('resolves "latest" against the latest month, each KPI at its own newest one, and makes no request before there is data', () => {
    const slide = { kind: 'overview' as const, unit: 'BU', period: 'latest' };
    expect(wallRequests(slide, at('2022-04'))).toEqual([{ path: 'overview.get', input: { unit: 'BU', period: '2022-04', eachAtLatest: true } }]);
    expect(wallRequests(slide, at(null))).toEqual([]);
    // A slide fixed on that month asks without the rule, and is another request to the allowlist.
    const keys = [wallRequests({ ...slide, period: '2022-04' }, at('2022-04')), wallRequests(slide, at('2022-04'))].map((rs) => rs.map(wallRequestKey));
    expect(keys).toEqual([['overview|BU|2022-04'], ['overview|BU|2022-04|latest']]);
  });
  it('asks a chart for 24 months unsplit and the tree of its last month, and a drill-down in total', () => {
    expect(wallRequests({ kind: 'chart', unit: 'SOC', kpi: 'k', period: '2022-T1' }, at('2022-12'))).toEqual([
      { path: 'series.get', input: { kpi: 'k', unit: 'SOC', start: '2020-05', end: '2022-04', grain: 'month', split: 'none' } },
      { path: 'unit.tree', input: { month: '2022-04' } },
    ]);
    expect(wallRequests({ kind: 'drilldown', unit: 'SOC', kpi: 'k', period: '2022' }, at(null))).toEqual([
      { path: 'drilldown.get', input: { kpi: 'k', unit: 'SOC', period: '2022', gender: 'T' } },
    ]);
  });
  it('gives a request the key of its slide, and another period, kind or unit another key', () => {
    const key = (period: string, unit = 'SOC') => wallRequestKey({ path: 'overview.get', input: { unit, period } });
    const [slide] = wallRequests({ kind: 'redlist', unit: 'SOC', period: '2022-T1' }, at(null));
    expect(slide && wallRequestKey(slide)).toBe(key('2022-T1'));
    expect(key('2022-01:2022-04')).not.toBe(key('2022-T1'));
    expect(key('2022-03')).not.toBe(key('2022-04'));
    expect(key('2022-03', 'BU')).not.toBe(key('2022-03'));
    expect(wallRequestKey({ path: 'drilldown.get', input: { kpi: 'k', unit: 'SOC', period: '2022', gender: 'T' } })).not.toBe(key('2022'));
  });
  it('resolves "hittills i år" and "innevarande tertial" to ordinary period requests, without the latest rule', () => {
    expect(wallRequests({ kind: 'redlist', unit: 'SOC', period: 'ytd' }, at('2022-05'))).toEqual([{ path: 'overview.get', input: { unit: 'SOC', period: '2022-05-YTD' } }]);
    expect(wallRequests({ kind: 'drilldown', unit: 'SOC', kpi: 'k', period: 'tertial' }, at('2022-05'))).toEqual([
      { path: 'drilldown.get', input: { kpi: 'k', unit: 'SOC', period: '2022-T2', gender: 'T' } },
    ]);
    expect(wallRequests({ kind: 'overview', unit: 'SOC', period: 'tertial' }, at(null))).toEqual([]);
  });
});
