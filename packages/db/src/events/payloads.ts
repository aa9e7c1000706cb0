import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { recordEvent } from './record.js';
import type { LiveEventPayload } from './types.js';

/** One changed cell, as the importer's diff or a target/comment names it. */
export interface ChangedCell {
  kpi: string;
  unit: string;
  month: string;
}

/** The KPI ids, unit codes and months a set of changed cells touches (sorted, distinct). */
export function changePayload(cells: Iterable<ChangedCell>, extra: Omit<LiveEventPayload, 'kpis' | 'units' | 'months' | 'unitMonths'> = {}): LiveEventPayload {
  const kpis = new Set<string>();
  const byUnit = new Map<string, Set<string>>();
  for (const c of cells) {
    kpis.add(c.kpi);
    let months = byUnit.get(c.unit);
    if (!months) byUnit.set(c.unit, (months = new Set()));
    months.add(c.month);
  }
  const unitMonths = Object.fromEntries([...byUnit].map(([u, ms]) => [u, [...ms]]));
  return { ...extra, kpis: [...kpis].sort(), ...gridOf(unitMonths) };
}

/** Units, months and the pairs between them, as an event stores them (sorted, distinct). */
export function gridOf(unitMonths: Record<string, readonly string[]>): Required<Pick<LiveEventPayload, 'units' | 'months' | 'unitMonths'>> {
  const units = Object.keys(unitMonths).sort();
  const months = [...new Set(units.flatMap((u) => unitMonths[u] ?? []))].sort();
  return { units, months, unitMonths: Object.fromEntries(units.map((u) => [u, [...new Set(unitMonths[u])].sort()])) };
}

/** The cells an import batch currently holds (read before a rollback, which takes them away). */
export async function batchCells(db: Db, orgId: string, batchId: number): Promise<ChangedCell[]> {
  return queryRows<ChangedCell & Record<string, unknown>>(
    db,
    sql`select distinct o.kpi_id as kpi, u.code as unit, o.month
        from observations o join units u on u.id = o.unit_id
        where o.org_id = ${orgId} and o.batch_id = ${batchId}`,
  );
}

/**
 * For the import procedures (CLI and tRPC): after a committed import, pass
 * the importer's result, whose `touched` names the KPIs, units and months of
 * the new and changed cells (from the whole file, not the capped diff); an
 * import that changed nothing records no event. Returns the event id, or null.
 */
export async function recordImportCommitted(
  db: Db,
  orgId: string,
  result: {
    batchId: number | null;
    fileName: string;
    touched: { kpis: readonly string[]; units: readonly string[]; months: readonly string[]; unitMonths?: Record<string, readonly string[]> };
  },
): Promise<number | null> {
  if (result.batchId === null || result.touched.kpis.length === 0) return null;
  const { kpis, units, months, unitMonths } = result.touched;
  const where = unitMonths ? gridOf(unitMonths) : { units: [...units].sort(), months: [...months].sort() };
  return recordEvent(db, orgId, 'import.committed', { batchId: result.batchId, fileName: result.fileName, kpis: [...kpis].sort(), ...where });
}

/** After a rollback: the cells read with batchCells before it. */
export async function recordImportRolledBack(db: Db, orgId: string, batchId: number, cells: readonly ChangedCell[]): Promise<number> {
  return recordEvent(db, orgId, 'import.rolled_back', changePayload(cells, { batchId }));
}
