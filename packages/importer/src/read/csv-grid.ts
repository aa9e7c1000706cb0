/**
 * CSV text into records with their line numbers (csv-parse, RFC 4180), and
 * the delimiter guess; shared by the long and the wide CSV formats.
 */
import { parse } from 'csv-parse/sync';
import type { ImportIssue } from '../common/errors.js';
import type { Grid } from './grid.js';
import { csvSyntax } from '../parse/parse-messages.js';

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
}

export function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

/**
 * Semicolon (Swedish Excel) or comma, by a vote of the first lines: each line
 * with more of one than the other votes for it. Not the first line alone,
 * which may be a report's title ("Ekonomiskt bistånd 2021" has neither, and
 * "Rapport, januari" a comma in a semicolon file).
 */
export function detectDelimiter(text: string): ',' | ';' {
  let votes = 0;
  let lines = 0;
  // Line by line from the start, without splitting a whole file into lines.
  for (let start = 0; start <= text.length && lines < DELIMITER_VOTES;) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    const l = text.slice(start, end);
    if (l.trim() !== '') {
      lines++;
      const semis = l.split(';').length - 1;
      const commas = l.split(',').length - 1;
      votes += Math.sign(semis - commas);
    }
    start = end + 1;
  }
  return votes > 0 ? ';' : ',';
}

/** Lines that vote on the delimiter: a title block and the header, and some data. */
const DELIMITER_VOTES = 20;

/**
 * Without a quote character RFC 4180 is a plain split on newline and
 * delimiter, and every record is one line. Exported files usually have no
 * quotes; splitting is ten times faster than csv-parse and keeps no raw copy.
 */
export function splitUnquoted(text: string, delimiter: string): CsvRecord[] {
  return [...unquotedRecords(text, delimiter)];
}

/** The same, one record at a time, so a large file is never held as records. */
export function* unquotedRecords(text: string, delimiter: string): Generator<CsvRecord> {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield { fields: text.slice(start, end).split(delimiter), line: line++ };
    // A final newline ends the last record; it does not start an empty one.
    start = end + 1;
  }
}

/**
 * The same over text that comes a piece at a time (textChunks), with line
 * endings normalised as csvGrid does (CRLF and a lone CR end a line): the
 * records of a large file without ever holding it as one string.
 */
export function* chunkedRecords(chunks: Iterable<string>, delimiter: string): Generator<CsvRecord> {
  // The start of a line not yet ended, as pieces: joined only once its newline comes, since
  // appending to one string and searching it again for every piece was quadratic on a 10 MB line.
  let carry: string[] = [];
  let line = 1;
  for (const chunk of normalisedChunks(chunks)) {
    if (!chunk.includes('\n')) {
      carry.push(chunk);
      continue;
    }
    carry.push(chunk);
    const text = carry.join('');
    let start = 0;
    for (let end = text.indexOf('\n', text.length - chunk.length); end >= 0; end = text.indexOf('\n', start)) {
      yield { fields: text.slice(start, end).split(delimiter), line: line++ };
      start = end + 1;
    }
    carry = [text.slice(start)];
  }
  for (const r of unquotedRecords(carry.join(''), delimiter)) yield { fields: r.fields, line: line + r.line - 1 };
}

/** The pieces with CRLF and a lone CR as "\n", also when a CRLF is split between two pieces. */
export function* normalisedChunks(chunks: Iterable<string>): Generator<string> {
  let held = '';
  for (const chunk of chunks) {
    let text = held + chunk;
    // A CR at the end may be the first half of a CRLF that the next piece completes.
    held = text.endsWith('\r') ? '\r' : '';
    if (held !== '') text = text.slice(0, -1);
    yield text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }
  if (held !== '') yield '\n';
}

/** Splits the text into records with their starting lines; broken records become issues, not exceptions. */
export function readCsvRecords(file: string, text: string, delimiter: string, issues: ImportIssue[]): CsvRecord[] {
  return text.includes('"') ? csvParseRecords(file, text, delimiter, issues) : splitUnquoted(text, delimiter);
}

/** The full RFC 4180 reader (quoted fields, fields spanning lines), with the line each record starts on. */
export function csvParseRecords(file: string, text: string, delimiter: string, issues: ImportIssue[], lineOffset = 0): CsvRecord[] {
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
        issues.push(csvSyntax({ file, row: row + lineOffset, column: null }, err?.code ?? 'okänt fel'));
        return undefined;
      },
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    for (const r of parsed) {
      // info.lines is the line where the record ends; the raw text tells how many lines it spans.
      const line = r.info.lines - countNewlines(r.raw) + (r.raw.endsWith('\n') ? 1 : 0);
      out.push({ fields: r.record, line: line + lineOffset });
    }
  } catch (err) {
    const lines = typeof (err as Record<string, unknown>)['lines'] === 'number' ? Number((err as Record<string, unknown>)['lines']) : 1;
    issues.push(csvSyntax({ file, row: lines + lineOffset, column: null }, (err as Error).message));
  }
  return out;
}

/** A decoded CSV text as a Grid for the wide-report reader. */
export function csvGrid(file: string, text: string): { grid: Grid; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const normalised = text.replace(/\r\n?/g, '\n');
  const records = readCsvRecords(file, normalised, detectDelimiter(normalised), issues);
  return { grid: { file, sheet: null, rows: records.map((r) => ({ line: r.line, cells: r.fields })) }, issues };
}
