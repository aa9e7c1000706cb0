import { listKpis } from '@lagesbild/db';
import { router, readProcedure } from '../trpc.js';

export const kpiRouter = router({
  list: readProcedure.query(({ ctx }) => listKpis(ctx.db)),
});
