import { useQueryCache } from '@pinia/colada';
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCachedOverview, useOverviewKey } from '../api/overview.js';
import { setCached } from '../api/query-cache.js';
import { useChangeMarks } from '../composables/useLiveEvents.js';
import { useLiveQueries } from '../composables/useLiveQueries.js';
import { useOnline } from '../composables/useOnline.js';
import { useReconnect } from '../composables/useReconnect.js';
import { shownKey } from '../lib/hidden-text.js';
import { tryParsePeriod } from '../lib/period-nav.js';
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

  const online = useOnline();
  /** The server last failed to answer; stays so while retrying, until an answer arrives. */
  const unanswered = ref(false);
  watch([q.error, q.current], ([e, current]) => {
    if (e?.kind === 'offline') unanswered.value = true;
    else if (e === null && current) unanswered.value = false;
  });
  const offline = computed(() => !online.value || unanswered.value);
  useReconnect(() => {
    if (q.error.value?.kind === 'offline') void q.retry();
  });

  /** The period the cards show. */
  const shownPeriod = computed(() => tryParsePeriod(data.value?.period));
  /** Offline the pickers follow the cards; online they follow a click at once (the cards follow when it is loaded). */
  const followCards = computed(() => offline.value && data.value !== null);
  const pickerPeriod = computed(() => (followCards.value ? shownPeriod.value : (parsedPeriod.value ?? shownPeriod.value)));
  const pickerUnit = computed(() => (followCards.value && data.value ? data.value.unit : unit.value));
  /** A unit or period chosen while offline, not yet shown: it loads when the server answers. */
  const waiting = computed(() => {
    const d = data.value;
    if (!followCards.value || !d) return null;
    const same = d.unit === unit.value && (period.value === undefined || d.period === period.value);
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
    stale: computed(() => offline.value && data.value !== null),
    empty: computed(() => data.value !== null && data.value.cards.every((c) => c.value === null)),
    pickerPeriod,
    pickerUnit,
    waiting,
    stayOnShown,
    changed,
    announcement,
  };
}
