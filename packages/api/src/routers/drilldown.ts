import { monthsOf, parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { unitProcedure } from '../access/unit-procedure.js';
import { buildDrilldown } from '../services/drilldown.js';
import { router } from '../trpc.js';

export const drilldownRouter = router({
  /** A KPI for the child units of a unit, with their statuses. */
  get: unitProcedure({
    input: z.object({
      kpi: z.string().min(1).max(64),
      unit: z.string().min(1).max(64),
      period: z.string().min(1).max(32),
      gender: z.enum(['K', 'M', 'T']).default('T'),
      /** One of the KPI's age bands ("18-24"); absent for the total. */
      ageBand: z.string().max(16).optional(),
    }),
    asks: 'unit',
    screen: (i) => (i.gender === 'T' && !i.ageBand ? { path: 'drilldown.get', input: { kpi: i.kpi, unit: i.unit, period: i.period, gender: 'T' } } : null),
  }).query(({ ctx, input }) => {
    const period = parsePeriod(input.period);
    ctx.guard.assertUnitForMonths(input.unit, monthsOf(period));
    return buildDrilldown(ctx.db, ctx.engine, { ...input, period, suppress: ctx.suppress, access: ctx.guard });
  }),
});
