import { readPalette } from './palette.js';

/**
 * The chart colours by role, as the page's CSS defines them. Apart from
 * charts/echarts.ts so that a chart's option can be built (kpi-detail/chart-option.ts)
 * without loading ECharts: the KPI view asks for its data while ECharts loads.
 */
const root = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
export const palette = readPalette((v) => root?.getPropertyValue(v) ?? '');
