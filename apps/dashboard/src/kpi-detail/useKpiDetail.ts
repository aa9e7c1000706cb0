import { parsePeriod } from '@lagesbild/domain';
import { computed, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { fetchKpis, fetchSeries } from '../api/detail.js';
import { useCachedOverview } from '../api/overview.js';
import { useCachedQuery } from '../api/query-cache.js';
import { kpisKey, seriesKey } from '../api/query-keys.js';
import type { Grain, SeriesResult, Split } from '../api/types.js';
import { chartRange, lastYearRange, type MonthRange } from './detail-range.js';
import { useDetailQuery } from './useDetailQuery.js';
import { useLiveQueries } from '../composables/useLiveQueries.js';

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
 * Everything the KPI view shows, loaded from its URL through the query cache:
 * the definition (kpi.list), the value, status and forecast for the period
 * (the overview's card) and the series with last year. Imports, targets and
 * comments that touch them refresh them live (useLiveQueries).
 */
export function useKpiDetail() {
  const query = useDetailQuery();
  const catalogue = useCachedQuery(kpisKey(), () => fetchKpis(), { staleTime: Infinity });
  // Only this KPI's card: a cold KPI view does not wait for the whole overview (220 ms of its first render).
  const summary = useCachedOverview(() => ({ unit: query.unit.value, period: query.period.value, eachAtLatest: false, kpi: query.kpi.value }));
  // "/kpi/x" without a period shows the latest month; once known, the URL says which.
  watch(summary.data, (d) => {
    if (d && query.period.value === undefined && d.unit === query.unit.value) void query.complete({ period: d.period });
  });
  const seriesQuestion = computed<SeriesQuestion | null>(() => {
    const period = query.period.value;
    if (period === undefined || !query.parsedPeriod.value) return null;
    return { kpi: query.kpi.value, unit: query.unit.value, period, grain: query.grain.value, split: query.split.value };
  });
  const series = useCachedQuery(
    () => seriesKey({ kpi: query.kpi.value, unit: query.unit.value, period: query.period.value, grain: query.grain.value, split: query.split.value }),
    () => (seriesQuestion.value ? loadSeries(seriesQuestion.value) : Promise.reject(new Error('no period'))),
    { enabled: () => seriesQuestion.value !== null },
  );
  useLiveQueries();

  const info = computed(() => catalogue.data.value?.find((k) => k.id === query.kpi.value) ?? null);
  const card = computed(() => summary.data.value?.cards.find((c) => c.kpi === query.kpi.value) ?? null);
  const { locale } = useI18n();
  /** A KPI's name in the reader's language. */
  const nameOf = (id: string) => {
    const k = catalogue.data.value?.find((x) => x.id === id);
    return (locale.value === 'en' ? k?.nameEn : k?.name) ?? id;
  };
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
