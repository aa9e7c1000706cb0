import { listKpis, type Database } from '@lagesbild/db';
import { seedDemo } from '@lagesbild/db';
import { createLoginLink, createUser, listUsers } from '@lagesbild/api';
import { startServer } from '../../http/server.js';
import type { CliIo } from '../io.js';

export async function serveCommand(
  database: Database,
  io: CliIo,
  opts: { port: number; host: string; orgId: string; demo: boolean; trustProxy: boolean },
): Promise<void> {
  await database.migrate();
  // --demo: a first start on an empty database gets the demo data, so the dashboard has something to show.
  if (opts.demo && (await listKpis(database.db)).length === 0) {
    io.out('Tom databas: läser in demodata för Katrineholm …');
    await seedDemo(database.db);
  }
  const running = await startServer({ database, orgId: opts.orgId, port: opts.port, host: opts.host, trustProxy: opts.trustProxy });
  io.out(`Lägesbild körs på ${running.url} (databas: ${database.kind}, ${database.location}). Avsluta med Ctrl+C.`);
  if (opts.demo) {
    // No default password: the demo admin signs in through a one-time link printed here, new at every start.
    const id = await ensureDemoAdmin(database, opts.orgId);
    io.out(`Logga in som demo-administratör (engångslänk, 15 min): ${running.url}/auth/open?token=${await createLoginLink(database.db, id, new Date())}`);
  }
  const stop = async () => {
    await running.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await new Promise(() => {});
}

/** The demo's administrator, without a password. */
async function ensureDemoAdmin(database: Database, orgId: string): Promise<number> {
  const existing = (await listUsers(database.db, orgId)).find((u) => u.username === 'demo');
  if (existing) return existing.id;
  const u = await createUser(database.db, orgId, { username: 'demo', displayName: 'Demo-administratör', password: null, roles: [{ role: 'admin' }] });
  return u.id;
}
