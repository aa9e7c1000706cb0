/**
 * Step 1 of the pipeline: bytes → SourceRows, whatever the format. The
 * format is recognised from the content, not the file name: the long CSV has
 * a header row of field names, a wide report has months in its header row.
 */
import { formatNumber } from '@lagesbild/domain';
import { append } from '../common/append.js';
import { csvGrid, detectDelimiter } from './csv-grid.js';
import { csvRecordsOfBytes } from './csv-stream.js';
import type { Grid, GridRow } from './grid.js';
import { MAX_WIDE_CELLS, tooManyCells, usedWidth } from '../common/limits.js';
import { issue, whereEn, whereSv, type ImportIssue } from '../common/errors.js';
import { longCsvParser, longCsvRowsOfBytes, parseLongGrid, type Overflow } from '../parse/long-csv.js';
import type { MappingIndex } from '../parse/mappings.js';
import type { ParseOutcome, SourceRow } from '../parse/source-row.js';
import { refusedFileType } from './file-type.js';
import { sheetWithoutMonths } from './sheet-messages.js';
import { checkText, textHead, type TextEncoding } from './text.js';
import { looksWide } from '../parse/wide-layout.js';
import { parseWideGrids } from '../parse/wide-report.js';
import { xlsxGrids } from './xlsx-grid.js';

const WIDE_CSV_FORMAT = 'wide-csv';
const WIDE_XLSX_FORMAT = 'wide-xlsx';
const LONG_XLSX_FORMAT = 'long-xlsx';

const HEAD_BYTES = 64 * 1024;

export interface ReadContext {
  year: number | null;
  unitCode: string | null;
  skipMissingMarks: boolean;
  /** Loaded only for wide reports; the long CSV names its KPIs itself. */
  mappings: () => Promise<MappingIndex>;
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

async function readWorkbook(fileName: string, bytes: Uint8Array, ctx: ReadContext): Promise<ParseOutcome> {
  const { grids, issues } = await xlsxGrids(fileName, bytes);
  if (grids.length === 0) return { format: WIDE_XLSX_FORMAT, rows: [], issues };
  // A workbook has one layout: wide when any sheet has a month header; its other sheets (a cover sheet, notes) are skipped with a note.
  const wide = grids.filter((g) => looksWide(g.rows));
  if (wide.length === 0) {
    const rows: SourceRow[] = [];
    for (const g of grids) append(rows, parseLongGrid(g, issues));
    return { format: LONG_XLSX_FORMAT, rows, issues };
  }
  for (const g of grids) if (!wide.includes(g)) issues.push(sheetWithoutMonths(fileName, g.sheet ?? ''));
  const outcome = parseWideGrids(fileName, WIDE_XLSX_FORMAT, wide, { ...ctx, mappings: await ctx.mappings() });
  return { ...outcome, issues: append(issues, outcome.issues) };
}

/**
 * The largest file imported: a long CSV of every KPI, unit and month of a
 * large förvaltning over many years is a few MB, a monthly report a few kB.
 * Anything larger is refused before it is read, so memory stays bounded.
 */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

function tooLarge(file: string, size: number): ImportIssue {
  const p = { file, row: 1, column: null };
  const mb = (n: number) => formatNumber(n / 1024 / 1024, 1);
  return issue(
    'error',
    p,
    `${mb(size)} MB`,
    `högst ${mb(MAX_FILE_BYTES)} MB`,
    `Filen ${file} är ${mb(size)} MB, men högst ${mb(MAX_FILE_BYTES)} MB kan importeras åt gången (${whereSv(p)}). Dela upp den, till exempel ett år per fil.`,
    `File ${file} is ${mb(size)} MB; at most ${mb(MAX_FILE_BYTES)} MB can be imported at once (${whereEn(p)}). Split it.`,
  );
}

/** A wide CSV report as a Grid, read a piece at a time and refused as soon as it has more cells than a report can have. */
function wideCsvGrid(file: string, bytes: Uint8Array, encoding: TextEncoding): { grid: Grid | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const rows: GridRow[] = [];
  const delimiter = detectDelimiter(textHead(bytes, encoding, HEAD_BYTES).replace(/\r\n?/g, '\n'));
  let cells = 0;
  for (const r of csvRecordsOfBytes(file, bytes, encoding, delimiter, issues)) {
    cells += usedWidth(r.fields);
    if (cells > MAX_WIDE_CELLS) return { grid: null, issues: [tooManyCells({ file, row: r.line, column: null }, cells)] };
    rows.push({ line: r.line, cells: r.fields });
  }
  return { grid: { file, sheet: null, rows }, issues };
}

/** As ParseOutcome, but the rows of a long CSV come one at a time; its issues are complete only after they have all been read. */
export interface ReadOutcome extends Omit<ParseOutcome, 'rows'> {
  rows: Iterable<SourceRow>;
  /** Errors counted but not kept in issues; complete, as issues, once the rows are read. */
  overflow?: Overflow;
}

export async function readImportFile(fileName: string, bytes: Uint8Array, ctx: ReadContext): Promise<ReadOutcome> {
  if (bytes.length > MAX_FILE_BYTES) return { format: longCsvParser.format, rows: [], issues: [tooLarge(fileName, bytes.length)] };
  // By content, not by name: an .xlsx renamed .csv is still a workbook, and a PDF renamed .xlsx is told as a PDF.
  const refused = refusedFileType(fileName, bytes);
  if (refused !== null) return { format: longCsvParser.format, rows: [], issues: [refused] };
  if (isZip(bytes)) return readWorkbook(fileName, bytes, ctx);
  const { encoding, issues: textIssues } = checkText(fileName, bytes);
  if (encoding === null) return { format: longCsvParser.format, rows: [], issues: textIssues };
  // The header row (below any title rows) decides; reading only the start keeps a million-row long CSV from being decoded and parsed twice.
  const head = csvGrid(fileName, textHead(bytes, encoding, HEAD_BYTES)).grid.rows;
  if (!looksWide(head)) {
    const issues: ImportIssue[] = [];
    const overflow = { errors: 0 };
    return { format: longCsvParser.format, rows: longCsvRowsOfBytes(fileName, bytes, encoding, issues, overflow), issues, overflow };
  }
  const { grid, issues } = wideCsvGrid(fileName, bytes, encoding);
  if (grid === null) return { format: WIDE_CSV_FORMAT, rows: [], issues };
  const wide = parseWideGrids(fileName, WIDE_CSV_FORMAT, [grid], { ...ctx, mappings: await ctx.mappings() });
  return { ...wide, issues: append(issues, wide.issues) };
}
