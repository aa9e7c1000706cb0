import { MAX_FILE_BYTES } from '@lagesbild/importer';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { actorOf } from '../context.js';
import { commitImport, deleteMapping, listBatches, listMappings, previewImport, previewRollback, rollbackImport, saveMapping } from '../services/import.js';
import { procedureFor, router } from '../trpc.js';

/** Base64 of the largest file the importer takes; a longer string is refused before it is decoded. */
const MAX_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4;

const file = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .max(MAX_BASE64, `Filen är för stor: högst ${MAX_FILE_BYTES / 1024 / 1024} MB kan importeras åt gången.`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Filen ska skickas som base64.'),
  /** Wide monthly reports: the year of "Januari" … columns (default: from the file name). */
  year: z.number().int().min(1990).max(2100).optional(),
  /** Wide monthly reports: the unit of rows whose mapping names none. */
  unitCode: z.string().trim().min(1).max(64).optional(),
  skipMissingMarks: z.boolean().optional(),
});

const mapping = z.object({
  section: z.string().max(300).default(''),
  parentLabel: z.string().max(600).default(''),
  label: z.string().min(1).max(300),
  /** null: the row is known and skipped. */
  kpiId: z.string().min(1).max(64).nullable(),
  gender: z.enum(['K', 'M', 'T']).default('T'),
  ageBand: z.string().max(16).default(''),
  /** null: the unit given with the import. */
  unitCode: z.string().min(1).max(64).nullable().default(null),
});

function request(input: z.infer<typeof file>, confirmWarnings = false) {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw new InputError(`Filen ${input.fileName} är tom.`);
  return { ...input, bytes, confirmWarnings };
}

export const importRouter = router({
  /** Dry run: the diff against what is stored (new, changed old → new, unchanged), errors and warnings. Writes nothing. */
  preview: procedureFor('import')
    .input(file)
    .mutation(({ ctx, input }) => previewImport(ctx.db, ctx.orgId, request(input), actorOf(ctx))),
  /** Writes the whole file in one transaction or nothing; warnings need confirmWarnings. */
  commit: procedureFor('import')
    .input(file.extend({ confirmWarnings: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => commitImport(ctx.db, ctx.orgId, request(input, input.confirmWarnings), actorOf(ctx))),
  /** What a rollback would change: values, KPIs and months. Writes nothing. */
  rollbackPreview: procedureFor('import')
    .input(z.object({ batchId: z.number().int().positive() }))
    .query(({ ctx, input }) => previewRollback(ctx.db, ctx.orgId, input.batchId)),
  /** Restores exactly the values before the batch; only when confirmed (after rollbackPreview). */
  rollback: procedureFor('import')
    .input(z.object({ batchId: z.number().int().positive(), confirmed: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => rollbackImport(ctx.db, ctx.orgId, input.batchId, actorOf(ctx), input.confirmed)),
  /** Earlier imports, newest first: who imported what for which units, so for importers only. */
  batches: procedureFor('import')
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }))
    .query(({ ctx, input }) => listBatches(ctx.db, ctx.orgId, input.limit)),
  /** Which report row is which KPI, gender, age band and unit. */
  mappings: procedureFor('import').query(({ ctx }) => listMappings(ctx.db, ctx.orgId)),
  saveMapping: procedureFor('import')
    .input(mapping)
    .mutation(({ ctx, input }) => saveMapping(ctx.db, ctx.orgId, input, actorOf(ctx))),
  deleteMapping: procedureFor('import')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteMapping(ctx.db, ctx.orgId, input.id, actorOf(ctx))),
});
