import { useI18n } from 'vue-i18n';
import { overviewKey } from '../api/query-keys.js';
import { shownKey } from '../lib/hidden-text.js';
import { useOverviewStore } from '../stores/overview.js';
import { invalidates } from './live-invalidation.js';
import { useChangeMarks, useLiveEvents } from './useLiveEvents.js';

/**
 * Live updates for the overview: when an event touches the unit and months on
 * screen, the overview store asks again, and the cards whose figure or status
 * changed are marked (class is-changed) and announced politely.
 */
export function useLiveOverview() {
  const store = useOverviewStore();
  const { t } = useI18n();
  const { changed, announcement, mark } = useChangeMarks();
  const live = useLiveEvents({
    onEvent: async (e) => {
      const d = store.data;
      if (!d || store.loading) return;
      // The same mapping from events to answers as every cached query (live-invalidation.ts).
      if (!invalidates(e, overviewKey(d.unit, d.period))) return;
      const before = new Map(d.cards.map((c) => [c.kpi, shownKey(c)]));
      await store.retry();
      const after = store.data?.cards ?? [];
      const keys = after.filter((c) => before.get(c.kpi) !== shownKey(c)).map((c) => c.kpi);
      if (keys.length > 0) mark(keys, t('live.changed', { n: keys.length }));
    },
  });
  return { changed, announcement, healthy: live.healthy };
}
