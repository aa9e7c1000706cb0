import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { batchCells, recordImportCommitted, recordImportRolledBack, type Database } from '@lagesbild/db';
import { importFile, rollbackBatch, RollbackError, type ImportIssue } from '@lagesbild/importer';
import { CliError, type CliIo } from '../io.js';

function printIssue(io: CliIo, i: ImportIssue): void {
  io.err(`${i.severity === 'error' ? 'FEL' : 'VARNING'}: ${i.message}`);
}

export async function importCommand(
  database: Database,
  io: CliIo,
  opts: { orgId: string; file: string | undefined; dryRun: boolean; user: string; cwd: string },
): Promise<void> {
  if (!opts.file) throw new CliError('Ange filen som ska importeras: pnpm lagesbild import <fil> [--dry-run]', 2);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(opts.cwd, opts.file));
  } catch (err) {
    throw new CliError(`Kan inte läsa filen "${opts.file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  const result = await importFile(database.db, {
    orgId: opts.orgId,
    fileName: basename(opts.file),
    bytes,
    dryRun: opts.dryRun,
    user: opts.user,
  });
  for (const i of result.errors) printIssue(io, i);
  for (const i of result.warnings) printIssue(io, i);
  const s = result.summary;
  if (!result.ok) {
    throw new CliError(`Importen avbröts: ${result.errors.length} fel i ${result.fileName}. Inget har sparats.`);
  }
  if (result.alreadyImported) {
    io.out(`Filen ${result.fileName} är redan importerad; inget ändras.`);
    return;
  }
  // Every open dashboard and wall screen refetches what this import changed (see packages/db/src/events).
  if (!result.dryRun) await recordImportCommitted(database.db, opts.orgId, result);
  const what = `${s.new} nya, ${s.changed} ändrade, ${s.unchanged} oförändrade av ${s.rows} rader`;
  io.out(result.dryRun ? `Provkörning (inget sparat): ${what}.` : `Importerad som batch ${result.batchId}: ${what}.`);
}

/** Undoes one committed import and tells every screen which cells changed back. */
export async function rollbackCommand(database: Database, io: CliIo, opts: { orgId: string; batch: string | undefined; user: string }): Promise<void> {
  const batchId = Number(opts.batch);
  if (!opts.batch || !Number.isInteger(batchId) || batchId <= 0) throw new CliError('Ange numret på importen som ska återställas: pnpm lagesbild rollback <batch>', 2);
  // Read before: after the rollback the batch no longer holds its cells.
  const cells = await batchCells(database.db, opts.orgId, batchId);
  try {
    const r = await rollbackBatch(database.db, opts.orgId, batchId, opts.user);
    await recordImportRolledBack(database.db, opts.orgId, batchId, cells);
    io.out(`Import ${r.batchId} återställd: ${r.restored} värden tillbaka till tidigare version, ${r.deleted} borttagna.`);
  } catch (err) {
    if (err instanceof RollbackError) throw new CliError(err.message);
    throw err;
  }
}
