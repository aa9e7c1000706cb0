import { latestDataMonth } from '@lagesbild/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { recordAudit } from '../access/audit.js';
import { boardInputSchema, createDeviceToken, getBoard, listBoards, revokeDeviceToken, saveBoard } from '../services/boards.js';
import { procedureFor, readProcedure, router } from '../trpc.js';

const admin = procedureFor('admin');

export const boardRouter = router({
  /** Boards with their devices (never the tokens). */
  list: admin.query(({ ctx }) => listBoards(ctx.db, ctx.orgId)),

  save: admin.input(boardInputSchema).mutation(async ({ ctx, input }) => {
    const id = await saveBoard(ctx.db, ctx.orgId, input, ctx.user.id);
    await recordAudit(ctx.db, { orgId: ctx.orgId, actor: ctx.user.id, action: 'board.saved', target: `board:${id}`, detail: { name: input.name, slides: input.slides.length }, ip: ctx.request.ip });
    return { id };
  }),

  /** The token is in this answer only; the database keeps its hash. */
  createDevice: admin.input(z.object({ boardId: z.number().int().positive(), name: z.string().trim().min(1, 'Ge skärmen ett namn.').max(100, 'Skärmens namn får vara högst 100 tecken.') })).mutation(async ({ ctx, input }) => {
    const created = await createDeviceToken(ctx.db, ctx.orgId, input.boardId, input.name, ctx.user.id);
    await recordAudit(ctx.db, { orgId: ctx.orgId, actor: ctx.user.id, action: 'device_token.created', target: `device:${created.id}`, detail: { boardId: input.boardId, name: input.name }, ip: ctx.request.ip });
    return created;
  }),

  revokeDevice: admin.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    await revokeDeviceToken(ctx.db, ctx.orgId, input.id, ctx.now());
    await recordAudit(ctx.db, { orgId: ctx.orgId, actor: ctx.user.id, action: 'device_token.revoked', target: `device:${input.id}`, ip: ctx.request.ip });
    return { id: input.id };
  }),

  /** A wall screen's own board, with the newest month with data (what "latest" slides show). */
  forDevice: readProcedure.query(async ({ ctx }) => {
    if (!ctx.device) throw new TRPCError({ code: 'FORBIDDEN', message: 'Endast för väggskärmar.' });
    const board = await getBoard(ctx.db, ctx.orgId, ctx.device.boardId);
    return { board, latestMonth: await latestDataMonth(ctx.db, ctx.orgId) };
  }),
});
