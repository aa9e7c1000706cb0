import { formatMonth, formatNumber, formatPeriod, formatValue, isRate, parsePeriod, yearOf } from '@lagesbild/domain';
import { computed, type ComputedRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { KpiInfo, OverviewCard, SeriesLine } from '../api/types.js';
import { detailChartOption } from './chart-option.js';
import { commentMarks } from './comment-marks.js';
import { detailTable, periodText } from './detail-table.js';
import { isHidden } from '../lib/hidden-text.js';
import { localizedText } from '../lib/localized-text.js';
import { forecastLine } from './forecast-line.js';
import type { DetailSeries } from './useKpiDetail.js';

/**
 * What the KPI view draws from the loaded data: the chart option, the table
 * under it (also the export) and the words around them, in the chosen language.
 */
export function useDetailView(
  current: ComputedRef<DetailSeries | null>,
  info: ComputedRef<KpiInfo | null>,
  card: ComputedRef<OverviewCard | null>,
  unitName: ComputedRef<string>,
  /** The comments the view loaded (newest first), drawn at their period. */
  comments: Ref<readonly { period: string; body: string }[]>,
) {
  const { t, locale } = useI18n();
  const lang = computed(() => (locale.value === 'en' ? 'en' : 'sv'));

  const lineLabel = (l: SeriesLine) =>
    ({ T: t('split.total'), K: t('split.women'), M: t('split.men') })[l.key] ?? (info.value?.ageBands.includes(l.key) ? t('split.band', { band: l.key }) : l.label);
  const lines = computed(() => current.value?.main.series ?? []);
  const first = computed(() => lines.value[0] ?? null);
  const grainWord = computed(() => t(`grain.per${{ month: 'Month', tertial: 'Tertial', year: 'Year' }[current.value?.question.grain ?? 'month']}`));
  const rangeText = computed(() => {
    const r = current.value?.range;
    if (!r) return '';
    const a = yearOf(r.start);
    const b = yearOf(r.end);
    return a === b ? String(a) : `${a}–${b}`;
  });
  const kpiName = computed(() => (lang.value === 'en' ? info.value?.nameEn : info.value?.name) ?? card.value?.name ?? '');
  const fmt = (v: number) => (info.value ? formatValue(v, info.value.unit, info.value.decimals, lang.value) : String(v));
  const empty = computed(() => current.value !== null && lines.value.every((l) => l.points.every((p) => p.value === null && p.display === '–')));

  const forecastInput = computed(() => {
    const f = card.value?.forecast;
    if (!f || current.value?.question.split !== 'none' || yearOf(current.value.range.end) !== f.year) return null;
    return { value: f.value, method: f.method, asOf: f.asOf, year: f.year };
  });
  const forecastValues = computed(() => {
    const k = info.value;
    if (!k || !first.value || !forecastInput.value) return null;
    const values = forecastLine(first.value.points, forecastInput.value, { timeAggregation: k.timeAggregation, ratio: isRate(k) });
    return values.some((v) => v !== null) ? values : null;
  });

  const marks = computed(() => commentMarks(comments.value, first.value?.points.map((p) => p.period) ?? [], (p) => formatPeriod(p, lang.value)));

  const option = computed(() => {
    const d = current.value;
    const ly = d?.lastYear?.series[0];
    const targets = first.value?.points.map((p) => p.target) ?? [];
    return detailChartOption({
      kind: d?.question.grain === 'month' ? 'line' : 'bar',
      categories: first.value?.points.map((p) => periodText(p.period, lang.value)) ?? [],
      lines: lines.value.map((l) => ({ key: l.key, name: lineLabel(l), values: l.points.map((p) => p.value) })),
      target: d?.question.split !== 'unit' && targets.some((v) => v !== null) ? { name: t('detail.targetLine'), values: targets } : null,
      // The series does not carry the tolerance yet, so there is no band to draw (see the report).
      band: null,
      lastYear: ly ? { name: t('detail.lastYear'), values: ly.points.map((p) => p.value) } : null,
      forecast:
        forecastValues.value && forecastInput.value
          ? { name: t('detail.forecastLine', { month: formatMonth(forecastInput.value.asOf, lang.value) }), values: forecastValues.value }
          : null,
      comments: { name: t('chartMarks.comment'), marks: marks.value, more: (n) => t('chartMarks.more', { n }) },
      formatValue: fmt,
      // Axis labels carry the unit too ("6 %", "4 000 tkr"), with a decimal only where the axis steps need one.
      formatAxis: (v) => (info.value ? formatValue(v, info.value.unit, v % 1 !== 0 ? 1 : 0, lang.value) : formatNumber(v, 0, lang.value)),
    });
  });

  const table = computed(() => {
    const d = current.value;
    const c = card.value;
    const suppressed = lines.value.some((l) => l.points.some(isHidden));
    const f =
      forecastInput.value && c
        ? {
            label: t('detail.forecast', { year: c.forecast.year }),
            display: c.forecast.display,
            target: c.forecast.annualTarget === null ? null : fmt(c.forecast.annualTarget),
            status: c.forecastStatus,
            value: c.forecast.value,
            targetValue: c.forecast.annualTarget,
          }
        : null;
    return detailTable({
      title: t('detail.tableCaption', { kpi: kpiName.value, unit: unitName.value, range: rangeText.value, grain: grainWord.value }),
      split: d?.question.split ?? 'none',
      lines: lines.value.map((l) => ({ ...l, label: lineLabel(l) })),
      lastYear: d?.lastYear?.series[0] ?? null,
      forecast: f,
      notes: [...(d?.main.unsplit ? [t(d.main.unsplit === 'gender' ? 'detail.notSplit' : 'detail.notSplitAge')] : []), ...(suppressed ? [t('detail.suppressedNote')] : [])],
      labels: { period: t('detail.period'), value: t('detail.valueColumn'), target: t('detail.target'), status: t('detail.status'), lastYear: t('detail.lastYear') },
      formatTarget: fmt,
      locale: lang.value,
      measure: info.value ? { unit: info.value.unit, decimals: info.value.decimals } : null,
    });
  });

  const chartLabel = computed(() => {
    const base = t('detail.chartLabel', { kpi: kpiName.value, unit: unitName.value, range: rangeText.value, grain: grainWord.value });
    return marks.value.length > 0 ? `${base} ${t('chartMarks.label', { periods: marks.value.map((m) => m.label).join(', ') })}` : base;
  });
  const periodLabel = computed(() => {
    const key = current.value?.question.period ?? card.value?.period;
    return key ? formatPeriod(parsePeriod(key), lang.value) : '';
  });
  /** What the saved PNG says about itself (chart-png.ts): the KPI, unit, range, grain, measure and source. */
  const pngFrame = computed(() => ({
    title: kpiName.value,
    subtitle: t('detail.pngSubtitle', {
      unit: unitName.value,
      range: rangeText.value,
      grain: grainWord.value,
      measure: info.value ? t(`target.units.${info.value.unit}`) : '',
    }),
    source: t('detail.pngSource', { source: localizedText(info.value?.source ?? '', info.value?.sourceEn, lang.value).text }),
  }));
  return { lang, kpiName, option, table, chartLabel, periodLabel, rangeText, empty, pngFrame };
}
