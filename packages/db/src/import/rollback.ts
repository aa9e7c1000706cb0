/**
 * Undoing one committed import: cells it changed get back exactly their
 * previous version (values and provenance) from observation_history, cells it
 * inserted are deleted, and the versions it wrote are kept in history, so a
 * rollback is itself traceable. The importer decides whether a batch may be
 * rolled back (rollbackBlockers) and words the answer.
 */
import { and, asc, countDistinct, count, eq, isNull, max, min, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { importBatches, observationHistory as h, observations as o } from '../schema/index.js';
import { idInOrg } from '../queries/rows.js';
import { columnList } from './temp-tables.js';

/** A later committed batch that replaced `cells` values this batch wrote. */
export interface LaterBatch {
  batchId: number;
  fileName: string;
  cells: number;
}

export interface RollbackBlockers {
  /** The batch, or null when the organisation has no batch of that id. */
  batch: { status: 'committed' | 'rolled_back'; fileName: string } | null;
  later: LaterBatch[];
  /** Cells the batch replaced that no longer hold its version. */
  drifted: number;
}

/** What stands in the way of rolling the batch back: the batch itself, later imports over its cells, cells changed since. */
export async function rollbackBlockers(tx: Db, orgId: string, batchId: number): Promise<RollbackBlockers> {
  const [batch] = await tx
    .select({ status: importBatches.status, fileName: importBatches.fileName })
    .from(importBatches)
    .where(idInOrg(importBatches, { orgId, id: batchId }));
  if (!batch || batch.status === 'rolled_back') return { batch: batch ?? null, later: [], drifted: 0 };
  // A later committed import that replaced a value this batch wrote would be silently undone.
  const later = await tx
    .select({ batchId: importBatches.id, fileName: importBatches.fileName, cells: count() })
    .from(h)
    .innerJoin(importBatches, eq(importBatches.id, h.replacedByBatchId))
    .where(and(eq(h.batchId, batchId), ne(h.replacedByBatchId, batchId), eq(importBatches.status, 'committed')))
    .groupBy(importBatches.id, importBatches.fileName)
    .orderBy(asc(importBatches.id));
  // Cells the batch replaced must still hold its version; anything else means someone wrote them since.
  const [drift] = await tx
    .select({ n: count() })
    .from(h)
    .leftJoin(o, eq(o.id, h.observationId))
    .where(and(eq(h.replacedByBatchId, batchId), or(isNull(o.id), sql`${o.batchId} is distinct from ${batchId}`)));
  return { batch, later, drifted: drift?.n ?? 0 };
}

export interface RollbackCounts {
  /** Cells that hold the batch's values now. */
  values: number;
  /** Of which go back to an earlier version. */
  restored: number;
  kpis: string[];
  firstMonth: string | null;
  lastMonth: string | null;
  months: number;
}

/** What rolling the batch back would change. Writes nothing. */
export async function rollbackCounts(tx: Db, orgId: string, batchId: number): Promise<RollbackCounts> {
  const ofBatch = and(eq(o.batchId, batchId), eq(o.orgId, orgId));
  const [counts] = await tx
    .select({ values: count(), first: min(o.month), last: max(o.month), months: countDistinct(o.month) })
    .from(o)
    .where(ofBatch);
  const [restored] = await tx.select({ n: count() }).from(h).where(eq(h.replacedByBatchId, batchId));
  const kpis = await tx.selectDistinct({ kpi: o.kpiId }).from(o).where(ofBatch).orderBy(asc(o.kpiId));
  return {
    values: counts?.values ?? 0,
    restored: restored?.n ?? 0,
    kpis: kpis.map((k) => k.kpi),
    firstMonth: counts?.first ?? null,
    lastMonth: counts?.last ?? null,
    months: counts?.months ?? 0,
  };
}

const HISTORY_COLUMNS = [
  h.observationId,
  h.orgId,
  h.kpiId,
  h.unitId,
  h.month,
  h.gender,
  h.ageBand,
  h.numerator,
  h.denominator,
  h.origin,
  h.batchId,
  h.sourceFile,
  h.sourceRow,
  h.replacedByBatchId,
] as const;

/**
 * Rolls the batch back in the caller's transaction, which holds the
 * organisation's import lock and has checked rollbackBlockers. Returns how
 * many cells were restored and deleted.
 */
export async function undoImportBatch(tx: Db, orgId: string, batchId: number, user: string): Promise<{ restored: number; deleted: number }> {
  // Keep the versions this batch wrote before they are overwritten or deleted (replaced_by null = removed by rollback).
  await tx.execute(sql`
    insert into ${h} (${columnList(...HISTORY_COLUMNS)})
    select ${o.id}, ${o.orgId}, ${o.kpiId}, ${o.unitId}, ${o.month}, ${o.gender}, ${o.ageBand}, ${o.numerator}, ${o.denominator},
           ${o.origin}, ${o.batchId}, ${o.sourceFile}, ${o.sourceRow}, null
    from ${o} where ${o.batchId} = ${batchId} and ${o.orgId} = ${orgId}`);
  const restored = await tx
    .update(o)
    .set({ numerator: h.numerator, denominator: h.denominator, origin: h.origin, batchId: h.batchId, sourceFile: h.sourceFile, sourceRow: h.sourceRow, updatedAt: sql`now()` })
    .from(h)
    .where(and(eq(h.replacedByBatchId, batchId), eq(o.id, h.observationId)))
    .returning({ id: o.id });
  // After the restore only the cells the batch inserted still carry its id.
  const deleted = await tx
    .delete(o)
    .where(and(eq(o.batchId, batchId), eq(o.orgId, orgId)))
    .returning({ id: o.id });
  await tx
    .update(importBatches)
    .set({
      status: 'rolled_back',
      summary: sql`coalesce(${importBatches.summary}, '{}'::jsonb) || jsonb_build_object('rolledBackBy', ${user}::text, 'rolledBackAt', now())`,
    })
    .where(eq(importBatches.id, batchId));
  return { restored: restored.length, deleted: deleted.length };
}
