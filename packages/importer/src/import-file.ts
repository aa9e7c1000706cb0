/**
 * The one entry point: parse (format-specific) → validate against the
 * catalogue → stage → diff against stored → commit, in one transaction, or
 * nothing.
 */
import { createHash } from 'node:crypto';
import type { Month } from '@lagesbild/domain';
import {
  createPlan,
  createStaging,
  diffRows,
  importCommittedBefore,
  lockOrganisationImports,
  planSummary,
  StagingWriter,
  startImportTransaction,
  touchedCells,
  writeImportBatch,
  type Db,
} from '@lagesbild/db';
import { loadCatalogue } from './validate/catalogue.js';
import { changedValueWarnings, jumpWarnings } from './diff/change-warnings.js';
import { MAX_DIFF_ROWS, planWarnings, type DiffRow, type DiffSummary, type Origin, type TouchedCells } from './diff/diff.js';
import { IssueList, MAX_ERRORS, type ImportIssue } from './common/errors.js';
import { loadMappings } from './parse/load-mappings.js';
import { readImportFile } from './read/read-file.js';
import { guardRead } from './read/safe-read.js';
import type { SourceRow } from './parse/source-row.js';
import { checkDuplicates } from './validate/duplicates.js';
import { validCells } from './validate/validate.js';
import { unknownOrg } from './validate/validate-messages.js';
import { unitOptionIssue } from './validate/unit-option.js';
import { missingMarkSkipped } from './parse/wide-messages.js';
import { MISSING_MARKS } from './parse/missing-marks.js';
import { phaseTimer, type PhaseClock } from './common/phases.js';

export interface ImportOptions {
  orgId: string;
  fileName: string;
  bytes: Uint8Array;
  /** Validate and diff only; write nothing. */
  dryRun: boolean;
  user: string;
  /** reported (default): the organisation's own figures; synthetic: generated demo data. */
  origin?: Origin;
  /**
   * Wide monthly reports: the year of month columns that do not carry one
   * ("Januari"). Default: the year in the file name ("statistik-2022.csv").
   */
  year?: number | null;
  /** Wide monthly reports: the unit code for rows whose mapping names no unit. */
  unitCode?: string | null;
  /** The month it is now (from the caller's clock): values for later months are refused. */
  currentMonth: Month;
  /** Cells such as "?" (uppgift saknas) are skipped with a warning instead of being errors. */
  skipMissingMarks?: boolean;
  /** The user has seen the warnings and commits anyway; without it a file with warnings is not committed. */
  confirmWarnings?: boolean;
  /**
   * Runs inside the import's transaction after the batch is written (audit
   * entry, live event), so they exist exactly when the import does.
   */
  onCommitted?: (tx: Db, result: ImportResult) => Promise<void>;
  /** Told each phase's milliseconds (a phase may come in parts; sum them): the throughput benchmark's breakdown. */
  phases?: PhaseClock;
}

export interface ImportResult {
  /** False when there is any error; then nothing was written. */
  ok: boolean;
  fileName: string;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  summary: DiffSummary;
  /** The first MAX_DIFF_ROWS cells' diff, in file order. */
  diff: DiffRow[];
  /** How many diff rows there are in all (diff is capped). */
  diffTotal: number;
  /** The KPIs, units and months of new and changed cells; set when committed. */
  touched: TouchedCells;
  /** Set when committed. */
  batchId: number | null;
  /** The same bytes (sha256) were committed before and nothing would change. */
  alreadyImported: boolean;
  /** Not committed because there are warnings and confirmWarnings was not given. */
  needsConfirmation: boolean;
  dryRun: boolean;
  /** long-csv, wide-csv or wide-xlsx. */
  format: string;
  /** One sentence for the user about the outcome, in Swedish. */
  notice: string;
}

/**
 * Parse, validate and stage, row by row: a long CSV's SourceRows are checked
 * as they are read and written to the staging table in batches, never all
 * held. The file's own problems (encoding, CSV, header) come before those of
 * values, as the user fixes them in that order.
 */
async function readAndStage(db: Db, opts: ImportOptions, issues: IssueList, timer: ReturnType<typeof phaseTimer>): Promise<{ format: string; rowCount: number }> {
  const parsed = await guardRead(opts.fileName, () =>
    readImportFile(opts.fileName, opts.bytes, {
      year: opts.year ?? null,
      unitCode: opts.unitCode ?? null,
      skipMissingMarks: opts.skipMissingMarks ?? false,
      mappings: () => loadMappings(db, opts.orgId),
    }),
  );
  const catalogue = await loadCatalogue(db, opts.orgId, opts.currentMonth);
  let rowCount = 0;
  // A wrong unit for the whole import is one mistake in the options, not one in every row of the file.
  const badUnit = catalogue.orgExists ? unitOptionIssue(catalogue, opts.fileName, opts.unitCode ?? null) : null;
  if (badUnit !== null) {
    issues.add(badUnit);
    for (const r of parsed.rows) {
      void r;
      rowCount++;
    }
    issues.addAll(parsed.issues);
    return { format: parsed.format, rowCount };
  }
  const checked = new IssueList();
  const counted = function* (): Generator<SourceRow> {
    for (const r of parsed.rows) {
      rowCount++;
      // The long CSV's "?" as the wide reports' (which never yield one): skipped with a warning when the user agrees.
      const v = r.cells.value;
      if (opts.skipMissingMarks && v !== undefined && MISSING_MARKS.has(v.text)) {
        checked.add(missingMarkSkipped({ file: r.file, sheet: r.sheet ?? null, row: r.row, column: v.column }, v.text));
        continue;
      }
      yield r;
    }
  };
  if (catalogue.orgExists) {
    await createStaging(db);
    const staging = new StagingWriter(db);
    for (const cell of validCells(counted(), catalogue, checked)) {
      const written = staging.add(cell);
      if (written !== null) await timer.wait('stage', written);
    }
    await timer.wait('stage', staging.flush());
  } else for (const r of counted()) void r;
  timer.lap('parse');
  issues.addAll(parsed.issues);
  issues.countMore(parsed.overflow?.errors ?? 0);
  if (!catalogue.orgExists) issues.add(unknownOrg(opts.fileName, opts.orgId));
  issues.merge(checked);
  // Across rows, after every row's own checks, as before: a cell given twice.
  if (catalogue.orgExists) await checkDuplicates(db, opts.fileName, issues, MAX_ERRORS);
  timer.lap('check');
  return { format: parsed.format, rowCount };
}

const NO_CHANGES: TouchedCells = { kpis: [], units: [], months: [], unitMonths: {} };

/**
 * Everything happens in one transaction, dry run or not: the staging and
 * plan tables are TEMP tables of its connection and vanish with it. An
 * import with errors, a dry run and one awaiting confirmation write nothing
 * else; only a commit inserts the batch.
 */
export async function importFile(db: Db, opts: ImportOptions): Promise<ImportResult> {
  const origin = opts.origin ?? 'reported';
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  return db.transaction(async (tx) => {
    const timer = phaseTimer(opts.phases);
    await startImportTransaction(tx);
    const issues = new IssueList();
    const { format, rowCount } = await readAndStage(tx, opts, issues, timer);
    const result = (over: Partial<ImportResult>): ImportResult => {
      const r: ImportResult = {
        ok: !issues.hasErrors,
        fileName: opts.fileName,
        errors: issues.finalErrors(opts.fileName),
        warnings: issues.finalWarnings(opts.fileName),
        summary: { new: 0, changed: 0, unchanged: 0, rows: rowCount },
        diff: [],
        diffTotal: 0,
        touched: NO_CHANGES,
        batchId: null,
        alreadyImported: false,
        needsConfirmation: false,
        dryRun: opts.dryRun,
        format,
        notice: '',
        ...over,
      };
      return { ...r, notice: noticeOf(r) };
    };
    if (issues.hasErrors) return result({});

    // Compared under the organisation's lock when committing, so what is written is what was compared.
    if (!opts.dryRun) await lockOrganisationImports(tx, opts.orgId);
    await createPlan(tx, opts.orgId, origin);
    const summary = await planSummary(tx);
    await planWarnings(tx, opts.fileName, issues);
    await changedValueWarnings(tx, opts.fileName, issues);
    await jumpWarnings(tx, opts.orgId, opts.fileName, issues);
    const shown = { summary, diff: await diffRows(tx, MAX_DIFF_ROWS), diffTotal: summary.rows };
    const alreadyImported = summary.new === 0 && summary.changed === 0 && (await importCommittedBefore(tx, opts.orgId, sha256));
    const unconfirmed = !alreadyImported && issues.warnings.length > 0 && !opts.confirmWarnings;
    timer.lap('plan');
    if (opts.dryRun) return result({ ...shown, alreadyImported, needsConfirmation: unconfirmed });
    if (alreadyImported) return result({ ...shown, alreadyImported: true });
    if (unconfirmed) return result({ ...shown, needsConfirmation: true });
    const batchId = await writeImportBatch(tx, { orgId: opts.orgId, fileName: opts.fileName, bytes: opts.bytes, sha256, format, origin, user: opts.user, summary });
    timer.lap('write');
    const done = result({ ...shown, touched: await touchedCells(tx), batchId });
    timer.lap('plan');
    await opts.onCommitted?.(tx, done);
    return done;
  });
}

/** What happened, in one Swedish sentence for CLI, API and dashboard alike. */
function noticeOf(r: ImportResult): string {
  const s = r.summary;
  const what = `${s.new} nya, ${s.changed} ändrade och ${s.unchanged} oförändrade värden`;
  if (!r.ok) return `Importen av ${r.fileName} avbröts: ${r.errors.length} fel. Inget har sparats.`;
  if (r.alreadyImported) return `Filen ${r.fileName} är redan importerad; inget ändras.`;
  if (r.dryRun) {
    const confirm = r.warnings.length > 0 ? ` ${r.warnings.length} varningar måste bekräftas innan importen sparas.` : '';
    return `Provkörning av ${r.fileName} (inget sparat): ${what}.${confirm}`;
  }
  if (r.needsConfirmation) return `Importen av ${r.fileName} har ${r.warnings.length} varningar och sparades inte. Läs varningarna och bekräfta för att spara.`;
  return `Importen av ${r.fileName} sparades som import ${r.batchId ?? ''}: ${what}.`;
}
