import { trpc } from './trpc.js';
import type { Drilldown, DrilldownQuery, KpiInfo, SeriesQuery, SeriesResult } from './types.js';

/** A KPI over a month range at a grain, optionally split by gender or child unit. */
export function fetchSeries(query: SeriesQuery): Promise<SeriesResult> {
  return trpc.series.get.query(query);
}

/** A KPI for the child units of a unit in a period, with the breadcrumb. */
export function fetchDrilldown(query: DrilldownQuery): Promise<Drilldown> {
  return trpc.drilldown.get.query(query);
}

let catalogue: Promise<KpiInfo[]> | null = null;

/** The KPI catalogue; it changes only with a deploy, so it is asked for once per page load. */
export function fetchKpis(): Promise<KpiInfo[]> {
  catalogue ??= trpc.kpi.list.query().catch((err: unknown) => {
    catalogue = null; // a failed load is asked again next time
    throw err;
  });
  return catalogue;
}
