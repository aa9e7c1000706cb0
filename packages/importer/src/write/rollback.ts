/**
 * Undoes one committed import: cells it changed get back exactly their
 * previous version (values and provenance) from observation_history, cells it
 * inserted are deleted, and the versions it wrote are kept in history, so a
 * rollback is itself traceable. The statements are in @lagesbild/db
 * (import/rollback.ts); here is when a batch may be rolled back, and what the
 * user is told.
 */
import { batchCells, lockOrganisationImports, rollbackBlockers, rollbackCounts, undoImportBatch, type ChangedCell, type Db } from '@lagesbild/db';

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
  const { batch, later, drifted } = await rollbackBlockers(tx, orgId, batchId);
  if (!batch) {
    throw new RollbackError(`Importen med nummer ${batchId} finns inte för ${orgId}. Kontrollera numret.`, `Import batch ${batchId} does not exist for ${orgId}.`);
  }
  if (batch.status === 'rolled_back') {
    throw new RollbackError(`Importen ${batchId} (${batch.fileName}) är redan återställd; inget ändras.`, `Batch ${batchId} is already rolled back.`);
  }
  // A later import over the batch's values, or a value changed since, would be silently undone: refuse.
  if (later.length > 0 || drifted > 0) {
    const list = later.map((l) => `${l.batchId} (${l.fileName}, ${l.cells} värden)`).join(', ');
    const sv = later.length > 0 ? `senare importer har ändrat samma värden: ${list}. Återställ dem först, den senaste först.` : `${drifted} av dess värden har ändrats sedan dess.`;
    throw new RollbackError(
      `Importen ${batchId} (${batch.fileName}) kan inte återställas: ${sv} Inget har ändrats.`,
      `Batch ${batchId} cannot be rolled back: later imports changed the same cells (${later.map((l) => l.batchId).join(', ') || drifted}).`,
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
    const c = await rollbackCounts(tx, orgId, batchId);
    return {
      batchId,
      fileName,
      values: c.values,
      restored: c.restored,
      deleted: Math.max(0, c.values - c.restored),
      kpis: c.kpis,
      firstMonth: c.firstMonth,
      lastMonth: c.lastMonth,
      months: c.months,
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
    await lockOrganisationImports(tx, orgId);
    await refuseIfBlocked(tx, orgId, batchId);
    const cells = onRolledBack ? await batchCells(tx, orgId, batchId) : [];
    const { restored, deleted } = await undoImportBatch(tx, orgId, batchId, user);
    const done = { batchId, restored, deleted };
    await onRolledBack?.(tx, done, cells);
    return done;
  });
}
