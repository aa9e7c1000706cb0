/**
 * Step 4: writes one import as a batch. Runs inside the caller's transaction
 * (it opens none itself), so a failure in any statement leaves nothing
 * behind. The cells come from the import's plan table (diff.ts), in three
 * set-based statements however many there are: nothing per row goes through
 * Node.
 */
import { importBatches, type Db } from '@lagesbild/db';
import { sql } from 'drizzle-orm';
import type { DiffSummary, Origin } from '../diff/diff.js';

/** Bytes of the raw file per statement: bytea travels as hex text, so a 40 MB file in one parameter would be an 80 MB string. */
export const RAW_CHUNK_BYTES = 2 * 1024 * 1024;

export interface BatchInput {
  orgId: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  format: string;
  origin: Origin;
  user: string;
  summary: DiffSummary;
}

/**
 * New cells per insert statement. PostgreSQL checks the four foreign keys of
 * each row after its statement, re-reading the row: in pieces of this size
 * the rows are still in shared buffers then, which one statement of a
 * million is not (an eighth faster at 1M rows).
 */
export const INSERT_CHUNK = 20_000;

/**
 * The new cells, in the order of the unique cell index so PostgreSQL appends
 * to its B-tree instead of splitting pages all over it (a quarter faster at
 * 1M rows), numbered in that order so that each piece is an index range.
 */
async function insertNew(db: Db, input: BatchInput, batchId: number, chunk: number): Promise<void> {
  await db.execute(sql`drop table if exists pg_temp.import_new`);
  await db.execute(sql`
    create temp table import_new on commit drop as
    select s.kpi, s.unit_id, s.month, s.gender, s.age_band, s.n, s.d, s.line,
           (row_number() over (order by s.kpi, s.unit_id, s.month, s.gender, s.age_band))::int as ord
    from import_staging s
    where not exists (select 1 from import_match m where m.seq = s.seq)`);
  await db.execute(sql`create index on import_new (ord)`);
  await db.execute(sql`analyze import_new`);
  for (let from = 0; from < input.summary.new; from += chunk) {
    await db.execute(sql`
      insert into observations
        (org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator, origin, batch_id, source_file, source_row)
      select ${input.orgId}, kpi, unit_id, month, gender, age_band, n, d, ${input.origin}, ${batchId}, ${input.fileName}, line
      from import_new
      where ord > ${from} and ord <= ${from + chunk}
      order by ord`);
  }
}

/** A Buffer is what both drivers serialise as bytea without surprises; a view, not a copy. */
const bufferOf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The raw file into the batch row a piece at a time, joined in the database in one go. */
async function storeRaw(db: Db, batchId: number, bytes: Uint8Array, chunkBytes: number): Promise<void> {
  await db.execute(sql`drop table if exists pg_temp.import_raw`);
  await db.execute(sql`create temp table import_raw (seq integer not null, part bytea not null) on commit drop`);
  for (let at = 0, seq = 0; at < bytes.length; at += chunkBytes, seq++) {
    await db.execute(sql`insert into import_raw (seq, part) values (${seq}, ${bufferOf(bytes.subarray(at, at + chunkBytes))})`);
  }
  await db.execute(sql`update import_batches set raw = (select string_agg(part, ''::bytea order by seq) from import_raw) where id = ${batchId}`);
  await db.execute(sql`drop table import_raw`);
}

/**
 * Inserts the batch row, keeps replaced values in history, updates changed
 * cells and inserts new ones, all from the plan (diff.ts). Returns the batch id.
 */
export async function writeBatch(db: Db, input: BatchInput, rawChunkBytes = RAW_CHUNK_BYTES, insertChunk = INSERT_CHUNK): Promise<number> {
  const [batch] = await db
    .insert(importBatches)
    .values({
      orgId: input.orgId,
      fileName: input.fileName,
      sha256: input.sha256,
      format: input.format,
      raw: input.bytes.length <= rawChunkBytes ? bufferOf(input.bytes) : Buffer.alloc(0),
      status: 'committed',
      origin: input.origin,
      summary: { inserted: input.summary.new, updated: input.summary.changed, unchanged: input.summary.unchanged },
      rowCount: input.summary.rows,
      createdBy: input.user,
    })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error('import_batches: insert returned no row');
  const batchId = batch.id;
  if (input.bytes.length > rawChunkBytes) await storeRaw(db, batchId, input.bytes, rawChunkBytes);

  if (input.summary.changed > 0) {
    // Copy the stored row as it is, so history holds exactly what was replaced, provenance included.
    await db.execute(sql`
      insert into observation_history
        (observation_id, org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator,
         origin, batch_id, source_file, source_row, replaced_by_batch_id)
      select o.id, o.org_id, o.kpi_id, o.unit_id, o.month, o.gender, o.age_band, o.numerator, o.denominator,
             o.origin, o.batch_id, o.source_file, o.source_row, ${batchId}
      from observations o join import_match m on o.id = m.obs_id
      where m.kind = 'changed'`);
    await db.execute(sql`
      update observations as o
      set numerator = s.n, denominator = s.d, origin = ${input.origin},
          batch_id = ${batchId}, source_file = ${input.fileName}, source_row = s.line, updated_at = now()
      from import_match m join import_staging s on s.seq = m.seq
      where m.kind = 'changed' and o.id = m.obs_id`);
  }
  if (input.summary.new > 0) await insertNew(db, input, batchId, insertChunk);
  return batchId;
}
