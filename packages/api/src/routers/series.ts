import { isMonth, parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { assertUnitInScope } from '../scope.js';
import { buildSeries, loadEngineContext } from '../services/index.js';
import { router, readProcedure } from '../trpc.js';

const month = z.string().refine(isMonth, 'Månad ska skrivas ÅÅÅÅ-MM');

export const seriesRouter = router({
  /** A KPI over a range at month/tertial/year grain, optionally split by gender or child unit. */
  get: readProcedure
    .input(
      z.object({
        kpi: z.string().min(1).max(64),
        unit: z.string().min(1).max(64),
        start: month,
        end: month,
        grain: z.enum(['month', 'tertial', 'year']).default('month'),
        split: z.enum(['none', 'gender', 'unit']).default('none'),
      }),
    )
    .query(async ({ ctx, input }) => {
      const engine = await loadEngineContext(ctx.db, ctx.orgId);
      // Refuses an end before the start, with the period parser's Swedish message.
      parsePeriod(`${input.start}:${input.end}`);
      assertUnitInScope(ctx.scope, engine.tree, input.unit, input.end);
      return buildSeries(ctx.db, engine, { ...input, suppress: ctx.suppress });
    }),
});
