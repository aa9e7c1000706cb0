/**
 * Step 4: writes one import as a batch. Runs inside the caller's transaction
 * (it opens none itself), so a failure in any chunk leaves nothing behind.
 * Rows go in chunks: one statement per row is slow over a network, one
 * statement for 100 000 rows exceeds PostgreSQL's 65 535 parameters.
 */
import { importBatches, observations, type Db } from '@lagesbild/db';
import { sql } from 'drizzle-orm';
import type { DiffSummary, Origin, PlannedCell } from './diff.js';

/** ~13 parameters per inserted row keeps a chunk near 6 500 parameters. */
export const DEFAULT_CHUNK_SIZE = 500;

export interface BatchInput {
  orgId: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  format: string;
  origin: Origin;
  user: string;
  plan: readonly PlannedCell[];
  summary: DiffSummary;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts the batch row, keeps replaced values in history, updates changed cells and inserts new ones. Returns the batch id. */
export async function writeBatch(db: Db, input: BatchInput, chunkSize = DEFAULT_CHUNK_SIZE): Promise<number> {
  const [batch] = await db
    .insert(importBatches)
    .values({
      orgId: input.orgId,
      fileName: input.fileName,
      sha256: input.sha256,
      format: input.format,
      // A Buffer is what both drivers serialise as bytea without surprises.
      raw: Buffer.from(input.bytes),
      status: 'committed',
      origin: input.origin,
      summary: { inserted: input.summary.new, updated: input.summary.changed, unchanged: input.summary.unchanged },
      rowCount: input.summary.rows,
      createdBy: input.user,
    })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error('import_batches: insert returned no row');
  const batchId = batch.id;

  const changed = input.plan.filter((p) => p.kind === 'changed' && p.stored !== null);
  for (const part of chunks(changed, chunkSize)) {
    const ids = sql.join(
      part.map((p) => sql`${p.stored?.id ?? -1}`),
      sql`, `,
    );
    // Copy the stored row as it is, so history holds exactly what was replaced, provenance included.
    await db.execute(sql`
      insert into observation_history
        (observation_id, org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator,
         origin, batch_id, source_file, source_row, replaced_by_batch_id)
      select id, org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator,
             origin, batch_id, source_file, source_row, ${batchId}
      from observations where id in (${ids})`);
    const values = sql.join(
      part.map(
        (p) =>
          sql`(${p.stored?.id ?? -1}::bigint, ${p.cell.numerator}::double precision, ${p.cell.denominator}::double precision, ${p.cell.row}::integer)`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      update observations as o
      set numerator = v.numerator, denominator = v.denominator, origin = ${input.origin},
          batch_id = ${batchId}, source_file = ${input.fileName}, source_row = v.source_row, updated_at = now()
      from (values ${values}) as v(id, numerator, denominator, source_row)
      where o.id = v.id`);
  }

  const fresh = input.plan.filter((p) => p.kind === 'new');
  for (const part of chunks(fresh, chunkSize)) {
    await db.insert(observations).values(
      part.map((p) => ({
        orgId: input.orgId,
        kpiId: p.cell.kpi,
        unitId: p.cell.unitId,
        month: p.cell.month,
        gender: p.cell.gender,
        ageBand: p.cell.ageBand,
        numerator: p.cell.numerator,
        denominator: p.cell.denominator,
        origin: input.origin,
        batchId,
        sourceFile: input.fileName,
        sourceRow: p.cell.row,
      })),
    );
  }
  return batchId;
}
