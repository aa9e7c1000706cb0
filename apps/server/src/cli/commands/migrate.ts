import type { Database } from '@lagesbild/db';
import type { CliIo } from '../io.js';

export async function migrateCommand(database: Database, io: CliIo): Promise<void> {
  await database.migrate();
  io.out(`Databasen är uppdaterad (${database.kind}: ${database.location}).`);
}
