import { init, THEME, type ChartOption } from '../charts/echarts.js';
import type { LegendItem } from './chart-legend.js';
import { LEGEND_GAP, LEGEND_ICON, LEGEND_ROW, legendRows, PLOT_TOP, plotTop } from './chart-option.js';

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

/**
 * The legend above the plot, wrapped as legendRows counts it: each item's key
 * (a line as the series is drawn, a box, or a dot for the comments) and its
 * name; a hidden series greyed, as on screen.
 */
function drawLegend(ctx: CanvasRenderingContext2D, items: readonly LegendItem[], hidden: ReadonlySet<string>, top: number, width: number): void {
  ctx.font = LEGEND_FONT;
  ctx.textBaseline = 'middle';
  let x = 8;
  let y = top + 12;
  items.forEach((item, i) => {
    const w = LEGEND_ICON + ctx.measureText(item.name).width;
    if (i > 0 && x > 8 && x + w > width - 8) {
      x = 8;
      y += LEGEND_ROW;
    }
    ctx.globalAlpha = hidden.has(item.key) ? 0.35 : 1;
    ctx.fillStyle = item.colour || '#4b5664';
    ctx.strokeStyle = ctx.fillStyle;
    if (item.mark === 'box') ctx.fillRect(x, y - 6, 25, 12);
    else if (item.mark === 'pin') {
      ctx.beginPath();
      ctx.arc(x + 12, y, 6, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.lineWidth = 3;
      ctx.setLineDash(item.mark === 'dashed' ? [6, 4] : item.mark === 'dotted' ? [2, 3] : []);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 25, y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#1c2733';
    ctx.fillText(item.name, x + LEGEND_ICON, y);
    x += w + LEGEND_GAP;
  });
  ctx.globalAlpha = 1;
  ctx.textBaseline = 'alphabetic';
}

/**
 * The chart as a PNG that stands alone: title, unit and period above it, the
 * source below, on white, at twice the resolution. The chart is drawn again
 * off screen at the screen's width with room above the plot for every row
 * of its legend (drawn here: the screen's legend is HTML), so no legend item
 * is cut off or drawn over the lines.
 */
export function chartPng(option: ChartOption, items: readonly LegendItem[], hidden: ReadonlySet<string>, frame: PngFrame, width: number, height: number): string | null {
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) return null;
  measure.font = LEGEND_FONT;
  const top = plotTop(
    legendRows(
      items.map((i) => measure.measureText(i.name).width),
      width - 16,
    ),
  );
  const chartHeight = height + top - PLOT_TOP;
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
    drawLegend(ctx, items, hidden, HEADER, width);
    ctx.fillStyle = '#4b5664';
    ctx.font = '12px sans-serif';
    ctx.fillText(frame.source, 8, HEADER + chartHeight + 22, width - 16);
    return out.toDataURL('image/png');
  } finally {
    chart.dispose();
    host.remove();
  }
}
