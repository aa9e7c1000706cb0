import { monthOfDate } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { actorOf } from '../context.js';
import { boardInputSchema, createDeviceToken, getBoard, listBoards, revokeDeviceToken, saveBoard } from '../services/boards.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { procedureFor, router } from '../trpc.js';

const admin = procedureFor('admin');

export const boardRouter = router({
  /** Boards with their devices (never the tokens). */
  list: admin.query(({ ctx }) => listBoards(ctx.db, ctx.orgId)),

  save: admin.input(boardInputSchema).mutation(async ({ ctx, input }) => ({ id: await saveBoard(ctx.db, ctx.orgId, input, actorOf(ctx)) })),

  /** The token is in this answer only; the database keeps its hash. */
  createDevice: admin
    .input(z.object({ boardId: z.number().int().positive(), name: z.string().trim().min(1, 'Ge skärmen ett namn.').max(100, 'Skärmens namn får vara högst 100 tecken.') }))
    .mutation(({ ctx, input }) => createDeviceToken(ctx.db, ctx.orgId, input.boardId, input.name, actorOf(ctx))),

  revokeDevice: admin.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    await revokeDeviceToken(ctx.db, ctx.orgId, input.id, actorOf(ctx), ctx.now());
    return { id: input.id };
  }),

  /** A wall screen's own board, with the newest month with data in the board's units and today's month (what the period rules follow). */
  forDevice: unitProcedure({ input: z.void(), asks: 'none', screen: 'any' }).query(async ({ ctx }) => {
    if (!ctx.device) throw new TRPCError({ code: 'FORBIDDEN', message: 'Endast för väggskärmar.' });
    const [board, use] = await Promise.all([getBoard(ctx.db, ctx.orgId, ctx.device.boardId), ctx.inScope()]);
    return { board, latestMonth: use.latestMonth, today: monthOfDate(ctx.now()) };
  }),
});
