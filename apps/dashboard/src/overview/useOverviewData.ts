import { useQueryCache } from '@pinia/colada';
import { computed, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCachedOverview, useOverviewKey } from '../api/overview.js';
import { setCached } from '../api/query-cache.js';
import { useChangeMarks } from '../composables/useLiveEvents.js';
import { useLiveQueries } from '../composables/useLiveQueries.js';
import { useOfflinePeriod } from '../composables/useOfflinePeriod.js';
import { shownKey } from '../lib/hidden-text.js';
import { useOverviewQuery } from './useOverviewQuery.js';

/**
 * The overview page's data: the URL's unit and period through the query cache
 * (live events invalidate it, offline failures are retried with back-off).
 *
 * Offline, the screen keeps the last figures, and the pickers show what the
 * cards show, not what was asked: a period chosen meanwhile stays in the URL
 * and is shown as waiting, and is fetched as soon as the server answers again.
 */
export function useOverviewData() {
  const url = useOverviewQuery();
  const { unit, period, parsedPeriod, completeUrl } = url;
  const { t } = useI18n();
  const cache = useQueryCache();
  const keyOf = useOverviewKey();
  // On the latest month, a KPI not yet reported for it is shown at its own latest month (the card says which).
  const q = useCachedOverview(() => ({ unit: unit.value, period: period.value, eachAtLatest: true }));
  const data = q.data;

  // "/" shows the latest month; once known, the answer is also the latest month's, and the URL says which.
  watch(data, (d) => {
    if (!d || !q.current.value || period.value !== undefined || d.unit !== unit.value) return;
    setCached(cache, keyOf({ unit: d.unit, period: d.period, eachAtLatest: true }), d);
    void completeUrl(d.period);
  });

  // Imports, targets and comments elsewhere invalidate the answer (useLiveQueries); the cards whose figure or status changed are marked.
  useLiveQueries();
  const { changed, announcement, mark } = useChangeMarks();
  watch(data, (next, prev) => {
    if (!next || !prev || next === prev || next.unit !== prev.unit || next.period !== prev.period) return;
    const before = new Map(prev.cards.map((c) => [c.kpi, shownKey(c)]));
    const keys = next.cards.filter((c) => before.get(c.kpi) !== shownKey(c)).map((c) => c.kpi);
    if (keys.length > 0) mark(keys, t('live.changed', { n: keys.length }));
  });

  // Offline the pickers follow the cards (composables/useOfflinePeriod.ts); a unit chosen meanwhile waits as a period does.
  const { offline, following, pickerPeriod, waitingPeriod } = useOfflinePeriod({
    error: () => q.error.value,
    current: () => q.current.value,
    shown: () => data.value?.period,
    asked: () => period.value,
    retry: () => q.retry(),
  });
  const pickerUnit = computed(() => (following.value && data.value ? data.value.unit : unit.value));
  /** A unit or period chosen while offline, not yet shown: it loads when the server answers. */
  const waiting = computed(() => {
    const d = data.value;
    if (!following.value || !d) return null;
    const same = d.unit === unit.value && waitingPeriod.value === null;
    return same ? null : { unit: unit.value, period: parsedPeriod.value };
  });
  /** Stop waiting: the URL goes back to what the cards show. */
  function stayOnShown(): void {
    const d = data.value;
    if (d) void url.show(d.unit, d.period);
  }

  return {
    ...url,
    data,
    error: q.error,
    loading: q.loading,
    fetchedAt: q.fetchedAt,
    retry: q.retry,
    offline,
    stale: following,
    empty: computed(() => data.value !== null && data.value.cards.every((c) => c.value === null)),
    pickerPeriod,
    pickerUnit,
    waiting,
    stayOnShown,
    changed,
    announcement,
  };
}
