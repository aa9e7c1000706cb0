import { createOrganisation, InputError, listOrganisations } from '@lagesbild/api';
import type { Database } from '@lagesbild/db';
import { cliCommand, cliUser, positional, toggle, value } from '../command.js';
import { CliError, pad, type CliIo } from '../io.js';

const SUBCOMMANDS = `  org list [--json]                 visa organisationerna i databasen
  org add <id> --name "Namn"        skapa en organisation, t.ex. org add flen --name "Flens kommun"
Varje organisation ser bara sina egna enheter, data, användare, tavlor och logg.
Ange vilken ett kommando gäller med --org <id> (eller LAGESBILD_ORG); inloggningen för
en annan organisation än serverns egen är /logga-in?org=<id>.`;
const USAGE = `Organisationer (tenants) – pnpm lagesbild org <list|add>:\n${SUBCOMMANDS}`;

async function orgCommand(database: Database, io: CliIo, opts: { args: string[]; name: string | undefined; json: boolean; actor: string }): Promise<void> {
  const [sub, id] = opts.args;
  if (sub === 'list') {
    const orgs = await listOrganisations(database.db);
    if (opts.json) return io.out(JSON.stringify(orgs, null, 2));
    if (orgs.length === 0) return io.out('Inga organisationer ännu. Kör "pnpm lagesbild seed --demo" eller "pnpm lagesbild org add <id> --name …".');
    io.out(`${pad('ID', 16)} ${pad('ANVÄNDARE', 10)} NAMN`);
    for (const o of orgs) io.out(`${pad(o.id, 16)} ${pad(String(o.users), 10)} ${o.name}`);
    return;
  }
  if (sub === 'add') {
    if (!id) throw new CliError(`Ange organisationens id.\n\n${USAGE}`, 2);
    try {
      await createOrganisation(database.db, { id, name: opts.name ?? '' }, opts.actor);
    } catch (err) {
      if (err instanceof InputError) throw new CliError(err.message, 2);
      throw err;
    }
    io.out(`Organisationen "${id.toLowerCase()}" är skapad. Lägg till dess första administratör med:`);
    io.out(`  pnpm lagesbild user add <användarnamn> --org ${id.toLowerCase()} --role admin`);
    return;
  }
  throw new CliError(sub ? `Okänt underkommando "org ${sub}".\n\n${USAGE}` : USAGE, sub ? 2 : 0);
}

export const orgCli = cliCommand({
  name: 'org',
  description: `organisationer (tenants)
${SUBCOMMANDS}`,
  args: {
    sub: positional('<list|add>', 'vad som ska göras'),
    id: positional('[id]', 'den nya organisationens id (add)'),
    name: value('"Namn"', 'den nya organisationens namn (add)'),
    json: toggle('skriv ut som JSON (list)'),
  },
  run: (args, c) =>
    orgCommand(c.database, c.io, { args: [args.sub, args.id].filter((a): a is string => a !== undefined), name: args.name, json: args.json, actor: cliUser(c.env) }),
});
