import { PeriodParseError } from '@lagesbild/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { can, type Permission } from '@lagesbild/domain';
import type { Context } from './context.js';
import { InputError, NotFoundError } from './services/errors.js';

// Input errors from zod speak Swedish, like every other answer the API gives.
z.config(z.locales.sv());

const t = initTRPC.context<Context>().create({
  // No stack traces to clients; Swedish messages pass through.
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, data: { ...data, zod: error.cause instanceof ZodError ? error.cause.issues : null } };
  },
});

export const router = t.router;

function inputMessage(err: ZodError): string {
  // The field's code name last, in brackets: the sentence is for people, the name for whoever wrote the request.
  const parts = err.issues.map((i) => `${i.message.replace(/\.$/, '')}${i.path.length > 0 ? ` (${i.path.join('.')})` : ''}`);
  return `Ogiltig uppgift: ${parts.join('; ')}.`;
}

/** Domain errors become tRPC errors here, in one place, so routers stay thin. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: cause.message, cause });
    if (cause instanceof InputError || cause instanceof PeriodParseError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
    // A refused input reads as a sentence per field, not as zod's JSON.
    if (cause instanceof ZodError) throw new TRPCError({ code: 'BAD_REQUEST', message: inputMessage(cause), cause });
  }
  return result;
});

/**
 * Mutations from a browser session must carry the session's CSRF token in the
 * x-csrf-token header. A cross-site form cannot set that header, and the
 * SameSite cookie is a second line. In-process callers have no session.
 */
const csrf = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.session && ctx.request.csrfHeader !== ctx.session.csrfToken) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Sidan behöver laddas om (säkerhetstoken saknas eller är gammal).' });
  }
  return next();
});

/**
 * For the few procedures that must work before login (login itself, "who am
 * I"). A public mutation still needs a custom header, which a cross-site form
 * cannot send. Everything else is built on readProcedure or procedureFor.
 */
export const publicProcedure = t.procedure.use(mapErrors).use(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.request.via === 'http' && ctx.request.csrfHeader === null) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Begäran saknar säkerhetshuvud; ladda om sidan.' });
  }
  return next();
});

/** Every data procedure needs a signed-in user with a role, or a wall screen; there is no public data. */
export const readProcedure = t.procedure
  .use(mapErrors)
  .use(csrf)
  .use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Du behöver logga in.' });
    if (!ctx.device && !can(ctx.user.roles, 'read')) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Ditt konto har ingen roll ännu. Be en administratör om behörighet.' });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });

/**
 * A procedure that needs a permission beyond reading (see access/permissions.ts).
 * Wall screens hold none. Scope checks on units stay in the procedure, against ctx.scope.
 */
export function procedureFor(permission: Permission) {
  return readProcedure.use(({ ctx, next }) => {
    if (ctx.device || !can(ctx.user.roles, permission)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Din roll får inte göra detta.' });
    return next();
  });
}
