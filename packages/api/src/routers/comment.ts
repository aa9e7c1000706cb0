import { monthsOf, parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { unitProcedure } from '../access/unit-procedure.js';
import { addComment, COMMENT_MAX_LENGTH, listComments } from '../services/comments.js';
import { router } from '../trpc.js';

const target = z.object({
  kpi: z.string().min(1).max(64),
  unit: z.string().min(1).max(64),
  period: z.string().min(1).max(32),
});

export const commentRouter = router({
  /** The comments on a KPI for a unit and period, newest first. No wall screen reads them. */
  list: unitProcedure({ input: target, asks: 'unit' }).query(async ({ ctx, input }) => {
    const period = parsePeriod(input.period);
    ctx.guard.assertUnitForMonths(input.unit, monthsOf(period));
    return listComments(ctx.db, ctx.orgId, { ...input, period });
  }),
  /** Writes a plain-text comment as the signed-in user; roles with the comment permission, on units in their scope. */
  add: unitProcedure({
    // The service counts characters after normalising; this only stops absurd payloads early.
    input: target.extend({ body: z.string().max(COMMENT_MAX_LENGTH * 4) }),
    permission: 'comment',
    asks: 'unit',
  }).mutation(async ({ ctx, input }) => {
    const period = parsePeriod(input.period);
    ctx.guard.assertUnitForMonths(input.unit, monthsOf(period));
    return addComment(ctx.db, ctx.orgId, { ...input, period, author: ctx.user.name, actor: ctx.user.id, ip: ctx.request.ip, now: ctx.now() });
  }),
});
