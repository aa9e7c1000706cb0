import { PeriodParseError } from '@lagesbild/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { can, type Permission } from '@lagesbild/domain';
import { bodyTooLargeMessage } from './access/body-limit.js';
import { LoginRefused } from './access/login.js';
import type { Context } from './context.js';
import { serially } from './serial.js';
import { InputError, NotFoundError } from './errors.js';

/**
 * What every data procedure declares about itself. readProcedure refuses to
 * run one that does not say which units it reads, and a wall screen may call
 * only what says `screen`.
 */
interface ProcedureMeta {
  /**
   * 'guarded': built on unitProcedure (access/unit-procedure.ts), so the scope guard
   * checks its units month by month; otherwise why no unit check applies.
   */
  units?: 'guarded' | { none: string };
  /** Wall screens may call it (a guarded one only with a request its board shows). */
  screen?: boolean;
}

// Input errors from zod speak Swedish, like every other answer the API gives.
z.config(z.locales.sv());

/**
 * tRPC's own refusals (before any procedure runs) come in English; these are
 * what the caller reads instead. The procedures' messages are Swedish already.
 */
function ownMessage(code: string, message: string): string {
  if (code === 'PARSE_ERROR') return 'Begäran kunde inte läsas: indata är inte giltig JSON.';
  if (code === 'PAYLOAD_TOO_LARGE') return bodyTooLargeMessage(null);
  if (code === 'METHOD_NOT_SUPPORTED') return 'Metoden stöds inte för den här åtgärden (frågor med GET, ändringar med POST).';
  if (code === 'NOT_FOUND' && message.startsWith('No procedure found')) return 'Okänd åtgärd: adressen under /trpc/ namnger ingen procedur.';
  if (code === 'BAD_REQUEST' && /^(Batch call|"input" needs|Invalid URL|Unexpected)/.test(message)) return `Begäran kunde inte läsas: ${message}.`;
  return message;
}

/** Silence after which a live client reconnects: more than two missed heartbeats. */
const LIVE_RECONNECT_AFTER_MS = 40_000;

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // tRPC's own SSE reconnect: a client that hears nothing for this long (the live hub sends a status every
    // LIVE_HEARTBEAT_MS, 15 s) drops the stream and connects again from its last event id.
    sse: { client: { reconnectAfterInactivityMs: LIVE_RECONNECT_AFTER_MS } },
    // No stack traces to clients; Swedish messages pass through.
    errorFormatter({ shape, error }) {
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message: ownMessage(error.code, shape.message), data: { ...data, zod: error.cause instanceof ZodError ? error.cause.issues : null } };
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
    if (cause instanceof LoginRefused) throw new TRPCError({ code: cause.reason === 'credentials' ? 'UNAUTHORIZED' : 'TOO_MANY_REQUESTS', message: cause.message, cause });
    if (cause instanceof InputError || cause instanceof PeriodParseError) throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
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

export const SCREEN_REFUSED = 'En väggskärm får bara läsa det som dess tavla visar.';

/** The queries of one batch run one after the other (see serial.ts); a subscription or mutation is never queued behind them. */
const oneCallAtATime = t.middleware(({ ctx, type, next }) => (type === 'query' && ctx.request.via === 'http' ? serially(ctx.request, next) : next()));

/**
 * Every data procedure needs a signed-in user with a role, or a wall screen;
 * there is no public data. Each must declare which units it reads (meta.units),
 * and wall screens reach only those that say they serve screens.
 */
export const readProcedure = t.procedure
  .use(oneCallAtATime)
  .use(mapErrors)
  .use(csrf)
  .use(({ ctx, meta, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Du behöver logga in.' });
    if (!ctx.device && !can(ctx.user.roles, 'read')) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Ditt konto har ingen roll ännu. Be en administratör om behörighet.' });
    }
    if (!meta?.units) throw new Error('A data procedure must declare which units it reads (meta.units); see ProcedureMeta.');
    if (ctx.device && !meta.screen) throw new TRPCError({ code: 'FORBIDDEN', message: SCREEN_REFUSED });
    return next({ ctx: { ...ctx, user: ctx.user } });
  });

/**
 * A procedure that needs a permission beyond reading (see access/permissions.ts).
 * Wall screens hold none. One that takes a unit is built on unitProcedure instead
 * (access-matrix.test.ts fails for a procedure with a unit input that is not).
 */
export function procedureFor(permission: Permission) {
  return readProcedure.meta({ units: { none: `needs the ${permission} permission and takes no unit` } }).use(({ ctx, next }) => {
    if (ctx.device || !can(ctx.user.roles, permission)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Din roll får inte göra detta.' });
    return next();
  });
}
