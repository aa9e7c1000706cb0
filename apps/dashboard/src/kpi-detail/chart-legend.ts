import type { ChartOption } from '../charts/echarts.js';

/**
 * The KPI chart's legend is the page's own (KpiChart.vue: buttons that show
 * and hide a series) and is drawn by hand on the PNG (chart-png.ts), rather
 * than ECharts' legend component, which costs ~6 kB gzipped on the view's
 * first render.
 */
export interface LegendItem {
  /**
   * What hiding is kept by: the series id up to its '#' (chart-option.ts), the
   * same in every language, so a series hidden in Swedish stays hidden in English.
   */
  key: string;
  name: string;
  colour: string;
  /** How the key looks: a solid, dashed or dotted line, a filled box (bars, the band) or a pin (comments). */
  mark: 'solid' | 'dashed' | 'dotted' | 'box' | 'pin';
}

interface SeriesLike {
  id?: unknown;
  type?: string;
  name?: unknown;
  color?: unknown;
  data?: unknown;
  stack?: unknown;
  itemStyle?: { color?: unknown };
  areaStyle?: { color?: unknown };
  lineStyle?: { type?: unknown };
  symbol?: unknown;
  tooltip?: unknown;
}

const seriesOf = (option: ChartOption): SeriesLike[] => (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []);

function markOf(s: SeriesLike): LegendItem['mark'] {
  if (s.symbol === 'pin') return 'pin';
  if (s.type === 'bar' || s.areaStyle) return 'box';
  const type = s.lineStyle?.type;
  if (type === 'dotted') return 'dotted';
  return type === 'dashed' || Array.isArray(type) ? 'dashed' : 'solid';
}

/** A series' legend key: its id up to '#' (the band's two halves and the comments' several share one), else its name. */
const keyOf = (s: SeriesLike, name: string): string => (typeof s.id === 'string' ? (s.id.split('#')[0] ?? s.id) : name);

/** One item per series key (the band's two stacked series and the comments' several share one), in drawing order. */
export function legendItems(option: ChartOption): LegendItem[] {
  const items = new Map<string, LegendItem>();
  for (const s of seriesOf(option)) {
    const name = typeof s.name === 'string' ? s.name : '';
    if (name === '') continue;
    const colour = [s.areaStyle?.color, s.itemStyle?.color, s.color].find((c): c is string => typeof c === 'string') ?? '';
    const key = keyOf(s, name);
    const seen = items.get(key);
    // The band is its visible half (the area), not the invisible base stacked under it.
    if (!seen || (s.areaStyle !== undefined && seen.mark !== 'box')) items.set(key, { key, name, colour, mark: markOf(s) });
  }
  return [...items.values()];
}

/**
 * The option with the series of the given legend keys hidden: their data emptied and left out of
 * the tooltip, but kept in place, so series indices (which the tooltip reads)
 * stay the same and the axis fits what is shown, as ECharts' own legend does.
 */
export function withHidden(option: ChartOption, hidden: ReadonlySet<string>): ChartOption {
  if (hidden.size === 0) return option;
  const series = seriesOf(option).map((s) => (typeof s.name === 'string' && hidden.has(keyOf(s, s.name)) ? { ...s, data: [], tooltip: { show: false } } : s));
  return { ...option, series } as ChartOption;
}
