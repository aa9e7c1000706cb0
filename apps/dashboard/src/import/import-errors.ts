import type { AppRouter } from '@lagesbild/api';
import { TRPCClientError } from '@trpc/client';

/**
 * The server's Swedish message for a failed call. A refused input names its
 * field ("Ogiltig uppgift: … (contentBase64)."); the file's own checks (size,
 * base64) read better alone, so their text is taken from data.zod.
 */
export function importErrorText(err: unknown, fallback: string): string {
  // No answer from the server (offline), or an internal error whose text is not for users.
  const data = err instanceof TRPCClientError ? (err as TRPCClientError<AppRouter>).data : undefined;
  if (!(err instanceof TRPCClientError) || !data || data.code === 'INTERNAL_SERVER_ERROR') return fallback;
  const zod: unknown = data.zod;
  if (Array.isArray(zod)) {
    const file = zod.find((i: { path?: unknown }) => Array.isArray(i.path) && i.path.includes('contentBase64')) as { message?: unknown } | undefined;
    if (typeof file?.message === 'string') return file.message;
  }
  return err.message || fallback;
}
