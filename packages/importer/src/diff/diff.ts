/**
 * Step 3: compares the staged cells with what is stored, so a dry run can
 * show exactly what an import would do and a commit writes only what
 * changes. Set-based on the staging table (staging.ts): the plan is one join
 * into a TEMP table, and only counts, the first diff rows and the warnings
 * come back to Node, however long the file.
 */
import { queryRows, type Db } from '@lagesbild/db';
import type { Gender } from '@lagesbild/domain';
import { sql } from 'drizzle-orm';
import type { IssueList } from '../shared/errors.js';
import { cellLabel } from '../validate/validate.js';
import { olderReport, olderReportMore } from '../validate/validate-messages.js';

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

export interface DiffSummary {
  new: number;
  changed: number;
  unchanged: number;
  rows: number;
}

/** What a committed import changed (new or changed cells), sorted and distinct: the live event's payload. */
export interface TouchedCells {
  kpis: string[];
  units: string[];
  months: string[];
  /** The months each unit was touched in (a live event tells a scoped caller only her pairs). */
  unitMonths: Record<string, string[]>;
}

/** The diff rows a result carries, in file order; the summary and diffTotal count them all. A browser table cannot show more anyway. */
export const MAX_DIFF_ROWS = 5000;

/** One warning per cell up to this many; the diff lists them all anyway. */
const MAX_OLDER_WARNINGS = 20;

/**
 * Classifies the staged cells against the stored ones: import_match holds
 * the cells that exist already (changed or unchanged) with what is stored,
 * so a file of new cells, the large case, writes nothing here; every other
 * staged cell is new. A cell whose origin changes (a synthetic demo value
 * confirmed by a reported file) counts as changed even with equal numbers,
 * because its provenance must be rewritten.
 */
export async function createPlan(db: Db, orgId: string, origin: Origin): Promise<void> {
  // Temp tables are never auto-analysed: without statistics the planner takes a million rows for a few and loops over the index.
  await db.execute(sql`analyze import_staging`);
  await db.execute(sql`drop table if exists pg_temp.import_match`);
  await db.execute(sql`
    create temp table import_match on commit drop as
    select s.seq, o.id as obs_id, o.numerator as old_n, o.denominator as old_d, o.origin as old_origin, o.batch_id as old_batch,
           case when o.numerator = s.n and o.denominator is not distinct from s.d and o.origin = ${origin} then 'unchanged' else 'changed' end as kind
    from import_staging s
      join observations o
        on o.org_id = ${orgId} and o.kpi_id = s.kpi and o.unit_id = s.unit_id and o.month = s.month
       and o.gender = s.gender and o.age_band = s.age_band`);
  await db.execute(sql`analyze import_match`);
}

/** Every staged cell with its match, if any: the plan as one relation. */
export const PLAN = sql`(
  select s.*, m.obs_id, m.old_n, m.old_d, m.old_origin, m.old_batch, coalesce(m.kind, 'new') as kind
  from import_staging s left join import_match m on m.seq = s.seq
) as p`;

export async function planSummary(db: Db): Promise<DiffSummary> {
  const [staged] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from import_staging`);
  const rows = await queryRows<{ kind: DiffRow['kind']; n: number }>(db, sql`select kind, count(*)::int as n from import_match group by kind`);
  const s: DiffSummary = { new: staged?.n ?? 0, changed: 0, unchanged: 0, rows: staged?.n ?? 0 };
  for (const r of rows) {
    s[r.kind] = r.n;
    s.new -= r.n;
  }
  return s;
}

export interface PlanRow extends Record<string, unknown> {
  seq: number;
  kpi: string;
  unit: string;
  month: string;
  gender: Gender;
  age_band: string;
  kind: DiffRow['kind'];
  old_n: number | null;
  old_d: number | null;
  n: number;
  d: number | null;
  line: number;
  sheet: string | null;
  col: string;
}

/** The first `limit` diff rows in file order. */
export async function diffRows(db: Db, limit = MAX_DIFF_ROWS): Promise<DiffRow[]> {
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
    old: r.old_n === null ? null : { numerator: r.old_n, denominator: r.old_d },
    new: { numerator: r.n, denominator: r.d },
    row: r.line,
  }));
}

const label = (r: PlanRow) => cellLabel({ kpi: r.kpi, unit: r.unit, month: r.month, gender: r.gender, ageBand: r.age_band });

/**
 * Reported values the file would change that came from a newer report (a
 * file about older months must not silently overwrite what a newer report
 * said), in file order, capped. Every other change, and changes by ×10, are
 * summarised per KPI and unit in change-warnings.ts.
 */
export async function planWarnings(db: Db, file: string, issues: IssueList): Promise<void> {
  const older = await queryRows<PlanRow & { newer: string; latest: string; total: number }>(
    db,
    sql`
      with c as (
        select * from ${PLAN}
        where kind = 'changed' and old_origin = 'reported' and old_batch is not null and (old_n <> n or old_d is distinct from d)
      ),
      b as (select batch_id, max(month) as newer from observations where batch_id in (select distinct old_batch from c) group by batch_id),
      f as (select max(month) as latest from import_staging)
      select c.*, b.newer, f.latest, (count(*) over ())::int as total
      from c join b on b.batch_id = c.old_batch cross join f
      where b.newer > f.latest
      order by c.seq limit ${MAX_OLDER_WARNINGS}`,
  );
  const place = (r: PlanRow) => ({ file, sheet: r.sheet, row: r.line, column: r.col });
  for (const r of older) issues.add(olderReport(place(r), label(r), r.old_n ?? 0, r.n, r.latest, r.newer));
  const olderTotal = older[0]?.total ?? 0;
  if (olderTotal > MAX_OLDER_WARNINGS) issues.add(olderReportMore(file, olderTotal - MAX_OLDER_WARNINGS));
}

/** The KPIs, units and months of the new and changed cells. */
export async function touchedCells(db: Db): Promise<TouchedCells> {
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
  return { kpis: rows.filter((r) => r.what === 'k').map((r) => r.v).sort(), units, months, unitMonths };
}
