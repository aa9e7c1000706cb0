/**
 * The one writer of an import: the batch row, the replaced values into
 * history, the changed cells and the new ones, all from the plan (plan.ts).
 * Runs inside the caller's transaction (it opens none itself), so a failure
 * in any statement leaves nothing behind. Set-based however many cells there
 * are: nothing per row goes through Node.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { importBatches, observationHistory as h, observations as o } from '../schema/index.js';
import type { ImportDiffSummary, ImportOrigin } from './plan.js';
import { columnList, createTemp, dropTemp, importMatch as m, importNew, importRaw, importStaging as s } from './temp-tables.js';

/** Bytes of the raw file per statement: bytea travels as hex text, so a 40 MB file in one parameter would be an 80 MB string. */
export const RAW_CHUNK_BYTES = 2 * 1024 * 1024;

/**
 * New cells per insert statement. PostgreSQL checks the three foreign keys of
 * each row after its statement, re-reading the row: in pieces of this size
 * the rows are still in shared buffers then, which one statement of a
 * million is not (an eighth faster at 1M rows).
 */
export const INSERT_CHUNK = 20_000;

export interface ImportBatchInput {
  orgId: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  format: string;
  origin: ImportOrigin;
  user: string;
  summary: ImportDiffSummary;
}

/** Statement sizes; tests make them small to cross their edges. */
export interface BatchChunks {
  rawBytes: number;
  insertRows: number;
}

/**
 * The new cells, in the order of the unique cell index so PostgreSQL appends
 * to its B-tree instead of splitting pages all over it (a quarter faster at
 * 1M rows), numbered in that order so that each piece is an index range.
 */
async function insertNew(db: Db, input: ImportBatchInput, batchId: number, chunk: number): Promise<void> {
  const n = importNew;
  await db.execute(dropTemp(n));
  await db.execute(sql`
    create temp table ${n} on commit drop as
    select ${s.kpi}, ${s.unitId}, ${s.month}, ${s.gender}, ${s.ageBand}, ${s.n}, ${s.d}, ${s.line},
           (row_number() over (order by ${s.kpi}, ${s.unitId}, ${s.month}, ${s.gender}, ${s.ageBand}))::int as ord
    from ${s}
    where not exists (select 1 from ${m} where ${m.seq} = ${s.seq})`);
  await db.execute(sql`create index on ${n} (${sql.identifier(n.ord.name)})`);
  await db.execute(sql`analyze ${n}`);
  for (let from = 0; from < input.summary.new; from += chunk) {
    await db.execute(sql`
      insert into ${o} (${columnList(o.orgId, o.kpiId, o.unitId, o.month, o.gender, o.ageBand, o.numerator, o.denominator, o.origin, o.batchId, o.sourceFile, o.sourceRow)})
      select ${input.orgId}, ${n.kpi}, ${n.unitId}, ${n.month}, ${n.gender}, ${n.ageBand}, ${n.n}, ${n.d}, ${input.origin}, ${batchId}, ${input.fileName}, ${n.line}
      from ${n}
      where ${n.ord} > ${from} and ${n.ord} <= ${from + chunk}
      order by ${n.ord}`);
  }
}

/** A Buffer is what both drivers serialise as bytea without surprises; a view, not a copy. */
const bufferOf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The raw file into the batch row a piece at a time, joined in the database in one go. */
async function storeRaw(db: Db, batchId: number, bytes: Uint8Array, chunkBytes: number): Promise<void> {
  await db.execute(dropTemp(importRaw));
  await db.execute(createTemp(importRaw));
  for (let at = 0, seq = 0; at < bytes.length; at += chunkBytes, seq++) {
    await db.insert(importRaw).values({ seq, part: bufferOf(bytes.subarray(at, at + chunkBytes)) });
  }
  await db
    .update(importBatches)
    .set({ raw: sql`(select string_agg(${importRaw.part}, ''::bytea order by ${importRaw.seq}) from ${importRaw})` })
    .where(eq(importBatches.id, batchId));
  await db.execute(sql`drop table ${importRaw}`);
}

/**
 * Inserts the batch row, keeps replaced values in history, updates changed
 * cells and inserts new ones, all from the plan. Returns the batch id.
 */
export async function writeImportBatch(db: Db, input: ImportBatchInput, chunks: BatchChunks = { rawBytes: RAW_CHUNK_BYTES, insertRows: INSERT_CHUNK }): Promise<number> {
  const [batch] = await db
    .insert(importBatches)
    .values({
      orgId: input.orgId,
      fileName: input.fileName,
      sha256: input.sha256,
      format: input.format,
      raw: input.bytes.length <= chunks.rawBytes ? bufferOf(input.bytes) : Buffer.alloc(0),
      status: 'committed',
      origin: input.origin,
      summary: { inserted: input.summary.new, updated: input.summary.changed, unchanged: input.summary.unchanged },
      rowCount: input.summary.rows,
      createdBy: input.user,
    })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error('import_batches: insert returned no row');
  const batchId = batch.id;
  if (input.bytes.length > chunks.rawBytes) await storeRaw(db, batchId, input.bytes, chunks.rawBytes);

  if (input.summary.changed > 0) {
    // Copy the stored row as it is, so history holds exactly what was replaced, provenance included.
    await db.execute(sql`
      insert into ${h}
        (${columnList(h.observationId, h.orgId, h.kpiId, h.unitId, h.month, h.gender, h.ageBand, h.numerator, h.denominator, h.origin, h.batchId, h.sourceFile, h.sourceRow, h.replacedByBatchId)})
      select ${o.id}, ${o.orgId}, ${o.kpiId}, ${o.unitId}, ${o.month}, ${o.gender}, ${o.ageBand}, ${o.numerator}, ${o.denominator},
             ${o.origin}, ${o.batchId}, ${o.sourceFile}, ${o.sourceRow}, ${batchId}
      from ${o} join ${m} on ${o.id} = ${m.obsId}
      where ${m.kind} = 'changed'`);
    await db
      .update(o)
      .set({ numerator: s.n, denominator: s.d, origin: input.origin, batchId, sourceFile: input.fileName, sourceRow: s.line, updatedAt: sql`now()` })
      .from(sql`${m} join ${s} on ${s.seq} = ${m.seq}`)
      .where(sql`${m.kind} = 'changed' and ${o.id} = ${m.obsId}`);
  }
  if (input.summary.new > 0) await insertNew(db, input, batchId, chunks.insertRows);
  return batchId;
}
