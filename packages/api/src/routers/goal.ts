import { monthsOf } from '@lagesbild/domain';
import { z } from 'zod';
import { goalInScope } from '../access/goal-access.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { followUpPeriod, goalsForKpi, goalViews, listGoals } from '../services/goals.js';
import { router } from '../trpc.js';

const period = z.string().min(1).max(32);

export const goalRouter = router({
  /** The goals of a unit and the units below it, with indicators, current målbedömning and proposal for a tertial, delår or year. No wall screen reads them. */
  list: unitProcedure({ input: z.object({ unit: z.string().min(1).max(64), period }), asks: 'unit' }).query(async ({ ctx, input }) => {
    const p = followUpPeriod(input.period);
    ctx.guard.assertUnitForMonths(input.unit, monthsOf(p));
    return listGoals(ctx.db, ctx.engine, { unit: input.unit, period: p }, { access: ctx.guard, suppress: ctx.suppress });
  }),
  /** The goals of a unit and the units below it that a KPI indicator ties to the KPI (the KPI view's "Mål som följs upp med nyckeltalet"). */
  forKpi: unitProcedure({ input: z.object({ kpi: z.string().min(1).max(64), unit: z.string().min(1).max(64), period }), asks: 'unit' }).query(async ({ ctx, input }) => {
    const p = followUpPeriod(input.period);
    ctx.guard.assertUnitForMonths(input.unit, monthsOf(p));
    return goalsForKpi(ctx.db, ctx.engine, { kpi: input.kpi, unit: input.unit, period: p }, { access: ctx.guard, suppress: ctx.suppress });
  }),
  /** One goal for a period, when its unit is the caller's throughout it. */
  get: unitProcedure({ input: z.object({ id: z.number().int().positive(), period }), asks: 'unit' }).query(async ({ ctx, input }) => {
    const p = followUpPeriod(input.period);
    const goal = await goalInScope(ctx.db, ctx.orgId, ctx.guard, input.id, p);
    const [view] = await goalViews(ctx.db, ctx.engine, [goal], p, { access: ctx.guard, suppress: ctx.suppress });
    return view ?? null;
  }),
});
