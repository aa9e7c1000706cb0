import type { Database } from '@lagesbild/db';
import { cliCommand } from '../command.js';
import type { CliIo } from '../io.js';

async function migrateCommand(database: Database, io: CliIo): Promise<void> {
  await database.migrate();
  io.out(`Databasen är uppdaterad (${database.kind}: ${database.location}).`);
}

export const migrateCli = cliCommand({
  name: 'migrate',
  description: 'skapa/uppdatera databasens tabeller',
  args: {},
  run: (_args, c) => migrateCommand(c.database, c.io),
});
