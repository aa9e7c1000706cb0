/**
 * XLSX workbooks as Grids, one a worksheet. exceljs (a dependency for this
 * alone) is the maintained XLSX reader on npm; the `xlsx` 0.18 package there
 * is old and has known vulnerabilities. Formula cells are read as the value
 * Excel saved with them and never evaluated; text such as "=1+1" stays text.
 */
import ExcelJS from 'exceljs';
import { issue, whereEn, whereSv, type ImportIssue } from '../common/errors.js';
import { notWorkbook } from './file-type.js';
import { extendRange, type CellRange, type Grid, type GridRow } from './grid.js';
import { MAX_WIDE_CELLS, tooManyCells, usedWidth } from '../common/limits.js';
import { hiddenSheet, unreadableWorkbook } from './sheet-messages.js';
import { checkZip } from './zip-guard.js';

type Value = ExcelJS.CellValue;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2022-03" for the first of a month (how Excel stores a month header), else the full date. */
function dateText(d: Date): string {
  const ym = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  return d.getUTCDate() === 1 ? ym : `${ym}-${pad(d.getUTCDate())}`;
}

/** A cell as the text a user would see, in the form the CSV reader gives the same figure. */
function cellText(value: Value, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // A percent-formatted 0.081 is printed "8,1%"; the CSV of the same report has 8,1.
    return numFmt?.includes('%') ? `${Number((value * 100).toPrecision(12))}%` : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    // The cached result, as Excel last computed it; without one, the formula text, which validation refuses.
    const result = value.result;
    if (result === undefined || result === null) return `=${value.formula ?? ('sharedFormula' in value ? value.sharedFormula : '')}`;
    return cellText(result, numFmt);
  }
  return '';
}

function unreadable(file: string, reason: string): ImportIssue {
  const p = { file, row: 1, column: null };
  return issue(
    'error',
    p,
    reason,
    'en Excel-arbetsbok (.xlsx)',
    `Filen ${file} går inte att läsa som Excel-arbetsbok (${whereSv(p)}): ${reason}. Öppna den i Excel och spara som "Excel-arbetsbok (.xlsx)", eller som CSV UTF-8.`,
    `File ${file} cannot be read as an XLSX workbook (${whereEn(p)}): ${reason}.`,
  );
}

const isText = (v: Value): boolean => typeof v === 'string' || (typeof v === 'object' && v !== null && 'richText' in v);

/** A sheet's rows as cell texts, and its merged ranges (from the cells, since exceljs keeps its list of merges private). */
function readSheet(file: string, sheet: ExcelJS.Worksheet): Grid {
  const rows: GridRow[] = [];
  const merges = new Map<string, CellRange>();
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const slave = cell.isMerged && cell.master.address !== cell.address;
      // exceljs gives every cell of a merge the first one's value. Text (a heading merged across the
      // row, a section down the label column) is kept in the first cell only, as a CSV export has it;
      // a number is kept, and merged-cells.ts refuses it among the values.
      cells.push(slave && isText(cell.master.value) ? '' : cellText(cell.value, cell.numFmt).trim());
      if (cell.isMerged) extendRange(merges, cell.master.address, line, c - 1);
    }
    rows.push({ line, cells });
  });
  return { file, sheet: sheet.name, rows, merges: [...merges.values()].filter((m) => m.bottom > m.top || m.right > m.left) };
}

/**
 * Every visible worksheet with content, in workbook order; hidden ones are
 * skipped with a warning each. Never throws: a broken workbook becomes one
 * issue in Swedish, whatever the library said.
 */
export async function xlsxGrids(file: string, bytes: Uint8Array): Promise<{ grids: Grid[]; issues: ImportIssue[] }> {
  const guard = checkZip(file, bytes) ?? notWorkbook(file, bytes);
  if (guard !== null) return { grids: [], issues: [guard] };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own Buffer type predates the generic Buffer of @types/node 20+.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (err) {
    return { grids: [], issues: [unreadableWorkbook(file, err)] };
  }
  const grids: Grid[] = [];
  const issues: ImportIssue[] = [];
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    let grid: Grid;
    try {
      grid = readSheet(file, sheet);
    } catch (err) {
      return { grids: [], issues: [unreadableWorkbook(file, err, sheet.name)] };
    }
    if (grid.rows.length === 0) continue;
    for (const r of grid.rows) cells += usedWidth(r.cells);
    if (cells > MAX_WIDE_CELLS) return { grids: [], issues: [tooManyCells({ file, sheet: sheet.name, row: grid.rows[grid.rows.length - 1]?.line ?? 1, column: null }, cells)] };
    // A hidden sheet often holds last year's figures or workings: importing them would change values nobody sees.
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') issues.push(hiddenSheet(file, sheet.name, sheet.state));
    else grids.push(grid);
  }
  if (grids.length === 0) return { grids, issues: [...issues, unreadable(file, issues.length > 0 ? 'alla synliga blad är tomma' : 'alla blad är tomma')] };
  return { grids, issues };
}
