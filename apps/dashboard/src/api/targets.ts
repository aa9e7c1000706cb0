import type { AppRouter } from '@lagesbild/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { trpc } from './trpc.js';

export type TargetItem = NonNullable<inferRouterOutputs<AppRouter>['target']['get']>;
export type TargetSet = inferRouterInputs<AppRouter>['target']['set'];

/** The target set on exactly this unit and year, or null. */
export function fetchTarget(q: { kpi: string; unit: string; year: number }): Promise<TargetItem | null> {
  return trpc.target.get.query(q);
}

export function saveTarget(t: TargetSet): Promise<TargetItem> {
  return trpc.target.set.mutate(t);
}
