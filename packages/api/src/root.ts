import { drilldownRouter } from './routers/drilldown.js';
import { kpiRouter } from './routers/kpi.js';
import { overviewRouter } from './routers/overview.js';
import { seriesRouter } from './routers/series.js';
import { unitRouter } from './routers/unit.js';
import { router } from './trpc.js';

export const appRouter = router({
  kpi: kpiRouter,
  unit: unitRouter,
  overview: overviewRouter,
  series: seriesRouter,
  drilldown: drilldownRouter,
});

export type AppRouter = typeof appRouter;
