/**
 * The last guard of "every library error in Swedish": whatever a reader
 * throws that no check foresaw (a library's TypeError on a file nobody
 * thought of) becomes one Swedish error about the file, so the user never
 * sees "Oväntat fel: Cannot read properties of undefined". Only the reading
 * is guarded; the database's errors are not the file's and still throw.
 */
import { clip, issue, whereEn, whereSv, type ImportIssue } from '../common/errors.js';
import type { ReadOutcome } from './read-file.js';
import type { SourceRow } from '../parse/source-row.js';

function unexpectedReadError(file: string, err: unknown): ImportIssue {
  const detail = clip((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '');
  const p = { file, row: 1, column: null };
  return issue(
    'error',
    p,
    detail,
    'en CSV-fil eller Excel-arbetsbok (.xlsx)',
    `Filen ${file} kunde inte läsas (${whereSv(p)}): den har något som importen inte känner igen. Öppna den i Excel och spara den på nytt som "CSV UTF-8 (kommaavgränsad)" eller "Excel-arbetsbok (.xlsx)" och importera igen; kvarstår felet, skicka filen till den som förvaltar Lägesbild.`,
    `File ${file} could not be read (${whereEn(p)}): ${detail}.`,
  );
}

/** The outcome of reading, or one error when the reader threw. */
export async function guardRead(file: string, read: () => Promise<ReadOutcome>): Promise<ReadOutcome> {
  try {
    const outcome = await read();
    return { ...outcome, rows: guardRows(file, outcome.rows, outcome.issues) };
  } catch (err) {
    return { format: 'unknown', rows: [], issues: [unexpectedReadError(file, err)] };
  }
}

/** The rows as read; a throw while reading them ends them with one error (the consumer's own errors are not caught here). */
function* guardRows(file: string, rows: Iterable<SourceRow>, issues: ImportIssue[]): Generator<SourceRow> {
  try {
    for (const r of rows) yield r;
  } catch (err) {
    issues.push(unexpectedReadError(file, err));
  }
}
