/**
 * Step 3: compares the staged cells with what is stored, so a dry run can
 * show exactly what an import would do and a commit writes only what
 * changes. The plan itself is set-based SQL in @lagesbild/db (import/plan.ts);
 * here are its types as the importer's callers know them and the warnings
 * worded from it.
 */
import { olderReportRows, type Db, type PlanRow } from '@lagesbild/db';
import type { IssueList } from '../common/errors.js';
import { cellLabel } from '../validate/validate.js';
import { olderReport, olderReportMore } from '../validate/validate-messages.js';

// The plan's types under the names the importer's callers know; TouchedCells is what a committed import changed (new or changed cells), sorted and distinct: the live event's payload.
export type {
  ImportOrigin as Origin,
  ImportCellValue as CellValue,
  ImportDiffRow as DiffRow,
  ImportDiffSummary as DiffSummary,
  ImportTouchedCells as TouchedCells,
} from '@lagesbild/db';

/** The diff rows a result carries, in file order; the summary and diffTotal count them all. A browser table cannot show more anyway. */
export const MAX_DIFF_ROWS = 5000;

/** One warning per cell up to this many; the diff lists them all anyway. */
const MAX_OLDER_WARNINGS = 20;

const label = (r: PlanRow) => cellLabel({ kpi: r.kpi, unit: r.unit, month: r.month, gender: r.gender, ageBand: r.age_band });

/**
 * Reported values the file would change that came from a newer report (a
 * file about older months must not silently overwrite what a newer report
 * said), in file order, capped. Every other change, and changes by ×10, are
 * summarised per KPI and unit in change-warnings.ts.
 */
export async function planWarnings(db: Db, file: string, issues: IssueList): Promise<void> {
  const older = await olderReportRows(db, MAX_OLDER_WARNINGS);
  const place = (r: PlanRow) => ({ file, sheet: r.sheet, row: r.line, column: r.col });
  for (const r of older) issues.add(olderReport(place(r), label(r), r.old_n ?? 0, r.n, r.latest, r.newer));
  const olderTotal = older[0]?.total ?? 0;
  if (olderTotal > MAX_OLDER_WARNINGS) issues.add(olderReportMore(file, olderTotal - MAX_OLDER_WARNINGS));
}
