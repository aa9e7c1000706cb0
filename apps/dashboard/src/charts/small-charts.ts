/**
 * What the small charts (drill-down, budget, wall) draw with and the KPI detail
 * chart does not: vue-echarts' component, the SVG renderer and ECharts' legend.
 * They import this module (which registers charts/echarts.ts too), so the KPI view's first
 * render loads none of them (vite.config.ts splits the ECharts chunk by the
 * views that use each module).
 */
import { LegendComponent } from 'echarts/components';
// What every chart draws with (the series types, axes, tooltip, canvas and themes).
import './echarts.js';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([SVGRenderer, LegendComponent]);

export { default as VChart } from 'vue-echarts';
