import type { LabelMapping } from '../parse/mappings.js';

/**
 * Import problems. Each one names the file, row and column, what was found,
 * what was expected, and tells the user in plain Swedish what to do; the
 * English text is for logs and non-Swedish-speaking developers.
 */
export interface ImportIssue {
  severity: 'error' | 'warning';
  file: string;
  /** Worksheet name for XLSX files; null for CSV. */
  sheet: string | null;
  /** 1-based line in the file; the header is line 1. */
  row: number;
  /** Header name of the column, or null when the problem is the whole row or file. */
  column: string | null;
  found: string;
  expected: string;
  message: string;
  messageEn: string;
  /** Only on an unknown report row: the row as a mapping would name it, and the closest known mapping. */
  unknownRow?: UnknownRow;
  /**
   * The import option the fix is in (the unit for rows without one, skipping missing-value marks, …). The
   * message says what to do in words of neither the CLI nor the web page; each names its own flag or field
   * (see options.ts), so the page never points at a CLI flag.
   */
  option?: ImportOptionName;
}

/** Options of an import that a message can send the user to. */
export type ImportOptionName = 'unit' | 'year' | 'skipMissing' | 'confirm';

/** A report row that no mapping knows, as structured data beside the Swedish message (which says the same). */
export interface UnknownRow {
  section: string;
  /** The parent rows joined with " / ", as in a mapping's parentLabel. */
  parentLabel: string;
  label: string;
  /** The closest known row (the "Menade du …?" of the message), or null when none is close. */
  suggestion: LabelMapping | null;
}

export interface Place {
  file: string;
  /** Worksheet of an XLSX file; absent or null for CSV. */
  sheet?: string | null;
  row: number;
  column: string | null;
}

/** "i fil x.csv, rad 3, kolumn kpi" (XLSX: "i fil x.xlsx, blad Jan, rad 3, …") — the same wording in every message so users learn to read it. */
export function whereSv(p: Place): string {
  const sheet = p.sheet ? `, blad ${p.sheet}` : '';
  return `i fil ${p.file}${sheet}, rad ${p.row}${p.column === null ? '' : `, kolumn ${p.column}`}`;
}

export function whereEn(p: Place): string {
  const sheet = p.sheet ? `, sheet ${p.sheet}` : '';
  return `in file ${p.file}${sheet}, row ${p.row}${p.column === null ? '' : `, column ${p.column}`}`;
}

/** Text from the file echoed in a message: a 10 MB header line is shown as its first characters and "…". */
const MAX_ECHO = 120;
/** No message is longer than this, whatever it quotes. */
const MAX_MESSAGE = 2000;

export const clip = (s: string, max = MAX_ECHO): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** The message with every long text from the file in it clipped, and then the whole capped. */
function clipMessage(message: string, echoed: readonly (string | null | undefined)[]): string {
  let out = message;
  for (const e of echoed) if (e && e.length > MAX_ECHO) out = out.split(e).join(clip(e));
  return clip(out, MAX_MESSAGE);
}

export function issue(severity: ImportIssue['severity'], p: Place, found: string, expected: string, message: string, messageEn: string): ImportIssue {
  // Clipped here, once for every message: the found text and the column name are what messages quote from the file.
  const echoed = [found, p.column, p.sheet];
  return {
    severity,
    file: p.file,
    sheet: p.sheet === undefined || p.sheet === null ? null : clip(p.sheet),
    row: p.row,
    column: p.column === null ? null : clip(p.column),
    found: clip(found),
    expected: clip(expected, MAX_MESSAGE),
    message: clipMessage(message, echoed),
    messageEn: clipMessage(messageEn, echoed),
  };
}

/** More errors than this only bury the first ones, which usually explain the rest. */
export const MAX_ERRORS = 200;
/** The same for warnings; the diff shows every change anyway. */
const MAX_WARNINGS = 200;

/**
 * Collects issues, keeping at most MAX_ERRORS errors but counting all of
 * them, so the final message can say how many more there were.
 */
export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private extraErrors = 0;
  private extraWarnings = 0;

  add(i: ImportIssue): void {
    if (i.severity === 'warning') {
      if (this.warnings.length < MAX_WARNINGS) this.warnings.push(i);
      else this.extraWarnings++;
    } else if (this.errors.length < MAX_ERRORS) this.errors.push(i);
    else this.extraErrors++;
  }

  addAll(list: readonly ImportIssue[]): void {
    for (const i of list) this.add(i);
  }

  /** Errors found and counted elsewhere (in SQL) but not fetched: they count as errors left out. */
  countMore(n: number): void {
    this.extraErrors += n;
  }

  /** Appends another list's issues after these, with its count of errors left out. */
  merge(other: IssueList): void {
    this.addAll(other.errors);
    this.addAll(other.warnings);
    this.extraErrors += other.extraErrors;
    this.extraWarnings += other.extraWarnings;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The errors, with a last issue that says how many were left out. */
  finalErrors(file: string): ImportIssue[] {
    if (this.extraErrors === 0) return this.errors;
    const last = this.errors[this.errors.length - 1];
    const n = this.extraErrors;
    return [
      ...this.errors,
      issue(
        'error',
        { file, row: last?.row ?? 1, column: null },
        `${MAX_ERRORS + n} fel`,
        'högst ' + MAX_ERRORS,
        `Ytterligare ${n} fel i fil ${file} visas inte (bara de första ${MAX_ERRORS}). Rätta felen ovan och importera igen; ofta försvinner resten samtidigt.`,
        `${n} more errors in file ${file} are not shown (only the first ${MAX_ERRORS}). Fix the errors above and import again.`,
      ),
    ];
  }

  /** The warnings, with a last one that says how many were left out. */
  finalWarnings(file: string): ImportIssue[] {
    if (this.extraWarnings === 0) return this.warnings;
    const n = this.extraWarnings;
    return [
      ...this.warnings,
      issue(
        'warning',
        { file, row: this.warnings[this.warnings.length - 1]?.row ?? 1, column: null },
        `${MAX_WARNINGS + n} varningar`,
        'högst ' + MAX_WARNINGS,
        `Ytterligare ${n} varningar i fil ${file} visas inte (bara de första ${MAX_WARNINGS}). Läs dem ovan och ändringarna i förhandsgranskningen innan du bekräftar.`,
        `${n} more warnings in file ${file} are not shown (only the first ${MAX_WARNINGS}).`,
      ),
    ];
  }
}
