/**
 * The one place where ECharts modules are registered, through echarts/core so
 * that only what the charts use is bundled (the full `echarts` import is ~1 MB).
 *
 * Rules for the next chart:
 * - import this module from the chart component (never from main.ts), so ECharts
 *   loads with the first view that draws a chart, not with the app shell;
 * - add a series type or component to `use` below only when a chart needs it,
 *   and extend `ChartOption` with its option type.
 *
 * The KPI detail chart draws lines (series, target, last year, forecast, the
 * tolerance band as a stacked area) and bars, with axes, tooltip and legend. It
 * uses the canvas renderer because "save as PNG" (getDataURL) needs a canvas;
 * the SVG renderer stays for small charts that should stay crisp on wall screens.
 * Comments stand on it as mark points and mark lines at their period.
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
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type MarkPointComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { registerTheme, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

import { lightTheme, readPalette, wallTheme } from './palette.js';

use([CanvasRenderer, SVGRenderer, LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkPointComponent, MarkLineComponent]);

export const THEME = 'lagesbild';
export const WALL_THEME = 'lagesbild-wall';
const root = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
/** The chart colours by role, as the page's CSS defines them. */
export const palette = readPalette((v) => root?.getPropertyValue(v) ?? '');
registerTheme(THEME, lightTheme(palette));
registerTheme(WALL_THEME, wallTheme(palette));

/** The option type of every chart in the app: only the registered series and components. */
export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkPointComponentOption | MarkLineComponentOption
>;

export { default as VChart } from 'vue-echarts';
/** For a chart drawn off screen (the standalone PNG, chart-png.ts). */
export { init } from 'echarts/core';
