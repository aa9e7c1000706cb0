import type { AppRouter } from '@lagesbild/api';
import type { inferRouterOutputs } from '@trpc/server';
import { trpc } from './trpc.js';

export type KoladaComparison = NonNullable<inferRouterOutputs<AppRouter>['kolada']['comparison']>;

/** Kolada's yearly figures beside a KPI of ours, or null when it is not mapped to Kolada. */
export function fetchKoladaComparison(kpi: string): Promise<KoladaComparison | null> {
  return trpc.kolada.comparison.query({ kpi });
}
