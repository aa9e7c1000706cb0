import type { AppRouter } from '@lagesbild/api';
import type { inferRouterOutputs } from '@trpc/server';
import { trpc } from './trpc.js';

type Outputs = inferRouterOutputs<AppRouter>;

export type EconomyView = Outputs['economy']['get'];
export type EconomyKpiBudget = EconomyView['kpiBudgets'][number];

/** The driftsredovisning of a unit for a report period ("2020-D"). */
export function fetchEconomy(q: { unit: string; period: string }): Promise<EconomyView> {
  return trpc.economy.get.query(q);
}

/** The report periods with a driftsredovisning, newest first. */
export function fetchEconomyPeriods(): Promise<string[]> {
  return trpc.economy.periods.query({});
}
