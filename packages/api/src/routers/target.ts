import { monthRange } from '@lagesbild/domain';
import { z } from 'zod';
import { actorOf } from '../context.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { getTarget, setTarget } from '../services/targets.js';
import { router } from '../trpc.js';

const which = z.object({
  kpi: z.string().min(1).max(64),
  unit: z.string().min(1).max(64),
  year: z.number().int().min(1990).max(2100),
});

const amount = z.number().finite('Målet måste vara ett tal.');

/** A target is set per unit and year: it is the caller's to read when the unit was hers in some month of the year. */
const yearMonths = (year: number) => monthRange(`${year}-01`, `${year}-12`);

export const targetRouter = router({
  /** The target set on exactly this unit and year, or null (one set higher up may still apply). No wall screen reads it. */
  get: unitProcedure({ input: which, asks: 'unit' }).query(async ({ ctx, input }) => {
    ctx.guard.assertUnitInSomeMonth(input.unit, yearMonths(input.year));
    return getTarget(ctx.db, ctx.engine, input);
  }),
  /** Sets or replaces the target; förvaltningschef and admin (the 'target' permission). */
  set: unitProcedure({
    input: which.extend({
      annual: amount,
      monthly: z.array(amount.nullable()).length(12, 'Månadsmålen ska vara tolv, ett per månad.').nullable().default(null),
      tolerance: z.number().finite().min(0, 'Toleransen kan inte vara negativ.').default(0),
      toleranceKind: z.enum(['absolute', 'percent']).default('percent'),
    }),
    permission: 'target',
    asks: 'unit',
  }).mutation(async ({ ctx, input }) => {
    // Setting a target judges the unit's whole year, so the unit must be the caller's all of it.
    ctx.guard.assertUnitForMonths(input.unit, yearMonths(input.year));
    return setTarget(ctx.db, ctx.engine, input, actorOf(ctx));
  }),
});
