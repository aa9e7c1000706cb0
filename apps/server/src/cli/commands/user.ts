import { parseArgs } from 'node:util';
import { createLoginLink, createUser, InputError, listUsers, NotFoundError, setDisabled, setRoles, type Actor, type RoleGrant } from '@lagesbild/api';
import { ROLES, type Database, type Role } from '@lagesbild/db';
import { cliCommand, ORG_ARG, positional, toggle, value } from '../command.js';
import { CliError, pad, type CliIo } from '../io.js';

interface UserOptions {
  orgId: string;
  args: string[];
  roles: string[];
  name: string | undefined;
  email: string | undefined;
  /** The password, read from stdin by the caller (never from an argument, which would land in shell history). */
  password: string | null;
  json: boolean;
  /** Where the dashboard is reached, for sign-in links. */
  baseUrl: string;
  actor: string;
}

const SUBCOMMANDS = `  pnpm lagesbild user add <användarnamn> --role ROLL[:ENHET] … [--name "Namn"] [--email E] [--password-stdin]
  pnpm lagesbild user roles <användarnamn> --role ROLL[:ENHET] …
  pnpm lagesbild user link <användarnamn>        skriv ut en engångslänk för inloggning (15 min)
  pnpm lagesbild user disable|enable <användarnamn>
  pnpm lagesbild user list [--json]
Roller: ${ROLES.join(', ')}; enhetschef kräver en enhet, t.ex. --role enhetschef:BU.`;
const USAGE = `Användning:\n${SUBCOMMANDS}`;

function parseGrant(raw: string): RoleGrant {
  const [role, unit] = raw.split(':');
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new CliError(`Okänd roll "${raw}". Välj bland: ${ROLES.join(', ')}.`, 2);
  if (role === 'enhetschef' && !unit) throw new CliError('En enhetschef behöver en enhet: --role enhetschef:KOD (se "pnpm lagesbild units").', 2);
  return { role: role as Role, unit: unit ?? null };
}

async function userCommand(database: Database, io: CliIo, o: UserOptions): Promise<void> {
  try {
    await run(database, io, o);
  } catch (err) {
    // The services' Swedish messages are the answer; no stack trace for a mistake the user can fix.
    if (err instanceof InputError || err instanceof NotFoundError) throw new CliError(err.message);
    throw err;
  }
}

async function run(database: Database, io: CliIo, o: UserOptions): Promise<void> {
  const [sub, username] = o.args;
  const db = database.db;
  await database.migrate();
  const find = async () => {
    const u = (await listUsers(db, o.orgId)).find((x) => x.username === username?.toLowerCase());
    if (!u) throw new CliError(`Användaren "${username ?? ''}" finns inte. Se "pnpm lagesbild user list".`);
    return u;
  };
  // The services write the audit entries, marked as made from the CLI.
  const actor: Actor = { id: o.actor, ip: null, via: 'cli' };
  switch (sub) {
    case 'add': {
      if (!username) throw new CliError(USAGE, 2);
      if (o.roles.length === 0) throw new CliError(`Ange minst en roll med --role.\n\n${USAGE}`, 2);
      const u = await createUser(db, o.orgId, { username, displayName: o.name ?? username, email: o.email ?? null, password: o.password, roles: o.roles.map(parseGrant) }, actor);
      io.out(`Användaren ${u.username} skapad med rollerna ${u.roles.map((r) => (r.unit ? `${r.role}:${r.unit}` : r.role)).join(', ')}.`);
      if (!u.hasPassword) io.out(`Inget lösenord satt. Engångslänk för inloggning (15 min): ${o.baseUrl}/auth/open?token=${await createLoginLink(db, o.orgId, u.id, actor)}`);
      return;
    }
    case 'roles': {
      const u = await find();
      if (o.roles.length === 0) throw new CliError(`Ange rollerna med --role.\n\n${USAGE}`, 2);
      const changed = await setRoles(db, o.orgId, u.id, o.roles.map(parseGrant), actor);
      io.out(`${u.username}: ${changed.roles.map((r) => (r.unit ? `${r.role}:${r.unit}` : r.role)).join(', ')}`);
      return;
    }
    case 'link': {
      const u = await find();
      io.out(`${o.baseUrl}/auth/open?token=${await createLoginLink(db, o.orgId, u.id, actor)}`);
      return;
    }
    case 'disable':
    case 'enable': {
      const u = await find();
      await setDisabled(db, o.orgId, u.id, sub === 'disable', actor);
      io.out(`${u.username} är ${sub === 'disable' ? 'avstängd (alla sessioner avslutade)' : 'aktiv igen'}.`);
      return;
    }
    case 'list': {
      const users = await listUsers(db, o.orgId);
      if (o.json) return io.out(JSON.stringify(users));
      if (users.length === 0) return io.out('Inga användare ännu. Skapa den första med "pnpm lagesbild user add <namn> --role admin --password-stdin".');
      for (const u of users) {
        const roles = u.roles.map((r) => (r.unit ? `${r.role}:${r.unit}` : r.role)).join(', ') || '(ingen roll)';
        io.out(`${pad(u.username, 20)} ${pad(u.displayName, 28)} ${roles}${u.disabled ? ' [avstängd]' : ''}${u.locked ? ' [låst]' : ''}`);
      }
      return;
    }
    default:
      throw new CliError(USAGE, 2);
  }
}

/** Every --role given: citty keeps only the last value of a repeated flag. */
function allRoles(rawArgs: string[]): string[] {
  const { values } = parseArgs({ args: rawArgs, options: { role: { type: 'string', multiple: true } }, strict: false, allowPositionals: true });
  return (values.role ?? []).filter((r): r is string => typeof r === 'string');
}

/** The first line of stdin: a password piped in, never given as an argument. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export const userCli = cliCommand({
  name: 'user',
  description: `användare och roller
${SUBCOMMANDS}`,
  args: {
    sub: positional('<add|roles|link|disable|enable|list>', 'vad som ska göras'),
    username: positional('[användarnamn]', 'användaren (alla utom list)'),
    role: value('ROLL[:ENHET]', 'en roll; ange --role en gång per roll (add, roles)'),
    name: value('NAMN', 'visningsnamnet (add)'),
    email: value('E', 'e-postadressen (add)'),
    'password-stdin': toggle('läs lösenordet från första raden på stdin (add); annars en engångslänk'),
    json: toggle('skriv ut som JSON (list)'),
    ...ORG_ARG,
  },
  org: 'scoped',
  run: async (args, c) => {
    const { env, serverEnv } = c;
    await userCommand(c.database, c.io, {
      orgId: c.orgId,
      args: [args.sub, args.username].filter((a): a is string => a !== undefined),
      roles: allRoles(c.rawArgs),
      name: args.name,
      email: args.email,
      password: args['password-stdin'] ? await readStdin() : null,
      json: args.json,
      baseUrl: `http://${serverEnv.host}:${serverEnv.port}`,
      actor: `cli:${env.USER ?? 'okänd'}`,
    });
  },
});
