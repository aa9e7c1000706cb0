/**
 * CSV with quotes, a piece at a time: csv-parse reads quoted fields (which
 * may span lines) right, but only over whole text. The text is cut into
 * pieces at newlines outside quotes (an even number of quote characters
 * before them; "" inside a field counts twice), and each piece of about
 * PIECE characters is parsed alone with its line numbers moved on, so a
 * 40 MB file is never held as one string or as all its records.
 */
import { chunkedRecords, countNewlines, csvParseRecords, normalisedChunks, type CsvRecord } from './csv-grid.js';
import type { ImportIssue } from '../common/errors.js';
import { textChunks, type TextEncoding } from './text.js';

const PIECE = 256 * 1024;

export function* quotedRecords(file: string, chunks: Iterable<string>, delimiter: string, issues: ImportIssue[], pieceSize = PIECE): Generator<CsvRecord> {
  // Text not yet parsed, as pieces, joined only when a piece is cut: appending to one string and scanning it was quadratic.
  let parts: string[] = [];
  let length = 0;
  let inQuotes = false;
  /** Offset in the joined parts of the last newline outside quotes. */
  let boundary = -1;
  let lines = 0;
  const parse = function* (piece: string): Generator<CsvRecord> {
    yield* csvParseRecords(file, piece, delimiter, issues, lines);
    lines += countNewlines(piece);
  };
  for (const chunk of normalisedChunks(chunks)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x22) inQuotes = !inQuotes;
      else if (c === 0x0a && !inQuotes) boundary = length + i;
    }
    parts.push(chunk);
    length += chunk.length;
    if (boundary + 1 >= pieceSize) {
      // An unclosed quote leaves no boundary: the rest of the file is then one piece, and csv-parse says where it broke.
      const text = parts.join('');
      const rest = text.slice(boundary + 1);
      parts = [rest];
      length = rest.length;
      const piece = text.slice(0, boundary + 1);
      boundary = -1;
      yield* parse(piece);
    }
  }
  if (length > 0) yield* parse(parts.join(''));
}

/**
 * The records of a CSV file's bytes a piece at a time: split on newlines
 * without quotes (what exports write; ten times faster), else as above. A
 * quote is byte 0x22 in both encodings and never part of a multi-byte UTF-8
 * character.
 */
export function csvRecordsOfBytes(file: string, bytes: Uint8Array, encoding: TextEncoding, delimiter: string, issues: ImportIssue[]): Iterable<CsvRecord> {
  const chunks = textChunks(bytes, encoding);
  return bytes.includes(0x22) ? quotedRecords(file, chunks, delimiter, issues) : chunkedRecords(chunks, delimiter);
}
