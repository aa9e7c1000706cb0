/**
 * The long CSV format: one value a row,
 *   kpi,unit,period,gender,value[,denominator][,age_band]
 * with Swedish or English header names, comma or semicolon, optional BOM and
 * CRLF. It produces SourceRows for the shared pipeline and never throws.
 */
import { maxOf } from '../common/append.js';
import { MAX_COLUMNS, MAX_TITLE_ROWS, tooManyColumns, usedWidth } from '../common/limits.js';
import { detectDelimiter, readCsvRecords, unquotedRecords, type CsvRecord } from '../read/csv-grid.js';
import { csvRecordsOfBytes } from '../read/csv-stream.js';
import { MAX_ERRORS, type ImportIssue } from '../common/errors.js';
import type { Grid } from '../read/grid.js';
import { duplicateColumn, fieldCount, missingColumn, noDataRows, unknownColumn } from './parse-messages.js';
import type { FieldName, FormatParser, ParseOutcome, SourceCell, SourceRow } from './source-row.js';
import { nearest } from '../common/suggest.js';
import { decodeUtf8, textHead, type TextEncoding } from '../read/text.js';

export { detectDelimiter };

export const LONG_CSV_FORMAT = 'long-csv';

/** Accepted header names, normalised (lower case, NFC, spaces as "_"); the first is the canonical one. */
const HEADER_NAMES: Record<FieldName, readonly string[]> = {
  kpi: ['kpi', 'nyckeltal', 'kpi_id'],
  unit: ['unit', 'enhet', 'enhetskod'],
  period: ['period', 'månad', 'month'],
  gender: ['gender', 'kön'],
  value: ['value', 'värde', 'täljare', 'numerator'],
  denominator: ['denominator', 'nämnare'],
  ageBand: ['age_band', 'åldersgrupp', 'ageband'],
};
const REQUIRED: readonly FieldName[] = ['kpi', 'unit', 'period', 'gender', 'value'];
const SWEDISH: Record<FieldName, string> = {
  kpi: 'nyckeltal',
  unit: 'enhet',
  period: 'månad',
  gender: 'kön',
  value: 'värde',
  denominator: 'nämnare',
  ageBand: 'åldersgrupp',
};
const ALLOWED = 'kpi, unit, period, gender, value, denominator, age_band (eller nyckeltal, enhet, månad, kön, värde, nämnare, åldersgrupp)';

const FIELD_BY_NAME = new Map<string, FieldName>();
for (const [field, names] of Object.entries(HEADER_NAMES) as [FieldName, readonly string[]][]) {
  for (const n of names) FIELD_BY_NAME.set(n, field);
}

function normaliseHeader(h: string): string {
  return h
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** True for a header name of the long layout ("kpi", "enhet", …): a row of them is the long CSV's header, not a title. */
export const isLongHeaderName = (h: string): boolean => FIELD_BY_NAME.has(normaliseHeader(h));

const isBlank = (r: CsvRecord): boolean => r.fields.every((f) => f.trim() === '');

interface HeaderMap {
  columns: { field: FieldName; index: number; name: string }[];
  /** Fields after this index must be empty (trailing empty columns are tolerated). */
  width: number;
}

function readHeader(file: string, sheet: string | null, header: CsvRecord, issues: ImportIssue[]): HeaderMap | null {
  const width = usedWidth(header.fields);
  if (width > MAX_COLUMNS) {
    issues.push(tooManyColumns({ file, sheet, row: header.line, column: null }, width));
    return null;
  }
  const names = header.fields.slice(0, width).map((f) => f.trim());
  const columns: HeaderMap['columns'] = [];
  const seen = new Map<FieldName, string>();
  names.slice(0, width).forEach((name, index) => {
    const place = { file, sheet, row: header.line, column: name === '' ? `nr ${index + 1}` : name };
    const field = FIELD_BY_NAME.get(normaliseHeader(name));
    if (field === undefined) {
      issues.push(unknownColumn(place, name, nearest(normaliseHeader(name), FIELD_BY_NAME.keys()), ALLOWED));
      return;
    }
    const first = seen.get(field);
    if (first !== undefined) {
      issues.push(duplicateColumn(place, name, first));
      return;
    }
    seen.set(field, name);
    columns.push({ field, index, name });
  });
  const missing = REQUIRED.filter((f) => !seen.has(f));
  for (const f of missing) issues.push(missingColumn({ file, sheet, row: header.line, column: null }, HEADER_NAMES[f][0] ?? f, SWEDISH[f], names.join(',')));
  return missing.length > 0 ? null : { columns, width };
}

/**
 * The rows of a decoded long CSV, one at a time: a million-row file is never
 * held as records and SourceRows at once. Problems go into issues as the rows
 * are read, so they are complete once the iteration has ended.
 */
function longCsvRows(file: string, decodedText: string, issues: ImportIssue[], overflow: Overflow = { errors: 0 }): Iterable<SourceRow> {
  // One line ending everywhere, so that line numbers match what editors show even in mixed files.
  const text = decodedText.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const records = text.includes('"') ? readCsvRecords(file, text, delimiter, issues) : unquotedRecords(text, delimiter);
  return rowsOf(file, null, records, delimiter, issues, overflow);
}

/**
 * The rows of a long CSV straight from its bytes, decoded and split a piece
 * at a time (csv-stream.ts), quoted or not, so nothing the size of the file
 * is held but the bytes.
 */
export function longCsvRowsOfBytes(file: string, bytes: Uint8Array, encoding: TextEncoding, issues: ImportIssue[], overflow: Overflow): Iterable<SourceRow> {
  const delimiter = detectDelimiter(textHead(bytes, encoding, 64 * 1024).replace(/\r\n?/g, '\n'));
  return rowsOf(file, null, csvRecordsOfBytes(file, bytes, encoding, delimiter, issues), delimiter, issues, overflow);
}

export function parseLongCsv(file: string, bytes: Uint8Array): ParseOutcome {
  const issues: ImportIssue[] = [];
  const decoded = decodeUtf8(file, bytes);
  if (decoded.issues.length > 0) return { format: LONG_CSV_FORMAT, rows: [], issues: decoded.issues };
  return { format: LONG_CSV_FORMAT, rows: [...longCsvRows(file, decoded.text, issues)], issues };
}

/** The long layout in a worksheet (the same header row and columns as the CSV). */
export function parseLongGrid(grid: Grid, issues: ImportIssue[]): SourceRow[] {
  const width = maxOf(
    grid.rows.map((r) => r.cells.length),
    0,
  );
  // exceljs leaves out empty trailing cells; a worksheet row has every column.
  const records = grid.rows.map((r) => ({ line: r.line, fields: [...r.cells, ...Array<string>(width - r.cells.length).fill('')] }));
  return [...rowsOf(grid.file, grid.sheet, records, null, issues)];
}

/** A row with three or more of the long layout's column names is its header, whatever is above it. */
const isHeaderLike = (r: CsvRecord): boolean => r.fields.filter(isLongHeaderName).length >= 3;

/**
 * The records without the title rows above the header ("Export från
 * Procapita 2022-05-01"), when a header follows within MAX_TITLE_ROWS rows;
 * else all of them, so that a header with typos is reported as the header.
 */
function* withoutTitleRows(all: Iterable<CsvRecord>): Generator<CsvRecord> {
  const held: CsvRecord[] = [];
  const it = all[Symbol.iterator]();
  for (let next = it.next(); !next.done; next = it.next()) {
    const rec = next.value;
    if (isHeaderLike(rec) || held.length >= MAX_TITLE_ROWS) {
      if (!isHeaderLike(rec)) yield* held;
      yield rec;
      for (let rest = it.next(); !rest.done; rest = it.next()) yield rest.value;
      return;
    }
    if (!isBlank(rec) || held.length > 0) held.push(rec);
  }
  yield* held;
}

/** Row errors past what the error list keeps (MAX_ERRORS): counted, not kept, so a broken million-row file does not become a million issues. */
export interface Overflow {
  errors: number;
}

function* rowsOf(
  file: string,
  sheet: string | null,
  all: Iterable<CsvRecord>,
  delimiter: string | null,
  issues: ImportIssue[],
  overflow: Overflow = { errors: 0 },
): Generator<SourceRow> {
  let map: HeaderMap | null = null;
  let seenHeader = false;
  let data = 0;
  for (const rec of withoutTitleRows(all)) {
    if (isBlank(rec)) continue;
    if (!seenHeader) {
      seenHeader = true;
      map = readHeader(file, sheet, rec, issues);
      if (map === null) return;
      continue;
    }
    if (map === null) return;
    data++;
    // Trailing empty fields are what spreadsheets add after the last column; they are not data.
    let used = rec.fields.length;
    while (used > 0 && (rec.fields[used - 1] ?? '').trim() === '') used--;
    if (rec.fields.length < map.width || used > map.width) {
      const found = used > map.width ? used : rec.fields.length;
      if (issues.length < MAX_ERRORS) issues.push(fieldCount({ file, sheet, row: rec.line, column: null }, found, map.width, delimiter ?? ';'));
      else overflow.errors++;
      continue;
    }
    const cells: Partial<Record<FieldName, SourceCell>> = {};
    for (const c of map.columns) cells[c.field] = { text: (rec.fields[c.index] ?? '').trim(), column: c.name };
    yield sheet === null ? { file, row: rec.line, cells } : { file, sheet, row: rec.line, cells };
  }
  if (!seenHeader) {
    if (issues.length === 0) issues.push(noDataRows(file, false, sheet));
    return;
  }
  if (data === 0 && issues.length === 0) issues.push(noDataRows(file, true, sheet));
}

export const longCsvParser: FormatParser = { format: LONG_CSV_FORMAT, parse: parseLongCsv };
