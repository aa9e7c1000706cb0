import { listUnitTree, loadEngineContext } from '@lagesbild/api';
import { latestDataMonth, type Database } from '@lagesbild/db';
import { isMonth } from '@lagesbild/domain';
import { cliCommand, ORG_ARG, toggle, value } from '../command.js';
import { CliError, pad, type CliIo } from '../io.js';

async function unitsCommand(database: Database, io: CliIo, opts: { orgId: string; month: string | undefined; json: boolean }): Promise<void> {
  // Default: the tree as it is in the latest month with data.
  const month = opts.month ?? (await latestDataMonth(database.db, opts.orgId));
  if (month === null) {
    io.out(
      `Organisationen "${opts.orgId}" har inga data ännu. Importera en fil med "pnpm lagesbild import", kör "pnpm lagesbild seed --demo" för demodata, eller ange --month ÅÅÅÅ-MM.`,
    );
    return;
  }
  if (!isMonth(month)) throw new CliError(`Ogiltig månad "${String(month)}". Skriv den som ÅÅÅÅ-MM, t.ex. 2020-06.`, 2);
  const ctx = await loadEngineContext(database.db, opts.orgId);
  const items = listUnitTree(ctx, month, { kind: 'all' });
  if (opts.json) {
    io.out(JSON.stringify({ month, units: items }, null, 2));
    return;
  }
  if (items.length === 0) {
    io.out(`Inga enheter fanns ${month}. Kör "pnpm lagesbild seed --demo" eller välj en annan månad.`);
    return;
  }
  io.out(`Enhetsträdet ${month}:`);
  for (const u of items) io.out(`${'  '.repeat(u.depth)}${pad(u.code, 14 - 2 * u.depth)} ${u.name}`);
}

export const unitsCli = cliCommand({
  name: 'units',
  description: 'visa enhetsträdet som det var en viss månad',
  args: {
    month: value('ÅÅÅÅ-MM', 'månaden (standard: senaste månaden med data)'),
    json: toggle('skriv ut som JSON'),
    ...ORG_ARG,
  },
  org: 'scoped',
  run: (args, c) => unitsCommand(c.database, c.io, { orgId: c.orgId, month: args.month, json: args.json }),
});
