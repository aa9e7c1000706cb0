import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { login } from '../access/login.js';
import { clearedCookie, SESSION_COOKIE, sessionCookie } from '../access/request-context.js';
import { logout, logoutEverywhere } from '../access/sessions.js';
import { actorOf } from '../context.js';
import { ORG_ID_PATTERN, ORG_ID_RULE, organisationName } from '../services/organisations.js';
import { publicProcedure, readProcedure, router } from '../trpc.js';

const orgSlug = z.string().trim().toLowerCase().regex(ORG_ID_PATTERN, ORG_ID_RULE);

export const authRouter = router({
  /** Who is signed in, in which organisation, with the CSRF token the client sends on mutations; null before login. */
  me: publicProcedure.query(async ({ ctx }) =>
    ctx.user
      ? {
          organisation: { id: ctx.orgId, name: (await organisationName(ctx.db, ctx.orgId)) ?? ctx.orgId },
          username: ctx.user.id,
          name: ctx.user.name,
          roles: ctx.user.roles,
          scope: ctx.scope,
          device: ctx.device,
          exactValues: !ctx.suppress,
          csrfToken: ctx.session?.csrfToken ?? null,
        }
      : null,
  ),

  /**
   * The organisation a sign-in page logs into: the one its address names, or
   * the server's own. Lets the page say "Logga in till Flens kommun", and say
   * plainly when the address names no organisation.
   */
  organisation: publicProcedure.input(z.object({ org: orgSlug.optional() })).query(async ({ ctx, input }) => {
    const id = input.org ?? ctx.orgId;
    const name = await organisationName(ctx.db, id);
    return name === null ? null : { id, name };
  }),

  login: publicProcedure
    .input(z.object({ org: orgSlug.optional(), username: z.string().min(1).max(64), password: z.string().min(1).max(256) }))
    .mutation(async ({ ctx, input }) => {
      const s = await login(ctx.db, {
        orgId: input.org ?? ctx.orgId,
        username: input.username,
        password: input.password,
        ip: ctx.request.ip,
        userAgent: ctx.request.userAgent,
        now: ctx.now(),
      });
      ctx.setCookie(sessionCookie(s.token, ctx.request.secure));
      return { csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    }),

  logout: readProcedure.meta({ units: { none: 'ends the session' }, screen: true }).mutation(async ({ ctx }) => {
    await logout(ctx.db, ctx.orgId, ctx.session?.tokenHash ?? null, actorOf(ctx));
    ctx.setCookie(clearedCookie(SESSION_COOKIE, ctx.request.secure));
    return { ok: true };
  }),

  /** Ends every session of the caller, on every device. */
  logoutEverywhere: readProcedure.meta({ units: { none: 'ends sessions' } }).mutation(async ({ ctx }) => {
    if (ctx.user.userId === null) throw new TRPCError({ code: 'FORBIDDEN', message: 'En skärm har inga sessioner att avsluta.' });
    const ended = await logoutEverywhere(ctx.db, ctx.orgId, ctx.user.userId, actorOf(ctx));
    ctx.setCookie(clearedCookie(SESSION_COOKIE, ctx.request.secure));
    return { ended };
  }),
});
