/**
 * The seam between format-specific parsers and the shared pipeline
 * (parse → validate → diff → commit). Every parser, whether long CSV today or
 * the wide monthly reports later, turns a file into SourceRows: one figure
 * each, still as text, with the file, line and column it came from, so that
 * validation can name the exact place of every problem.
 */
import type { ImportIssue } from '../common/errors.js';

export type FieldName = 'kpi' | 'unit' | 'period' | 'gender' | 'value' | 'denominator' | 'ageBand';

export interface SourceCell {
  /** Trimmed cell text; '' for an empty cell. */
  text: string;
  /** The header name as written in the file (e.g. "nyckeltal" or "mars"). */
  column: string;
}

export interface SourceRow {
  file: string;
  /** Worksheet of an XLSX file; absent for CSV. */
  sheet?: string | null;
  /** 1-based line in the file where the figure's record starts. */
  row: number;
  cells: Partial<Record<FieldName, SourceCell>>;
}

export interface ParseOutcome {
  /** Stored in import_batches.format. */
  format: string;
  rows: SourceRow[];
  /** Problems found while reading the file (encoding, CSV syntax, header, field counts). */
  issues: ImportIssue[];
}

/** A file format. Parsers never throw on bad input: every problem becomes an issue. */
export interface FormatParser {
  format: string;
  parse(fileName: string, bytes: Uint8Array): ParseOutcome;
}
