/**
 * Undoes one committed import: cells it changed get back exactly their
 * previous version (values and provenance) from observation_history, cells it
 * inserted are deleted, and the versions it wrote are kept in history, so a
 * rollback is itself traceable.
 */
import { batchCells, importBatches, queryRows, type ChangedCell, type Db } from '@lagesbild/db';
import { and, eq, sql } from 'drizzle-orm';
import { lockOrganisation } from './lock.js';

export class RollbackError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'RollbackError';
  }
}

export interface RollbackResult {
  batchId: number;
  /** Cells set back to the version before the batch. */
  restored: number;
  /** Cells the batch had inserted. */
  deleted: number;
}

/** Throws the RollbackError that says why the batch cannot be rolled back, if it cannot; its file name otherwise. */
async function refuseIfBlocked(tx: Db, orgId: string, batchId: number): Promise<string> {
  const [batch] = await tx
    .select({ status: importBatches.status, fileName: importBatches.fileName })
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.orgId, orgId)));
  if (!batch) {
    throw new RollbackError(`Importen med nummer ${batchId} finns inte för ${orgId}. Kontrollera numret.`, `Import batch ${batchId} does not exist for ${orgId}.`);
  }
  if (batch.status === 'rolled_back') {
    throw new RollbackError(`Importen ${batchId} (${batch.fileName}) är redan återställd; inget ändras.`, `Batch ${batchId} is already rolled back.`);
  }

  // A later committed import that replaced a value this batch wrote would be silently undone: refuse.
  const later = await queryRows<{ batch_id: number; file_name: string; cells: number }>(
    tx,
    sql`select b.id as batch_id, b.file_name, count(*)::int as cells
        from observation_history h join import_batches b on b.id = h.replaced_by_batch_id
        where h.batch_id = ${batchId} and h.replaced_by_batch_id <> ${batchId} and b.status = 'committed'
        group by b.id, b.file_name order by b.id`,
  );
  // Cells the batch replaced must still hold its version; anything else means someone wrote them since.
  const drifted = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from observation_history h
        left join observations o on o.id = h.observation_id
        where h.replaced_by_batch_id = ${batchId} and (o.id is null or o.batch_id is distinct from ${batchId})`,
  );
  const driftCount = Number(drifted[0]?.n ?? 0);
  if (later.length > 0 || driftCount > 0) {
    const list = later.map((l) => `${l.batch_id} (${l.file_name}, ${l.cells} värden)`).join(', ');
    const sv = later.length > 0 ? `senare importer har ändrat samma värden: ${list}. Återställ dem först, den senaste först.` : `${driftCount} av dess värden har ändrats sedan dess.`;
    throw new RollbackError(
      `Importen ${batchId} (${batch.fileName}) kan inte återställas: ${sv} Inget har ändrats.`,
      `Batch ${batchId} cannot be rolled back: later imports changed the same cells (${later.map((l) => l.batch_id).join(', ') || driftCount}).`,
    );
  }

  return batch.fileName;
}

export interface RollbackPlan {
  batchId: number;
  fileName: string;
  /** Cells that hold the batch's values now: each goes back to its earlier version or away. */
  values: number;
  restored: number;
  deleted: number;
  kpis: string[];
  /** The first and last month the batch's values are in, and how many months. */
  firstMonth: string | null;
  lastMonth: string | null;
  months: number;
}

/**
 * What rolling back the batch would change, so that the user confirms
 * knowing it (the demo seed is 7 994 values); throws the same RollbackError
 * as rollbackBatch when it cannot be rolled back. Writes nothing.
 */
export async function rollbackPlan(db: Db, orgId: string, batchId: number): Promise<RollbackPlan> {
  return db.transaction(async (tx) => {
    const fileName = await refuseIfBlocked(tx, orgId, batchId);
    const [counts] = await queryRows<{ values: number; restored: number; first: string | null; last: string | null; months: number }>(
      tx,
      sql`select count(*)::int as values,
                 (select count(*)::int from observation_history where replaced_by_batch_id = ${batchId}) as restored,
                 min(month) as first, max(month) as last, count(distinct month)::int as months
          from observations where batch_id = ${batchId} and org_id = ${orgId}`,
    );
    const kpis = await queryRows<{ kpi: string }>(tx, sql`select distinct kpi_id as kpi from observations where batch_id = ${batchId} and org_id = ${orgId} order by kpi_id`);
    const values = counts?.values ?? 0;
    const restored = counts?.restored ?? 0;
    return {
      batchId,
      fileName,
      values,
      restored,
      deleted: Math.max(0, values - restored),
      kpis: kpis.map((k) => k.kpi),
      firstMonth: counts?.first ?? null,
      lastMonth: counts?.last ?? null,
      months: counts?.months ?? 0,
    };
  });
}

/**
 * `onRolledBack` runs inside the rollback's transaction with the cells the
 * batch held (for the audit entry and the live event).
 */
export async function rollbackBatch(
  db: Db,
  orgId: string,
  batchId: number,
  user: string,
  onRolledBack?: (tx: Db, result: RollbackResult, cells: ChangedCell[]) => Promise<void>,
): Promise<RollbackResult> {
  return db.transaction(async (tx) => {
    await lockOrganisation(tx, orgId);
    await refuseIfBlocked(tx, orgId, batchId);

    const cells = onRolledBack ? await batchCells(tx, orgId, batchId) : [];
    // Keep the versions this batch wrote before they are overwritten or deleted (replaced_by null = removed by rollback).
    await tx.execute(sql`
      insert into observation_history
        (observation_id, org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator,
         origin, batch_id, source_file, source_row, replaced_by_batch_id)
      select id, org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator,
             origin, batch_id, source_file, source_row, null
      from observations where batch_id = ${batchId} and org_id = ${orgId}`);
    const restored = await queryRows<{ id: number }>(
      tx,
      sql`update observations as o
          set numerator = h.numerator, denominator = h.denominator, origin = h.origin, batch_id = h.batch_id,
              source_file = h.source_file, source_row = h.source_row, updated_at = now()
          from observation_history h
          where h.replaced_by_batch_id = ${batchId} and o.id = h.observation_id
          returning o.id`,
    );
    // After the restore only the cells the batch inserted still carry its id.
    const deleted = await queryRows<{ id: number }>(
      tx,
      sql`delete from observations where batch_id = ${batchId} and org_id = ${orgId} returning id`,
    );
    await tx.execute(sql`
      update import_batches
      set status = 'rolled_back',
          summary = coalesce(summary, '{}'::jsonb) || jsonb_build_object('rolledBackBy', ${user}::text, 'rolledBackAt', now())
      where id = ${batchId}`);
    const done = { batchId, restored: restored.length, deleted: deleted.length };
    await onRolledBack?.(tx, done, cells);
    return done;
  });
}
