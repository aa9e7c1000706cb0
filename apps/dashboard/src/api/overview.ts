import { trpc } from './trpc.js';
import type { Overview, OverviewQuery } from './types.js';

/** Every KPI of a unit for a period (the server picks the latest month when no period is given). */
export function fetchOverview(query: OverviewQuery): Promise<Overview> {
  return trpc.overview.get.query(query);
}
