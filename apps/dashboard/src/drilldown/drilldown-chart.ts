import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { ChartOption } from '../charts/echarts.js';
import { palette } from '../charts/page-palette.js';
import { escapeHtml } from '../kpi-detail/chart-option.js';

/** One child unit as the chart draws it: hidden values are never numbers here, only marked. */
export interface DrillBar {
  name: string;
  value: number | null;
  hidden: boolean;
  target: number | null;
  lastYear: number | null;
  lastYearHidden: boolean;
}

export interface DrillChartInput {
  rows: readonly DrillBar[];
  labels: { value: string; lastYear: string; target: string; hidden: string };
  formatValue: (v: number) => string;
  formatAxis: (v: number) => string;
}

/** Colours as the KPI chart's (3:1 against white); last year lighter, the target a dark tick, so colour is never alone. */
const VALUE = '#1d4e89';
/** Pixels per unit row and around the plot: the component sizes the chart by the number of units. */
const ROW_HEIGHT = 44;
const FRAME_HEIGHT = 72;

/** [value, last year] from the row, with the same source data the chart uses, from its DrilldownRow. */
export function drillBar(r: {
  name: string;
  value: number | null;
  hidden: unknown;
  target: number | null;
  change: { lastYear: { value: number | null; hidden: unknown } };
}): DrillBar {
  return {
    name: r.name,
    // A hidden value is already null from the server; it is not drawn as 0 either.
    value: r.hidden ? null : r.value,
    hidden: r.hidden !== null && r.hidden !== undefined,
    target: r.target,
    lastYear: r.change.lastYear.hidden ? null : r.change.lastYear.value,
    lastYearHidden: r.change.lastYear.hidden !== null && r.change.lastYear.hidden !== undefined,
  };
}

export const drillChartHeight = (rows: number): number => FRAME_HEIGHT + Math.max(1, rows) * ROW_HEIGHT;

/**
 * The drill-down as a chart: one row of horizontal bars per child unit in the
 * table's order (its value and last year's), the target as a tick on the
 * row. A unit whose value is hidden has no bar and says so beside its name.
 */
export function drillChartOption(input: DrillChartInput): ChartOption {
  const { rows, labels } = input;
  const names = rows.map((r) => (r.hidden ? `${r.name} (${labels.hidden})` : r.name));
  const series: (BarSeriesOption | LineSeriesOption)[] = [
    { type: 'bar', name: labels.value, data: rows.map((r) => r.value), itemStyle: { color: VALUE }, barMaxWidth: 16, barGap: '15%' },
    { type: 'bar', name: labels.lastYear, data: rows.map((r) => r.lastYear), itemStyle: { color: palette.lastYear }, barMaxWidth: 16 },
  ];
  if (rows.some((r) => r.target !== null)) {
    series.push({
      type: 'line',
      name: labels.target,
      data: rows.map((r) => r.target),
      color: palette.target,
      symbol: 'rect',
      symbolSize: [4, 30],
      lineStyle: { width: 0 },
      connectNulls: false,
      z: 5,
    });
  }
  const text = (v: number | null, hidden: boolean) => (hidden ? labels.hidden : v === null ? '–' : input.formatValue(v));
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: '#1c2733' }, itemGap: 14 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: { dataIndex?: number } | { dataIndex?: number }[]) => {
        const r = rows[(Array.isArray(p) ? p[0] : p)?.dataIndex ?? -1];
        if (!r) return '';
        const line = (label: string, value: string) => `<div>${escapeHtml(label)} <strong style="float:right;margin-left:1.2em">${escapeHtml(value)}</strong></div>`;
        return [
          `<div style="font-weight:700">${escapeHtml(r.name)}</div>`,
          line(labels.value, text(r.value, r.hidden)),
          line(labels.target, text(r.target, false)),
          line(labels.lastYear, text(r.lastYear, r.lastYearHidden)),
        ].join('');
      },
    },
    xAxis: { type: 'value', axisLabel: { color: '#4b5664', formatter: (v: number) => input.formatAxis(v) }, splitLine: { lineStyle: { color: '#e3e7ec' } } },
    // The first unit at the top, as in the table.
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { color: '#1c2733', width: 180, overflow: 'break', lineHeight: 15 },
      axisLine: { lineStyle: { color: '#7d8898' } },
    },
    series,
  };
}
