/**
 * The rows behind the warnings that need confirmation before a commit,
 * found on the plan (plan.ts) in SQL: values from a newer report that the
 * file would change, every changed stored value, and values far from their
 * unit's own history. Grouped per KPI and unit with a few examples each, so
 * only a page of rows comes back however many values change; the importer
 * words them.
 */
import { JUMP_FACTOR, JUMP_HISTORY_MONTHS, JUMP_MIN_DIFFERENCE, JUMP_MIN_HISTORY } from '@lagesbild/domain';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../client.js';
import { observations } from '../schema/index.js';
import { PLAN, type PlanRow } from './plan.js';
import { importStaging as s, tableAs } from './temp-tables.js';

/** A changed reported value whose stored version came from a report with later months than the file's. */
export interface OlderReportRow extends PlanRow {
  /** The last month of the report the stored value came from. */
  newer: string;
  /** The last month of the file. */
  latest: string;
  total: number;
}

/** Reported values the file would change that came from a newer report, in file order, the first `limit`. */
export async function olderReportRows(db: Db, limit: number): Promise<OlderReportRow[]> {
  const o = observations;
  return queryRows<OlderReportRow>(
    db,
    sql`
      with c as (
        select * from ${PLAN}
        where kind = 'changed' and old_origin = 'reported' and old_batch is not null and (old_n <> n or old_d is distinct from d)
      ),
      b as (select ${o.batchId} as batch_id, max(${o.month}) as newer from ${o} where ${o.batchId} in (select distinct old_batch from c) group by ${o.batchId}),
      f as (select max(${s.month}) as latest from ${s})
      select c.*, b.newer, f.latest, (count(*) over ())::int as total
      from c join b on b.batch_id = c.old_batch cross join f
      where b.newer > f.latest
      order by c.seq limit ${limit}`,
  );
}

/** How many groups (KPI × unit) and examples in each the grouped warnings return. */
export interface GroupLimits {
  groups: number;
  examples: number;
}

/** One example of a group: the rn-th of total in its KPI and unit; groups counts the groups in all. */
export interface GroupRow extends PlanRow {
  rn: number;
  total: number;
  groups: number;
  first_seq: number;
}

/** Every changed stored value (numbers, not only provenance), grouped per KPI and unit in file order of their first row. */
export async function changedValueRows(db: Db, limits: GroupLimits): Promise<(GroupRow & { old_n: number; big: number })[]> {
  return queryRows<GroupRow & { old_n: number; big: number }>(
    db,
    sql`
      with c as (
        select * from ${PLAN} where kind = 'changed' and (old_n <> n or old_d is distinct from d)
      ),
      r as (
        select c.*,
          (row_number() over (partition by kpi, unit order by seq))::int as rn,
          (count(*) over (partition by kpi, unit))::int as total,
          (count(*) filter (where old_n <> 0 and n <> 0 and (abs(n / old_n) >= ${JUMP_FACTOR} or abs(n / old_n) <= ${1 / JUMP_FACTOR})) over (partition by kpi, unit))::int as big,
          min(seq) over (partition by kpi, unit) as first_seq
        from c
      ),
      g as (select first_seq, (dense_rank() over (order by first_seq))::int as gi, (count(*) over ())::int as groups from r where rn = 1)
      select r.*, g.groups from r join g on g.first_seq = r.first_seq
      where r.rn <= ${limits.examples} and g.gi <= ${limits.groups}
      order by r.first_seq, r.rn`,
  );
}

/**
 * New or changed values JUMP_FACTOR times or more from the median (med) of
 * the same cell series (KPI, unit, gender, age band) over the
 * JUMP_HISTORY_MONTHS stored months before the file's first month of that
 * series. Rates compare numerator / denominator.
 */
export async function jumpRows(db: Db, orgId: string, limits: GroupLimits): Promise<(GroupRow & { med: number; old_n: null; old_d: null })[]> {
  const o = alias(observations, 'o');
  return queryRows<GroupRow & { med: number; old_n: null; old_d: null }>(
    db,
    sql`
      with g as (
        select ${s.kpi}, ${s.unitId}, ${s.gender}, ${s.ageBand}, min(${s.month}) as first from ${s} group by ${s.kpi}, ${s.unitId}, ${s.gender}, ${s.ageBand}
      ),
      h as (
        select g.kpi, g.unit_id, g.gender, g.age_band,
          percentile_cont(0.5) within group (order by case when ${o.denominator} is null then ${o.numerator} else ${o.numerator} / ${o.denominator} end) as med
        from g join ${tableAs(observations, o)}
          on ${o.orgId} = ${orgId} and ${o.kpiId} = g.kpi and ${o.unitId} = g.unit_id and ${o.gender} = g.gender and ${o.ageBand} = g.age_band
         and ${o.month} < g.first
         and ${o.month} >= to_char(to_date(g.first || '-01', 'YYYY-MM-DD') - make_interval(months => ${JUMP_HISTORY_MONTHS}), 'YYYY-MM')
        group by g.kpi, g.unit_id, g.gender, g.age_band
        having count(*) >= ${JUMP_MIN_HISTORY}
      ),
      j as (
        select p.*, h.med, case when p.d is null then p.n else p.n / p.d end as v
        from ${PLAN} join h on h.kpi = p.kpi and h.unit_id = p.unit_id and h.gender = p.gender and h.age_band = p.age_band
        where p.kind <> 'unchanged' and h.med <> 0
      ),
      r as (
        select j.*,
          (row_number() over (partition by kpi, unit order by seq))::int as rn,
          (count(*) over (partition by kpi, unit))::int as total,
          min(seq) over (partition by kpi, unit) as first_seq
        from j
        where abs(v - med) >= ${JUMP_MIN_DIFFERENCE} and (abs(v / med) >= ${JUMP_FACTOR} or abs(v / med) <= ${1 / JUMP_FACTOR})
      ),
      gi as (select first_seq, (dense_rank() over (order by first_seq))::int as gi, (count(*) over ())::int as groups from r where rn = 1)
      select r.*, null as old_n, null as old_d, gi.groups from r join gi on gi.first_seq = r.first_seq
      where r.rn <= ${limits.examples} and gi.gi <= ${limits.groups}
      order by r.first_seq, r.rn`,
  );
}
