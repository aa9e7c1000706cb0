import { parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { assertUnitInScope } from '../scope.js';
import { buildDrilldown, loadEngineContext } from '../services/index.js';
import { router, readProcedure } from '../trpc.js';

export const drilldownRouter = router({
  /** A KPI for the child units of a unit, with their statuses. */
  get: readProcedure
    .input(
      z.object({
        kpi: z.string().min(1).max(64),
        unit: z.string().min(1).max(64),
        period: z.string().min(1).max(32),
        gender: z.enum(['K', 'M', 'T']).default('T'),
      }),
    )
    .query(async ({ ctx, input }) => {
      const engine = await loadEngineContext(ctx.db, ctx.orgId);
      const period = parsePeriod(input.period);
      assertUnitInScope(ctx.scope, engine.tree, input.unit, period.end);
      return buildDrilldown(ctx.db, engine, { ...input, period, suppress: ctx.suppress });
    }),
});
