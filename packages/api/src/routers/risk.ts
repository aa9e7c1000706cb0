import { z } from 'zod';
import { actorOf } from '../context.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { addRisk, listRisks } from '../services/follow-ups.js';
import { router } from '../trpc.js';
import { followUpInput, followUpScope, followUpText } from './follow-up-input.js';

export const riskRouter = router({
  /** The risks reported for the period by a unit and the units below it. No wall screen reads them. */
  list: unitProcedure({ input: followUpInput, asks: 'unit' }).query(async ({ ctx, input }) => listRisks(ctx.db, ctx.engine, await followUpScope(ctx, input))),
  /** Adds a risk (Risk | Orsak | Konsekvenser | Hantering) for the period; the 'assess' permission. */
  add: unitProcedure({
    input: followUpInput.extend({
      goalId: z.number().int().positive().nullable().default(null),
      risk: followUpText,
      orsak: followUpText.default(''),
      konsekvenser: followUpText.default(''),
      hantering: followUpText.default(''),
    }),
    permission: 'assess',
    asks: 'unit',
  }).mutation(async ({ ctx, input }) => addRisk(ctx.db, ctx.engine, await followUpScope(ctx, input), input, actorOf(ctx))),
});
