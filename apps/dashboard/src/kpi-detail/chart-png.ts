import { init, THEME, type ChartOption } from '../charts/echarts.js';
import { legendRows, plotTop } from './chart-option.js';

/** What the image says about itself, so it stands alone in a document: what, where, when, from where. */
export interface PngFrame {
  title: string;
  /** "Socialförvaltningen · 2022, per månad". */
  subtitle: string;
  /** "Källa: Personalsystemet · Lägesbild". */
  source: string;
}

const LEGEND_FONT = '12px sans-serif';
const HEADER = 70;
const FOOTER = 34;
const SCALE = 2;

function legendNames(option: ChartOption): string[] {
  const legend = Array.isArray(option.legend) ? option.legend[0] : option.legend;
  return (legend?.data ?? []).map((d) => (typeof d === 'string' ? d : String(d?.name ?? '')));
}

/**
 * The chart as a PNG that stands alone: title, unit and period above it, the
 * source below, on white, at twice the resolution. The chart is drawn again
 * off screen at the screen's width with room above the plot for every row
 * of its legend, so no legend item is cut off or drawn over the lines.
 */
export function chartPng(option: ChartOption, frame: PngFrame, width: number, height: number): string | null {
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) return null;
  measure.font = LEGEND_FONT;
  const top = plotTop(
    legendRows(
      legendNames(option).map((n) => measure.measureText(n).width),
      width - 16,
    ),
  );
  const chartHeight = height + top - 48;
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${width}px;height:${chartHeight}px`;
  document.body.append(host);
  const chart = init(host, THEME, { renderer: 'canvas', width, height: chartHeight });
  try {
    const grid = Array.isArray(option.grid) ? option.grid[0] : option.grid;
    chart.setOption({ ...option, animation: false, grid: { ...grid, top } });
    const plot = chart.renderToCanvas({ pixelRatio: SCALE, backgroundColor: '#ffffff' });
    const out = document.createElement('canvas');
    out.width = width * SCALE;
    out.height = (HEADER + chartHeight + FOOTER) * SCALE;
    const ctx = out.getContext('2d');
    if (!ctx) return null;
    ctx.scale(SCALE, SCALE);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, HEADER + chartHeight + FOOTER);
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#1c2733';
    ctx.font = 'bold 20px sans-serif';
    ctx.fillText(frame.title, 8, 30, width - 16);
    ctx.fillStyle = '#4b5664';
    ctx.font = '14px sans-serif';
    ctx.fillText(frame.subtitle, 8, 54, width - 16);
    ctx.drawImage(plot, 0, HEADER, width, chartHeight);
    ctx.font = '12px sans-serif';
    ctx.fillText(frame.source, 8, HEADER + chartHeight + 22, width - 16);
    return out.toDataURL('image/png');
  } finally {
    chart.dispose();
    host.remove();
  }
}
