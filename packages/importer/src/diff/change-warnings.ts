/**
 * Warnings that need confirmation before a commit, from the plan's rows
 * (@lagesbild/db import/plan-warnings.ts): every stored value the file would
 * change, and values far from their unit's own history. One line per KPI and
 * unit with the count and a few examples, so a file that changes ten
 * thousand values gives a page to read, not ten thousand lines.
 */
import { changedValueRows, jumpRows, valueChange, type Db, type GroupRow } from '@lagesbild/db';
import type { IssueList } from '../common/errors.js';
import { changedValues, groupsMore, jumps, type Example } from './change-messages.js';

/** KPI × unit lines listed; more are counted in one line. */
const MAX_GROUPS = 100;
/** Examples in each line. */
const EXAMPLES = 3;

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

const exampleOf = (r: GroupRow): Example => ({
  month: r.month,
  gender: r.gender,
  ageBand: r.age_band,
  row: r.line,
  sheet: r.sheet,
  ...valueChange(r),
});

/** Every changed stored value (numbers, not only provenance): the README's promise that a change is never silent. */
export async function changedValueWarnings(db: Db, file: string, issues: IssueList): Promise<void> {
  const rows = await changedValueRows(db, { groups: MAX_GROUPS, examples: EXAMPLES });
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
  const rows = await jumpRows(db, orgId, { groups: MAX_GROUPS, examples: EXAMPLES });
  for (const g of grouped(rows)) {
    const [first] = g;
    if (first === undefined) continue;
    const examples = g.map((r) => ({ ...exampleOf(r), median: r.med }));
    issues.add(jumps({ file, sheet: first.sheet, row: first.line, column: first.col }, first.kpi, first.unit, first.total, examples));
  }
  const groups = rows[0]?.groups ?? 0;
  if (groups > MAX_GROUPS) issues.add(groupsMore(file, groups - MAX_GROUPS, 'jump'));
}
