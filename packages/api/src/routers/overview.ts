import { z } from 'zod';
import { assertUnitInScope, defaultUnit } from '../scope.js';
import { buildOverview, loadEngineContext, resolvePeriod } from '../services/index.js';
import { router, readProcedure } from '../trpc.js';

export const overviewRouter = router({
  get: readProcedure
    .input(z.object({ unit: z.string().min(1).max(64).optional(), period: z.string().max(32).optional() }))
    .query(async ({ ctx, input }) => {
      const engine = await loadEngineContext(ctx.db, ctx.orgId);
      const { period, latest } = await resolvePeriod(ctx.db, ctx.orgId, input.period);
      const unit = input.unit ?? defaultUnit(ctx.scope, engine.tree, period.end);
      assertUnitInScope(ctx.scope, engine.tree, unit, period.end);
      return buildOverview(ctx.db, engine, unit, period, latest, ctx.suppress);
    }),
});
