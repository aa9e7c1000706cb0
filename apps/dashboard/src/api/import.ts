import { trpc } from './trpc.js';

/** What the preview and the commit answer: summary, diff (at most 5 000 rows, diffTotal counts all), errors and warnings. */
export type ImportAnswer = Awaited<ReturnType<typeof trpc.import.preview.mutate>>;
export type ImportIssue = ImportAnswer['errors'][number];
export type ImportDiffRow = ImportAnswer['diff'][number];
export type ImportRequest = Parameters<typeof trpc.import.preview.mutate>[0];
export type BatchRow = Awaited<ReturnType<typeof trpc.import.batches.query>>[number];
export type RollbackPlan = Awaited<ReturnType<typeof trpc.import.rollbackPreview.query>>;

/** Dry run: writes nothing. */
export const previewImport = (req: ImportRequest) => trpc.import.preview.mutate(req);
/** Writes the whole file or nothing; a file with warnings needs confirmWarnings. */
export const commitImport = (req: ImportRequest, confirmWarnings: boolean) => trpc.import.commit.mutate({ ...req, confirmWarnings });
/** What a rollback would change (values, KPIs, months): shown in its confirm step. */
export const previewRollback = (batchId: number) => trpc.import.rollbackPreview.query({ batchId });
/** Only after the user has confirmed previewRollback's plan. */
export const rollbackImport = (batchId: number) => trpc.import.rollback.mutate({ batchId, confirmed: true });
export const listBatches = (limit = 100) => trpc.import.batches.query({ limit });

/** The rows of the wide reports that the importer knows: which KPI, gender, age band and unit each one is. */
export type MappingRow = Awaited<ReturnType<typeof trpc.import.mappings.query>>[number];
export type MappingInput = Parameters<typeof trpc.import.saveMapping.mutate>[0];
export type UnknownRow = NonNullable<ImportIssue['unknownRow']>;

export const listMappings = () => trpc.import.mappings.query();
/** Adds a mapping, or changes the one with the same section, parent and label. */
export const saveMapping = (m: MappingInput) => trpc.import.saveMapping.mutate(m);
export const deleteMapping = (id: number) => trpc.import.deleteMapping.mutate({ id });
