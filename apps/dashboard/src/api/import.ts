import { TRPCClientError } from '@trpc/client';
import { trpc } from './trpc.js';

/** What the preview and the commit answer: summary, diff (at most 5 000 rows, diffTotal counts all), errors and warnings. */
export type ImportAnswer = Awaited<ReturnType<typeof trpc.import.preview.mutate>>;
export type ImportIssue = ImportAnswer['errors'][number];
export type ImportDiffRow = ImportAnswer['diff'][number];
export type ImportRequest = Parameters<typeof trpc.import.preview.mutate>[0];
export type BatchRow = Awaited<ReturnType<typeof trpc.import.batches.query>>[number];
export type RollbackAnswer = Awaited<ReturnType<typeof trpc.import.rollback.mutate>>;

/** Dry run: writes nothing. */
export const previewImport = (req: ImportRequest) => trpc.import.preview.mutate(req);
/** Writes the whole file or nothing; a file with warnings needs confirmWarnings. */
export const commitImport = (req: ImportRequest, confirmWarnings: boolean) => trpc.import.commit.mutate({ ...req, confirmWarnings });
export const rollbackImport = (batchId: number) => trpc.import.rollback.mutate({ batchId });
export const listBatches = (limit = 100) => trpc.import.batches.query({ limit });

/**
 * The server's Swedish message for a failed call. A refused input names its
 * field ("Ogiltig uppgift – contentBase64: …"); the file's own checks (size,
 * base64) read better alone, so their text is taken from data.zod.
 */
export function importErrorText(err: unknown, fallback: string): string {
  // No answer from the server (offline), or an internal error whose text is not for users.
  if (!(err instanceof TRPCClientError) || !err.data || err.data.code === 'INTERNAL_SERVER_ERROR') return fallback;
  const zod: unknown = err.data.zod;
  if (Array.isArray(zod)) {
    const file = zod.find((i: { path?: unknown }) => Array.isArray(i.path) && i.path.includes('contentBase64')) as { message?: unknown } | undefined;
    if (typeof file?.message === 'string') return file.message;
  }
  return err.message || fallback;
}
