import type { ChartOption } from '../charts/echarts.js';

export interface WallChartPoint {
  periodLabel: string;
  value: number | null;
  target: number | null;
}

export interface WallChartInput {
  points: readonly WallChartPoint[];
  /** The KPI's name (its legend entry). */
  name: string;
  /** The target line's legend entry ("Mål"). */
  targetName: string;
  /** The value axis's unit in words ("tkr", "%", "antal"), written above the axis; empty: none. */
  unitLabel: string;
  /** The wall's type size; every size in the chart follows it, so a 4K screen gets the same picture. */
  fontPx: number;
}

/** Swedish digit grouping on the axis, as everywhere else ("6 000 000", not "6,000,000"). */
const axisNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/**
 * The ECharts option of a wall chart slide: a KPI month by month with its
 * target, for a dark wall (thick lines, no animation). Pure, so it is tested
 * without a browser; the target line and legend only when a target exists.
 */
export function wallChartOption({ points, name, targetName, unitLabel, fontPx: f }: WallChartInput): ChartOption {
  const hasTarget = points.some((p) => p.target !== null);
  return {
    animation: false,
    // Colours come from the registered wall theme (charts/echarts.ts); sizes follow the wall's type size.
    textStyle: { fontSize: f, fontFamily: 'system-ui, sans-serif' },
    grid: { left: f * 6.5, right: f * 1.5, top: f * 3.2, bottom: f * 2.6 },
    legend: { show: hasTarget, top: 0, right: 0, textStyle: { fontSize: f }, itemWidth: f * 1.8, itemHeight: f * 0.7 },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.periodLabel),
      axisLabel: { fontSize: f * 0.9, interval: 3 },
    },
    yAxis: {
      type: 'value',
      // The unit above the axis, so a figure on it is never read without one.
      name: unitLabel,
      nameLocation: 'end',
      nameGap: f * 0.9,
      nameTextStyle: { fontSize: f, fontWeight: 'bold', align: 'right' },
      axisLabel: { fontSize: f * 0.9, formatter: (v: number) => axisNumber.format(v) },
    },
    series: [
      {
        name,
        type: 'line',
        data: points.map((p) => p.value),
        lineStyle: { width: f * 0.25 },
        symbolSize: f * 0.45,
        connectNulls: false,
      },
      ...(hasTarget
        ? [
            {
              name: targetName,
              type: 'line' as const,
              data: points.map((p) => p.target),
              lineStyle: { width: f * 0.15, type: 'dashed' as const },
              symbol: 'none',
            },
          ]
        : []),
    ],
  };
}
