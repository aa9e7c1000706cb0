import { listKpis, type Database } from '@lagesbild/db';
import { seedDemo } from '@lagesbild/db';
import { createLoginLink, createUser, listUsers } from '@lagesbild/api';
import { startServer } from '../../http/server.js';
import { cliCommand, ORG_ARG, toggle, value } from '../command.js';
import { CliError, type CliIo } from '../io.js';

async function serveCommand(
  database: Database,
  io: CliIo,
  opts: { port: number; host: string; orgId: string; demo: boolean; trustProxy: boolean; sessionPurgeMs?: number; koladaRefreshMs?: number; koladaUrl?: string | undefined },
): Promise<void> {
  await database.migrate();
  // --demo: a first start on an empty database gets the demo data, so the dashboard has something to show.
  if (opts.demo && (await listKpis(database.db)).length === 0) {
    io.out('Tom databas: läser in demodata för Katrineholm …');
    await seedDemo(database.db);
  }
  // The last line, not the fix: every request's errors are answered by the server's one handler
  // (http/errors.ts). Should anything still escape, it is logged and the server goes on serving.
  process.on('uncaughtException', (err) => io.err(`Oväntat fel utanför en begäran (uncaughtException): ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => io.err(`Oväntat fel utanför en begäran (unhandledRejection): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  // Only now, migrated and seeded: CLI commands run beside the server go through it (the embedded database's owner).
  const socket = await database.share?.();
  const running = await startServer({
    database,
    orgId: opts.orgId,
    port: opts.port,
    host: opts.host,
    trustProxy: opts.trustProxy,
    sessionPurgeMs: opts.sessionPurgeMs,
    koladaRefreshMs: opts.koladaRefreshMs,
    koladaUrl: opts.koladaUrl,
    log: io.err,
  });
  io.out(`Lägesbild körs på ${running.url} (databas: ${database.kind}, ${database.location}). Avsluta med Ctrl+C.`);
  if (socket) io.out(`CLI-kommandon (pnpm lagesbild …) på samma databas går via servern medan den kör (${socket}).`);
  if (opts.demo) {
    // No default password: the demo admin signs in through a one-time link printed here, new at every start.
    const id = await ensureDemoAdmin(database, opts.orgId);
    io.out(`Logga in som demo-administratör (engångslänk, 15 min): ${running.url}/auth/open?token=${await createLoginLink(database.db, opts.orgId, id, SERVER)}`);
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

/** What the audit log calls the demo server's own writes (the demo admin and her sign-in link). */
const SERVER = { id: 'system', ip: null };

/** The demo's administrator, without a password. */
async function ensureDemoAdmin(database: Database, orgId: string): Promise<number> {
  const existing = (await listUsers(database.db, orgId)).find((u) => u.username === 'demo');
  if (existing) return existing.id;
  const u = await createUser(database.db, orgId, { username: 'demo', displayName: 'Demo-administratör', password: null, roles: [{ role: 'admin' }] }, SERVER);
  return u.id;
}

export const serveCli = cliCommand({
  name: 'serve',
  description: 'starta servern (med --demo: demodata om databasen är tom)',
  args: {
    port: value('N', 'porten (standard PORT, annars 3000; 0 väljer en ledig)'),
    demo: toggle('demodata om databasen är tom, och en engångslänk för demo-administratören'),
    ...ORG_ARG,
  },
  run: async (args, c) => {
    const { serverEnv } = c;
    const port = args.port === undefined ? serverEnv.port : Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`Ogiltig port "${args.port}". Ange ett heltal 0–65535.`, 2);
    await serveCommand(c.database, c.io, {
      port,
      host: serverEnv.host,
      orgId: c.orgId,
      demo: args.demo,
      trustProxy: serverEnv.trustProxy,
      sessionPurgeMs: serverEnv.sessionPurgeMs,
      // The demo's Kolada figures are the report's, under the demo's own ids: nothing to fetch.
      koladaRefreshMs: args.demo ? 0 : serverEnv.koladaRefreshMs,
      koladaUrl: serverEnv.koladaUrl,
    });
  },
});
