/**
 * Step 3: compares validated cells with what is stored, so a dry run can show
 * exactly what an import would do and a commit writes only what changes.
 */
import { observations, type Db } from '@lagesbild/db';
import type { Gender } from '@lagesbild/domain';
import { and, eq, gte, inArray, lte, max } from 'drizzle-orm';
import type { IssueList } from './errors.js';
import { bigChange, olderReport, olderReportMore } from './validate-messages.js';
import { cellLabel, type ValidRow } from './validate.js';

export type Origin = 'reported' | 'synthetic';

export interface CellValue {
  numerator: number;
  denominator: number | null;
}

export interface DiffRow {
  kpi: string;
  unit: string;
  month: string;
  gender: Gender;
  ageBand: string;
  kind: 'new' | 'changed' | 'unchanged';
  old: CellValue | null;
  new: CellValue;
  row: number;
}

export interface StoredValue extends CellValue {
  id: number;
  origin: Origin;
  batchId: number | null;
}

/** A diff row with what the commit needs: the validated cell and the stored row it replaces. */
export interface PlannedCell {
  cell: ValidRow;
  kind: DiffRow['kind'];
  stored: StoredValue | null;
}

export interface DiffSummary {
  new: number;
  changed: number;
  unchanged: number;
  rows: number;
}

/** One warning per cell up to this many; the diff lists them all anyway. */
const MAX_OLDER_WARNINGS = 20;

/** Values more than this factor apart are probably a typo or a kr/tkr mix-up. */
const SUSPICIOUS_FACTOR = 10;

export const cellKey = (c: { kpi: string; unitId: number; month: string; gender: string; ageBand: string }): string =>
  [c.kpi, c.unitId, c.month, c.gender, c.ageBand].join('\u0000');

/** The stored cells the file could touch: same KPIs, within the file's month range. */
export async function loadStored(db: Db, orgId: string, cells: readonly ValidRow[]): Promise<Map<string, StoredValue>> {
  const out = new Map<string, StoredValue>();
  if (cells.length === 0) return out;
  const kpiIds = [...new Set(cells.map((c) => c.kpi))];
  const months = cells.map((c) => c.month).sort();
  const rows = await db
    .select({
      id: observations.id,
      kpi: observations.kpiId,
      unitId: observations.unitId,
      month: observations.month,
      gender: observations.gender,
      ageBand: observations.ageBand,
      numerator: observations.numerator,
      denominator: observations.denominator,
      origin: observations.origin,
      batchId: observations.batchId,
    })
    .from(observations)
    .where(
      and(
        eq(observations.orgId, orgId),
        inArray(observations.kpiId, kpiIds),
        gte(observations.month, months[0] ?? ''),
        lte(observations.month, months[months.length - 1] ?? ''),
      ),
    );
  for (const r of rows) out.set(cellKey(r), { id: r.id, numerator: r.numerator, denominator: r.denominator, origin: r.origin, batchId: r.batchId });
  return out;
}

/**
 * The latest month each batch still holds: the month of the report it came
 * from. A file about older months must not silently overwrite what a newer
 * report said.
 */
export async function loadBatchMonths(db: Db, cells: readonly ValidRow[], stored: ReadonlyMap<string, StoredValue>): Promise<Map<number, string>> {
  const ids = new Set<number>();
  // Only batches whose reported values this file would change; usually none, so no query at all.
  for (const c of cells) {
    const s = stored.get(cellKey(c));
    if (s?.origin === 'reported' && s.batchId !== null && (s.numerator !== c.numerator || s.denominator !== c.denominator)) ids.add(s.batchId);
  }
  const out = new Map<number, string>();
  if (ids.size === 0) return out;
  const rows = await db
    .select({ batchId: observations.batchId, latest: max(observations.month) })
    .from(observations)
    .where(inArray(observations.batchId, [...ids]))
    .groupBy(observations.batchId);
  for (const r of rows) if (r.batchId !== null && r.latest !== null) out.set(r.batchId, r.latest);
  return out;
}

/**
 * Classifies every cell. A cell whose origin changes (synthetic demo value
 * confirmed by a reported file) counts as changed even with equal numbers,
 * because its provenance must be rewritten.
 */
export function diffCells(
  cells: readonly ValidRow[],
  stored: ReadonlyMap<string, StoredValue>,
  origin: Origin,
  issues: IssueList,
  batchMonths: ReadonlyMap<number, string> = new Map(),
): { plan: PlannedCell[]; diff: DiffRow[]; summary: DiffSummary } {
  const fileLatest = cells.reduce((m, c) => (c.month > m ? c.month : m), '');
  let olderCount = 0;
  const plan: PlannedCell[] = [];
  const diff: DiffRow[] = [];
  const summary: DiffSummary = { new: 0, changed: 0, unchanged: 0, rows: cells.length };
  for (const cell of cells) {
    const old = stored.get(cellKey(cell)) ?? null;
    const same = old !== null && old.numerator === cell.numerator && old.denominator === cell.denominator && old.origin === origin;
    const kind: DiffRow['kind'] = old === null ? 'new' : same ? 'unchanged' : 'changed';
    summary[kind]++;
    plan.push({ cell, kind, stored: old });
    diff.push({
      kpi: cell.kpi,
      unit: cell.unit,
      month: cell.month,
      gender: cell.gender,
      ageBand: cell.ageBand,
      kind,
      old: old === null ? null : { numerator: old.numerator, denominator: old.denominator },
      new: { numerator: cell.numerator, denominator: cell.denominator },
      row: cell.row,
    });
    const newer = old?.batchId == null ? undefined : batchMonths.get(old.batchId);
    if (kind === 'changed' && old !== null && old.origin === 'reported' && newer !== undefined && newer > fileLatest) {
      if (++olderCount <= MAX_OLDER_WARNINGS) {
        issues.add(olderReport({ file: cell.file, sheet: cell.sheet ?? null, row: cell.row, column: cell.valueColumn }, cellLabel(cell), old.numerator, cell.numerator, fileLatest, newer));
      }
    }
    if (kind === 'changed' && old !== null && old.origin === 'reported' && old.numerator !== 0 && cell.numerator !== 0) {
      const factor = Math.abs(cell.numerator / old.numerator);
      if (factor > SUSPICIOUS_FACTOR || factor < 1 / SUSPICIOUS_FACTOR) {
        issues.add(bigChange({ file: cell.file, sheet: cell.sheet ?? null, row: cell.row, column: cell.valueColumn }, cellLabel(cell), old.numerator, cell.numerator));
      }
    }
  }
  if (olderCount > MAX_OLDER_WARNINGS) issues.add(olderReportMore(cells[0]?.file ?? '', olderCount - MAX_OLDER_WARNINGS));
  return { plan, diff, summary };
}
