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

