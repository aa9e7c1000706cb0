import { z } from 'zod';
import { assertUnitInScope } from '../scope.js';
import { buildOverview, loadEngineContext, resolvePeriod } from '../services/index.js';
import { router, readProcedure } from '../trpc.js';

export const overviewRouter = router({
  get: readProcedure
    .input(z.object({ unit: z.string().min(1).max(64).default('SOC'), period: z.string().max(32).optional() }))
    .query(async ({ ctx, input }) => {
      const engine = await loadEngineContext(ctx.db, ctx.orgId);
      const { period, latest } = await resolvePeriod(ctx.db, ctx.orgId, input.period);
      assertUnitInScope(ctx.scope, engine.tree, input.unit, period.end);
      return buildOverview(ctx.db, engine, input.unit, period, latest, ctx.suppress);
    }),
});
