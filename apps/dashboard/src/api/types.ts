import type { AppRouter } from '@lagesbild/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
export type Overview = Outputs['overview']['get'];
export type OverviewCard = Overview['cards'][number];
