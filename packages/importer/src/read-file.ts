/**
 * Step 1 of the pipeline: bytes → SourceRows, whatever the format. The
 * format is recognised from the content, not the file name: the long CSV has
 * a header row of field names, a wide report has months in its header row.
 */
import { formatNumber } from '@lagesbild/domain';
import { csvGrid } from './csv-grid.js';
import { issue, whereEn, whereSv, type ImportIssue } from './errors.js';
import { isBlankRow } from './grid.js';
import { longCsvParser, longCsvRowsOfBytes, parseLongGrid, type Overflow } from './long-csv.js';
import type { MappingIndex } from './mappings.js';
import type { ParseOutcome, SourceRow } from './source-row.js';
import { checkText, textHead } from './text.js';
import { looksWide } from './wide-layout.js';
import { parseWideGrids } from './wide-report.js';
import { xlsxGrids } from './xlsx-grid.js';

export const WIDE_CSV_FORMAT = 'wide-csv';
export const WIDE_XLSX_FORMAT = 'wide-xlsx';
export const LONG_XLSX_FORMAT = 'long-xlsx';

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
  // The first sheet's header row decides for the workbook; a workbook has one layout.
  const first = grids[0];
  if (first !== undefined && !looksWide(first.rows.filter((r) => !isBlankRow(r)).slice(0, 1))) {
    const rows = grids.flatMap((g) => parseLongGrid(g, issues));
    return { format: LONG_XLSX_FORMAT, rows, issues };
  }
  const wide = parseWideGrids(fileName, WIDE_XLSX_FORMAT, grids, { ...ctx, mappings: await ctx.mappings() });
  return { ...wide, issues: [...issues, ...wide.issues] };
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

/** As ParseOutcome, but the rows of a long CSV come one at a time; its issues are complete only after they have all been read. */
export interface ReadOutcome extends Omit<ParseOutcome, 'rows'> {
  rows: Iterable<SourceRow>;
  /** Errors counted but not kept in issues; complete, as issues, once the rows are read. */
  overflow?: Overflow;
}

export async function readImportFile(fileName: string, bytes: Uint8Array, ctx: ReadContext): Promise<ReadOutcome> {
  if (bytes.length > MAX_FILE_BYTES) return { format: longCsvParser.format, rows: [], issues: [tooLarge(fileName, bytes.length)] };
  // By content, not by name: an .xlsx renamed .csv is still a workbook.
  if (isZip(bytes)) return readWorkbook(fileName, bytes, ctx);
  const { encoding, issues: textIssues } = checkText(fileName, bytes);
  if (encoding === null) return { format: longCsvParser.format, rows: [], issues: textIssues };
  // The header row decides; reading only the start keeps a million-row long CSV from being decoded and parsed twice.
  const head = csvGrid(fileName, textHead(bytes, encoding, HEAD_BYTES)).grid.rows.filter((r) => !isBlankRow(r)).slice(0, 1);
  if (!looksWide(head)) {
    const issues: ImportIssue[] = [];
    const overflow = { errors: 0 };
    return { format: longCsvParser.format, rows: longCsvRowsOfBytes(fileName, bytes, encoding, issues, overflow), issues, overflow };
  }
  const { grid, issues } = csvGrid(fileName, new TextDecoder(encoding).decode(bytes));
  const wide = parseWideGrids(fileName, WIDE_CSV_FORMAT, [grid], { ...ctx, mappings: await ctx.mappings() });
  return { ...wide, issues: [...issues, ...wide.issues] };
}
