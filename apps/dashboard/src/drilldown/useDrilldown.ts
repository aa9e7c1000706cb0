import { computed } from 'vue';
import { fetchDrilldown, fetchKpis } from '../api/detail.js';
import { useCachedQuery } from '../api/query-cache.js';
import { drilldownKey, kpisKey } from '../api/query-keys.js';
import { useLiveQueries } from '../composables/useLiveQueries.js';
import { useDetailQuery } from '../kpi-detail/useDetailQuery.js';
import { useOverviewStore } from '../stores/overview.js';

/**
 * The drill-down's data through the query cache: the child units of the
 * URL's unit for its KPI, period, gender and age band, and the KPI catalogue. Imports
 * and targets that touch them refresh them live (useLiveQueries).
 */
export function useDrilldown() {
  const query = useDetailQuery();
  const store = useOverviewStore();
  // The period: from the URL, else the one the overview shows, else the latest month the server knows.
  const period = computed(() => query.period.value ?? store.data?.period ?? store.data?.latestMonth ?? null);
  const ageBand = computed(() => query.ageBand.value || undefined);
  const question = computed(() =>
    period.value ? { kpi: query.kpi.value, unit: query.unit.value, period: period.value, gender: query.gender.value, ageBand: ageBand.value } : null,
  );
  const catalogue = useCachedQuery(kpisKey(), () => fetchKpis(), { staleTime: Infinity });
  const drill = useCachedQuery(
    () => drilldownKey({ kpi: query.kpi.value, unit: query.unit.value, period: period.value, gender: query.gender.value, ageBand: ageBand.value ?? '' }),
    () => (question.value ? fetchDrilldown(question.value) : Promise.reject(new Error('no period'))),
    { enabled: () => question.value !== null },
  );
  useLiveQueries();
  /** The KPI's unit and decimals, to write its values in the reader's language. */
  const measure = computed(() => {
    const k = catalogue.data.value?.find((x) => x.id === query.kpi.value);
    return k ? { unit: k.unit, decimals: k.decimals } : null;
  });
  return { query, store, period, catalogue, drill, measure };
}
