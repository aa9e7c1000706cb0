import { kpiRouter } from './routers/kpi.js';
import { overviewRouter } from './routers/overview.js';
import { unitRouter } from './routers/unit.js';
import { router } from './trpc.js';

export const appRouter = router({
  kpi: kpiRouter,
  unit: unitRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;
