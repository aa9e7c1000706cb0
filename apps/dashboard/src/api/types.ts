import type { AppRouter } from '@lagesbild/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

export type OverviewQuery = Inputs['overview']['get'];
export type Overview = Outputs['overview']['get'];
export type OverviewCard = Overview['cards'][number];
