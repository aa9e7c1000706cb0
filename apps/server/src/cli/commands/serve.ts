import { listKpis, type Database } from '@lagesbild/db';
import { seedDemo } from '@lagesbild/db';
import { startServer } from '../../http/server.js';
import type { CliIo } from '../io.js';

export async function serveCommand(
  database: Database,
  io: CliIo,
  opts: { port: number; host: string; orgId: string; demo: boolean },
): Promise<void> {
  await database.migrate();
  // --demo: a first start on an empty database gets the demo data, so the dashboard has something to show.
  if (opts.demo && (await listKpis(database.db)).length === 0) {
    io.out('Tom databas: läser in demodata för Katrineholm …');
    await seedDemo(database.db);
  }
  const running = await startServer({ database, orgId: opts.orgId, port: opts.port, host: opts.host });
  io.out(`Lägesbild körs på ${running.url} (databas: ${database.kind}, ${database.location}). Avsluta med Ctrl+C.`);
  const stop = async () => {
    await running.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await new Promise(() => {});
}
