/**
 * The long CSV format: one value a row,
 *   kpi,unit,period,gender,value[,denominator][,age_band]
 * with Swedish or English header names, comma or semicolon, optional BOM and
 * CRLF. It produces SourceRows for the shared pipeline and never throws.
 */
import { chunkedRecords, detectDelimiter, readCsvRecords, unquotedRecords, type CsvRecord } from './csv-grid.js';
import { MAX_ERRORS, type ImportIssue } from './errors.js';
import type { Grid } from './grid.js';
import { duplicateColumn, fieldCount, missingColumn, noDataRows, unknownColumn } from './parse-messages.js';
import type { FieldName, FormatParser, ParseOutcome, SourceCell, SourceRow } from './source-row.js';
import { nearest } from './suggest.js';
import { decodeUtf8, textChunks, textHead, type TextEncoding } from './text.js';

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
  return h.normalize('NFC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const isBlank = (r: CsvRecord): boolean => r.fields.every((f) => f.trim() === '');

interface HeaderMap {
  columns: { field: FieldName; index: number; name: string }[];
  /** Fields after this index must be empty (trailing empty columns are tolerated). */
  width: number;
}

function readHeader(file: string, header: CsvRecord, issues: ImportIssue[]): HeaderMap | null {
  const names = header.fields.map((f) => f.trim());
  let width = names.length;
  while (width > 0 && names[width - 1] === '') width--;
  const columns: HeaderMap['columns'] = [];
  const seen = new Map<FieldName, string>();
  names.slice(0, width).forEach((name, index) => {
    const place = { file, row: header.line, column: name === '' ? `nr ${index + 1}` : name };
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
  for (const f of missing) issues.push(missingColumn(file, HEADER_NAMES[f][0] ?? f, SWEDISH[f], names.join(',')));
  return missing.length > 0 ? null : { columns, width };
}

/**
 * The rows of a decoded long CSV, one at a time: a million-row file is never
 * held as records and SourceRows at once. Problems go into issues as the rows
 * are read, so they are complete once the iteration has ended.
 */
export function longCsvRows(file: string, decodedText: string, issues: ImportIssue[], overflow: Overflow = { errors: 0 }): Iterable<SourceRow> {
  // One line ending everywhere, so that line numbers match what editors show even in mixed files.
  const text = decodedText.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const records = text.includes('"') ? readCsvRecords(file, text, delimiter, issues) : unquotedRecords(text, delimiter);
  return rowsOf(file, null, records, delimiter, issues, overflow);
}

/**
 * The rows of a long CSV straight from its bytes: without quotes (what
 * exports write) it is decoded and split a piece at a time, so nothing the
 * size of the file is held but the bytes. With quotes, a field may span lines
 * and the full reader takes the whole text.
 */
export function longCsvRowsOfBytes(file: string, bytes: Uint8Array, encoding: TextEncoding, issues: ImportIssue[], overflow: Overflow): Iterable<SourceRow> {
  // A quote is byte 0x22 in both encodings, and never part of a multi-byte UTF-8 character.
  if (bytes.includes(0x22)) return longCsvRows(file, new TextDecoder(encoding).decode(bytes), issues, overflow);
  const delimiter = detectDelimiter(textHead(bytes, encoding, 64 * 1024).replace(/\r\n?/g, '\n'));
  return rowsOf(file, null, chunkedRecords(textChunks(bytes, encoding), delimiter), delimiter, issues, overflow);
}

export function parseLongCsv(file: string, bytes: Uint8Array): ParseOutcome {
  const issues: ImportIssue[] = [];
  const decoded = decodeUtf8(file, bytes);
  if (decoded.issues.length > 0) return { format: LONG_CSV_FORMAT, rows: [], issues: decoded.issues };
  return { format: LONG_CSV_FORMAT, rows: [...longCsvRows(file, decoded.text, issues)], issues };
}

/** The long layout in a worksheet (the same header row and columns as the CSV). */
export function parseLongGrid(grid: Grid, issues: ImportIssue[]): SourceRow[] {
  const width = Math.max(0, ...grid.rows.map((r) => r.cells.length));
  // exceljs leaves out empty trailing cells; a worksheet row has every column.
  const records = grid.rows.map((r) => ({ line: r.line, fields: [...r.cells, ...Array<string>(width - r.cells.length).fill('')] }));
  return [...rowsOf(grid.file, grid.sheet, records, null, issues)];
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
  for (const rec of all) {
    if (isBlank(rec)) continue;
    if (!seenHeader) {
      seenHeader = true;
      map = readHeader(file, rec, issues);
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
    if (issues.length === 0) issues.push(noDataRows(file, false));
    return;
  }
  if (data === 0 && issues.length === 0) issues.push(noDataRows(file, true));
}

export const longCsvParser: FormatParser = { format: LONG_CSV_FORMAT, parse: parseLongCsv };
