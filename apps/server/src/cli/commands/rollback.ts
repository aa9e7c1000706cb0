/**
 * `rollback` through the API's import service, the same code as
 * import.rollback over tRPC: the audit entry and the live event are written
 * inside the rollback's own transaction.
 */
import { InputError, previewRollback, rollbackImport } from '@lagesbild/api';
import type { Database } from '@lagesbild/db';
import type { RollbackPlan } from '@lagesbild/importer';
import { cliCommand, cliUser, ORG_ARG, positional, toggle } from '../command.js';
import { CliError, type CliIo } from '../io.js';
import { show } from './import.js';

function planText(p: RollbackPlan): string {
  const span = p.firstMonth === null ? '' : p.firstMonth === p.lastMonth ? `, ${p.firstMonth}` : `, ${p.months} månader ${p.firstMonth}–${p.lastMonth}`;
  return `Import ${p.batchId} (${p.fileName}) återställs: ${show(p.values)} värden i ${p.kpis.length} nyckeltal${span}; ${show(p.restored)} får tillbaka sitt tidigare värde och ${show(p.deleted)} tas bort.`;
}

const YES = /^(ja|j|yes|y)$/i;

/**
 * Undoes one committed import after showing what it changes; the service tells every screen which cells
 * changed back. Needs --yes, or a "ja" at the terminal; a run nobody can answer is refused.
 */
async function rollbackCommand(database: Database, io: CliIo, opts: { orgId: string; batch: string | undefined; user: string; yes?: boolean }): Promise<void> {
  const batchId = Number(opts.batch);
  if (!opts.batch || !Number.isInteger(batchId) || batchId <= 0) throw new CliError('Ange numret på importen som ska återställas: pnpm lagesbild rollback <batch> [--yes]', 2);
  try {
    io.out(planText(await previewRollback(database.db, opts.orgId, batchId)));
    if (!opts.yes) {
      const ask = io.ask;
      if (ask === undefined)
        throw new CliError(
          `Återställningen måste bekräftas, och här finns ingen terminal att svara i. Inget har ändrats. Kör igen med --yes: pnpm lagesbild rollback ${batchId} --yes`,
        );
      const answer = await ask('Återställ? Skriv ja för att fortsätta: ');
      if (!YES.test(answer.trim())) throw new CliError('Inget har återställts (svaret var inte ja).');
    }
    const r = await rollbackImport(database.db, opts.orgId, batchId, { id: opts.user, ip: null }, true);
    io.out(`Import ${r.batchId} återställd: ${r.restored} värden tillbaka till tidigare version, ${r.deleted} borttagna.`);
  } catch (err) {
    if (err instanceof InputError) throw new CliError(err.message);
    throw err;
  }
}

export const rollbackCli = cliCommand({
  name: 'rollback',
  description: `återställ en import (batchnumret som import skrev ut)
Visar vad som ändras och frågar först; --yes bekräftar utan fråga (krävs när ingen terminal kan svara).`,
  args: {
    batch: positional('<batch>', 'importens batchnummer'),
    yes: toggle('bekräfta utan fråga'),
    ...ORG_ARG,
  },
  org: 'scoped',
  run: (args, c) => rollbackCommand(c.database, c.io, { orgId: c.orgId, batch: args.batch, user: cliUser(c.env), yes: args.yes }),
});
