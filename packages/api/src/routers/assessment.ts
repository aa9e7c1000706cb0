import { ASSESSMENTS, COMMENT_MAX_LENGTH } from '@lagesbild/domain';
import { z } from 'zod';
import { actorOf } from '../context.js';
import { goalInScope } from '../access/goal-access.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { assessmentHistory, decideAssessment } from '../services/goal-assessments.js';
import { followUpPeriod } from '../services/goals.js';
import { router } from '../trpc.js';

const which = z.object({ goalId: z.number().int().positive(), period: z.string().min(1).max(32) });
const value = z.enum(ASSESSMENTS);

export const assessmentRouter = router({
  /** Every decision on a goal for a period, newest first. */
  history: unitProcedure({ input: which, asks: 'unit' }).query(async ({ ctx, input }) => {
    const p = followUpPeriod(input.period);
    const goal = await goalInScope(ctx.db, ctx.orgId, ctx.guard, input.goalId, p);
    return assessmentHistory(ctx.db, ctx.orgId, goal, p);
  }),
  /** Decides status and prognos; admin, förvaltningschef, and an enhetschef for goals of her units (the 'assess' permission). */
  decide: unitProcedure({
    // The service counts the comment's characters after normalising; this only stops absurd payloads early.
    input: which.extend({
      status: value,
      prognos: value,
      comment: z
        .string()
        .max(COMMENT_MAX_LENGTH * 4)
        .default(''),
    }),
    permission: 'assess',
    asks: 'unit',
  }).mutation(async ({ ctx, input }) => {
    const p = followUpPeriod(input.period);
    const goal = await goalInScope(ctx.db, ctx.orgId, ctx.guard, input.goalId, p);
    return decideAssessment(ctx.db, ctx.engine, goal, p, input, { access: ctx.guard, suppress: ctx.suppress, actor: actorOf(ctx) });
  }),
});
