/**
 * Import through the API: the same importer as the CLI (preview = dry run,
 * commit, rollback), the list of earlier batches, and the editable mapping of
 * report rows to KPIs. Audit entries and live events are written in the
 * import's own transaction.
 */
import {
  deleteImportMapping,
  findKpiRow,
  findUnitId,
  listImportBatches,
  listImportMappings,
  recordImportCommitted,
  recordImportRolledBack,
  refreshRollupsAfter,
  upsertImportMapping,
  type Db,
} from '@lagesbild/db';
import {
  importFile,
  MAX_DIFF_ROWS,
  rollbackBatch,
  rollbackPlan,
  RollbackError,
  type ImportResult,
  type LabelMapping,
  type RollbackPlan,
  type RollbackResult,
} from '@lagesbild/importer';
import { monthOfDate, type Month } from '@lagesbild/domain';
import { auditAs, type Actor } from '../access/audit.js';
import { InputError, NotFoundError } from '../errors.js';

/** A preview shows this many diff rows (the importer returns no more); the summary and diffTotal count them all. */
export { MAX_DIFF_ROWS };

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  year?: number | undefined;
  unitCode?: string | undefined;
  skipMissingMarks?: boolean | undefined;
  confirmWarnings?: boolean | undefined;
  /** Synthetic demo data (demo-live) is marked so, never passed off as reported figures. */
  origin?: 'reported' | 'synthetic' | undefined;
  /** The month it is now; default from the clock, in Swedish time. Later months are refused. */
  currentMonth?: Month | undefined;
}

export type ImportAnswer = ImportResult;

const answer = (r: ImportResult): ImportAnswer => ({ ...r, diff: r.diff.slice(0, MAX_DIFF_ROWS) });

const options = (orgId: string, req: ImportRequest, actor: Actor, dryRun: boolean) => ({
  orgId,
  fileName: req.fileName,
  bytes: req.bytes,
  dryRun,
  user: actor.id,
  year: req.year ?? null,
  unitCode: req.unitCode ?? null,
  skipMissingMarks: req.skipMissingMarks ?? false,
  confirmWarnings: req.confirmWarnings ?? false,
  origin: req.origin ?? 'reported',
  // The clock is read here, at the edge, and passed in: the importer never reads it.
  currentMonth: req.currentMonth ?? monthOfDate(new Date()),
});

/** The dry run: what the import would do, with every error and warning; writes nothing. */
export async function previewImport(db: Db, orgId: string, req: ImportRequest, actor: Actor): Promise<ImportAnswer> {
  return answer(await importFile(db, options(orgId, req, actor, true)));
}

/** Commits the file (or nothing); with its audit entry and one live event naming what changed. */
export async function commitImport(db: Db, orgId: string, req: ImportRequest, actor: Actor): Promise<ImportAnswer> {
  const result = await importFile(db, {
    ...options(orgId, req, actor, false),
    onCommitted: async (tx, r) => {
      const s = r.summary;
      await auditAs(tx, actor, { orgId, action: 'import.committed', target: `batch:${r.batchId ?? ''}`, detail: { fileName: r.fileName, format: r.format, ...s } });
      if (r.batchId !== null) await refreshRollupsAfter(tx, orgId, { batchId: r.batchId, kind: 'committed' }, rollupScope(r.touched.kpis, r.touched.months));
      await recordImportCommitted(tx, orgId, r);
    },
  });
  return answer(result);
}

/**
 * The part of the roll-ups a change touched. Called even when nothing changed: the refresh also
 * records the new batch, so the dashboards keep reading roll-ups instead of falling back to raw cells.
 */
function rollupScope(kpiIds: readonly string[], months: readonly string[]) {
  const sorted = [...months].sort();
  return { kpiIds, start: sorted[0], end: sorted[sorted.length - 1] };
}

/** The importer's refusal is already in Swedish and says what to do. */
async function asInputError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof RollbackError) throw new InputError(err.message, { cause: err });
    throw err;
  }
}

/** What a rollback would change (values, KPIs, months), for the confirmation it needs; writes nothing. */
export async function previewRollback(db: Db, orgId: string, batchId: number): Promise<RollbackPlan> {
  return asInputError(() => rollbackPlan(db, orgId, batchId));
}

/** Undoes a batch; only with `confirmed`, after the user has seen previewRollback's plan. */
export async function rollbackImport(db: Db, orgId: string, batchId: number, actor: Actor, confirmed: boolean): Promise<RollbackResult> {
  if (!confirmed) {
    throw new InputError(`Återställningen av import ${batchId} är inte bekräftad; inget har ändrats. Se först vad den ändrar och bekräfta sedan.`);
  }
  return asInputError(() =>
    rollbackBatch(db, orgId, batchId, actor.id, async (tx, r, cells) => {
      await auditAs(tx, actor, { orgId, action: 'import.rolled_back', target: `batch:${batchId}`, detail: { restored: r.restored, deleted: r.deleted } });
      await refreshRollupsAfter(
        tx,
        orgId,
        { batchId, kind: 'rolled_back' },
        rollupScope(
          [...new Set(cells.map((c) => c.kpi))],
          cells.map((c) => c.month),
        ),
      );
      await recordImportRolledBack(tx, orgId, batchId, cells);
    }),
  );
}

export interface BatchView {
  id: number;
  fileName: string;
  format: string;
  status: 'committed' | 'rolled_back';
  origin: 'reported' | 'synthetic';
  rowCount: number;
  summary: Record<string, unknown> | null;
  createdBy: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** Earlier imports, newest first: who imported what, when, and whether it was rolled back. The raw file stays in the database. */
export async function listBatches(db: Db, orgId: string, limit: number): Promise<BatchView[]> {
  const rows = await listImportBatches(db, orgId, limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export interface MappingView extends LabelMapping {
  id: number;
  updatedBy: string;
  updatedAt: string;
}

export async function listMappings(db: Db, orgId: string): Promise<MappingView[]> {
  const rows = await listImportMappings(db, orgId);
  // All of a row but its tenant, which the caller is.
  return rows.map(({ orgId: _orgId, ...r }) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** Labels as the importer compares them: one space between words, none at the ends. */
const tidy = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Checks a mapping against the catalogue and the unit codes, so a bad one fails here and not at the next import. */
async function checkMapping(db: Db, orgId: string, m: LabelMapping): Promise<void> {
  if (tidy(m.label) === '') throw new InputError('Radens rubrik saknas.');
  if (m.unitCode !== null) {
    const unitId = await findUnitId(db, orgId, m.unitCode);
    if (unitId === null) throw new InputError(`Enheten "${m.unitCode}" finns inte. Ange en enhetskod, eller ingen för enheten som anges vid importen.`);
  }
  if (m.kpiId === null) {
    if (m.gender !== 'T' || m.ageBand !== '') throw new InputError('En rad som hoppas över har inget kön eller åldersgrupp.');
    return;
  }
  const k = await findKpiRow(db, m.kpiId);
  if (!k) throw new InputError(`Nyckeltalet "${m.kpiId}" finns inte.`);
  // A ratio KPI may be mapped: such a row is checked against its parts in the same file, never stored.
  if (m.gender !== 'T' && !k.genderSplit) throw new InputError(`Nyckeltalet "${m.kpiId}" är inte könsuppdelat; använd kön T.`);
  if (m.ageBand !== '' && !k.ageBands.includes(m.ageBand)) {
    throw new InputError(`Åldersgruppen "${m.ageBand}" finns inte för "${m.kpiId}"${k.ageBands.length ? ` (${k.ageBands.join(', ')})` : ''}.`);
  }
}

/** Adds a mapping, or changes the one for the same section, parent and label. Audited. */
export async function saveMapping(db: Db, orgId: string, input: LabelMapping, actor: Actor): Promise<MappingView> {
  const m: LabelMapping = { ...input, section: tidy(input.section), parentLabel: tidy(input.parentLabel), label: tidy(input.label) };
  await checkMapping(db, orgId, m);
  return db.transaction(async (tx) => {
    const values = { ...m, orgId, updatedBy: actor.id, updatedAt: new Date() };
    const row = await upsertImportMapping(tx, values);
    await auditAs(tx, actor, { orgId, action: 'mapping.changed', target: `mapping:${row.id}`, detail: { ...m } });
    return { ...m, id: row.id, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
  });
}

export async function deleteMapping(db: Db, orgId: string, id: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await deleteImportMapping(tx, orgId, id);
    if (!row) throw new NotFoundError(`Kopplingen ${id} finns inte.`);
    await auditAs(tx, actor, {
      orgId,
      action: 'mapping.changed',
      target: `mapping:${id}`,
      detail: { deleted: { section: row.section, parentLabel: row.parentLabel, label: row.label } },
    });
  });
}
