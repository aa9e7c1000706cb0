import { resolveBoardPeriod, type BoardClock } from './board-period.js';
import { addMonths } from './month.js';
import { parsePeriod, periodKey } from './period.js';

/**
 * What a wall screen asks the server for, slide by slide. The dashboard's
 * wall builds its requests from this, and the server derives a screen's
 * allowlist from it, so a screen reads exactly what its slides show.
 */

/** Months a chart slide shows, ending at its period's last month. */
export const WALL_CHART_MONTHS = 24;

export interface WallSlideSpec {
  kind: 'overview' | 'chart' | 'drilldown' | 'redlist';
  unit: string;
  kpi?: string;
  /** A period key, or a rule (board-period.ts): "latest", "ytd" (hittills i år), "tertial" (innevarande tertial). */
  period: string;
}

export type WallRequest =
  | { path: 'overview.get'; input: { unit: string; period: string; eachAtLatest?: true } }
  | { path: 'series.get'; input: { kpi: string; unit: string; start: string; end: string; grain: 'month'; split: 'none' } }
  | { path: 'unit.tree'; input: { month: string } }
  | { path: 'drilldown.get'; input: { kpi: string; unit: string; period: string; gender: 'T' } };

/** The period key a slide shows: its own, or its rule resolved against the latest month and today (undefined while there is no data). */
export function wallSlidePeriod(slide: WallSlideSpec, at: BoardClock): string | undefined {
  return resolveBoardPeriod(slide.period, at);
}

/** The requests one slide makes, its period rule resolved against the latest month and today's month (the clock is passed in). */
export function wallRequests(slide: WallSlideSpec, at: BoardClock): WallRequest[] {
  const key = wallSlidePeriod(slide, at);
  if (!key) return [];
  // "Latest" shows every KPI at its own newest month, so a partial import of a new month never greys the others out.
  if (slide.kind === 'overview' || slide.kind === 'redlist') {
    return [{ path: 'overview.get', input: { unit: slide.unit, period: key, ...(slide.period === 'latest' ? { eachAtLatest: true as const } : {}) } }];
  }
  if (!slide.kpi) return [];
  const p = parsePeriod(key);
  if (slide.kind === 'chart') {
    return [
      { path: 'series.get', input: { kpi: slide.kpi, unit: slide.unit, start: addMonths(p.end, -(WALL_CHART_MONTHS - 1)), end: p.end, grain: 'month', split: 'none' } },
      { path: 'unit.tree', input: { month: p.end } },
    ];
  }
  return [{ path: 'drilldown.get', input: { kpi: slide.kpi, unit: slide.unit, period: key, gender: 'T' } }];
}

function normalPeriod(p: string): string {
  try {
    return periodKey(parsePeriod(p));
  } catch {
    return p;
  }
}

/** One string per request, equal for requests that ask the same (a period however written). */
export function wallRequestKey(r: WallRequest): string {
  switch (r.path) {
    case 'overview.get':
      return `overview|${r.input.unit}|${normalPeriod(r.input.period)}${r.input.eachAtLatest ? '|latest' : ''}`;
    case 'series.get':
      return `series|${r.input.kpi}|${r.input.unit}|${r.input.start}|${r.input.end}|${r.input.grain}|${r.input.split}`;
    case 'unit.tree':
      return `tree|${r.input.month}`;
    case 'drilldown.get':
      return `drilldown|${r.input.kpi}|${r.input.unit}|${normalPeriod(r.input.period)}|${r.input.gender}`;
  }
}
