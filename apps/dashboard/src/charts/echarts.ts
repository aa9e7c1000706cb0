/**
 * The one place where ECharts modules are registered, through echarts/core so
 * that only what the charts use is bundled (the full `echarts` import is ~1 MB).
 *
 * Rules for the next chart:
 * - import this module from the chart component (never from main.ts), so ECharts
 *   loads with the first view that draws a chart, not with the app shell;
 * - add a series type or component (GridComponent, TooltipComponent, …) to `use`
 *   below only when a chart needs it, and extend `ChartOption` with its option type.
 *
 * Nothing draws a chart yet; the sparklines in the overview cards (the API already
 * sends `sparkline`) will be the first: a line series drawn with the SVG renderer,
 * which stays crisp on wall screens and needs no canvas.
 */
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([SVGRenderer, LineChart]);

/** The option type of every chart in the app: only the registered series and components. */
export type ChartOption = ComposeOption<LineSeriesOption>;

export { default as VChart } from 'vue-echarts';
