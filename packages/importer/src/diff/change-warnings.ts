/**
 * Warnings that need confirmation before a commit, found on the plan
 * (diff.ts) in SQL: every stored value the file would change, and values far
 * from their unit's own history. One line per KPI and unit with the count and
 * a few examples, so a file that changes ten thousand values gives a page to
 * read, not ten thousand lines.
 */
import { queryRows, type Db } from '@lagesbild/db';
import { JUMP_FACTOR, JUMP_HISTORY_MONTHS, JUMP_MIN_DIFFERENCE, JUMP_MIN_HISTORY, type Gender } from '@lagesbild/domain';
import { sql } from 'drizzle-orm';
import { PLAN } from './diff.js';
import type { IssueList } from '../shared/errors.js';
import { changedValues, groupsMore, jumps, type Example } from './change-messages.js';

/** KPI × unit lines listed; more are counted in one line. */
const MAX_GROUPS = 100;
/** Examples in each line. */
const EXAMPLES = 3;

interface GroupRow extends Record<string, unknown> {
  kpi: string;
  unit: string;
  month: string;
  gender: Gender;
  age_band: string;
  line: number;
  sheet: string | null;
  col: string;
  rn: number;
  total: number;
  groups: number;
  first_seq: number;
}

/** The first EXAMPLES rows of the first MAX_GROUPS groups, grouped in file order of their first row. */
function grouped<R extends GroupRow>(rows: readonly R[]): R[][] {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const key = `${r.kpi}\u0000${r.unit}`;
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  return [...out.values()];
}

const exampleOf = (r: GroupRow & { old_n: number | null; old_d: number | null; n: number; d: number | null }): Example => ({
  month: r.month,
  gender: r.gender,
  ageBand: r.age_band,
  row: r.line,
  sheet: r.sheet,
  old: r.old_n === null ? null : { numerator: r.old_n, denominator: r.old_d },
  new: { numerator: r.n, denominator: r.d },
});

/** Every changed stored value (numbers, not only provenance): the README's promise that a change is never silent. */
export async function changedValueWarnings(db: Db, file: string, issues: IssueList): Promise<void> {
  const rows = await queryRows<GroupRow & { old_n: number; old_d: number | null; n: number; d: number | null; big: number }>(
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
      where r.rn <= ${EXAMPLES} and g.gi <= ${MAX_GROUPS}
      order by r.first_seq, r.rn`,
  );
  for (const g of grouped(rows)) {
    const [first] = g;
    if (first === undefined) continue;
    issues.add(changedValues({ file, sheet: first.sheet, row: first.line, column: first.col }, first.kpi, first.unit, first.total, first.big, g.map(exampleOf)));
  }
  const groups = rows[0]?.groups ?? 0;
  if (groups > MAX_GROUPS) issues.add(groupsMore(file, groups - MAX_GROUPS, 'changed'));
}

/**
 * New or changed values JUMP_FACTOR times or more from the median of the same
 * cell series (KPI, unit, gender, age band) over the JUMP_HISTORY_MONTHS
 * stored months before the file's first month of that series. Rates compare
 * numerator / denominator.
 */
export async function jumpWarnings(db: Db, orgId: string, file: string, issues: IssueList): Promise<void> {
  const rows = await queryRows<GroupRow & { n: number; d: number | null; med: number; old_n: null; old_d: null }>(
    db,
    sql`
      with g as (
        select kpi, unit_id, gender, age_band, min(month) as first from import_staging group by kpi, unit_id, gender, age_band
      ),
      h as (
        select g.kpi, g.unit_id, g.gender, g.age_band,
          percentile_cont(0.5) within group (order by case when o.denominator is null then o.numerator else o.numerator / o.denominator end) as med
        from g join observations o
          on o.org_id = ${orgId} and o.kpi_id = g.kpi and o.unit_id = g.unit_id and o.gender = g.gender and o.age_band = g.age_band
         and o.month < g.first
         and o.month >= to_char(to_date(g.first || '-01', 'YYYY-MM-DD') - make_interval(months => ${JUMP_HISTORY_MONTHS}), 'YYYY-MM')
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
      where r.rn <= ${EXAMPLES} and gi.gi <= ${MAX_GROUPS}
      order by r.first_seq, r.rn`,
  );
  for (const g of grouped(rows)) {
    const [first] = g;
    if (first === undefined) continue;
    const examples = g.map((r) => ({ ...exampleOf(r), median: r.med }));
    issues.add(jumps({ file, sheet: first.sheet, row: first.line, column: first.col }, first.kpi, first.unit, first.total, examples));
  }
  const groups = rows[0]?.groups ?? 0;
  if (groups > MAX_GROUPS) issues.add(groupsMore(file, groups - MAX_GROUPS, 'jump'));
}
