import { monthsOf, parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { unitProcedure } from '../access/unit-procedure.js';
import { buildEconomyView, economyPeriods } from '../services/economy/index.js';
import { router } from '../trpc.js';

export const economyRouter = router({
  /** The driftsredovisning of a unit for a period (its units, cost types, accumulated result, investments, KPI budgets). */
  get: unitProcedure({
    input: z.object({ unit: z.string().min(1).max(64), period: z.string().min(1).max(32) }),
    asks: 'unit',
  }).query(({ ctx, input }) => {
    const period = parsePeriod(input.period);
    ctx.guard.assertUnitForMonths(input.unit, monthsOf(period));
    return buildEconomyView(ctx.db, ctx.engine, { unit: input.unit, period, suppress: ctx.suppress, access: ctx.guard });
  }),
  /** The report periods with a driftsredovisning, newest first. */
  periods: unitProcedure({ input: z.object({}).default({}), asks: 'none' }).query(({ ctx }) => economyPeriods(ctx.db, ctx.engine.orgId)),
});
