import { parseArgs } from 'node:util';
import { NotFoundError, requireOrganisation } from '@lagesbild/api';
import { openDatabase } from '@lagesbild/db';
import { readServerEnv } from '../env.js';
import { demoLiveCommand } from './commands/demo-live.js';
import { generateCommand } from './commands/generate.js';
import { importCommand, rollbackCommand } from './commands/import.js';
import { kpisCommand } from './commands/kpis.js';
import { migrateCommand } from './commands/migrate.js';
import { orgCommand } from './commands/org.js';
import { queryCommand } from './commands/query.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';
import { unitsCommand } from './commands/units.js';
import { userCommand } from './commands/user.js';
import { CliError, processIo, type CliIo } from './io.js';

const HELP = `Lägesbild – kommandon (pnpm lagesbild <kommando>):
  migrate                         skapa/uppdatera databasens tabeller
  seed --demo                     läs in demodata för Katrineholm 2018–2022
  serve [--port N] [--demo]       starta servern (med --demo: demodata om databasen är tom)
  kpis [--json]                   lista KPI:erna
  units [--month ÅÅÅÅ-MM] [--json]  visa enhetsträdet som det var en viss månad
  import <fil> [--dry-run] [--yes] [--unit KOD] [--year ÅÅÅÅ] [--skip-missing]
        importera en lång CSV (kpi,unit,period,gender,value[,denominator]) eller en månadsrapport (CSV/XLSX);
        --dry-run visar ändringarna utan att spara, --yes sparar trots varningar, --unit KOD är enheten för
        rapportrader vars koppling saknar enhet, --year ÅÅÅÅ året för månadskolumner utan år,
        --skip-missing hoppar över "?" (uppgift saknas) med en varning
  rollback <batch>                återställ en import (batchnumret som import skrev ut)
  demo-live [--interval S] [--count N]  importera nästa månads syntetiska data var S:e sekund (live-demo)
  generate --orgs N --units U --kpis K --months M [--seed S]  skriv syntetiska organisationer gen-001… (skalningstester)
  user add|roles|link|disable|enable|list …  användare och roller (pnpm lagesbild user för hjälp)
  org list | org add <id> --name "Namn"  organisationer (tenants); pnpm lagesbild org för hjälp
  query --kpi ID --unit KOD --period P [--gender K|M|T] [--compare] [--suppress] [--json]
        P: ÅÅÅÅ-MM, ÅÅÅÅ-T1..T3, ÅÅÅÅ-D (delår), ÅÅÅÅ, ÅÅÅÅ-MM:ÅÅÅÅ-MM, ÅÅÅÅ-MM-YTD, ÅÅÅÅ-MM-R12
Organisation: --org <id> för units, import, rollback, demo-live, user och query (standard LAGESBILD_ORG, annars katrineholm).
Databas: PostgreSQL om DATABASE_URL är satt, annars inbäddad PGlite i LAGESBILD_DATA_DIR (standard .data/pglite).`;

const OPTIONS = {
  demo: { type: 'boolean' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean' },
  port: { type: 'string' },
  interval: { type: 'string' },
  count: { type: 'string' },
  month: { type: 'string' },
  kpi: { type: 'string' },
  unit: { type: 'string' },
  year: { type: 'string' },
  'skip-missing': { type: 'boolean' },
  period: { type: 'string' },
  gender: { type: 'string' },
  compare: { type: 'boolean' },
  suppress: { type: 'boolean' },
  role: { type: 'string', multiple: true },
  name: { type: 'string' },
  email: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  orgs: { type: 'string' },
  units: { type: 'string' },
  kpis: { type: 'string' },
  months: { type: 'string' },
  seed: { type: 'string' },
  org: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command || v.help || command === 'help') {
    io.out(HELP);
    return command || v.help ? 0 : 2;
  }
  const known = ['migrate', 'seed', 'serve', 'kpis', 'units', 'import', 'rollback', 'demo-live', 'query', 'user', 'generate', 'org'];
  if (!known.includes(command)) {
    io.err(`Okänt kommando "${command}".\n\n${HELP}`);
    return 2;
  }
  const serverEnv = readServerEnv(env);
  const database = await openDatabase(serverEnv);
  const orgId = (v.org ?? serverEnv.orgId).trim().toLowerCase();
  try {
    // These read or write one tenant: say so plainly when it does not exist, before any work.
    if (ORG_SCOPED.has(command)) await requireOrganisation(database.db, orgId);
    switch (command) {
      case 'migrate':
        await migrateCommand(database, io);
        break;
      case 'seed':
        await seedCommand(database, io, { demo: v.demo ?? false });
        break;
      case 'serve': {
        const port = v.port === undefined ? serverEnv.port : Number(v.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`Ogiltig port "${v.port}". Ange ett heltal 0–65535.`, 2);
        await serveCommand(database, io, { port, host: serverEnv.host, orgId, demo: v.demo ?? false, trustProxy: serverEnv.trustProxy });
        break;
      }
      case 'kpis':
        await kpisCommand(database, io, { json: v.json ?? false });
        break;
      case 'units':
        await unitsCommand(database, io, { orgId, month: v.month, json: v.json ?? false });
        break;
      case 'import':
        await importCommand(database, io, {
          orgId,
          file: rest[0],
          dryRun: v['dry-run'] ?? false,
          yes: v.yes ?? false,
          unit: v.unit,
          year: v.year,
          skipMissing: v['skip-missing'] ?? false,
          user: cliUser(env),
          // pnpm runs root scripts from the repository root; INIT_CWD is where the user typed the command.
          cwd: env.INIT_CWD ?? process.cwd(),
        });
        break;
      case 'rollback':
        await rollbackCommand(database, io, { orgId, batch: rest[0], user: cliUser(env) });
        break;
      case 'demo-live':
        await demoLiveCommand(database, io, { orgId, interval: v.interval, count: v.count, user: env.USER ?? 'demo-live' });
        break;
      case 'generate':
        await generateCommand(database, io, { orgs: v.orgs, units: v.units, kpis: v.kpis, months: v.months, seed: v.seed });
        break;
      case 'user':
        await userCommand(database, io, {
          orgId,
          args: rest,
          roles: v.role ?? [],
          name: v.name,
          email: v.email,
          password: v['password-stdin'] ? await readStdin() : null,
          json: v.json ?? false,
          baseUrl: `http://${serverEnv.host}:${serverEnv.port}`,
          actor: `cli:${env.USER ?? 'okänd'}`,
        });
        break;
      case 'org':
        await orgCommand(database, io, { args: rest, name: v.name, json: v.json ?? false, actor: cliUser(env) });
        break;
      case 'query':
        await queryCommand(database, io, { orgId, kpi: v.kpi, unit: v.unit, period: v.period, gender: v.gender, json: v.json ?? false, compare: v.compare ?? false, suppress: v.suppress ?? false });
        break;
    }
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.message);
      return err.exitCode;
    }
    if (err instanceof NotFoundError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  } finally {
    if (command !== 'serve') await database.close();
  }
}

/** Commands that act on one organisation (--org); serve takes it as the sign-in page's default. */
const ORG_SCOPED = new Set(['units', 'import', 'rollback', 'demo-live', 'user', 'query']);

/** Who is importing, named in the audit log and the batch as the user command names a CLI user. */
const cliUser = (env: NodeJS.ProcessEnv): string => `cli:${env.USER ?? 'okänd'}`;

/** The first line of stdin: a password piped in, never given as an argument. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
