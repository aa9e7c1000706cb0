import { openDatabase, type Database } from '@lagesbild/db';
import { runCommand } from 'citty';
import { processEnv, readServerEnv } from '../env.js';
import { CliRun, type CliCommand } from './command.js';
import { demoLiveCli } from './commands/demo-live.js';
import { generateCli } from './commands/generate.js';
import { importCli } from './commands/import.js';
import { koladaCli } from './commands/kolada.js';
import { kpisCli } from './commands/kpis.js';
import { migrateCli } from './commands/migrate.js';
import { orgCli } from './commands/org.js';
import { queryCli } from './commands/query.js';
import { rollbackCli } from './commands/rollback.js';
import { seedCli } from './commands/seed.js';
import { serveCli } from './commands/serve.js';
import { unitsCli } from './commands/units.js';
import { userCli } from './commands/user.js';
import { reportError } from './errors.js';
import { processIo, type CliIo } from './io.js';
import { argumentProblem, overview, usage, wantsHelp } from './usage.js';

/** The one list of commands: the overview, the dispatch and each --help come from it. */
export const COMMANDS: CliCommand[] = [migrateCli, seedCli, serveCli, kpisCli, unitsCli, importCli, rollbackCli, demoLiveCli, generateCli, userCli, orgCli, queryCli, koladaCli];

export async function runCli(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = processEnv()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || wantsHelp([name])) {
    const about = COMMANDS.find((c) => c.meta.name === args[0]);
    io.out(about ? usage(about) : overview(COMMANDS));
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS.find((c) => c.meta.name === name);
  if (!cmd) {
    io.err(`${name.startsWith('-') ? `Ange kommandot först, före flaggan "${name}".` : `Okänt kommando "${name}".`}\n\n${overview(COMMANDS)}`);
    return 2;
  }
  if (wantsHelp(args)) {
    io.out(usage(cmd));
    return 0;
  }
  const problem = argumentProblem(cmd, args);
  if (problem) {
    io.err(`${problem}\n\n${usage(cmd)}`);
    return 2;
  }
  let database: Database | null = null;
  try {
    const serverEnv = readServerEnv(env);
    // The embedded database has one owner process: serve owns it; the others go through a running server or wait (stderr says which).
    database = await openDatabase(serverEnv, { serve: name === 'serve', command: name, onNotice: (m) => io.err(m) });
    await runCommand(cmd, { rawArgs: args, data: new CliRun(database, io, env, serverEnv) });
    return 0;
  } catch (err) {
    return reportError(err, io);
  } finally {
    // Reached by serve only when it failed: a serving server never returns.
    await database?.close();
  }
}
