import { z } from 'zod';
import { assertUnitInScope } from '../scope.js';
import { loadEngineContext } from '../services/index.js';
import { getTarget, setTarget } from '../services/targets.js';
import { procedureFor, readProcedure, router } from '../trpc.js';

const which = z.object({
  kpi: z.string().min(1).max(64),
  unit: z.string().min(1).max(64),
  year: z.number().int().min(1990).max(2100),
});

const amount = z.number().finite('Målet måste vara ett tal.');

export const targetRouter = router({
  /** The target set on exactly this unit and year, or null (one set higher up may still apply). */
  get: readProcedure.input(which).query(async ({ ctx, input }) => {
    const engine = await loadEngineContext(ctx.db, ctx.orgId);
    assertUnitInScope(ctx.scope, engine.tree, input.unit, `${input.year}-12`);
    return getTarget(ctx.db, engine, input);
  }),
  /** Sets or replaces the target; förvaltningschef and admin (the 'target' permission). */
  set: procedureFor('target')
    .input(
      which.extend({
        annual: amount,
        monthly: z.array(amount.nullable()).length(12, 'Månadsmålen ska vara tolv, ett per månad.').nullable().default(null),
        tolerance: z.number().finite().min(0, 'Toleransen kan inte vara negativ.').default(0),
        toleranceKind: z.enum(['absolute', 'percent']).default('percent'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const engine = await loadEngineContext(ctx.db, ctx.orgId);
      assertUnitInScope(ctx.scope, engine.tree, input.unit, `${input.year}-12`);
      return setTarget(ctx.db, engine, input, { id: ctx.user.id, ip: ctx.request.ip });
    }),
});
