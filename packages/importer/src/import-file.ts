/**
 * The one entry point: parse (format-specific) → validate against the
 * catalogue → diff against stored → commit, in one transaction, or nothing.
 */
import { createHash } from 'node:crypto';
import { importBatches, type Db } from '@lagesbild/db';
import { and, eq } from 'drizzle-orm';
import { loadCatalogue } from './catalogue.js';
import { writeBatch } from './commit.js';
import { diffCells, loadStored, type DiffRow, type DiffSummary, type Origin } from './diff.js';
import { IssueList, type ImportIssue } from './errors.js';
import { lockOrganisation } from './lock.js';
import { longCsvParser } from './long-csv.js';
import type { FormatParser } from './source-row.js';
import { validateRows, type ValidRow } from './validate.js';
import { unknownOrg } from './validate-messages.js';

export interface ImportOptions {
  orgId: string;
  fileName: string;
  bytes: Uint8Array;
  /** Validate and diff only; write nothing. */
  dryRun: boolean;
  user: string;
  /** reported (default): the organisation's own figures; synthetic: generated demo data. */
  origin?: Origin;
}

export interface ImportResult {
  /** False when there is any error; then nothing was written. */
  ok: boolean;
  fileName: string;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  summary: DiffSummary;
  diff: DiffRow[];
  /** Set when committed. */
  batchId: number | null;
  /** The same bytes (sha256) were committed before and nothing would change. */
  alreadyImported: boolean;
  dryRun: boolean;
}

/** Only the long CSV format today; the wide monthly reports will be chosen here by their content. */
function pickParser(_fileName: string, _bytes: Uint8Array): FormatParser {
  return longCsvParser;
}

async function committedBefore(db: Db, orgId: string, sha256: string): Promise<boolean> {
  const rows = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.orgId, orgId), eq(importBatches.sha256, sha256), eq(importBatches.status, 'committed')))
    .limit(1);
  return rows.length > 0;
}

export async function importFile(db: Db, opts: ImportOptions): Promise<ImportResult> {
  const origin = opts.origin ?? 'reported';
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  const issues = new IssueList();
  const parser = pickParser(opts.fileName, opts.bytes);
  const parsed = parser.parse(opts.fileName, opts.bytes);
  issues.addAll(parsed.issues);

  const catalogue = await loadCatalogue(db, opts.orgId);
  let cells: ValidRow[] = [];
  if (!catalogue.orgExists) issues.add(unknownOrg(opts.fileName, opts.orgId));
  else cells = validateRows(parsed.rows, catalogue, issues);

  const result = (over: Partial<ImportResult>): ImportResult => ({
    ok: !issues.hasErrors,
    fileName: opts.fileName,
    errors: issues.finalErrors(opts.fileName),
    warnings: issues.warnings,
    summary: { new: 0, changed: 0, unchanged: 0, rows: parsed.rows.length },
    diff: [],
    batchId: null,
    alreadyImported: false,
    dryRun: opts.dryRun,
    ...over,
  });
  if (issues.hasErrors) return result({});

  const plan = async (q: Db) => {
    const d = diffCells(cells, await loadStored(q, opts.orgId, cells), origin, issues);
    const nothingChanges = d.summary.new === 0 && d.summary.changed === 0;
    return { ...d, alreadyImported: nothingChanges && (await committedBefore(q, opts.orgId, sha256)) };
  };

  if (opts.dryRun) {
    const d = await plan(db);
    return result({ summary: d.summary, diff: d.diff, alreadyImported: d.alreadyImported });
  }

  // Diff again inside the transaction, under the organisation's lock, so what is written is what was compared.
  return db.transaction(async (tx) => {
    await lockOrganisation(tx, opts.orgId);
    const d = await plan(tx);
    if (d.alreadyImported) return result({ summary: d.summary, diff: d.diff, alreadyImported: true });
    const batchId = await writeBatch(tx, {
      orgId: opts.orgId,
      fileName: opts.fileName,
      bytes: opts.bytes,
      sha256,
      format: parsed.format,
      origin,
      user: opts.user,
      plan: d.plan,
      summary: d.summary,
    });
    return result({ summary: d.summary, diff: d.diff, batchId });
  });
}
