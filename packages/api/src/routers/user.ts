import { ROLES } from '@lagesbild/db';
import { z } from 'zod';
import { auditFor } from '../access/audit.js';
import { createUser, listUsers, setDisabled, setPassword, setRoles } from '../access/users.js';
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
    .mutation(async ({ ctx, input }) => {
      const u = await createUser(ctx.db, ctx.orgId, input);
      await auditFor(ctx, 'user.created', `user:${u.username}`, { roles: u.roles });
      return u;
    }),

  setRoles: admin.input(z.object({ userId, roles: z.array(grant).max(50) })).mutation(async ({ ctx, input }) => {
    const u = await setRoles(ctx.db, ctx.orgId, input.userId, input.roles);
    await auditFor(ctx, 'user.roles_changed', `user:${u.username}`, { roles: u.roles });
    return u;
  }),

  setDisabled: admin.input(z.object({ userId, disabled: z.boolean() })).mutation(async ({ ctx, input }) => {
    const u = await setDisabled(ctx.db, ctx.orgId, input.userId, input.disabled);
    await auditFor(ctx, input.disabled ? 'user.disabled' : 'user.enabled', `user:${u.username}`);
    return u;
  }),

  setPassword: admin.input(z.object({ userId, password: z.string().min(1).max(256) })).mutation(async ({ ctx, input }) => {
    await setPassword(ctx.db, ctx.orgId, input.userId, input.password);
    await auditFor(ctx, 'user.password_changed', `user:${input.userId}`);
    return { ok: true };
  }),
});
