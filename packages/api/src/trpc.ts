import { PeriodParseError } from '@lagesbild/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { can, type Permission } from './access/permissions.js';
import type { Context } from './context.js';
import { InputError, NotFoundError } from './services/errors.js';

const t = initTRPC.context<Context>().create({
  // No stack traces to clients; Swedish messages pass through.
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, data: { ...data, zod: error.cause instanceof ZodError ? error.cause.issues : null } };
  },
});

export const router = t.router;

/** Domain errors become tRPC errors here, in one place, so routers stay thin. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: cause.message, cause });
    if (cause instanceof InputError || cause instanceof PeriodParseError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  }
  return result;
});

/** Every procedure needs a signed-in user; there is no public data. */
export const readProcedure = t.procedure.use(mapErrors).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Du behöver logga in.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * A procedure that needs a permission beyond reading (see access/permissions.ts).
 * Scope checks on units stay in the procedure, against ctx.scope.
 */
export function procedureFor(permission: Permission) {
  return readProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user.roles, permission)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Din roll får inte göra detta.' });
    return next();
  });
}
