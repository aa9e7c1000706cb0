import type { MaybeRefOrGetter } from 'vue';
import { toValue } from 'vue';
import { useSessionStore } from '../stores/session.js';
import { useCachedQuery, type CachedQueryOptions } from './query-cache.js';
import { overviewKey, type OverviewQuestion } from './query-keys.js';
import { trpc } from './trpc.js';
import type { Overview, OverviewQuery } from './types.js';

/** Every KPI of a unit for a period (the server picks the latest month when no period is given). */
function fetchOverview(query: OverviewQuery): Promise<Overview> {
  return trpc.overview.get.query(query);
}

/** The question without the organisation, which comes from the session. */
export type OverviewAsk = Omit<OverviewQuestion, 'org'>;

/** The signed-in organisation, part of every overview key. */
export function useOverviewKey(): (q: OverviewAsk) => ReturnType<typeof overviewKey> {
  const session = useSessionStore();
  return (q) => overviewKey({ org: session.me?.organisation.id ?? null, ...q });
}

/**
 * A unit's overview through the query cache (api/query-cache.ts): the overview
 * page, the KPI view's summary and the drill-down's latest month share one
 * entry per organisation, unit, period and eachAtLatest, invalidated by the
 * live map (composables/live-invalidation.ts) and retried with its back-off.
 */
export function useCachedOverview(question: MaybeRefOrGetter<OverviewAsk>, opts: CachedQueryOptions = {}) {
  const keyOf = useOverviewKey();
  return useCachedQuery(
    () => keyOf(toValue(question)),
    () => {
      const { unit, period, eachAtLatest, kpi } = toValue(question);
      return fetchOverview({ unit, period, eachAtLatest, ...(kpi === undefined ? {} : { kpi }) });
    },
    opts,
  );
}
