/**
 * The import plan: the staged cells compared with what is stored, so a dry
 * run can show exactly what an import would do and a commit writes only what
 * changes. Set-based on the staging table (staging.ts): the plan is one join
 * into a TEMP table, and only counts and the first diff rows come back to
 * Node, however long the file.
 */
import type { Gender } from '@lagesbild/domain';
import { count, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { observations as o } from '../schema/index.js';
import { dropTemp, importMatch as m, importStaging as s } from './temp-tables.js';

export type ImportOrigin = 'reported' | 'synthetic';

export interface ImportCellValue {
  numerator: number;
  denominator: number | null;
}

export interface ImportDiffRow {
  kpi: string;
  unit: string;
  month: string;
  gender: Gender;
  ageBand: string;
  kind: 'new' | 'changed' | 'unchanged';
  old: ImportCellValue | null;
  new: ImportCellValue;
  row: number;
}

export interface ImportDiffSummary {
  new: number;
  changed: number;
  unchanged: number;
  rows: number;
}

/** What a committed import changed (new or changed cells), sorted and distinct: the live event's payload. */
export interface ImportTouchedCells {
  kpis: string[];
  units: string[];
  months: string[];
  /** The months each unit was touched in (a live event tells a scoped caller only her pairs). */
  unitMonths: Record<string, string[]>;
}

/**
 * Classifies the staged cells against the stored ones: import_match holds
 * the cells that exist already (changed or unchanged) with what is stored,
 * so a file of new cells, the large case, writes nothing here; every other
 * staged cell is new. A cell whose origin changes (a synthetic demo value
 * confirmed by a reported file) counts as changed even with equal numbers,
 * because its provenance must be rewritten.
 */
export async function createPlan(db: Db, orgId: string, origin: ImportOrigin): Promise<void> {
  // Temp tables are never auto-analysed: without statistics the planner takes a million rows for a few and loops over the index.
  await db.execute(sql`analyze ${s}`);
  await db.execute(dropTemp(m));
  await db.execute(sql`
    create temp table ${m} on commit drop as
    select ${s.seq}, ${o.id} as obs_id, ${o.numerator} as old_n, ${o.denominator} as old_d, ${o.origin} as old_origin, ${o.batchId} as old_batch,
           case when ${o.numerator} = ${s.n} and ${o.denominator} is not distinct from ${s.d} and ${o.origin} = ${origin} then 'unchanged' else 'changed' end as kind
    from ${s}
      join ${o}
        on ${o.orgId} = ${orgId} and ${o.kpiId} = ${s.kpi} and ${o.unitId} = ${s.unitId} and ${o.month} = ${s.month}
       and ${o.gender} = ${s.gender} and ${o.ageBand} = ${s.ageBand}`);
  await db.execute(sql`analyze ${m}`);
}

/**
 * Every staged cell with its match, if any: the plan as one relation, p.
 * Its columns are the staging table's and obs_id, old_n, old_d, old_origin,
 * old_batch and kind.
 */
export const PLAN = sql`(
  select ${s}.*, ${m.obsId}, ${m.oldN}, ${m.oldD}, ${m.oldOrigin}, ${m.oldBatch}, coalesce(${m.kind}, 'new') as kind
  from ${s} left join ${m} on ${m.seq} = ${s.seq}
) as p`;

/** A row of the plan as raw SQL returns it. */
export interface PlanRow extends Record<string, unknown> {
  seq: number;
  kpi: string;
  unit: string;
  month: string;
  gender: Gender;
  age_band: string;
  kind: ImportDiffRow['kind'];
  old_n: number | null;
  old_d: number | null;
  n: number;
  d: number | null;
  line: number;
  sheet: string | null;
  col: string;
}

/** A plan row's stored value (null: none) and its new one, as the diff and the warnings' examples show them. */
export const valueChange = (r: Pick<PlanRow, 'old_n' | 'old_d' | 'n' | 'd'>): Pick<ImportDiffRow, 'old' | 'new'> => ({
  old: r.old_n === null ? null : { numerator: r.old_n, denominator: r.old_d },
  new: { numerator: r.n, denominator: r.d },
});

export async function planSummary(db: Db): Promise<ImportDiffSummary> {
  const [staged] = await db.select({ n: count() }).from(s);
  const rows = await db.select({ kind: m.kind, n: count() }).from(m).groupBy(m.kind);
  const summary: ImportDiffSummary = { new: staged?.n ?? 0, changed: 0, unchanged: 0, rows: staged?.n ?? 0 };
  for (const r of rows) {
    summary[r.kind] = r.n;
    summary.new -= r.n;
  }
  return summary;
}

/** The first `limit` diff rows in file order. */
export async function diffRows(db: Db, limit: number): Promise<ImportDiffRow[]> {
  const rows = await queryRows<PlanRow>(
    db,
    // seq counts the staged cells from 0, so the first ones are found without sorting them all.
    sql`select kpi, unit, month, gender, age_band, kind, old_n, old_d, n, d, line from ${PLAN} where p.seq < ${limit} order by p.seq`,
  );
  return rows.map((r) => ({
    kpi: r.kpi,
    unit: r.unit,
    month: r.month,
    gender: r.gender,
    ageBand: r.age_band,
    kind: r.kind,
    ...valueChange(r),
    row: r.line,
  }));
}

/** The KPIs, units and months of the new and changed cells. */
export async function touchedCells(db: Db): Promise<ImportTouchedCells> {
  const rows = await queryRows<{ what: 'k' | 'p'; v: string; m: string | null }>(
    db,
    sql`
      with t as materialized (select kpi, unit, month from ${PLAN} where kind <> 'unchanged')
      select 'k' as what, kpi as v, null as m from t group by kpi
      union all select 'p', unit, month from t group by unit, month`,
  );
  // Sorted in JavaScript, as the live events always were: by code unit, not by the database's collation.
  const unitMonths: Record<string, string[]> = {};
  for (const r of rows) if (r.what === 'p' && r.m !== null) (unitMonths[r.v] ??= []).push(r.m);
  for (const ms of Object.values(unitMonths)) ms.sort();
  const units = Object.keys(unitMonths).sort();
  const months = [...new Set(Object.values(unitMonths).flat())].sort();
  return {
    kpis: rows
      .filter((r) => r.what === 'k')
      .map((r) => r.v)
      .sort(),
    units,
    months,
    unitMonths,
  };
}
