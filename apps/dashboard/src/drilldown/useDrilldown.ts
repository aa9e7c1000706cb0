import { computed } from 'vue';
import { fetchDrilldown, fetchKpis } from '../api/detail.js';
import { useCachedOverview } from '../api/overview.js';
import { useCachedQuery } from '../api/query-cache.js';
import { drilldownKey, kpisKey } from '../api/query-keys.js';
import { useLiveQueries } from '../composables/useLiveQueries.js';
import { useDetailQuery } from '../kpi-detail/useDetailQuery.js';

/**
 * The drill-down's data through the query cache: the child units of the
 * URL's unit for its KPI, period, gender and age band, and the KPI catalogue. Imports
 * and targets that touch them refresh them live (useLiveQueries).
 */
export function useDrilldown() {
  const query = useDetailQuery();
  // The unit's latest month (the picker's limit, and the period when the URL names none): the overview's "/" answer, shared through the cache.
  const latest = useCachedOverview(() => ({ unit: query.unit.value, period: undefined, eachAtLatest: true }));
  const latestMonth = computed(() => (latest.data.value?.unit === query.unit.value ? latest.data.value.latestMonth : null));
  const period = computed(() => query.period.value ?? latestMonth.value);
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
  return { query, latestMonth, period, catalogue, drill, measure };
}
