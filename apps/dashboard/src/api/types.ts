import type { AppRouter } from '@lagesbild/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

export type OverviewQuery = Inputs['overview']['get'];
export type Overview = Outputs['overview']['get'];
export type OverviewCard = Overview['cards'][number];

export type SeriesQuery = Inputs['series']['get'];
export type SeriesResult = Outputs['series']['get'];
export type SeriesLine = SeriesResult['series'][number];
export type Grain = NonNullable<SeriesQuery['grain']>;
export type Split = NonNullable<SeriesQuery['split']>;

export type DrilldownQuery = Inputs['drilldown']['get'];
export type Drilldown = Outputs['drilldown']['get'];
export type DrilldownRow = Drilldown['children'][number];

export type KpiInfo = Outputs['kpi']['list'][number];
