import type { Month, ObservationCell } from '@lagesbild/domain';
import { and, eq, gte, inArray, lte, max, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { rollupStatus } from '../rollups/refresh.js';
import { importBatches, observations, units } from '../schema/index.js';

export interface StoredCell extends ObservationCell {
  kpiId: string;
  origin: 'reported' | 'synthetic';
  batchId: number | null;
  sourceFile: string | null;
  sourceRow: number | null;
  /** Set on a roll-up cell only: the provenance of every cell summed into it (all genders). */
  provenance?: CellProvenance;
}

export interface CellProvenance {
  reported: boolean;
  synthetic: boolean;
  /** Newest first, at most 20. */
  batchIds: readonly number[];
}

export interface CellQuery {
  orgId: string;
  kpiIds: readonly string[];
  start: Month;
  end: Month;
  /** Restrict to these leaf unit codes; undefined loads every unit. */
  unitCodes?: readonly string[];
}

/** Loads the leaf cells of some KPIs over a month range; roll-up along the tree is the domain's job. */
export async function loadCells(db: Db, q: CellQuery): Promise<StoredCell[]> {
  if (q.kpiIds.length === 0) return [];
  const conds = [
    eq(observations.orgId, q.orgId),
    // Said twice so the planner reads only this tenant's units, not every organisation's.
    eq(units.orgId, q.orgId),
    inArray(observations.kpiId, [...q.kpiIds]),
    gte(observations.month, q.start),
    lte(observations.month, q.end),
  ];
  if (q.unitCodes) conds.push(inArray(units.code, [...q.unitCodes]));
  const rows = await db
    .select({
      kpiId: observations.kpiId,
      unit: units.code,
      month: observations.month,
      gender: observations.gender,
      ageBand: observations.ageBand,
      numerator: observations.numerator,
      denominator: observations.denominator,
      origin: observations.origin,
      batchId: observations.batchId,
      sourceFile: observations.sourceFile,
      sourceRow: observations.sourceRow,
    })
    .from(observations)
    .innerJoin(units, eq(units.id, observations.unitId))
    .where(and(...conds));
  return rows;
}

/** The latest month with any committed data for the organisation, or null for an empty database. */
export async function latestDataMonth(db: Db, orgId: string): Promise<Month | null> {
  // Fresh roll-ups recorded it at build time; otherwise this scans the organisation's observations.
  const status = await rollupStatus(db, orgId);
  if (status?.fresh) return status.latestMonth;
  const [row] = await db
    .select({ month: max(observations.month) })
    .from(observations)
    .innerJoin(importBatches, eq(importBatches.id, observations.batchId))
    .where(and(eq(observations.orgId, orgId), sql`${importBatches.status} = 'committed'`));
  return row?.month ?? null;
}

/** Which of these units have committed cells of which KPI in which month (every gender and age band as one). */
export async function committedCellMonths(db: Db, orgId: string, unitCodes: readonly string[]): Promise<{ unit: string; kpiId: string; month: Month }[]> {
  if (unitCodes.length === 0) return [];
  return db
    .select({ unit: units.code, kpiId: observations.kpiId, month: observations.month })
    .from(observations)
    .innerJoin(units, eq(units.id, observations.unitId))
    .innerJoin(importBatches, eq(importBatches.id, observations.batchId))
    .where(and(eq(observations.orgId, orgId), eq(units.orgId, orgId), inArray(units.code, [...unitCodes]), sql`${importBatches.status} = 'committed'`))
    .groupBy(units.code, observations.kpiId, observations.month);
}

/**
 * Each KPI's newest month with committed cells in the organisation: one
 * backwards index probe per KPI on (org_id, kpi_id, month), so it costs the
 * same at ten million cells as at ten thousand.
 */
export async function latestMonthByKpi(db: Db, orgId: string, kpiIds: readonly string[]): Promise<Map<string, Month>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await queryRows<{ kpi_id: string; month: string | null }>(
    db,
    sql`SELECT k.id AS kpi_id,
          (SELECT o.month FROM observations o JOIN import_batches b ON b.id = o.batch_id
            WHERE o.org_id = ${orgId} AND o.kpi_id = k.id AND b.status = 'committed'
            ORDER BY o.month DESC LIMIT 1) AS month
        FROM (VALUES ${sql.join(
          kpiIds.map((id) => sql`(${id})`),
          sql`, `,
        )}) AS k(id)`,
  );
  return new Map(rows.flatMap((r) => (r.month === null ? [] : [[r.kpi_id, r.month] as const])));
}
