import { z } from 'zod';
import { actorOf } from '../context.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { addAtgard, changeAtgardStatus, listAtgarder } from '../services/follow-ups.js';
import { router } from '../trpc.js';
import { followUpInput, followUpScope, followUpText } from './follow-up-input.js';

const id = z.number().int().positive();

export const atgardRouter = router({
  /** The åtgärdsplan of a unit and the units below it; only those for one goal or KPI when named. No wall screen reads it. */
  list: unitProcedure({ input: followUpInput.extend({ goalId: id.optional(), kpi: z.string().min(1).max(64).optional() }), asks: 'unit' }).query(async ({ ctx, input }) => {
    const scope = await followUpScope(ctx, input);
    return listAtgarder(ctx.db, ctx.engine, scope, { ...(input.goalId !== undefined ? { goalId: input.goalId } : {}), ...(input.kpi !== undefined ? { kpi: input.kpi } : {}) });
  }),
  /** Adds an åtgärd for a goal or a KPI of the unit; whoever may assess the unit's goals (the 'assess' permission). */
  add: unitProcedure({
    input: followUpInput.extend({
      goalId: id.nullable().default(null),
      kpi: z.string().min(1).max(64).nullable().default(null),
      avvikelse: followUpText.default(''),
      title: followUpText,
      owner: followUpText,
      dueDate: z.string().max(10).nullable().default(null),
      expectedEffect: followUpText.default(''),
    }),
    permission: 'assess',
    asks: 'unit',
  }).mutation(async ({ ctx, input }) => addAtgard(ctx.db, ctx.engine, await followUpScope(ctx, input), input, actorOf(ctx))),
  /** Changes an åtgärd's status (planerad, pågår, klar, avbruten). */
  setStatus: unitProcedure({ input: followUpInput.extend({ id, status: z.enum(['planerad', 'pagar', 'klar', 'avbruten']) }), permission: 'assess', asks: 'unit' }).mutation(
    async ({ ctx, input }) => changeAtgardStatus(ctx.db, ctx.engine, await followUpScope(ctx, input), input.id, input.status, actorOf(ctx)),
  ),
});
