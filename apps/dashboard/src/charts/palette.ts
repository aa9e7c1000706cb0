/**
 * The charts' colours by role, named as the CSS custom properties they are
 * read from (styles/base.css), so a chart and the page around it share one
 * palette. page-palette.ts reads them once; charts/echarts.ts registers the two themes.
 */
export const PALETTE_VARS = {
  text: '--text',
  muted: '--text-muted',
  axis: '--chart-axis',
  grid: '--chart-grid',
  target: '--chart-target',
  lastYear: '--chart-last-year',
  forecast: '--chart-forecast',
  band: '--chart-band',
  comment: '--chart-comment',
  wallText: '--wall-chart-text',
  wallMuted: '--wall-chart-muted',
  wallAxis: '--wall-chart-axis',
  wallGrid: '--wall-chart-grid',
  wallLine: '--wall-chart-line',
  wallTarget: '--wall-chart-target',
} as const;
/** The series colours in order: total (or the first unit), women, men, then further units. */
export const SERIES_VARS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7', '--chart-8'] as const;

export type ChartPalette = Record<keyof typeof PALETTE_VARS, string> & { series: string[] };

/** The palette from a reader of custom properties (getComputedStyle in the browser). */
export function readPalette(get: (property: string) => string): ChartPalette {
  const roles = Object.fromEntries(Object.entries(PALETTE_VARS).map(([role, v]) => [role, get(v).trim()])) as Record<keyof typeof PALETTE_VARS, string>;
  return { ...roles, series: SERIES_VARS.map((v) => get(v).trim()) };
}

const axis = (label: string, line: string, grid: string) => ({
  axisLabel: { color: label },
  axisLine: { lineStyle: { color: line } },
  axisTick: { lineStyle: { color: line } },
  splitLine: { lineStyle: { color: grid } },
});

/** The desk's theme: page text for the legend, muted axis labels, the series palette. */
export function lightTheme(p: ChartPalette) {
  return {
    color: p.series,
    textStyle: { color: p.text },
    legend: { textStyle: { color: p.text } },
    categoryAxis: axis(p.muted, p.axis, p.grid),
    valueAxis: axis(p.muted, p.axis, p.grid),
  };
}

/** The wall's theme: light text on the dark wall, its line and target colours. */
export function wallTheme(p: ChartPalette) {
  return {
    color: [p.wallLine, p.wallTarget],
    backgroundColor: 'transparent',
    textStyle: { color: p.wallText },
    legend: { textStyle: { color: p.wallText } },
    categoryAxis: axis(p.wallMuted, p.wallAxis, p.wallGrid),
    valueAxis: axis(p.wallMuted, p.wallAxis, p.wallGrid),
  };
}
