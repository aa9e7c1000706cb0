import { ROLES } from '@lagesbild/db';
import { z } from 'zod';
import { createLoginLink, LINK_TTL_MS } from '../access/login-link.js';
import { createUser, listUsers, setDisabled, setPassword, setRoles } from '../access/users.js';
import { actorOf } from '../context.js';
import { procedureFor, router } from '../trpc.js';

const admin = procedureFor('admin');
const grant = z.object({ role: z.enum(ROLES), unit: z.string().min(1).max(64).nullish() });
const userId = z.number().int().positive();

/** Admin: users, their roles and unit assignments. Every change is audited. */
export const userRouter = router({
  list: admin.query(({ ctx }) => listUsers(ctx.db, ctx.orgId, ctx.now())),

  create: admin
    .input(
      z.object({
        username: z.string().min(2).max(64),
        displayName: z.string().max(120),
        email: z.email().max(254).nullish(),
        /** Null for a user who signs in only through the identity provider. */
        password: z.string().max(256).nullable(),
        roles: z.array(grant).max(50),
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.orgId, input, actorOf(ctx))),

  setRoles: admin.input(z.object({ userId, roles: z.array(grant).max(50) })).mutation(({ ctx, input }) => setRoles(ctx.db, ctx.orgId, input.userId, input.roles, actorOf(ctx))),

  setDisabled: admin.input(z.object({ userId, disabled: z.boolean() })).mutation(({ ctx, input }) => setDisabled(ctx.db, ctx.orgId, input.userId, input.disabled, actorOf(ctx))),

  /**
   * A one-time sign-in link for a user (what `pnpm lagesbild user link` prints):
   * shown to the admin once, good for one use within 15 minutes, audited.
   * The address is relative; the page puts its own origin in front.
   */
  loginLink: admin.input(z.object({ userId })).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const token = await createLoginLink(ctx.db, ctx.orgId, input.userId, actorOf(ctx), now);
    return { path: `/auth/open?token=${token}`, expiresAt: new Date(now.getTime() + LINK_TTL_MS).toISOString() };
  }),

  setPassword: admin.input(z.object({ userId, password: z.string().min(1).max(256) })).mutation(async ({ ctx, input }) => {
    await setPassword(ctx.db, ctx.orgId, input.userId, input.password, actorOf(ctx));
    return { ok: true };
  }),
});
