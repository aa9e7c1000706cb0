import type { AppRouter } from '@lagesbild/api';
import { addMonths, formatMonth, parsePeriod, WALL_CHART_MONTHS, wallRequests, wallSlidePeriod, type BoardClock, type WallRequest } from '@lagesbild/domain';
import type { inferRouterOutputs } from '@trpc/server';
import type { ApiClient } from '../api/trpc.js';
import { shownKey } from '../lib/hidden-text.js';
import type { LiveView } from '../composables/useLiveEvents.js';

type Outputs = inferRouterOutputs<AppRouter>;
export type WallBoard = Outputs['board']['forDevice'];
export type WallSlide = WallBoard['board']['slides'][number];
export type WallOverview = Outputs['overview']['get'];
export type WallSeries = Outputs['series']['get'];
export type WallDrilldown = Outputs['drilldown']['get'];
export type WallKpi = Outputs['kpi']['list'][number];

/** Months a chart slide shows, ending at its period's last month (the server allows a screen exactly these requests). */
const CHART_MONTHS = WALL_CHART_MONTHS;

/** A slide's data, with the unit and period it shows written out (every slide says them; there are no filters to look at). */
export type SlideData =
  | { kind: 'overview'; unitName: string; periodLabel: string; overview: WallOverview }
  | { kind: 'redlist'; unitName: string; periodLabel: string; overview: WallOverview }
  | { kind: 'chart'; unitName: string; periodLabel: string; series: WallSeries; kpi: WallKpi | null }
  | { kind: 'drilldown'; unitName: string; periodLabel: string; drilldown: WallDrilldown; kpi: WallKpi | null };

/** What a slide shows, for eventTouches: only events on its unit, KPI and months refetch it. */
export function slideView(slide: WallSlide, at: BoardClock): LiveView {
  const key = wallSlidePeriod(slide, at);
  if (!key) return { unit: slide.unit };
  const p = parsePeriod(key);
  // The overview compares with last year and draws 24-month sparklines; the chart draws 24 months.
  const start = slide.kind === 'drilldown' ? p.start : addMonths(p.end, -(CHART_MONTHS + 11));
  return { unit: slide.unit, kpis: slide.kpi ? [slide.kpi] : undefined, months: [start, p.end] };
}

/** The slide's request to one procedure, as the server's allowlist for screens expects it (packages/domain/src/wall.ts). */
function requestTo<P extends WallRequest['path']>(requests: WallRequest[], path: P): Extract<WallRequest, { path: P }> {
  const r = requests.find((x): x is Extract<WallRequest, { path: P }> => x.path === path);
  if (!r) throw new Error('Bilden saknar period eller nyckeltal.');
  return r;
}

/** The board's latest month and the server's today, which the slides' period rules are resolved against (as the server's allowlist is). */
export const boardClock = (b: WallBoard): BoardClock => ({ latestMonth: b.latestMonth, today: b.today });

export async function loadSlide(client: ApiClient, slide: WallSlide, at: BoardClock, kpis: readonly WallKpi[]): Promise<SlideData> {
  const requests = wallRequests(slide, at);
  const kpi = kpis.find((k) => k.id === slide.kpi) ?? null;
  if (slide.kind === 'overview' || slide.kind === 'redlist') {
    const overview = await client.overview.get.query(requestTo(requests, 'overview.get').input);
    const common = { unitName: overview.unitName, periodLabel: overview.periodLabel, overview };
    return slide.kind === 'overview' ? { kind: 'overview', ...common } : { kind: 'redlist', ...common };
  }
  if (slide.kind === 'chart') {
    const q = requestTo(requests, 'series.get').input;
    const [series, tree] = await Promise.all([
      client.series.get.query(q),
      // For the unit's name as it was then (a device's tree is its board's units and below).
      client.unit.tree.query(requestTo(requests, 'unit.tree').input),
    ]);
    const unitName = tree.find((u) => u.code === slide.unit)?.name ?? slide.unit;
    return { kind: 'chart', unitName, periodLabel: `${formatMonth(q.start)}–${formatMonth(q.end)}`, series, kpi };
  }
  const drilldown = await client.drilldown.get.query(requestTo(requests, 'drilldown.get').input);
  return { kind: 'drilldown', unitName: drilldown.parent.name, periodLabel: drilldown.parent.periodLabel, drilldown, kpi };
}

/** Values by key (KPI or unit code), to tell which cards an update changed. */
export function slideValues(d: SlideData): Map<string, string> {
  if (d.kind === 'overview' || d.kind === 'redlist') return new Map(d.overview.cards.map((c) => [c.kpi, shownKey(c)]));
  if (d.kind === 'drilldown') return new Map(d.drilldown.children.map((c) => [c.unit, shownKey(c)]));
  const line = d.series.series[0];
  return new Map((line?.points ?? []).map((p) => [p.period, shownKey(p)]));
}
