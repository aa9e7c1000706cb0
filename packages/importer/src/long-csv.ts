/**
 * The long CSV format: one value a row,
 *   kpi,unit,period,gender,value[,denominator][,age_band]
 * with Swedish or English header names, comma or semicolon, optional BOM and
 * CRLF. It produces SourceRows for the shared pipeline and never throws.
 */
import { parse } from 'csv-parse/sync';
import type { ImportIssue } from './errors.js';
import { csvSyntax, duplicateColumn, fieldCount, missingColumn, noDataRows, unknownColumn } from './parse-messages.js';
import type { FieldName, FormatParser, ParseOutcome, SourceCell, SourceRow } from './source-row.js';
import { nearest } from './suggest.js';
import { decodeUtf8 } from './text.js';

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

interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

/** Semicolon when the header uses more semicolons than commas (Swedish Excel), else comma. */
export function detectDelimiter(text: string): ',' | ';' {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const semis = first.split(';').length - 1;
  const commas = first.split(',').length - 1;
  return semis > commas ? ';' : ',';
}

/** Splits the text into records with their starting lines; broken records become issues, not exceptions. */
function readRecords(file: string, text: string, delimiter: string, issues: ImportIssue[]): CsvRecord[] {
  const out: CsvRecord[] = [];
  try {
    const parsed = parse(text, {
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
      skip_records_with_error: true,
      on_skip: (err, raw) => {
        const lines = typeof err?.['lines'] === 'number' ? err['lines'] : 1;
        const row = Math.max(1, lines - countNewlines(raw ?? '') + ((raw ?? '').endsWith('\n') ? 1 : 0));
        issues.push(csvSyntax({ file, row, column: null }, err?.code ?? 'okänt fel'));
        return undefined;
      },
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    for (const r of parsed) {
      // info.lines is the line where the record ends; the raw text tells how many lines it spans.
      const line = r.info.lines - countNewlines(r.raw) + (r.raw.endsWith('\n') ? 1 : 0);
      out.push({ fields: r.record, line });
    }
  } catch (err) {
    const lines = typeof (err as Record<string, unknown>)['lines'] === 'number' ? Number((err as Record<string, unknown>)['lines']) : 1;
    issues.push(csvSyntax({ file, row: lines, column: null }, (err as Error).message));
  }
  return out;
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

export function parseLongCsv(file: string, bytes: Uint8Array): ParseOutcome {
  const issues: ImportIssue[] = [];
  const decoded = decodeUtf8(file, bytes);
  if (decoded.issues.length > 0) return { format: LONG_CSV_FORMAT, rows: [], issues: decoded.issues };
  // One line ending everywhere, so that line numbers match what editors show even in mixed files.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const records = readRecords(file, text, delimiter, issues).filter((r) => !isBlank(r));
  const [header, ...data] = records;
  if (header === undefined) {
    if (issues.length === 0) issues.push(noDataRows(file, false));
    return { format: LONG_CSV_FORMAT, rows: [], issues };
  }
  const map = readHeader(file, header, issues);
  if (map === null) return { format: LONG_CSV_FORMAT, rows: [], issues };
  const rows: SourceRow[] = [];
  for (const rec of data) {
    // Trailing empty fields are what spreadsheets add after the last column; they are not data.
    let used = rec.fields.length;
    while (used > 0 && (rec.fields[used - 1] ?? '').trim() === '') used--;
    if (rec.fields.length < map.width || used > map.width) {
      const found = used > map.width ? used : rec.fields.length;
      issues.push(fieldCount({ file, row: rec.line, column: null }, found, map.width, delimiter));
      continue;
    }
    const cells: Partial<Record<FieldName, SourceCell>> = {};
    for (const c of map.columns) cells[c.field] = { text: (rec.fields[c.index] ?? '').trim(), column: c.name };
    rows.push({ file, row: rec.line, cells });
  }
  if (data.length === 0 && issues.length === 0) issues.push(noDataRows(file, true));
  return { format: LONG_CSV_FORMAT, rows, issues };
}

export const longCsvParser: FormatParser = { format: LONG_CSV_FORMAT, parse: parseLongCsv };
