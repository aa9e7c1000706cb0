import { parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { assertUnitInScope } from '../scope.js';
import { addComment, COMMENT_MAX_LENGTH, listComments } from '../services/comments.js';
import { loadEngineContext } from '../services/index.js';
import { procedureFor, readProcedure, router } from '../trpc.js';

const target = z.object({
  kpi: z.string().min(1).max(64),
  unit: z.string().min(1).max(64),
  period: z.string().min(1).max(32),
});

export const commentRouter = router({
  /** The comments on a KPI for a unit and period, newest first. */
  list: readProcedure.input(target).query(async ({ ctx, input }) => {
    const engine = await loadEngineContext(ctx.db, ctx.orgId);
    const period = parsePeriod(input.period);
    assertUnitInScope(ctx.scope, engine.tree, input.unit, period.end);
    return listComments(ctx.db, ctx.orgId, { ...input, period });
  }),
  /** Writes a plain-text comment as the signed-in user; roles with the comment permission, on units in their scope. */
  add: procedureFor('comment')
    // The service counts characters after normalising; this only stops absurd payloads early.
    .input(target.extend({ body: z.string().max(COMMENT_MAX_LENGTH * 4) }))
    .mutation(async ({ ctx, input }) => {
      const engine = await loadEngineContext(ctx.db, ctx.orgId);
      const period = parsePeriod(input.period);
      assertUnitInScope(ctx.scope, engine.tree, input.unit, period.end);
      return addComment(ctx.db, ctx.orgId, { ...input, period, author: ctx.user.name, actor: ctx.user.id, ip: ctx.request.ip, now: ctx.now() });
    }),
});
