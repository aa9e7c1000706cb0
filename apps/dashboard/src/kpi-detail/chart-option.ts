import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { ChartOption } from '../charts/echarts.js';
import { palette } from '../charts/page-palette.js';
import type { CommentMark } from './comment-marks.js';

interface ChartLine {
  /** Series key from the API (T, K, M or a unit code); picks the colour and symbol. */
  key: string;
  name: string;
  values: (number | null)[];
}

export interface DetailChartInput {
  /** Lines for months, bars for tertials and years. */
  kind: 'line' | 'bar';
  categories: string[];
  lines: ChartLine[];
  /** The target per period; monthly budgets change by month, so it is drawn as steps. */
  target: { name: string; values: (number | null)[] } | null;
  /** Where yellow ends: the target plus or minus the tolerance, drawn as a band from the target. */
  band: { name: string; lower: (number | null)[]; upper: (number | null)[] } | null;
  lastYear: { name: string; values: (number | null)[] } | null;
  forecast: { name: string; values: (number | null)[] } | null;
  /** Comments at their period (comment-marks.ts): a pin over the category, a dashed line down it, the first line in the tooltip. */
  comments?: { name: string; marks: readonly CommentMark[]; more: (n: number) => string } | null;
  /** Tooltip text of a value ("4 164 tkr"); the axis gets the number alone. */
  formatValue: (v: number) => string;
  formatAxis: (v: number) => string;
}

/* Colours come from the theme's palette (charts/palette.ts); lines also differ by symbol and dash, so colour is never alone. */
const GENDER_INDEX: Record<string, number> = { T: 0, K: 1, M: 2 };
const SYMBOLS = ['circle', 'diamond', 'triangle', 'rect', 'roundRect', 'pin', 'arrow', 'emptyCircle'];
/** Room above the plot on screen for the top axis label; the legend is HTML above the chart. */
export const PLOT_TOP = 16;
export const LEGEND_ROW = 22;
/** A legend item on the PNG (chart-png.ts): the key (25) and the gap before the text (5); then LEGEND_GAP to the next one. */
export const LEGEND_ICON = 30;
export const LEGEND_GAP = 14;
/** What the axis tooltip gets from ECharts for each series at the hovered category (the fields it reads). */
interface AxisParam {
  seriesIndex?: number;
  seriesName?: string;
  dataIndex?: number;
  name?: string;
  value?: unknown;
  marker?: unknown;
}

/** Comment bodies are the users' own text: the tooltip is HTML, so every text in it is escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function colourOf(key: string, i: number): string | undefined {
  const s = palette.series;
  return s[GENDER_INDEX[key] ?? i % s.length];
}

/** The ECharts option of the KPI detail chart, from plain arrays (pure, so it is tested without a browser). */
export function detailChartOption(input: DetailChartInput): ChartOption {
  const series: (LineSeriesOption | BarSeriesOption)[] = [];
  if (input.band) {
    const { lower, upper } = input.band;
    // A stacked pair: an invisible base at the lower edge and the band's height on top of it.
    series.push({
      type: 'line',
      id: 'band#base',
      name: input.band.name,
      stack: 'band',
      data: lower,
      lineStyle: { opacity: 0 },
      symbol: 'none',
      step: 'middle',
      silent: true,
      tooltip: { show: false },
    });
    series.push({
      type: 'line',
      id: 'band',
      name: input.band.name,
      stack: 'band',
      data: upper.map((u, i) => {
        const l = lower[i];
        return u === null || l === null || l === undefined ? null : u - l;
      }),
      lineStyle: { opacity: 0 },
      areaStyle: { color: palette.band },
      symbol: 'none',
      step: 'middle',
      silent: true,
      tooltip: { show: false },
    });
  }
  input.lines.forEach((l, i) => {
    const colour = colourOf(l.key, i);
    if (input.kind === 'bar') series.push({ type: 'bar', id: `line:${l.key}`, name: l.name, data: l.values, itemStyle: { color: colour }, barMaxWidth: 48 });
    else
      series.push({
        type: 'line',
        id: `line:${l.key}`,
        name: l.name,
        data: l.values,
        color: colour,
        symbol: SYMBOLS[i % SYMBOLS.length],
        symbolSize: 7,
        lineStyle: { width: 2.5 },
        connectNulls: false,
      });
  });
  if (input.lastYear) {
    series.push({
      type: 'line',
      id: 'last-year',
      name: input.lastYear.name,
      data: input.lastYear.values,
      color: palette.lastYear,
      symbol: 'emptyCircle',
      symbolSize: 6,
      lineStyle: { width: 1.5, type: 'dotted' },
    });
  }
  if (input.target) {
    series.push({
      type: 'line',
      id: 'target',
      name: input.target.name,
      data: input.target.values,
      color: palette.target,
      step: 'middle',
      symbol: 'none',
      lineStyle: { width: 2, type: 'dashed' },
    });
  }
  if (input.forecast) {
    series.push({
      type: 'line',
      id: 'forecast',
      name: input.forecast.name,
      data: input.forecast.values,
      color: palette.forecast,
      symbol: 'emptyDiamond',
      symbolSize: 9,
      lineStyle: { width: 2, type: [6, 4] },
    });
  }
  const comments = input.comments && input.comments.marks.length > 0 ? input.comments : null;
  if (comments) series.push(...commentSeries(comments, series, input));
  // No ECharts legend: the page draws its own above the chart (chart-legend.ts).
  return {
    animation: false,
    grid: { left: 8, right: 16, top: PLOT_TOP, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', formatter: (p: AxisParam | AxisParam[]) => axisTooltip(Array.isArray(p) ? p : [p], series, input, comments) },
    xAxis: { type: 'category', data: input.categories },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => input.formatAxis(v) } },
    series,
  };
}

/** How many rows a plain legend wraps into across `width`, given the width of each item's text. */
export function legendRows(textWidths: readonly number[], width: number): number {
  let rows = 0;
  let x = 0;
  for (const w of textWidths) {
    const item = LEGEND_ICON + w;
    if (rows === 0 || (x > 0 && x + item > width)) {
      rows++;
      x = 0;
    }
    x += item + LEGEND_GAP;
  }
  return rows;
}

/** The space above the plot on the PNG for a legend of that many rows drawn there. */
export const plotTop = (rows: number): number => Math.max(48, rows * LEGEND_ROW + 20);

/**
 * The comments' own series, drawn as ordinary line series (no mark point or
 * mark line components to load): a pin above each commented category at the
 * height of the first series there, with how many comments stand there, and a
 * dashed line down the category from the top of the drawn values to the axis.
 * All carry the comments' name, so they share one legend entry, and are left
 * out of the axis tooltip (it tells the comment itself). Silent.
 */
function commentSeries(comments: NonNullable<DetailChartInput['comments']>, drawn: readonly (LineSeriesOption | BarSeriesOption)[], input: DetailChartInput): LineSeriesOption[] {
  const numbers = (d: unknown): number[] => (Array.isArray(d) ? d.filter((v): v is number => typeof v === 'number') : []);
  const heightAt = (i: number): number => {
    for (const s of drawn) {
      const v = (s.data as unknown[] | undefined)?.[i];
      if (typeof v === 'number' && s.stack === undefined) return v;
    }
    return 0;
  };
  // The band is stacked: its drawn top is the upper edge, not its series' data.
  const values = [...drawn.filter((s) => s.stack === undefined).flatMap((s) => numbers(s.data)), ...numbers(input.band?.upper), ...numbers(input.band?.lower)];
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const count = new Map(comments.marks.map((m) => [m.index, 1 + m.more]));
  const pins: LineSeriesOption = {
    type: 'line',
    id: 'comments',
    name: comments.name,
    data: input.categories.map((_, i) => (count.has(i) ? heightAt(i) : null)),
    color: palette.comment,
    lineStyle: { opacity: 0 },
    symbol: 'pin',
    symbolSize: 30,
    showAllSymbol: true,
    connectNulls: false,
    silent: true,
    emphasis: { disabled: true },
    tooltip: { show: false },
    z: 4,
    // The pin's number: how many comments stand at the category.
    label: { show: true, position: 'inside', color: '#fff', fontSize: 11, fontWeight: 700, formatter: (p: { dataIndex: number }) => String(count.get(p.dataIndex) ?? '') },
  };
  const lines = comments.marks.map((m, i): LineSeriesOption => ({
    type: 'line',
    id: `comments#${i}`,
    name: comments.name,
    data: [
      [m.index, low],
      [m.index, high],
    ],
    color: palette.comment,
    symbol: 'none',
    silent: true,
    emphasis: { disabled: true },
    tooltip: { show: false },
    lineStyle: { color: palette.comment, type: 'dashed', width: input.kind === 'bar' ? 1 : 1.5 },
  }));
  return [pins, ...lines];
}

/**
 * The axis tooltip: the category, each drawn series with its formatted value
 * (the band and the comments' own series left out), and under them the first
 * line of the newest comment at that category, with how many more there are.
 */
function axisTooltip(
  params: readonly AxisParam[],
  drawn: readonly (LineSeriesOption | BarSeriesOption)[],
  input: DetailChartInput,
  comments: DetailChartInput['comments'],
): string {
  const shown = params.filter((p) => {
    const s = p.seriesIndex === undefined ? undefined : drawn[p.seriesIndex];
    return s !== undefined && s.stack === undefined && s.name !== comments?.name;
  });
  const index = params[0]?.dataIndex;
  const head = `<div style="font-weight:700">${escapeHtml(params[0]?.name ?? '')}</div>`;
  const rows = shown.map(
    (p) =>
      `<div>${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')} <strong style="float:right;margin-left:1.2em">${escapeHtml(
        typeof p.value === 'number' ? input.formatValue(p.value) : '–',
      )}</strong></div>`,
  );
  const mark = comments?.marks.find((m) => m.index === index);
  const note = mark
    ? `<div style="max-width:22em;margin-top:0.4em;padding-top:0.3em;border-top:1px solid #d5dbe3;white-space:normal;color:${palette.comment}">${escapeHtml(comments?.name ?? '')}: ${escapeHtml(
        mark.firstLine,
      )}${mark.more > 0 ? ` <em>${escapeHtml(comments?.more(mark.more) ?? '')}</em>` : ''}</div>`
    : '';
  return head + rows.join('') + note;
}
