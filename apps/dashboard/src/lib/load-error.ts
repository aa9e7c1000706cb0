/**
 * Why a request failed, in the two ways a user must be told apart:
 * - offline: the server does not answer (network down, server restarting, 5xx);
 *   worth retrying by itself, and the last data stays on screen;
 * - request: the server answered that the question is wrong (an unknown unit,
 *   a period it cannot read); retrying will not help, its Swedish message will.
 */
export type LoadError = { kind: 'offline' } | { kind: 'request'; status: number; message: string | null };

interface TrpcLikeError {
  message?: unknown;
  data?: { httpStatus?: unknown; zod?: unknown } | null;
}

export function classifyError(err: unknown): LoadError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as TrpcLikeError;
  const status = typeof e.data?.httpStatus === 'number' ? e.data.httpStatus : null;
  // 408 and 429 are "try again later"; every other 4xx is a question the server will never answer.
  if (status === null || status >= 500 || status === 408 || status === 429) return { kind: 'offline' };
  // Validation details (zod issues) are for developers; the UI says it in its own words instead.
  const readable = typeof e.message === 'string' && e.message.length > 0 && !e.data?.zod;
  return { kind: 'request', status, message: readable ? (e.message as string) : null };
}
