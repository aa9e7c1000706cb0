import type { Month } from '@lagesbild/domain';
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { observationRollups, units } from '../schema/index.js';
import type { StoredCell } from './observations.js';

export interface RollupQuery {
  orgId: string;
  kpiIds: readonly string[];
  start: Month;
  end: Month;
  /** The units whose own totals are wanted (the unit viewed and its children), not their leaves. */
  unitCodes: readonly string[];
}

/**
 * Pre-aggregated cells: one per unit, KPI, month and gender, already summed
 * over every leaf below the unit that month. Read through the primary key
 * (org_id, kpi_id, unit_id, month, gender), so the cost follows the rows
 * returned, not the organisation's or the database's size.
 */
export async function loadRollupCells(db: Db, q: RollupQuery): Promise<StoredCell[]> {
  if (q.kpiIds.length === 0 || q.unitCodes.length === 0) return [];
  const rows = await db
    .select({
      kpiId: observationRollups.kpiId,
      unit: units.code,
      month: observationRollups.month,
      gender: observationRollups.gender,
      numerator: observationRollups.numerator,
      denominator: observationRollups.denominator,
      reported: observationRollups.reported,
      synthetic: observationRollups.synthetic,
      batchIds: observationRollups.batchIds,
    })
    .from(observationRollups)
    .innerJoin(units, eq(units.id, observationRollups.unitId))
    .where(
      and(
        eq(observationRollups.orgId, q.orgId),
        eq(units.orgId, q.orgId),
        inArray(observationRollups.kpiId, [...q.kpiIds]),
        inArray(units.code, [...q.unitCodes]),
        gte(observationRollups.month, q.start),
        lte(observationRollups.month, q.end),
      ),
    );
  return rows.map((r) => ({
    kpiId: r.kpiId,
    unit: r.unit,
    month: r.month,
    gender: r.gender,
    ageBand: '',
    numerator: r.numerator,
    denominator: r.denominator,
    origin: r.reported ? 'reported' : 'synthetic',
    batchId: null,
    sourceFile: null,
    sourceRow: null,
    provenance: { reported: r.reported, synthetic: r.synthetic, batchIds: r.batchIds },
  }));
}
