import { z } from 'zod';
import { actorOf } from '../context.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { addUppdrag, commentUppdrag, listUppdrag } from '../services/follow-ups.js';
import { router } from '../trpc.js';
import { followUpInput, followUpScope, followUpText } from './follow-up-input.js';

export const uppdragRouter = router({
  /** The uppdrag of a unit and the units below it, each with its dated comments, newest first. No wall screen reads them. */
  list: unitProcedure({ input: followUpInput, asks: 'unit' }).query(async ({ ctx, input }) => listUppdrag(ctx.db, ctx.engine, await followUpScope(ctx, input))),
  /** Adds an uppdrag on the unit, under a goal or on its own; the 'assess' permission. */
  add: unitProcedure({
    input: followUpInput.extend({ title: followUpText, goalId: z.number().int().positive().nullable().default(null) }),
    permission: 'assess',
    asks: 'unit',
  }).mutation(async ({ ctx, input }) => addUppdrag(ctx.db, ctx.engine, await followUpScope(ctx, input), input, actorOf(ctx))),
  /** A dated comment on an uppdrag, optionally with its new status. */
  comment: unitProcedure({
    input: followUpInput.extend({
      id: z.number().int().positive(),
      date: z.string().max(10),
      body: followUpText,
      status: z.enum(['ej-paborjat', 'pagar', 'klart', 'avslutat']).nullable().default(null),
    }),
    permission: 'assess',
    asks: 'unit',
  }).mutation(async ({ ctx, input }) => commentUppdrag(ctx.db, ctx.engine, await followUpScope(ctx, input), { ...input, author: ctx.user.name }, actorOf(ctx))),
});
