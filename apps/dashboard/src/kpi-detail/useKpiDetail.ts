import { parsePeriod } from '@lagesbild/domain';
import { computed, watch } from 'vue';
import { fetchKpis, fetchSeries } from '../api/detail.js';
import { fetchOverview } from '../api/overview.js';
import type { Grain, SeriesResult, Split } from '../api/types.js';
import { chartRange, lastYearRange, type MonthRange } from './detail-range.js';
import { useOverviewStore } from '../stores/overview.js';
import { useDetailQuery } from './useDetailQuery.js';
import { useLoader } from '../composables/useLoader.js';
import { useReconnect } from '../composables/useReconnect.js';

interface SeriesQuestion {
  kpi: string;
  unit: string;
  period: string;
  grain: Grain;
  split: Split;
}

export interface DetailSeries {
  question: SeriesQuestion;
  range: MonthRange;
  main: SeriesResult;
  /** The same months a year earlier, total only (null at year grain or with a split). */
  lastYear: SeriesResult | null;
}

async function loadSeries(q: SeriesQuestion): Promise<DetailSeries> {
  const range = chartRange(parsePeriod(q.period), q.grain);
  const ly = q.split === 'none' ? lastYearRange(range, q.grain) : null;
  const [main, lastYear] = await Promise.all([
    fetchSeries({ kpi: q.kpi, unit: q.unit, ...range, grain: q.grain, split: q.split }),
    ly ? fetchSeries({ kpi: q.kpi, unit: q.unit, ...ly, grain: q.grain, split: 'none' }) : Promise.resolve(null),
  ]);
  return { question: q, range, main, lastYear };
}

/**
 * Everything the KPI view shows, loaded from its URL: the definition (kpi.list),
 * the value, status and forecast for the period (the overview's card, reused
 * when the overview just loaded it), and the series with last year.
 */
export function useKpiDetail() {
  const query = useDetailQuery();
  const store = useOverviewStore();
  const catalogue = useLoader(() => fetchKpis());
  // Reused only when every card is at the overview's own period (after a partial import some show their latest month instead).
  const reusable = (d: typeof store.data) => d !== null && d.cards.every((c) => c.period === d.period);
  const summary = useLoader((q: { unit: string; period: string | undefined }) =>
    store.error === null && reusable(store.data) && store.answers(q.unit, q.period) && store.data ? Promise.resolve(store.data) : fetchOverview(q),
  );
  const series = useLoader(loadSeries);

  void catalogue.load(undefined);
  watch([query.unit, query.period], ([unit, period]) => void summary.load({ unit, period }), { immediate: true });
  // "/kpi/x" without a period shows the latest month; once known, the URL says which.
  watch(summary.data, (d) => {
    if (d && query.period.value === undefined && d.unit === query.unit.value) void query.complete({ period: d.period });
  });
  watch(
    [query.kpi, query.unit, query.period, query.grain, query.split],
    ([kpi, unit, period, grain, split]) => {
      if (period !== undefined && query.parsedPeriod.value) void series.load({ kpi, unit, period, grain, split });
    },
    { immediate: true },
  );
  useReconnect(() => {
    if (summary.error.value?.kind === 'offline') void summary.retry();
    if (series.error.value?.kind === 'offline') void series.retry();
    if (catalogue.error.value) void catalogue.retry();
  });

  const info = computed(() => catalogue.data.value?.find((k) => k.id === query.kpi.value) ?? null);
  const card = computed(() => summary.data.value?.cards.find((c) => c.kpi === query.kpi.value) ?? null);
  const nameOf = (id: string) => catalogue.data.value?.find((k) => k.id === id)?.name ?? id;
  /** The series on screen answers the URL (not an older question still shown while the new one loads). */
  const current = computed(() => {
    const d = series.data.value;
    return d && d.question.kpi === query.kpi.value && d.question.unit === query.unit.value ? d : null;
  });
  const error = computed(() => summary.error.value ?? series.error.value ?? catalogue.error.value);
  const loading = computed(() => summary.loading.value || series.loading.value);
  const retry = () => Promise.all([summary.retry(), series.retry(), catalogue.retry()]);

  return { query, info, card, nameOf, summary, series, current, error, loading, retry };
}
