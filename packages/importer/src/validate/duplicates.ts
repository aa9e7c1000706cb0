import { stagedDuplicates, type Db } from '@lagesbild/db';
import type { IssueList } from '../common/errors.js';
import { cellLabel } from './validate.js';
import { duplicateCell } from './validate-messages.js';

/**
 * Every cell given more than once, reported at each later row with the row
 * where it first came, in file order; as many as the error list keeps, the
 * rest counted. Found on the staging table, so across a file of any length.
 */
export async function checkDuplicates(db: Db, file: string, issues: IssueList, limit: number): Promise<void> {
  const rows = await stagedDuplicates(db, limit);
  for (const r of rows) {
    const cell = { kpi: r.kpi, unit: r.unit, month: r.month, gender: r.gender, ageBand: r.age_band };
    issues.add(duplicateCell({ file, sheet: r.sheet, row: r.line, column: null }, r.first_line, cellLabel(cell), r.first_sheet));
  }
  issues.countMore(Math.max(0, (rows[0]?.total ?? 0) - rows.length));
}
