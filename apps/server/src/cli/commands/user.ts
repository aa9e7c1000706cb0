import { createLoginLink, createUser, InputError, listUsers, NotFoundError, recordAudit, setDisabled, setRoles, type RoleGrant } from '@lagesbild/api';
import { ROLES, type Database, type Role } from '@lagesbild/db';
import { CliError, pad, type CliIo } from '../io.js';

export interface UserOptions {
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

const USAGE = `Användning:
  pnpm lagesbild user add <användarnamn> --role ROLL[:ENHET] … [--name "Namn"] [--email E] [--password-stdin]
  pnpm lagesbild user roles <användarnamn> --role ROLL[:ENHET] …
  pnpm lagesbild user link <användarnamn>        skriv ut en engångslänk för inloggning (15 min)
  pnpm lagesbild user disable|enable <användarnamn>
  pnpm lagesbild user list [--json]
Roller: ${ROLES.join(', ')}; enhetschef kräver en enhet, t.ex. --role enhetschef:BU.`;

export function parseGrant(raw: string): RoleGrant {
  const [role, unit] = raw.split(':');
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new CliError(`Okänd roll "${raw}". Välj bland: ${ROLES.join(', ')}.`, 2);
  if (role === 'enhetschef' && !unit) throw new CliError('En enhetschef behöver en enhet: --role enhetschef:KOD (se "pnpm lagesbild units").', 2);
  return { role: role as Role, unit: unit ?? null };
}

export async function userCommand(database: Database, io: CliIo, o: UserOptions): Promise<void> {
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
  const audit = (action: Parameters<typeof recordAudit>[1]['action'], target: string, detail?: Record<string, unknown>) =>
    recordAudit(db, { orgId: o.orgId, actor: o.actor, action, target, detail: detail ?? null });
  switch (sub) {
    case 'add': {
      if (!username) throw new CliError(USAGE, 2);
      if (o.roles.length === 0) throw new CliError(`Ange minst en roll med --role.\n\n${USAGE}`, 2);
      const u = await createUser(db, o.orgId, { username, displayName: o.name ?? username, email: o.email ?? null, password: o.password, roles: o.roles.map(parseGrant) });
      await audit('user.created', `user:${u.username}`, { roles: u.roles, via: 'cli' });
      io.out(`Användaren ${u.username} skapad med rollerna ${u.roles.map((r) => (r.unit ? `${r.role}:${r.unit}` : r.role)).join(', ')}.`);
      if (!u.hasPassword) io.out(`Inget lösenord satt. Engångslänk för inloggning (15 min): ${o.baseUrl}/auth/open?token=${await createLoginLink(db, u.id, new Date())}`);
      return;
    }
    case 'roles': {
      const u = await find();
      if (o.roles.length === 0) throw new CliError(`Ange rollerna med --role.\n\n${USAGE}`, 2);
      const changed = await setRoles(db, o.orgId, u.id, o.roles.map(parseGrant));
      await audit('user.roles_changed', `user:${u.username}`, { roles: changed.roles, via: 'cli' });
      io.out(`${u.username}: ${changed.roles.map((r) => (r.unit ? `${r.role}:${r.unit}` : r.role)).join(', ')}`);
      return;
    }
    case 'link': {
      const u = await find();
      io.out(`${o.baseUrl}/auth/open?token=${await createLoginLink(db, u.id, new Date())}`);
      return;
    }
    case 'disable':
    case 'enable': {
      const u = await find();
      await setDisabled(db, o.orgId, u.id, sub === 'disable');
      await audit(sub === 'disable' ? 'user.disabled' : 'user.enabled', `user:${u.username}`, { via: 'cli' });
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
