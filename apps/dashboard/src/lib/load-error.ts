/**
 * Why a request failed, in the two ways a user must be told apart:
 * - offline: the server does not answer (network down, server restarting, 5xx);
 *   worth retrying by itself, and the last data stays on screen. `cause` says
 *   whether nothing answered (network) or the server answered with an error
 *   (server), for actions such as saving, whose message must say which;
 * - request: the server answered that the question is wrong (an unknown unit,
 *   a period it cannot read); retrying will not help, its Swedish message will.
 */
export type LoadError = { kind: 'offline'; cause: 'network' | 'server' } | { kind: 'request'; status: number; message: string | null };

interface TrpcLikeError {
  message?: unknown;
  cause?: unknown;
  data?: { httpStatus?: unknown; code?: unknown; zod?: unknown } | null;
  meta?: { response?: { status?: unknown } } | null;
}

/** The HTTP status the server answered with, when it answered at all. */
function statusOf(e: TrpcLikeError): number | null {
  if (typeof e.data?.httpStatus === 'number') return e.data.httpStatus;
  if (e.data?.code === 'INTERNAL_SERVER_ERROR') return 500;
  const s = e.meta?.response?.status;
  return typeof s === 'number' ? s : null;
}

export function classifyError(err: unknown): LoadError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as TrpcLikeError;
  const status = statusOf(e);
  if (status === null) {
    // An answer that is no tRPC JSON (a proxy's 502 page) fails to parse: something answered, so it is no network failure.
    return { kind: 'offline', cause: e.cause instanceof SyntaxError ? 'server' : 'network' };
  }
  // 408 and 429 are "try again later"; every other 4xx is a question the server will never answer.
  if (status >= 500 || status === 408 || status === 429) return { kind: 'offline', cause: 'server' };
  // Validation details (zod issues) are for developers; the UI says it in its own words instead.
  const readable = typeof e.message === 'string' && e.message.length > 0 && !e.data?.zod;
  return { kind: 'request', status, message: readable ? (e.message as string) : null };
}
