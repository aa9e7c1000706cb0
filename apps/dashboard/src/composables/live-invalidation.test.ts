import { PiniaColada, useQueryCache } from '@pinia/colada';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { drilldownKey, kpisKey, overviewKey, seriesKey, type QueryKey } from '../api/query-keys.js';
import { invalidates } from './live-invalidation.js';
import type { LiveEvent } from './useLiveEvents.js';
import { liveEvent } from '../test/fixtures.js';
import { invalidateFor } from './useLiveQueries.js';

const event = liveEvent;

// What the KPI view (sick leave at BoF in T1 2022, per month) and its drill-down keep in the cache.
const detail = {
  summary: overviewKey({ org: 'demo', unit: 'BOF', period: '2022-T1', eachAtLatest: false, kpi: 'sjuk' }),
  series: seriesKey({ kpi: 'sjuk', unit: 'BOF', period: '2022-T1', grain: 'month', split: 'none' }),
  drill: drilldownKey({ kpi: 'sjuk', unit: 'BOF', period: '2022-T1', gender: 'T' }),
  kpis: kpisKey(),
};
const stale = (e: LiveEvent) =>
  Object.entries(detail)
    .filter(([, key]) => invalidates(e, key))
    .map(([name]) => name);

describe('live events to query keys', () => {
  it('an import, its rollback or a target refreshes the detail summary, series and drill-down, never the catalogue', () => {
    const touching = { affectedUnits: ['BOF', 'SOC'], affectedKpis: ['sjuk'], payload: { months: ['2022-02'] } };
    for (const kind of ['import.committed', 'import.rolled_back', 'target.set'] as const) {
      expect(stale(event(kind, touching))).toEqual(['summary', 'series', 'drill']);
    }
  });

  it('a comment refreshes the comments and the card (its marker), not the figures', () => {
    expect(stale(event('comment.added', { affectedUnits: ['BOF'], affectedKpis: ['sjuk'] }))).toEqual(['summary']);
    expect(invalidates(event('comment.added'), ['comments', { unit: 'BOF', kpi: 'sjuk' }])).toBe(true);
  });

  it('an event for another unit, KPI or a month outside what the view shows refreshes nothing', () => {
    expect(stale(event('import.committed', { affectedUnits: ['VUX'] }))).toEqual([]);
    // The summary holds only this KPI's card; the whole overview has every KPI's.
    expect(stale(event('import.committed', { affectedKpis: ['hh'] }))).toEqual([]);
    expect(invalidates(event('import.committed', { affectedKpis: ['hh'] }), overviewKey({ org: 'demo', unit: 'BOF', period: '2022-T1', eachAtLatest: true }))).toBe(true);
    expect(stale(event('target.set', { payload: { months: ['2019-01'] } }))).toEqual([]);
  });

  it('the series covers last year too: an import of last year’s months refreshes it, and the drill-down (its change)', () => {
    expect(stale(event('import.committed', { payload: { months: ['2021-02'] } }))).toEqual(['summary', 'series', 'drill']);
  });

  it('boards, goals, follow-ups and reports refresh no cached figure', () => {
    for (const kind of ['board.saved', 'goal.assessed', 'follow_up.changed', 'report.changed'] as const) {
      expect(stale(event(kind))).toEqual([]);
    }
  });

  it('invalidates exactly the touched entries of a real query cache', () => {
    const app = createApp({});
    app.use(createPinia()).use(PiniaColada);
    const cache = app.runWithContext(() => useQueryCache());
    const other: QueryKey = seriesKey({ kpi: 'sjuk', unit: 'VUX', period: '2022-T1', grain: 'month', split: 'none' });
    for (const key of [...Object.values(detail), other]) cache.setQueryData(key, 'answer');
    void invalidateFor(cache, event('target.set', { affectedUnits: ['BOF', 'SOC'], affectedKpis: ['sjuk'], payload: { months: ['2022-03'] } }));
    const invalidated = cache
      .getEntries()
      .filter((e) => e.when === 0)
      .map((e) => e.key);
    expect(invalidated).toEqual([detail.summary, detail.series, detail.drill]);
  });
});
