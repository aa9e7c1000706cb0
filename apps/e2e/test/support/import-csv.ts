import { recordImportCommitted, type Db } from '@lagesbild/db';
import { importFile } from '@lagesbild/importer';

/** A real import (validation, diff, one transaction) and its live event, as the CLI does it. */
export async function importCsvInto(db: Db, orgId: string, fileName: string, csv: string) {
  const result = await importFile(db, {
    orgId,
    fileName,
    bytes: new TextEncoder().encode(csv),
    dryRun: false,
    user: 'e2e',
    currentMonth: new Date().toISOString().slice(0, 7),
    confirmWarnings: true,
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  await recordImportCommitted(db, orgId, result);
  return result;
}
