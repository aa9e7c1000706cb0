/**
 * Where ECharts modules are registered, through echarts/core so that only what
 * the charts use is bundled (the full `echarts` import is ~1 MB): here what every
 * chart needs, in small-charts.ts what only the small charts need.
 *
 * Rules for the next chart:
 * - import this module from the chart component (never from main.ts), so ECharts
 *   loads with the first view that draws a chart, not with the app shell;
 * - add a series type or component to `use` below only when a chart needs it,
 *   and extend `ChartOption` with its option type.
 *
 * The KPI detail chart draws lines (series, target, last year, forecast, the
 * tolerance band as a stacked area) and bars, with axes and tooltip. It uses the
 * canvas renderer because "save as PNG" (getDataURL) needs a canvas. Its legend
 * is HTML (kpi-detail/chart-legend.ts) and its comments are line series of their
 * own (a pin and a dashed line at their period), not ECharts' legend, mark point
 * and mark line components (~12 kB gzipped on the view's first render).
 * The small charts that should stay crisp on wall screens draw with SVG and an
 * ECharts legend, which they register themselves (small-charts.ts).
 *
 * The drill-down chart draws horizontal bars per child unit (value and last
 * year) with the target as a line series of symbols only.
 *
 * Colours: two themes, registered here once from the CSS custom properties
 * (charts/palette.ts, styles/base.css): THEME for the desk, WALL_THEME for the
 * dark wall. Every chart passes one (`:theme` on VChart, `init`'s second
 * argument); options name colours only by role, from `palette`.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { registerTheme, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

import { palette } from './page-palette.js';
import { lightTheme, wallTheme } from './palette.js';

use([CanvasRenderer, LineChart, BarChart, GridComponent, TooltipComponent]);

export const THEME = 'lagesbild';
export const WALL_THEME = 'lagesbild-wall';
registerTheme(THEME, lightTheme(palette));
registerTheme(WALL_THEME, wallTheme(palette));

/** The option type of every chart in the app: only the registered series and components. */
export type ChartOption = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** For a chart driven without vue-echarts (kpi-detail/KpiChart.vue) and one drawn off screen (the standalone PNG, chart-png.ts). */
export { init, throttle } from 'echarts/core';
